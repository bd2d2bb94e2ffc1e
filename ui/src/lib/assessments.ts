// Seven pathways assessments: the kinds, the words for each band of need on
// each pathway, the blank form, and the scores to chart. Need is scored from
// 1 (no need) to 10 (severe, urgent need), so lower is better. Pure, so it is
// unit-tested.
//
// The band descriptions are Casebook's own plain words, written for this app
// and free to change; they are a prompt for the keyworker, not a scale from
// any licensed tool. The keyworker's judgement, and the evidence note, decide
// the score.
import type {
  AssessmentDraftDto,
  AssessmentDto,
  AssessmentDueDto,
  AssessmentFormDto,
  PathwayEntryFormDto,
  PathwaysDto,
} from './ipc/bindings';
import { PATHWAYS, pathwayLabel } from './pathwayWords';
import { type Choice } from './words';
import { formatDate, parseIsoDate } from './format';
import { MAX_SCORE, MIN_SCORE, type ScorePoint, type ScoreSeries } from './pathwayCharts';

// ---------- kinds ----------

export const ASSESSMENT_KINDS: readonly Choice[] = [
  { value: 'initial', label: 'Initial' },
  { value: 'review', label: 'Review' },
  { value: 'termination', label: 'Termination' },
];

/** "new_kind" → "New kind" for a code this list does not know yet. */
function readable(code: string): string {
  const words = code.replace(/_+/g, ' ').trim();
  return words === '' ? code : words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Initial", "Review", "Termination". */
export function assessmentKindLabel(kind: string): string {
  return ASSESSMENT_KINDS.find((k) => k.value === kind)?.label ?? readable(kind);
}

/** "Initial assessment", "Review", "Termination assessment": a heading's words. */
export function assessmentKindTitle(kind: string): string {
  return kind === 'review' ? 'Review' : `${assessmentKindLabel(kind)} assessment`;
}

/** "Initial 3 Mar 2026": an assessment's name on a chart. */
export function assessmentLabel(assessment: Pick<AssessmentDto, 'kind' | 'assessedOn'>): string {
  return `${assessmentKindLabel(assessment.kind)} ${formatDate(assessment.assessedOn)}`;
}

// ---------- bands of need ----------

export type Band = {
  /** "1–2". */
  readonly range: string;
  readonly name: string;
  readonly low: number;
  readonly high: number;
};

export const BANDS: readonly Band[] = [
  { range: '1–2', name: 'No need', low: 1, high: 2 },
  { range: '3–4', name: 'Low need', low: 3, high: 4 },
  { range: '5–6', name: 'Some need', low: 5, high: 6 },
  { range: '7–8', name: 'High need', low: 7, high: 8 },
  { range: '9–10', name: 'Severe, urgent need', low: 9, high: 10 },
];

/**
 * One plain sentence for each band, lowest need first, on each pathway.
 * Casebook's own wording (see the note at the top of this file).
 */
export const BAND_WORDS: Readonly<Record<string, readonly [string, string, string, string, string]>> = {
  accommodation: [
    'Settled in a safe home they can afford and expect to keep.',
    'Housed, with small worries such as repairs or a tenancy ending in some months.',
    'Housing is unsettled or unsuitable: short-term, overcrowded, or with arrears building.',
    'Sofa-surfing, in emergency housing, or facing eviction in the coming weeks.',
    'Homeless tonight or about to lose their home.',
  ],
  education_training_employment: [
    'In work, study or training that suits them, or content not to seek it.',
    'Has a plan for work or learning and most of what they need to follow it.',
    'Out of work or learning and wants it, with gaps in skills, confidence or qualifications.',
    'Long out of work or learning; reading, writing or a record stand firmly in the way.',
    'About to lose their job or course, or with no daily structure and barriers they cannot yet face.',
  ],
  health: [
    'Well in body and mind, or any conditions are well managed.',
    'Minor health worries, being looked after, with a GP they can reach.',
    'Health problems affect daily life; treatment is missed or not kept up.',
    'Serious physical or mental health problems with little or no treatment in place.',
    'In crisis: needs medical or mental health help today, or is at risk of harming themselves.',
  ],
  drugs_and_alcohol: [
    'No problem use of drugs or alcohol, or their recovery is steady.',
    'Some use, causing few problems, and they feel in control of it.',
    'Use is causing problems with health, money or relationships; open to support.',
    'Dependent or using daily, with health, safety or offending harmed by it.',
    'Using in a way that risks overdose or serious harm now, such as injecting or mixing drugs.',
  ],
  finance_benefits_debt: [
    'Has enough to live on; bills and any debts are under control.',
    'Managing, with small debts or a benefit claim that needs checking.',
    'Money runs short most weeks; debts or a problem with a claim are growing.',
    'No steady income, or debts with bailiffs, a court or an illegal lender involved.',
    'No money for food, heating or other basics today.',
  ],
  children_and_families: [
    'Family relationships are supportive; any children are safe and cared for.',
    'Some strain at home or with family, which they are handling.',
    'Relationships, or contact with their children, are difficult and affect daily life.',
    'Family relationships have broken down, or children’s services are involved.',
    'A child or adult at home is at risk of harm now, including from domestic abuse.',
  ],
  attitudes_thinking_behaviour: [
    'Thinks before acting, manages their feelings and wants to stay out of trouble.',
    'Mostly makes good choices, with the odd lapse under pressure.',
    'Acts on impulse at times or blames others; starting to see a need to change.',
    'Often acts without thinking, with attitudes that lead back to offending.',
    'Behaviour puts themselves or others at risk of harm now.',
  ],
};

/** The band a score falls in, or null for anything but a whole number from 1 to 10. */
export function bandOf(score: number | string | null): Band | null {
  const n = typeof score === 'string' ? (/^\s*\d{1,2}\s*$/.test(score) ? Number(score) : NaN) : score;
  if (n === null || !Number.isInteger(n) || n < MIN_SCORE || n > MAX_SCORE) return null;
  return BANDS.find((band) => n >= band.low && n <= band.high) ?? null;
}

/** The sentence for a score on a pathway ("Homeless tonight or about to lose their home."), or null. */
export function bandSentence(pathway: string, score: number | string | null): string | null {
  const band = bandOf(score);
  const words = BAND_WORDS[pathway];
  if (!band || !words) return null;
  return words[BANDS.indexOf(band)];
}

/** "9–10 Severe, urgent need: Homeless tonight or about to lose their home."; null when not scored. */
export function bandDescription(pathway: string, score: number | string | null): string | null {
  const band = bandOf(score);
  if (!band) return null;
  const sentence = bandSentence(pathway, score);
  return sentence ? `${band.name} (${band.range}): ${sentence}` : `${band.name} (${band.range}).`;
}

// ---------- the form ----------

/** The longest evidence note for one pathway, as the core allows: a few sentences. */
export const MAX_EVIDENCE = 2000;

/** The scores offered in a select: "1" to "10", each with its band's name ("7 – High need"). */
export const SCORE_CHOICES: readonly Choice[] = Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => {
  const score = MIN_SCORE + i;
  return { value: String(score), label: `${score} – ${bandOf(score)?.name ?? ''}` };
});

