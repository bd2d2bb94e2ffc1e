// Tests for caseload.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import type { ClientRowDto, DueReviewDto, ReferralClockDto } from '../../lib/ipc/bindings';
import {
  NO_FILTER,
  caseloadCounts,
  filterCaseload,
  keyworkersOf,
  sortCaseload,
  whoseFromValue,
  whoseToValue,
} from './caseload';

const kim = { id: 'k1', fullName: 'Kim Keyworker' };
const lee = { id: 'k2', fullName: 'Lee Lambert' };

const clock = (over: Partial<ReferralClockDto>): ReferralClockDto => ({
  status: 'on_track', starts: '2026-11-20T10:00', due: '2026-12-11T23:59', inHours: false, target: 21, left: 15, ...over,
});

const row = (familyName: string, over: Partial<ClientRowDto> = {}): ClientRowDto => ({
  id: familyName,
  givenName: 'A',
  familyName,
  dateOfBirth: '1990-01-01',
  identifiers: { crn: null, pncId: null, nhsNumber: null },
  keyworker: kim,
  rag: null,
  ragReviewDue: null,
  localAuthority: null,
  activeFlags: [],
  cohortFlags: [],
  openReferral: null,
  referralClock: null,
  assessmentDue: null,
  access: 'full',
  ...over,
});

const rows = [
  row('Adams', { rag: 'green', cohortFlags: ['ppo'], localAuthority: 'gosport', ragReviewDue: '2026-11-20' }),
  row('Baker', { rag: 'red', keyworker: lee, openReferral: 'prison', referralClock: clock({ left: 3, status: 'amber' }) }),
  row('Cole', { keyworker: null, openReferral: 'probation', referralClock: clock({ left: -2, status: 'breached' }) }),
  row('Dunn', { rag: 'amber', openReferral: 'police_custody', referralClock: clock({ inHours: true, target: 24, left: 10 }) }),
];

const names = (list: ClientRowDto[]) => list.map((r) => r.familyName);

describe('filtering the caseload', () => {
  it('picks whose clients', () => {
    expect(names(filterCaseload(rows, { ...NO_FILTER, whose: 'mine' }, 'k1'))).toEqual(['Adams', 'Dunn']);
    expect(names(filterCaseload(rows, { ...NO_FILTER, whose: { keyworkerId: 'k2' } }, 'k1'))).toEqual(['Baker']);
    expect(names(filterCaseload(rows, { ...NO_FILTER, whose: 'unallocated' }, 'k1'))).toEqual(['Cole']);
  });

  it('filters by RAG, cohort and referral clock', () => {
    expect(names(filterCaseload(rows, { ...NO_FILTER, rag: 'red' }, 'k1'))).toEqual(['Baker']);
    expect(names(filterCaseload(rows, { ...NO_FILTER, rag: 'none' }, 'k1'))).toEqual(['Cole']);
    expect(names(filterCaseload(rows, { ...NO_FILTER, cohort: 'ppo' }, 'k1'))).toEqual(['Adams']);
    expect(names(filterCaseload(rows, { ...NO_FILTER, clock: 'amber_or_breached' }, 'k1'))).toEqual(['Baker', 'Cole']);
    expect(names(filterCaseload(rows, { ...NO_FILTER, clock: 'none' }, 'k1'))).toEqual(['Adams']);
    expect(names(filterCaseload(rows, { ...NO_FILTER, area: 'gosport' }, 'k1'))).toEqual(['Adams']);
  });
});

describe('sorting the caseload', () => {
  it('orders by RAG, red first, then by name', () => {
    expect(names(sortCaseload(rows, 'rag'))).toEqual(['Baker', 'Dunn', 'Adams', 'Cole']);
  });

  it('orders by time left on the clock, breached first, hours before days', () => {
    expect(names(sortCaseload(rows, 'clock'))).toEqual(['Cole', 'Dunn', 'Baker', 'Adams']);
    expect(names(sortCaseload(rows, 'clock', true))).toEqual(['Adams', 'Baker', 'Dunn', 'Cole']);
  });
});

describe('counting', () => {
  it('counts clients, red, referrals due this week, breaches and overdue safety and RAG reviews', () => {
    const due = [{ overdue: true }, { overdue: false }] as DueReviewDto[];
    expect(caseloadCounts(rows, due, '2026-11-26')).toEqual({ clients: 4, red: 1, referralsDueThisWeek: 3, breached: 1, reviewsOverdue: 2 });
    expect(caseloadCounts(rows, due, '2026-11-20').reviewsOverdue).toBe(1);
  });

  it('lists the keyworkers for the picker and round-trips the choice', () => {
    expect(keyworkersOf(rows)).toEqual([kim, lee]);
    expect(whoseFromValue(whoseToValue({ keyworkerId: 'k2' }))).toEqual({ keyworkerId: 'k2' });
    expect(whoseFromValue('mine')).toBe('mine');
    expect(whoseFromValue('nonsense')).toBe('all');
  });
});
