// The outcomes page: two cohorts of clients compared by their seven pathways
// need at the initial and the termination assessment. Need is scored 1 (none)
// to 10 (severe), so a fall is an improvement. Pure, so it is unit-tested.
import type { CohortOutcomesDto, CohortRequest, StaffMemberDto } from '../../lib/ipc/bindings';
import { COHORT_FLAGS } from '../../lib/cohort';
import { CLIENT_GENDER_CHOICES } from '../../lib/clients';
import { ORDER_FLAGS } from '../../lib/appointments';
import { PATHWAYS } from '../../lib/pathwayWords';
import { type Choice } from '../../lib/words';
import { REFERRAL_ROUTES } from '../../lib/referrals';
import { dateFromParts, formatDate, plural } from '../../lib/format';
import type { ScoreSeries } from '../../lib/pathwayCharts';

/** U+2212, the minus sign: wider than a hyphen and read out as "minus". */
export const MINUS = '\u2212';
/** Shown where there is no number. */
export const NO_NUMBER = '–';

/** A cohort's filters, all blank: every client with both assessments. */
export function blankCohortRequest(): CohortRequest {
  return { route: '', cohortFlag: '', order: '', gender: '', area: '', keyworkerId: '', closedFrom: '', closedTo: '' };
}

/** A day typed in the three date boxes. */
export type DayParts = { day: string; month: string; year: string };

export function blankDayParts(): DayParts {
  return { day: '', month: '', year: '' };
}

/**
 * A "closed from" or "closed to" filter as the request sends it: blank when
 * no box is filled in (every client), otherwise "YYYY-MM-DD", or what was
 * typed for the core to say what is wrong with it.
 */
export function filterDay(parts: DayParts): string {
  if (parts.day.trim() === '' && parts.month.trim() === '' && parts.year.trim() === '') return '';
  return dateFromParts(parts.day, parts.month, parts.year);
}

/** A number to one decimal place with the real minus sign; "0.0" rather than "−0.0". */
function oneDecimal(value: number, signed: boolean): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0.0';
  const digits = Math.abs(rounded).toFixed(1);
  if (rounded < 0) return `${MINUS}${digits}`;
  return signed ? `+${digits}` : digits;
}

/** −0.378 → "−37.8 %", 0.05 → "+5.0 %", 0 → "0.0 %"; "–" for no number. */
export function percentText(fraction: number | null | undefined): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return NO_NUMBER;
  return `${oneDecimal(fraction * 100, true)} %`;
}

/** An average need, one decimal place: 6.333… → "6.3"; "–" for none. */
export function averageText(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NO_NUMBER;
  return oneDecimal(value, false);
}

/** A change in average need: −2.25 → "−2.3", 0.5 → "+0.5"; "–" when either end is missing. */
export function changeText(from: number | null | undefined, to: number | null | undefined): string {
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to)) return NO_NUMBER;
  return oneDecimal(to - from, true);
}

export interface ChangeRow {
  pathway: string;
  label: string;
  initial: string;
  termination: string;
  change: string;
}

/** One row for each pathway, in the usual order: the average need at the start and at the end, and the change. */
export function changeRows(initial: readonly number[] | null, termination: readonly number[] | null): ChangeRow[] {
  return PATHWAYS.map((p, i) => {
    const from = initial?.[i];
    const to = termination?.[i];
    return {
      pathway: p.value,
      label: p.label,
      initial: averageText(from),
      termination: averageText(to),
      change: changeText(from, to),
    };
  });
}

/** Whether a cohort has anyone in it to show. */
export function hasClients(outcomes: CohortOutcomesDto | null | undefined): boolean {
  return outcomes !== null && outcomes !== undefined && outcomes.counted > 0;
}

/** "3 clients counted; 1 left out: no termination assessment". */
export function countedWords(outcomes: Pick<CohortOutcomesDto, 'counted' | 'leftOut'>): string {
  const counted = `${plural(outcomes.counted, 'client')} counted`;
  if (outcomes.leftOut === 0) return counted;
  return `${counted}; ${outcomes.leftOut} left out: no termination assessment`;
}

/** The overall change in words: "Need fell by 37.8 %", "Need rose by 5.0 %", "No change in need". */
export function improvementWords(fraction: number | null | undefined): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return 'Not known';
  const rounded = Math.round(fraction * 1000) / 10;
  if (rounded === 0) return 'No change in need';
  const size = `${Math.abs(rounded).toFixed(1)} %`;
  return rounded < 0 ? `Need fell by ${size}` : `Need rose by ${size}`;
}

