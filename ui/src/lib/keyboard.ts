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

/**
 * The keydown handler of a form that Escape closes: it runs `cancel`, unless
 * `busy()` says the form's command is under way (closing the form then would
 * hide what became of it). The key goes no further, so closing a form inside
 * a page does not close the page too.
 */
export function escapeCancels(
  cancel: () => unknown,
  busy: () => boolean = () => false,
): (event: Pick<KeyboardEvent, 'key' | 'preventDefault' | 'stopPropagation'>) => void {
  return (event) => {
    if (event.key !== 'Escape' || busy()) return;
    event.preventDefault();
    event.stopPropagation();
    void cancel();
  };
}
