// Tests for assessments.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import type { AssessmentDto, AssessmentFormDto } from './ipc/bindings';
import { PATHWAYS } from './pathwayWords';
import {
  ASSESSMENT_KINDS,
  BANDS,
  BAND_WORDS,
  SCORE_CHOICES,
  assessmentKindLabel,
  assessmentKindTitle,
  assessmentLabel,
  bandDescription,
  bandOf,
  bandSentence,
  completeForm,
  draftWords,
  dueBadgeText,
  dueText,
  emptyAssessmentForm,
  inOrder,
  isStillOpenWarning,
  linePoints,
  radarSeries,
  scoredCount,
  scoredWords,
  suggestedKind,
} from './assessments';

const CODES = PATHWAYS.map((p) => p.value);

function assessment(id: string, kind: string, assessedOn: string, scores: number[], more: Partial<AssessmentDto> = {}): AssessmentDto {
  return {
    id,
    kind,
    assessedOn,
    pathways: CODES.map((pathway, i) => ({ pathway, score: scores[i], clientScore: null, evidence: null })),
    assessorName: 'Kim Lee',
    signedAt: `${assessedOn}T10:00:00Z`,
    addenda: [],
    ...more,
  };
}

const initial = assessment('a1', 'initial', '2026-03-03', [8, 6, 5, 9, 7, 3, 6]);
const review1 = assessment('a2', 'review', '2026-05-12', [6, 6, 4, 7, 6, 3, 5]);
const review2 = assessment('a3', 'review', '2026-08-04', [4, 5, 4, 5, 5, 2, 4]);
const termination = assessment('a4', 'termination', '2026-10-20', [2, 3, 3, 3, 3, 2, 2]);

describe('kinds', () => {
  it('names the three kinds', () => {
    expect(ASSESSMENT_KINDS.map((k) => k.value)).toEqual(['initial', 'review', 'termination']);
    expect(ASSESSMENT_KINDS.map((k) => assessmentKindLabel(k.value))).toEqual(['Initial', 'Review', 'Termination']);
    expect(assessmentKindTitle('initial')).toBe('Initial assessment');
    expect(assessmentKindTitle('review')).toBe('Review');
    expect(assessmentKindTitle('termination')).toBe('Termination assessment');
  });

  it('shows an unknown kind readably', () => {
    expect(assessmentKindLabel('follow_up')).toBe('Follow up');
  });

  it('labels an assessment by kind and date', () => {
    expect(assessmentLabel(review1)).toBe('Review 12 May 2026');
  });
});

describe('bands of need', () => {
  it('puts each score from 1 to 10 in one of five bands', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => bandOf(s)?.name)).toEqual([
      'No need',
      'No need',
      'Low need',
      'Low need',
      'Some need',
      'Some need',
      'High need',
      'High need',
      'Severe, urgent need',
      'Severe, urgent need',
    ]);
    expect(BANDS.map((b) => b.range)).toEqual(['1–2', '3–4', '5–6', '7–8', '9–10']);
  });

  it('reads a typed score and refuses anything else', () => {
    expect(bandOf('7')?.name).toBe('High need');
    expect(bandOf(' 10 ')?.name).toBe('Severe, urgent need');
    for (const bad of ['', '0', '11', '4.5', 'five', null, 0, 11, 2.5, NaN]) expect(bandOf(bad)).toBeNull();
  });

  it('has one plain sentence for each band on each of the seven pathways', () => {
    expect(Object.keys(BAND_WORDS).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      expect(BAND_WORDS[code]).toHaveLength(5);
      for (const sentence of BAND_WORDS[code]) {
        expect(sentence.trim()).toBe(sentence);
        expect(sentence).toMatch(/^[A-Z].*\.$/);
        expect(sentence.length).toBeLessThan(110);
      }
      expect(new Set(BAND_WORDS[code]).size).toBe(5);
    }
  });

  it('describes the band a score is in', () => {
    expect(bandSentence('accommodation', 9)).toBe('Homeless tonight or about to lose their home.');
    expect(bandSentence('accommodation', '10')).toBe('Homeless tonight or about to lose their home.');
    expect(bandDescription('accommodation', '10')).toBe('Severe, urgent need (9–10): Homeless tonight or about to lose their home.');
    expect(bandDescription('health', 1)).toMatch(/^No need \(1–2\): /);
    expect(bandDescription('health', '')).toBeNull();
    expect(bandDescription('new_pathway', 3)).toBe('Low need (3–4).');
  });

  it('offers the ten scores, each with its band', () => {
    expect(SCORE_CHOICES.map((c) => c.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(SCORE_CHOICES[0].label).toBe('1 – No need');
    expect(SCORE_CHOICES[9].label).toBe('10 – Severe, urgent need');
  });
});

