// Tests for sections.ts: keyboard moves between tabs and remembered sections.
import { describe, expect, it } from 'vitest';
import { SECTIONS, forgetSections, rememberSection, rememberedSection, tabAfterKey } from './sections';

describe('client page sections', () => {
  it('has six sections with distinct ids, the overview first', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual(['overview', 'casework', 'pathways', 'referrals', 'profile', 'history']);
  });

  it('moves with the arrows, wrapping round, and to the ends with Home and End', () => {
    expect(tabAfterKey('ArrowRight', 0, 6)).toBe(1);
    expect(tabAfterKey('ArrowRight', 5, 6)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 6)).toBe(5);
    expect(tabAfterKey('ArrowLeft', 3, 6)).toBe(2);
    expect(tabAfterKey('Home', 4, 6)).toBe(0);
    expect(tabAfterKey('End', 1, 6)).toBe(5);
    expect(tabAfterKey('Enter', 1, 6)).toBeNull();
    expect(tabAfterKey('a', 1, 6)).toBeNull();
  });

  it('remembers the section for each client until forgotten', () => {
    expect(rememberedSection('c1')).toBe('overview');
    rememberSection('c1', 'casework');
    rememberSection('c2', 'history');
    expect(rememberedSection('c1')).toBe('casework');
    expect(rememberedSection('c2')).toBe('history');
    forgetSections();
    expect(rememberedSection('c1')).toBe('overview');
    expect(rememberedSection('c2')).toBe('overview');
  });
});
