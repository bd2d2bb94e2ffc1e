// Auto-lock when idle. The decisions are pure so they can be tested without
// timers; App.svelte feeds them Date.now() and the last activity it saw.

/** Lock after this many minutes without keyboard, mouse or touch activity. */
export const IDLE_MINUTES = 5;

/** How often the idle check runs (at most). */
export const TICK_MS = 15_000;

/** A wall-clock jump between two ticks larger than this means the computer slept. */
export const CLOCK_JUMP_MS = 2 * 60_000;

/**
 * The idle limit in milliseconds. `seconds` comes from the session (the
 * core's setting); anything missing or not a positive number gives
 * IDLE_MINUTES.
 */
export function idleLimitMs(seconds: string | number | undefined | null): number {
  const parsed = typeof seconds === 'number' ? seconds : Number(String(seconds ?? '').trim() || NaN);
  if (Number.isFinite(parsed) && parsed > 0) return Math.round(parsed * 1000);
  return IDLE_MINUTES * 60_000;
}

/** The check interval: every 15 seconds, or more often for a shorter limit. */
export function tickMs(limitMs: number): number {
  return Math.max(250, Math.min(TICK_MS, Math.floor(limitMs / 4)));
}

/** True when nothing has happened for at least the limit. */
export function idleTooLong(lastActivity: number, now: number, limitMs: number): boolean {
  return now - lastActivity >= limitMs;
}

/**
 * True when the wall clock moved by more than CLOCK_JUMP_MS beyond (or
 * before) what one timer interval should take: the computer was asleep, or
 * its clock was changed.
 */
export function clockJumped(previousTick: number, now: number, intervalMs: number, jumpMs: number = CLOCK_JUMP_MS): boolean {
  return Math.abs(now - previousTick - intervalMs) > jumpMs;
}

export type IdleState = {
  /** Date.now() of the last keyboard, mouse, pointer, wheel or touch event. */
  lastActivity: number;
  /** Date.now() at the previous tick. */
  previousTick: number;
  /** Date.now() when the page was hidden, or null while it is visible. */
  hiddenSince: number | null;
};

/**
 * The one decision App.svelte asks on every tick. While the page is hidden
 * the webview may slow its timers down, so a late tick is not taken for a
 * clock jump then; the hidden time itself counts instead.
 */
export function shouldLock(state: IdleState, now: number, limitMs: number, intervalMs: number): boolean {
  if (idleTooLong(state.lastActivity, now, limitMs)) return true;
  if (state.hiddenSince !== null) return idleTooLong(state.hiddenSince, now, limitMs);
  return clockJumped(state.previousTick, now, intervalMs);
}
