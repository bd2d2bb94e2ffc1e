// Tests for safetyFlags.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { flagTitle, kindLabel, noteFromConcerns, reviewNoteWithConcerns, reviewOverdue } from './safetyFlags';

describe('safety flag words', () => {
  it('names kinds and MAPPA details', () => {
    expect(kindLabel('lone_visit_not_advised')).toBe('Lone visit not advised');
    expect(flagTitle({ kind: 'mappa', mappaCategory: 2, mappaLevel: 1 })).toBe('MAPPA category 2, level 1');
    expect(flagTitle({ kind: 'risk_to_staff', mappaCategory: null, mappaLevel: null })).toBe('Risk to staff');
  });
  it('calls a review overdue only after its day', () => {
    const on = { year: 2026, month: 11, day: 26 };
    expect(reviewOverdue('2026-11-25', on)).toBe(true);
    expect(reviewOverdue('2026-11-26', on)).toBe(false);
    expect(reviewOverdue('not a date', on)).toBe(false);
  });
  it('turns a session’s concerns into a flag’s note', () => {
    expect(noteFromConcerns('  Partner back in the house.\n')).toBe('Partner back in the house.');
    expect(reviewNoteWithConcerns('Dog in the house.', ' Partner back. ')).toBe('Dog in the house.\n\nPartner back.');
    expect(reviewNoteWithConcerns('Dog in the house.\n\nPartner back.', 'Partner back.')).toBe('Dog in the house.\n\nPartner back.');
    expect(reviewNoteWithConcerns('', 'Partner back.')).toBe('Partner back.');
    expect(reviewNoteWithConcerns('Dog.', '  ')).toBe('Dog.');
  });
});
