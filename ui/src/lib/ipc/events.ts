// Events the shell sends to the page (the only one so far: the system
// locked Casebook). Kept beside commands.ts: only lib/ipc talks to Tauri.
import { listen } from '@tauri-apps/api/event';

/** The shell's name for the event; see SYSTEM_LOCK_EVENT in src-tauri/src/lib.rs. */
export const SYSTEM_LOCK_EVENT = 'system-lock';

/**
 * Calls `onLocked` when the shell has locked the unit because the computer
 * went to sleep, woke, or had its screen locked. The unit is already closed
 * when this runs; the page only has to show the lock screen. Resolves to a
 * function that stops listening.
 */
export async function onSystemLock(onLocked: (reason: string) => void): Promise<() => void> {
  return listen<string>(SYSTEM_LOCK_EVENT, (event) => onLocked(event.payload));
}
