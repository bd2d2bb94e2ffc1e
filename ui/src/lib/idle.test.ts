// Tests for idle.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { CLOCK_JUMP_MS, clockJumped, IDLE_MINUTES, idleLimitMs, idleTooLong, shouldLock, TICK_MS, tickMs } from './idle';

const MIN = 60_000;

describe('idleLimitMs', () => {
  it('defaults to five minutes', () => {
    expect(IDLE_MINUTES).toBe(5);
    expect(idleLimitMs(undefined)).toBe(5 * MIN);
    expect(idleLimitMs('')).toBe(5 * MIN);
    expect(idleLimitMs(null)).toBe(5 * MIN);
  });
  it('reads a number of seconds', () => {
    expect(idleLimitMs('3')).toBe(3000);
    expect(idleLimitMs(' 90 ')).toBe(90_000);
    expect(idleLimitMs(2)).toBe(2000);
  });
  it('ignores nonsense and non-positive values', () => {
    expect(idleLimitMs('soon')).toBe(5 * MIN);
    expect(idleLimitMs('0')).toBe(5 * MIN);
    expect(idleLimitMs('-10')).toBe(5 * MIN);
  });
});

describe('tickMs', () => {
  it('ticks every 15 seconds for the normal limit', () => {
    expect(tickMs(5 * MIN)).toBe(TICK_MS);
  });
  it('ticks faster for a short test limit, but not absurdly fast', () => {
    expect(tickMs(4000)).toBe(1000);
    expect(tickMs(100)).toBe(250);
  });
});

describe('idleTooLong', () => {
  it('is false before the limit and true from it', () => {
    expect(idleTooLong(0, 5 * MIN - 1, 5 * MIN)).toBe(false);
    expect(idleTooLong(0, 5 * MIN, 5 * MIN)).toBe(true);
    expect(idleTooLong(0, 60 * MIN, 5 * MIN)).toBe(true);
  });
});

describe('clockJumped', () => {
  it('accepts normal and somewhat late ticks', () => {
    expect(clockJumped(0, TICK_MS, TICK_MS)).toBe(false);
    expect(clockJumped(0, TICK_MS + CLOCK_JUMP_MS, TICK_MS)).toBe(false);
  });
  it('spots a jump forward of more than two minutes (lid opened)', () => {
    expect(clockJumped(0, TICK_MS + CLOCK_JUMP_MS + 1, TICK_MS)).toBe(true);
    expect(clockJumped(0, 3 * 60 * MIN, TICK_MS)).toBe(true);
  });
  it('spots the clock being set back', () => {
    expect(clockJumped(10 * MIN, 10 * MIN + TICK_MS - CLOCK_JUMP_MS - 1, TICK_MS)).toBe(true);
  });
});

describe('shouldLock', () => {
  const limit = 5 * MIN;
  it('does not lock an active, visible session on a normal tick', () => {
    const state = { lastActivity: 100 * MIN, previousTick: 100 * MIN, hiddenSince: null };
    expect(shouldLock(state, 100 * MIN + TICK_MS, limit, TICK_MS)).toBe(false);
  });
  it('locks after the idle time', () => {
    const state = { lastActivity: 0, previousTick: limit - TICK_MS, hiddenSince: null };
    expect(shouldLock(state, limit, limit, TICK_MS)).toBe(true);
  });
  it('locks when hidden for longer than the idle time', () => {
    const now = 100 * MIN;
    const state = { lastActivity: now, previousTick: now - TICK_MS, hiddenSince: now - limit };
    expect(shouldLock(state, now, limit, TICK_MS)).toBe(true);
    expect(shouldLock({ ...state, hiddenSince: now - limit + 1 }, now, limit, TICK_MS)).toBe(false);
  });
  it('does not take slowed-down ticks while hidden for a clock jump', () => {
    const now = 100 * MIN;
    const state = { lastActivity: now - 3 * MIN, previousTick: now - 3 * MIN, hiddenSince: now - 3 * MIN };
    expect(shouldLock(state, now, limit, TICK_MS)).toBe(false);
  });
  it('locks when the clock jumped between ticks', () => {
    const now = 100 * MIN;
    const state = { lastActivity: now - 1000, previousTick: now - 3 * MIN, hiddenSince: null };
    expect(shouldLock(state, now, limit, TICK_MS)).toBe(true);
  });
});