describe('the form', () => {
  it('starts dated today with the seven pathways blank', () => {
    const form = emptyAssessmentForm('2026-03-16');
    expect(form.kind).toBe('initial');
    expect(form.assessedOn).toBe('2026-03-16');
    expect(form.terminationWhileOpen).toBe(false);
    expect(form.pathways.map((p) => p.pathway)).toEqual(CODES);
    expect(form.pathways.every((p) => p.score === '' && p.clientScore === '' && p.evidence === '')).toBe(true);
    expect(emptyAssessmentForm('2026-03-16', 'review').kind).toBe('review');
  });

  it('fills in a draft’s missing pathways, in the usual order, keeping what was typed', () => {
    const draft: AssessmentFormDto = {
      kind: 'review',
      assessedOn: '2026-05-12',
      pathways: [
        { pathway: 'health', score: '4', clientScore: '6', evidence: 'Registered with a GP.' },
        { pathway: 'accommodation', score: '7', clientScore: '', evidence: '' },
      ],
      terminationWhileOpen: false,
    };
    const form = completeForm(draft);
    expect(form.pathways.map((p) => p.pathway)).toEqual(CODES);
    expect(form.pathways[0]).toEqual({ pathway: 'accommodation', score: '7', clientScore: '', evidence: '' });
    expect(form.pathways[2]).toEqual(draft.pathways[0]);
    expect(form.pathways[1].score).toBe('');
    expect(draft.pathways).toHaveLength(2);
  });

  it('counts the pathways scored', () => {
    const form = emptyAssessmentForm('2026-03-16');
    expect(scoredCount(form)).toBe(0);
    form.pathways[0].score = '5';
    form.pathways[3].score = '8';
    form.pathways[4].clientScore = '3';
    expect(scoredCount(form)).toBe(2);
    expect(scoredWords(form)).toBe('2 of 7 pathways scored. Signing off needs all seven.');
    for (const entry of form.pathways) entry.score = '3';
    expect(scoredWords(form)).toBe('All seven pathways scored.');
  });

  it('suggests the initial assessment first, then a review', () => {
    expect(suggestedKind([])).toBe('initial');
    expect(suggestedKind([initial])).toBe('review');
    expect(suggestedKind([initial, review1])).toBe('review');
    expect(suggestedKind([initial, termination])).toBe('');
  });

  it('describes a draft to continue', () => {
    const form = emptyAssessmentForm('2026-03-16');
    form.pathways[0].score = '5';
    expect(draftWords({ form })).toBe('Initial, 16 Mar 2026 · 1 of 7 scored');
    expect(draftWords({ form: { ...form, kind: '', assessedOn: '' } })).toBe('Kind not chosen, no date · 1 of 7 scored');
  });

  it('knows the core’s warning about an episode still open', () => {
    expect(
      isStillOpenWarning({
        message: "The client's episode is still open. A termination assessment is made when the episode ends.",
      }),
    ).toBe(true);
    expect(isStillOpenWarning({ message: 'Score every pathway.' })).toBe(false);
    expect(isStillOpenWarning(null)).toBe(false);
  });
});

