// Tests for consent.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { currentConsent } from './consent';

const record = (agency: string, decision: string) => ({
  agency,
  decision,
  how: null,
  decidedOn: '2026-11-20',
  recordedBy: 'Kim',
  recordedAt: '2026-11-20T10:00:00Z',
});

describe('currentConsent', () => {
  it('takes the newest decision for each agency and leaves the rest unrecorded', () => {
    const now = currentConsent([record('Police', 'withdrawn'), record('Police', 'given'), record('Council', 'given')]);
    expect(now.find((c) => c.agency === 'Police')?.latest?.decision).toBe('withdrawn');
    expect(now.find((c) => c.agency === 'Council')?.latest?.decision).toBe('given');
    expect(now.find((c) => c.agency === 'Probation')?.latest).toBeNull();
  });
});