// ---------- the filters ----------

export const ROUTE_CHOICES: readonly Choice[] = REFERRAL_ROUTES;
/** Cohort flags other than the orders, which have their own filter. */
export const FLAG_CHOICES: readonly Choice[] = COHORT_FLAGS.filter((f) => !(ORDER_FLAGS as readonly string[]).includes(f.value));
export const ORDER_CHOICES: readonly Choice[] = ORDER_FLAGS.map(
  (flag) => COHORT_FLAGS.find((f) => f.value === flag) ?? { value: flag, label: flag },
);
/** "Not recorded" is no filter at all, so it is not offered. */
export const GENDER_FILTER_CHOICES: readonly Choice[] = CLIENT_GENDER_CHOICES.filter((c) => c.value !== '');

export interface CohortChoices {
  routes: readonly Choice[];
  flags: readonly Choice[];
  orders: readonly Choice[];
  genders: readonly Choice[];
  /** Local authority areas, as the profile's choices give them. */
  areas: readonly Choice[];
  staff: readonly StaffMemberDto[];
}

export const DEFAULT_CHOICES: CohortChoices = {
  routes: ROUTE_CHOICES,
  flags: FLAG_CHOICES,
  orders: ORDER_CHOICES,
  genders: GENDER_FILTER_CHOICES,
  areas: [],
  staff: [],
};

function labelIn(list: readonly Choice[], value: string): string {
  return list.find((c) => c.value === value)?.label ?? value;
}

const GENDER_GROUPS: Readonly<Record<string, string>> = {
  woman: 'Women',
  man: 'Men',
  'non-binary': 'Non-binary people',
};

/**
 * A cohort in a few words, from its filters: "Referred by IOM panel",
 * "Women · Living in Leeds", or "All clients" with no filter.
 */
export function cohortLabel(request: CohortRequest, choices: Partial<CohortChoices> = {}): string {
  const lists = { ...DEFAULT_CHOICES, ...choices };
  const parts: string[] = [];
  if (request.route) {
    parts.push(request.route === 'self' ? 'Self-referred' : `Referred by ${labelIn(lists.routes, request.route)}`);
  }
  if (request.cohortFlag) parts.push(labelIn(lists.flags, request.cohortFlag));
  if (request.order) parts.push(`On ${labelIn(lists.orders, request.order)}`);
  if (request.gender) parts.push(GENDER_GROUPS[request.gender] ?? `Gender: ${labelIn(lists.genders, request.gender)}`);
  if (request.area) parts.push(`Living in ${labelIn(lists.areas, request.area)}`);
  if (request.keyworkerId) {
    const name = lists.staff.find((s) => s.id === request.keyworkerId)?.fullName;
    parts.push(name ? `Keyworker ${name}` : 'One keyworker');
  }
  const from = request.closedFrom.trim();
  const to = request.closedTo.trim();
  if (from && to) parts.push(`Closed ${formatDate(from)} to ${formatDate(to)}`);
  else if (from) parts.push(`Closed from ${formatDate(from)}`);
  else if (to) parts.push(`Closed up to ${formatDate(to)}`);
  return parts.length === 0 ? 'All clients' : parts.join(' · ');
}

// ---------- the chart ----------

function rounded(values: readonly number[]): (number | null)[] {
  return PATHWAYS.map((_, i) => {
    const value = values[i];
    return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10) / 10 : null;
  });
}

/**
 * The radar's series: each cohort's average need at the initial and at the
 * termination assessment (to one decimal place), A's first. A cohort with no
 * clients adds nothing, so the chart never shows an empty shape.
 */
export function seriesFor(
  labelA: string,
  outcomesA: CohortOutcomesDto | null,
  labelB: string,
  outcomesB: CohortOutcomesDto | null,
): ScoreSeries[] {
  const series: ScoreSeries[] = [];
  for (const [label, outcomes] of [
    [labelA, outcomesA],
    [labelB, outcomesB],
  ] as const) {
    if (!outcomes || !hasClients(outcomes)) continue;
    if (outcomes.initial) series.push({ label: `${label}: initial`, scores: rounded(outcomes.initial) });
    if (outcomes.termination) series.push({ label: `${label}: termination`, scores: rounded(outcomes.termination) });
  }
  return series;
}
