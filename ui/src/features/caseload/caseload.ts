// What the caseload screen asks the core for, and how it words the answer.
// The core filters, sorts, counts and pages (the page never holds more than
// one page of a county's clients); these pure helpers turn the screen's
// choices into that question and the counts into words, so they are
// unit-tested.
import type { CaseloadCountsDto, CaseloadQueryDto, CaseRole, CohortFlag, DueReviewDto, Rag } from '../../lib/ipc/bindings';

export type Whose = 'all' | 'mine' | 'unallocated' | { keyworkerId: string };

export type ClockFilter = 'any' | 'running' | 'amber_or_breached' | 'none';

export type EpisodeFilter = 'open' | 'closed' | 'any';

export type CaseloadFilter = {
  whose: Whose;
  episodes: EpisodeFilter;
  rag: Rag | 'none' | 'any';
  cohort: CohortFlag | 'any';
  clock: ClockFilter;
  /** A local authority area code, or 'any'. */
  area: string;
};

export const NO_FILTER: CaseloadFilter = { whose: 'all', episodes: 'any', rag: 'any', cohort: 'any', clock: 'any', area: 'any' };

/**
 * Where each person starts: a keyworker on their own open clients, a
 * manager on the whole unit's open episodes. A partner's summary shows no
 * episodes, so they start on everyone they may see. Closed and ended
 * records are one filter away, and search always finds them.
 */
export function startingFilter(caseRole: CaseRole | null): CaseloadFilter {
  if (caseRole === 'keyworker') return { ...NO_FILTER, whose: 'mine', episodes: 'open' };
  if (caseRole === 'manager') return { ...NO_FILTER, episodes: 'open' };
  return { ...NO_FILTER };
}

/** Whether the filters leave out anyone this person may see. */
export function differsFromEveryone(filter: CaseloadFilter): boolean {
  return (
    filter.whose !== 'all' ||
    filter.episodes !== 'any' ||
    filter.rag !== 'any' ||
    filter.cohort !== 'any' ||
    filter.clock !== 'any' ||
    filter.area !== 'any'
  );
}

export type SortKey = 'name' | 'rag' | 'clock' | 'keyworker';

/** The question for the core: one page (counting from 0) of the filtered caseload. */
export function caseloadQuery(filter: CaseloadFilter, sort: SortKey, descending: boolean, page: number): CaseloadQueryDto {
  const { whose } = filter;
  return {
    whose: typeof whose === 'object' ? 'keyworker' : whose,
    keyworkerId: typeof whose === 'object' ? whose.keyworkerId : null,
    episodes: filter.episodes,
    rag: filter.rag,
    cohort: filter.cohort === 'any' ? null : filter.cohort,
    clock: filter.clock,
    area: filter.area === 'any' ? null : filter.area,
    sort,
    descending,
    page,
  };
}

const NUMBER = new Intl.NumberFormat('en-GB');

/**
 * The line under the heading: how many clients this person may see and,
 * when the filters hide some, how many are shown ("10,036 clients; 412
 * open shown").
 */
export function countLine(counts: CaseloadCountsDto, filter: CaseloadFilter): string {
  const all = `${NUMBER.format(counts.listed)} ${counts.listed === 1 ? 'client' : 'clients'}`;
  if (counts.matching === counts.listed) return all;
  const kind = filter.episodes === 'open' ? 'open ' : filter.episodes === 'closed' ? 'closed ' : '';
  return `${all}; ${NUMBER.format(counts.matching)} ${kind}shown`;
}

export type CaseloadCounts = { clients: number; red: number; referralsDueThisWeek: number; breached: number; reviewsOverdue: number };

/**
 * The tiles at a glance, over the clients the filters leave. Reviews
 * overdue are RAG ratings past their next review (counted by the core) and
 * safety flag reviews past their date.
 */
export function glanceCounts(counts: CaseloadCountsDto, due: DueReviewDto[]): CaseloadCounts {
  return {
    clients: counts.matching,
    red: counts.red,
    referralsDueThisWeek: counts.referralsDueThisWeek,
    breached: counts.breached,
    reviewsOverdue: counts.ragReviewsOverdue + due.filter((review) => review.overdue).length,
  };
}

/** A `Whose` as a select value, and back. */
export function whoseToValue(whose: Whose): string {
  return typeof whose === 'object' ? `keyworker:${whose.keyworkerId}` : whose;
}

export function whoseFromValue(value: string): Whose {
  if (value.startsWith('keyworker:')) return { keyworkerId: value.slice('keyworker:'.length) };
  return value === 'mine' || value === 'unallocated' ? value : 'all';
}
