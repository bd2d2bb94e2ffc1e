// Tests for caseload.ts: the question the caseload asks the core, and the
// words its answer is given in.
import { describe, expect, it } from 'vitest';
import type { CaseloadCountsDto, DueReviewDto } from '../../lib/ipc/bindings';
import {
  NO_FILTER,
  caseloadQuery,
  countLine,
  differsFromEveryone,
  glanceCounts,
  startingFilter,
  whoseFromValue,
  whoseToValue,
} from './caseload';

const counts = (over: Partial<CaseloadCountsDto> = {}): CaseloadCountsDto => ({
  listed: 10036, matching: 412, red: 40, referralsDueThisWeek: 12, breached: 3, ragReviewsOverdue: 5, ...over,
});

describe('where each person starts', () => {
  it('starts a keyworker on their own open clients', () => {
    expect(startingFilter('keyworker')).toEqual({ ...NO_FILTER, whose: 'mine', episodes: 'open' });
  });

  it("starts a manager on the whole unit's open episodes", () => {
    expect(startingFilter('manager')).toEqual({ ...NO_FILTER, whose: 'all', episodes: 'open' });
  });

  it('starts a partner, whose summary shows no episodes, on everyone', () => {
    expect(startingFilter('partner')).toEqual(NO_FILTER);
    expect(differsFromEveryone(startingFilter('partner'))).toBe(false);
    expect(differsFromEveryone(startingFilter('manager'))).toBe(true);
  });
});

describe('the question for the core', () => {
  it('sends the filters as the core reads them', () => {
    expect(caseloadQuery({ ...NO_FILTER, whose: { keyworkerId: 'k1' }, rag: 'red', cohort: 'ppo', area: 'gosport' }, 'clock', true, 3)).toEqual({
      whose: 'keyworker', keyworkerId: 'k1', episodes: 'any', rag: 'red', cohort: 'ppo', clock: 'any', area: 'gosport', sort: 'clock', descending: true, page: 3,
    });
  });

  it('sends "any" cohort and area as none', () => {
    const query = caseloadQuery(startingFilter('keyworker'), 'name', false, 0);
    expect(query).toMatchObject({ whose: 'mine', keyworkerId: null, episodes: 'open', cohort: null, area: null });
  });
});

describe('the counts in words', () => {
  it('says what the filter hides', () => {
    expect(countLine(counts(), startingFilter('manager'))).toBe('10,036 clients; 412 open shown');
    expect(countLine(counts(), { ...NO_FILTER, episodes: 'closed' })).toBe('10,036 clients; 412 closed shown');
    expect(countLine(counts(), { ...NO_FILTER, rag: 'red' })).toBe('10,036 clients; 412 shown');
  });

  it('says only the number when nothing is hidden', () => {
    expect(countLine(counts({ listed: 1, matching: 1 }), NO_FILTER)).toBe('1 client');
  });

  it('adds overdue safety reviews to the RAG reviews the core counted', () => {
    const due = [{ overdue: true }, { overdue: false }] as DueReviewDto[];
    expect(glanceCounts(counts(), due)).toEqual({ clients: 412, red: 40, referralsDueThisWeek: 12, breached: 3, reviewsOverdue: 6 });
  });
});

describe('whose, as a select value', () => {
  it('goes there and back', () => {
    for (const whose of ['all', 'mine', 'unallocated', { keyworkerId: 'k9' }] as const) {
      expect(whoseFromValue(whoseToValue(whose))).toEqual(whose);
    }
  });
});
