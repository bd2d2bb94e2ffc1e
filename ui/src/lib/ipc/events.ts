// Events the shell sends to the page: the system locked Casebook, and how
// far a sync has got. Kept beside commands.ts: only lib/ipc talks to Tauri.
import { listen } from '@tauri-apps/api/event';
import type { SyncProgressDto } from './bindings';

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

/** The shell's name for the event; see SYNC_PROGRESS_EVENT in src-tauri/src/lib.rs. */
export const SYNC_PROGRESS_EVENT = 'sync-progress';

/** Calls `onProgress` as a sync applies other computers' bundles. Resolves to a function that stops listening. */
export async function onSyncProgress(onProgress: (progress: SyncProgressDto) => void): Promise<() => void> {
  return listen<SyncProgressDto>(SYNC_PROGRESS_EVENT, (event) => onProgress(event.payload));
}
