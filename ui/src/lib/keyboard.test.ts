// Tests for keyboard.ts, the pure helpers beside it.
import { describe, expect, it, vi } from 'vitest';
import { escapeCancels, isLockShortcut, isSearchShortcut } from './keyboard';

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

describe('escapeCancels', () => {
  const press = (k: string) => ({ key: k, preventDefault: vi.fn(), stopPropagation: vi.fn() });

  it('cancels on Escape and stops the key there', () => {
    const cancel = vi.fn();
    const event = press('Escape');
    escapeCancels(cancel)(event);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(event.stopPropagation).toHaveBeenCalled();
  });

  it('leaves other keys alone', () => {
    const cancel = vi.fn();
    const event = press('Enter');
    escapeCancels(cancel)(event);
    expect(cancel).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(event.stopPropagation).not.toHaveBeenCalled();
  });

  it('does nothing while the form is busy, and asks each time', () => {
    const cancel = vi.fn();
    let busy = true;
    const onkeydown = escapeCancels(cancel, () => busy);
    const first = press('Escape');
    onkeydown(first);
    expect(cancel).not.toHaveBeenCalled();
    expect(first.stopPropagation).not.toHaveBeenCalled();
    busy = false;
    onkeydown(press('Escape'));
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});
