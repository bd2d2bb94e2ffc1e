// Choosing, ordering and counting the caseload's lines. Pure, so it is
// unit-tested; the core has already left out anyone this person may not see.
import type { ClientRowDto, CohortFlag, DueReviewDto, Rag } from '../../lib/ipc/bindings';
import { clockDueWithin } from '../../lib/referrals';
import { todayIso } from '../../lib/format';

export type Whose = 'all' | 'mine' | 'unallocated' | { keyworkerId: string };

export type ClockFilter = 'any' | 'running' | 'amber_or_breached' | 'none';

export type CaseloadFilter = {
  whose: Whose;
  rag: Rag | 'none' | 'any';
  cohort: CohortFlag | 'any';
  clock: ClockFilter;
  /** A local authority area code, or 'any'. */
  area: string;
};

export const NO_FILTER: CaseloadFilter = { whose: 'all', rag: 'any', cohort: 'any', clock: 'any', area: 'any' };

export type SortKey = 'name' | 'rag' | 'clock' | 'keyworker';

function isMine(row: ClientRowDto, accountId: string): boolean {
  return row.keyworker?.id === accountId;
}

function running(row: ClientRowDto): boolean {
  const status = row.referralClock?.status;
  return status === 'on_track' || status === 'amber' || status === 'breached' || status === 'not_started';
}

export function filterCaseload(rows: ClientRowDto[], filter: CaseloadFilter, accountId: string): ClientRowDto[] {
  return rows.filter((row) => {
    const { whose } = filter;
    if (whose === 'mine' && !isMine(row, accountId)) return false;
    if (whose === 'unallocated' && row.keyworker !== null) return false;
    if (typeof whose === 'object' && row.keyworker?.id !== whose.keyworkerId) return false;
    if (filter.rag === 'none' && row.rag !== null) return false;
    if (filter.rag !== 'any' && filter.rag !== 'none' && row.rag !== filter.rag) return false;
    if (filter.cohort !== 'any' && !row.cohortFlags.includes(filter.cohort)) return false;
    if (filter.area !== 'any' && row.localAuthority !== filter.area) return false;
    const status = row.referralClock?.status;
    if (filter.clock === 'running' && !running(row)) return false;
    if (filter.clock === 'amber_or_breached' && status !== 'amber' && status !== 'breached') return false;
    if (filter.clock === 'none' && row.openReferral !== null) return false;
    return true;
  });
}

const RAG_ORDER: Record<string, number> = { red: 0, amber: 1, green: 2, none: 3 };

/** Time left on a running clock, in hours, for ordering; clients with none last. */
function clockOrder(row: ClientRowDto): number {
  const clock = row.referralClock;
  if (!clock || !running(row)) return Number.MAX_SAFE_INTEGER;
  return clock.inHours ? clock.left : clock.left * 24;
}

function byName(a: ClientRowDto, b: ClientRowDto): number {
  return a.familyName.localeCompare(b.familyName, 'en-GB') || a.givenName.localeCompare(b.givenName, 'en-GB');
}

export function sortCaseload(rows: ClientRowDto[], key: SortKey, descending = false): ClientRowDto[] {
  const compare = (a: ClientRowDto, b: ClientRowDto): number => {
    switch (key) {
      case 'rag':
        return RAG_ORDER[a.rag ?? 'none'] - RAG_ORDER[b.rag ?? 'none'];
      case 'clock':
        return clockOrder(a) - clockOrder(b);
      case 'keyworker':
        return (a.keyworker?.fullName ?? '\uffff').localeCompare(b.keyworker?.fullName ?? '\uffff', 'en-GB');
      default:
        return 0;
    }
  };
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b) || byName(a, b));
}

export type CaseloadCounts = { clients: number; red: number; referralsDueThisWeek: number; breached: number; reviewsOverdue: number };

/**
 * Reviews overdue are safety flag reviews past their date and RAG ratings
 * past their next review date. `today` is "YYYY-MM-DD".
 */
export function caseloadCounts(rows: ClientRowDto[], due: DueReviewDto[], today: string = todayIso()): CaseloadCounts {
  return {
    clients: rows.length,
    red: rows.filter((row) => row.rag === 'red').length,
    referralsDueThisWeek: rows.filter((row) => clockDueWithin(row.referralClock, 7)).length,
    breached: rows.filter((row) => row.referralClock?.status === 'breached').length,
    reviewsOverdue:
      due.filter((review) => review.overdue).length +
      rows.filter((row) => row.ragReviewDue !== null && row.ragReviewDue < today).length,
  };
}

/** The keyworkers named on the lines, by name, for the manager's picker. */
export function keyworkersOf(rows: ClientRowDto[]): Array<{ id: string; fullName: string }> {
  const seen = new Map<string, string>();
  for (const row of rows) if (row.keyworker) seen.set(row.keyworker.id, row.keyworker.fullName);
  return [...seen].map(([id, fullName]) => ({ id, fullName })).sort((a, b) => a.fullName.localeCompare(b.fullName, 'en-GB'));
}

/** A `Whose` as a select value, and back. */
export function whoseToValue(whose: Whose): string {
  return typeof whose === 'object' ? `keyworker:${whose.keyworkerId}` : whose;
}

export function whoseFromValue(value: string): Whose {
  if (value.startsWith('keyworker:')) return { keyworkerId: value.slice('keyworker:'.length) };
  return value === 'mine' || value === 'unallocated' ? value : 'all';
}
