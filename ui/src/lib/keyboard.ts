// Keyboard shortcuts, kept pure so they can be tested without a DOM.

export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Ctrl+L (Windows/Linux) or Cmd+L (macOS): lock the session. */
export function isLockShortcut(event: KeyLike): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === 'l'
  );
}

/** Ctrl+K or Cmd+K: search for a client from anywhere. */
export function isSearchShortcut(event: KeyLike): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === 'k'
  );
}