function blankEntry(pathway: string): PathwayEntryFormDto {
  return { pathway, score: '', clientScore: '', evidence: '' };
}

/**
 * A new assessment's form: dated today ("YYYY-MM-DD"), of the kind given
 * (initial unless told otherwise), the seven pathways not scored yet.
 */
export function emptyAssessmentForm(today: string, kind = 'initial'): AssessmentFormDto {
  return {
    kind,
    assessedOn: today,
    pathways: PATHWAYS.map((p) => blankEntry(p.value)),
    terminationWhileOpen: false,
  };
}

/**
 * A draft's form with the seven pathways in the usual order, each once: a
 * pathway missing from it is added blank. Anything else is kept as typed.
 */
export function completeForm(form: AssessmentFormDto): AssessmentFormDto {
  return {
    ...form,
    pathways: PATHWAYS.map((p) => {
      const found = form.pathways.find((entry) => entry.pathway === p.value);
      return found ? { ...found } : blankEntry(p.value);
    }),
  };
}

/** How many pathways have a keyworker's score. */
export function scoredCount(form: Pick<AssessmentFormDto, 'pathways'>): number {
  return form.pathways.filter((entry) => entry.score.trim() !== '').length;
}

/** "3 of 7 pathways scored. Signing off needs all seven." */
export function scoredWords(form: Pick<AssessmentFormDto, 'pathways'>): string {
  const count = scoredCount(form);
  if (count >= PATHWAYS.length) return 'All seven pathways scored.';
  return `${count} of ${PATHWAYS.length} pathways scored. Signing off needs all seven.`;
}

