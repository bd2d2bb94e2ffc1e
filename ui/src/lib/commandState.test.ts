// Tests for commandState.ts, the pure helpers beside it.
import { describe, expect, it, vi } from 'vitest';
import { CommandState } from './commandState.svelte';
import { CommandError } from './ipc/errors';

describe('CommandState', () => {
  it('is busy while the command runs, and not after', async () => {
    const state = new CommandState(vi.fn());
    let release: () => void = () => undefined;
    const running = state.run(() => new Promise<void>((resolve) => (release = resolve)));
    expect(state.busy).toBe(true);
    release();
    expect(await running).toBe(true);
    expect(state.busy).toBe(false);
    expect(state.error).toBeNull();
  });

  it('keeps the failure to show, and clears it when the next command starts', async () => {
    const state = new CommandState(vi.fn());
    const refused = new CommandError('invalid_input', 'Choose a day.');
    expect(await state.run(() => Promise.reject(refused))).toBe(false);
    expect(state.error).toBe(refused);
    expect(state.busy).toBe(false);
    const second = state.run(() => Promise.resolve());
    expect(state.error).toBeNull();
    expect(await second).toBe(true);
  });

  it('shows no error for a locked session, and says it has locked', async () => {
    const onlocked = vi.fn();
    const state = new CommandState(onlocked);
    expect(await state.run(() => Promise.reject({ code: 'locked', message: 'Locked.' }))).toBe(false);
    expect(onlocked).toHaveBeenCalledTimes(1);
    expect(state.error).toBeNull();
  });

  it('shows plain words for something unexpected', async () => {
    const state = new CommandState(vi.fn());
    await state.run(() => Promise.reject(new Error('stack trace')));
    expect(state.error?.code).toBe('internal');
  });

  it('does not start a second command while one is under way', async () => {
    const state = new CommandState(vi.fn());
    let release: () => void = () => undefined;
    const first = state.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = vi.fn(() => Promise.resolve());
    expect(await state.run(second)).toBe(false);
    expect(second).not.toHaveBeenCalled();
    release();
    await first;
  });
});
