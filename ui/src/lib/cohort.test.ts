// Tests for cohort.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { COHORT_FLAGS, cohortLabel, cohortShort, proposalReason } from './cohort';

describe('cohort words', () => {
  it('has a label and a short label for every flag', () => {
    expect(COHORT_FLAGS).toHaveLength(13);
    expect(cohortLabel('ppo')).toMatch(/Prolific/);
    expect(cohortShort('statutory_iom')).toBe('Statutory');
  });
  it('says why statutory IOM is proposed', () => {
    expect(proposalReason('statutory_iom', 80)).toBe('An OGRS score of 80 is 75 or more.');
  });
});
