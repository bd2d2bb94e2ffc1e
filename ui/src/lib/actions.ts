// Svelte actions.

/**
 * Moves keyboard focus to the element when it is mounted (an accessible
 * replacement for the `autofocus` attribute). Pass false to skip.
 */
export function focusOnMount(node: HTMLElement, enabled: boolean = true): void {
  if (!enabled) return;
  queueMicrotask(() => node.focus());
}
