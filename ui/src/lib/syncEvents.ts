// Page-wide news about sync, so the parts of the screen that show records
// can refresh after a sync brought changes, and the header can learn that
// the unit was just connected. One event target for the page; no state is
// kept here.

const bus = new EventTarget();

const CONNECTED = 'casebook-shared-folder-connected';
const RECEIVED = 'casebook-changes-received';
const CHANGED = 'casebook-unit-changed';

export function announceConnected(): void {
  bus.dispatchEvent(new Event(CONNECTED));
}

/** Calls `then` when the unit is connected to a shared folder; returns a function that stops listening. */
export function onConnected(then: () => void): () => void {
  bus.addEventListener(CONNECTED, then);
  return () => bus.removeEventListener(CONNECTED, then);
}

/** Says a sync applied changes from other computers. */
export function announceReceived(count: number): void {
  if (count > 0) bus.dispatchEvent(new Event(RECEIVED));
}

/** Calls `then` when a sync applied changes from other computers. */
export function onReceived(then: () => void): () => void {
  bus.addEventListener(RECEIVED, then);
  return () => bus.removeEventListener(RECEIVED, then);
}

/** Says this computer just changed something in the unit. */
export function announceChanged(): void {
  bus.dispatchEvent(new Event(CHANGED));
}

/** Calls `then` when this computer changed something in the unit. */
export function onChanged(then: () => void): () => void {
  bus.addEventListener(CHANGED, then);
  return () => bus.removeEventListener(CHANGED, then);
}
