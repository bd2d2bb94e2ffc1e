// Searching the words of signed session notes from the search dialog. Pure,
// so it is unit-tested.
import type { NoteFoundDto } from '../../lib/ipc/bindings';
import { dayTitle } from '../../lib/days';

/** Searching starts at this many characters typed (spaces aside)… */
export const NOTE_SEARCH_MIN_CHARS = 3;
/** …and waits this long after the last key. */
export const NOTE_SEARCH_DELAY_MS = 250;

/** Whether the words typed are enough to search notes with. */
export function noteSearchReady(words: string): boolean {
  return words.replace(/\s+/g, '').length >= NOTE_SEARCH_MIN_CHARS;
}

/** A note found: whose, and the session's day. */
export function noteFoundWords(found: Pick<NoteFoundDto, 'givenName' | 'familyName' | 'heldOn'>): { name: string; when: string } {
  return { name: `${found.givenName} ${found.familyName}`, when: `Session of ${dayTitle(found.heldOn)}` };
}

/** "3 session records", "No session notes you can read match." */
export function noteResultsWords(count: number): string {
  if (count === 0) return 'No session notes you can read match.';
  return `${count} session ${count === 1 ? 'record' : 'records'}. Up and Down to choose, Enter to open the client, Esc to close.`;
}
