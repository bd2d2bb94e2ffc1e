// Tests for recoveryKey.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { chooseGroupIndex, groupMatches, keyGroups, normaliseKeyText, ordinal } from './recoveryKey';

const KEY = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ';

describe('keyGroups', () => {
  it('splits on hyphens and spaces', () => {
    expect(keyGroups(KEY)).toEqual(['ABCD', 'EFGH', 'JKLM', 'NPQR', 'STUV', 'WXYZ']);
    expect(keyGroups(' AB CD - EF ')).toEqual(['AB', 'CD', 'EF']);
  });
});

describe('normaliseKeyText', () => {
  it('ignores case, spaces and hyphens', () => {
    expect(normaliseKeyText(' ab-c d\t')).toBe('ABCD');
  });
});

describe('chooseGroupIndex', () => {
  it('maps the random number onto the groups', () => {
    expect(chooseGroupIndex(6, () => 0)).toBe(0);
    expect(chooseGroupIndex(6, () => 0.5)).toBe(3);
    expect(chooseGroupIndex(6, () => 0.9999)).toBe(5);
  });
  it('stays in range', () => {
    expect(chooseGroupIndex(6, () => 1)).toBe(5);
    expect(chooseGroupIndex(0, () => 0.5)).toBe(0);
  });
  it('uses Math.random by default', () => {
    for (let i = 0; i < 50; i += 1) {
      const index = chooseGroupIndex(6);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(6);
    }
  });
});

describe('ordinal', () => {
  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 5, 8].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '5th', '8th']);
    expect([11, 12, 13, 21, 22, 23, 101].map(ordinal)).toEqual(['11th', '12th', '13th', '21st', '22nd', '23rd', '101st']);
  });
});

describe('groupMatches', () => {
  it('accepts the right group however it is typed', () => {
    expect(groupMatches(KEY, 2, 'JKLM')).toBe(true);
    expect(groupMatches(KEY, 2, 'jklm')).toBe(true);
    expect(groupMatches(KEY, 2, ' jk lm ')).toBe(true);
    expect(groupMatches(KEY, 2, 'JK-LM')).toBe(true);
  });
  it('rejects another group, a partial group or nothing', () => {
    expect(groupMatches(KEY, 2, 'EFGH')).toBe(false);
    expect(groupMatches(KEY, 2, 'JKL')).toBe(false);
    expect(groupMatches(KEY, 2, '')).toBe(false);
    expect(groupMatches(KEY, 2, ' - ')).toBe(false);
  });
  it('rejects an index outside the key', () => {
    expect(groupMatches(KEY, 6, 'ABCD')).toBe(false);
  });
});