/** Assessments in the order they were made: by date, then by when they were signed. */
export function inOrder(assessments: readonly AssessmentDto[]): AssessmentDto[] {
  return [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.signedAt.localeCompare(b.signedAt));
}

/**
 * The kind a new assessment most likely is: the initial one first, a review
 * after it; none once the termination assessment is made (blank: choose).
 */
export function suggestedKind(assessments: readonly Pick<AssessmentDto, 'kind'>[]): string {
  if (!assessments.some((a) => a.kind === 'initial')) return 'initial';
  if (assessments.some((a) => a.kind === 'termination')) return '';
  return 'review';
}

/** "Initial, 16 Mar 2026 · 5 of 7 scored": a draft in the list to continue. */
export function draftWords(draft: Pick<AssessmentDraftDto, 'form'>): string {
  const kind = draft.form.kind === '' ? 'Kind not chosen' : assessmentKindLabel(draft.form.kind);
  const date = parseIsoDate(draft.form.assessedOn) ? formatDate(draft.form.assessedOn) : 'no date';
  return `${kind}, ${date} · ${scoredCount(draft.form)} of ${PATHWAYS.length} scored`;
}

/** The core refused a termination because the episode is still open. */
export function isStillOpenWarning(error: { message: string } | null): boolean {
  return error !== null && /still open/i.test(error.message);
}

// ---------- charts ----------

function scoresOf(assessment: AssessmentDto): (number | null)[] {
  return PATHWAYS.map((p) => {
    const found = assessment.pathways.find((entry) => entry.pathway === p.value);
    return found && bandOf(found.score) ? found.score : null;
  });
}

/**
 * The shapes for the radar: the initial assessment, the latest review (if
 * any) and the termination assessment (if any), in that order, each named
 * by its kind and date.
 */
export function radarSeries(pathways: Pick<PathwaysDto, 'assessments'>): ScoreSeries[] {
  const ordered = inOrder(pathways.assessments);
  const initial = ordered.find((a) => a.kind === 'initial');
  const reviews = ordered.filter((a) => a.kind === 'review');
  const latest = reviews.length > 0 ? reviews[reviews.length - 1] : undefined;
  const termination = ordered.filter((a) => a.kind === 'termination').pop();
  return [initial, latest, termination]
    .filter((a): a is AssessmentDto => a !== undefined)
    .map((a) => ({ label: assessmentLabel(a), scores: scoresOf(a) }));
}

/** One pathway's score at each assessment, oldest first, for the line chart. */
export function linePoints(assessments: readonly AssessmentDto[], pathway: string): ScorePoint[] {
  const points: ScorePoint[] = [];
  for (const assessment of inOrder(assessments)) {
    const found = assessment.pathways.find((entry) => entry.pathway === pathway);
    if (found && bandOf(found.score)) points.push({ label: assessmentLabel(assessment), score: found.score });
  }
  return points;
}

/** A pathway's full name, for the line chart's title. */
export function lineTitle(pathway: string): string {
  return `${pathwayLabel(pathway)}: need at each assessment (1 no need, 10 severe)`;
}

// ---------- what is due ----------

/** "Initial assessment due 16 Mar 2026", "Review overdue since 16 Mar 2026". */
export function dueText(due: AssessmentDueDto): string {
  const what = assessmentKindTitle(due.kind);
  return due.overdue ? `${what} overdue since ${formatDate(due.dueOn)}` : `${what} due ${formatDate(due.dueOn)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A caseload badge: "Assessment due 16 Mar", or "Assessment overdue". */
export function dueBadgeText(due: AssessmentDueDto): string {
  if (due.overdue) return 'Assessment overdue';
  const d = parseIsoDate(due.dueOn);
  return d ? `Assessment due ${d.day} ${MONTHS[d.month - 1]}` : `Assessment due ${due.dueOn}`;
}