describe('radarSeries', () => {
  it('is empty with no assessments', () => {
    expect(radarSeries({ assessments: [] })).toEqual([]);
  });

  it('shows the initial assessment alone until there is a review', () => {
    expect(radarSeries({ assessments: [initial] })).toEqual([{ label: 'Initial 3 Mar 2026', scores: [8, 6, 5, 9, 7, 3, 6] }]);
  });

  it('shows the initial assessment, the latest review and the termination', () => {
    const series = radarSeries({ assessments: [initial, review1, review2, termination] });
    expect(series.map((s) => s.label)).toEqual(['Initial 3 Mar 2026', 'Review 4 Aug 2026', 'Termination 20 Oct 2026']);
    expect(series[1].scores).toEqual([4, 5, 4, 5, 5, 2, 4]);
  });

  it('finds the latest review whatever order they come in', () => {
    const series = radarSeries({ assessments: [review2, termination, review1, initial] });
    expect(series.map((s) => s.label)).toEqual(['Initial 3 Mar 2026', 'Review 4 Aug 2026', 'Termination 20 Oct 2026']);
  });

  it('skips a missing review', () => {
    expect(radarSeries({ assessments: [initial, termination] }).map((s) => s.label)).toEqual([
      'Initial 3 Mar 2026',
      'Termination 20 Oct 2026',
    ]);
  });

  it('puts the scores in the usual pathway order, unscored as null', () => {
    const shuffled = assessment('x', 'initial', '2026-03-03', []);
    shuffled.pathways = [
      { pathway: 'health', score: 4, clientScore: null, evidence: null },
      { pathway: 'accommodation', score: 0, clientScore: null, evidence: null },
    ];
    expect(radarSeries({ assessments: [shuffled] })[0].scores).toEqual([null, null, 4, null, null, null, null]);
  });
});

describe('linePoints', () => {
  it('gives one pathway’s score at each assessment, oldest first', () => {
    expect(linePoints([termination, review1, initial], 'drugs_and_alcohol')).toEqual([
      { label: 'Initial 3 Mar 2026', score: 9 },
      { label: 'Review 12 May 2026', score: 7 },
      { label: 'Termination 20 Oct 2026', score: 3 },
    ]);
  });

  it('orders two assessments on one day by when they were signed', () => {
    const late = assessment('b', 'review', '2026-05-12', [1, 1, 1, 1, 1, 1, 1], { signedAt: '2026-05-12T16:00:00Z' });
    const early = assessment('a', 'review', '2026-05-12', [2, 2, 2, 2, 2, 2, 2], { signedAt: '2026-05-12T09:00:00Z' });
    expect(inOrder([late, early]).map((a) => a.id)).toEqual(['a', 'b']);
    expect(linePoints([late, early], 'health').map((p) => p.score)).toEqual([2, 1]);
  });

  it('is empty for no assessments or a pathway not scored', () => {
    expect(linePoints([], 'health')).toEqual([]);
    expect(linePoints([initial], 'new_pathway')).toEqual([]);
  });
});

describe('what is due', () => {
  it('says which assessment is due and when', () => {
    expect(dueText({ kind: 'initial', dueOn: '2026-03-16', overdue: false })).toBe('Initial assessment due 16 Mar 2026');
    expect(dueText({ kind: 'review', dueOn: '2026-06-01', overdue: false })).toBe('Review due 1 Jun 2026');
  });

  it('says since when one is overdue', () => {
    expect(dueText({ kind: 'review', dueOn: '2026-03-16', overdue: true })).toBe('Review overdue since 16 Mar 2026');
    expect(dueText({ kind: 'initial', dueOn: '2026-03-16', overdue: true })).toBe(
      'Initial assessment overdue since 16 Mar 2026',
    );
  });

  it('gives a short badge for the caseload', () => {
    expect(dueBadgeText({ kind: 'initial', dueOn: '2026-03-16', overdue: false })).toBe('Assessment due 16 Mar');
    expect(dueBadgeText({ kind: 'review', dueOn: '2026-03-16', overdue: true })).toBe('Assessment overdue');
  });
});
