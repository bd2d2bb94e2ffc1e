// Compliance with orders and licences: standings and notices in words,
// and what the count of unacceptable absences means.
import type { OrderStandingDto } from './ipc/bindings';
import { formatDate, plural } from './format';
import type { Choice } from './words';
import { wordsFrom } from './words';

export const STANDINGS: readonly Choice[] = [
  { value: 'compliant', label: 'Compliant' },
  { value: 'warning_due', label: 'Warning due' },
  { value: 'breach_referral_due', label: 'Referral for breach due' },
];

export const NOTICE_KINDS: readonly Choice[] = [
  { value: 'warning', label: 'Warning' },
  { value: 'breach_referral', label: 'Referral for breach' },
  { value: 'other', label: 'Other' },
];

export const standingLabel = wordsFrom(STANDINGS);
export const noticeKindLabel = wordsFrom(NOTICE_KINDS);

export type AbsenceThresholds = { absenceWarningAt: number; absenceBreachReferralAt: number };

/** "warning due (threshold 1)", "compliant (warning at 1)". */
export function standingVerdict(standing: Pick<OrderStandingDto, 'standing'>, thresholds: AbsenceThresholds | null): string {
  const label = standingLabel(standing.standing);
  const state = label.charAt(0).toLowerCase() + label.slice(1);
  if (!thresholds) return state;
  if (standing.standing === 'warning_due') return `${state} (threshold ${thresholds.absenceWarningAt})`;
  if (standing.standing === 'breach_referral_due') return `${state} (threshold ${thresholds.absenceBreachReferralAt})`;
  return `${state} (warning at ${thresholds.absenceWarningAt})`;
}

/** "1 unacceptable absence in 12 months — warning due (threshold 1)". */
export function standingWords(standing: Pick<OrderStandingDto, 'unacceptable' | 'standing'>, thresholds: AbsenceThresholds | null): string {
  return `${plural(standing.unacceptable, 'unacceptable absence')} in 12 months — ${standingVerdict(standing, thresholds)}`;
}

/** When the oldest counted absence leaves the 12 months, or null. */
export function countFallsWords(standing: Pick<OrderStandingDto, 'countFallsOn'>): string | null {
  return standing.countFallsOn ? `The count falls by one on ${formatDate(standing.countFallsOn)}.` : null;
}

/** The notice a standing calls for, to preselect in the form. */
export function noticeFor(standing: string): string {
  if (standing === 'breach_referral_due') return 'breach_referral';
  if (standing === 'warning_due') return 'warning';
  return '';
}
