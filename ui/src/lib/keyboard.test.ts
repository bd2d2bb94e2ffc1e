import { describe, expect, it } from 'vitest';
import { isLockShortcut, isSearchShortcut } from './keyboard';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('isLockShortcut', () => {
  it('matches Ctrl+L and Cmd+L', () => {
    expect(isLockShortcut(key('l', { ctrlKey: true }))).toBe(true);
    expect(isLockShortcut(key('L', { ctrlKey: true }))).toBe(true);
    expect(isLockShortcut(key('l', { metaKey: true }))).toBe(true);
  });
  it('ignores plain L and other combinations', () => {
    expect(isLockShortcut(key('l'))).toBe(false);
    expect(isLockShortcut(key('l', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isLockShortcut(key('l', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isLockShortcut(key('k', { ctrlKey: true }))).toBe(false);
  });
});

describe('isSearchShortcut', () => {
  it('is Ctrl+K or Cmd+K and nothing else', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key('k'))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
});
