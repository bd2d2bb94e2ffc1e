// Tests for computers.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { joinedWords, lastDecisionWords, standingLabel } from './computers';

describe('computer words', () => {
  it('names each standing', () => {
    expect(standingLabel({ standing: 'approved' })).toBe('Approved');
    expect(standingLabel({ standing: 'waiting' })).toBe('Waiting for approval');
    expect(standingLabel({ standing: 'withdrawn' })).toBe('Access withdrawn');
  });

  it('says who first used a computer, when known', () => {
    expect(joinedWords({ joinedBy: null, joinedAt: null })).toBe('Not known who first used it');
    expect(joinedWords({ joinedBy: 'kim', joinedAt: null })).toBe('First used by kim');
    expect(joinedWords({ joinedBy: 'kim', joinedAt: 'not a time' })).toBe('First used by kim, not a time');
  });

  it('says the last decision with its reason', () => {
    expect(lastDecisionWords({ decisions: [] })).toBeNull();
    expect(
      lastDecisionWords({
        decisions: [
          { decision: 'approved', reason: null, decidedBy: 'Alex Admin', decidedAt: 'x' },
          { decision: 'withdrawn', reason: 'Laptop lost', decidedBy: null, decidedAt: 'y' },
        ],
      }),
    ).toBe('Withdrawn by someone no longer listed, y: “Laptop lost”');
  });
});
