// Words for safety flags. Pure, so it is unit-tested.
import type { SafetyFlagDto, SafetyFlagKind } from './ipc/bindings';
import { parseIsoDate, today, type CalendarDate } from './format';

export const SAFETY_FLAG_KINDS: ReadonlyArray<{ value: SafetyFlagKind; label: string }> = [
  { value: 'mappa', label: 'MAPPA' },
  { value: 'risk_to_staff', label: 'Risk to staff' },
  { value: 'lone_visit_not_advised', label: 'Lone visit not advised' },
  { value: 'safeguarding_children', label: 'Safeguarding children' },
  { value: 'safeguarding_adult', label: 'Safeguarding adult' },
];

export function kindLabel(kind: SafetyFlagKind): string {
  return SAFETY_FLAG_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** "MAPPA category 2, level 1", or the kind's label. */
export function flagTitle(flag: Pick<SafetyFlagDto, 'kind' | 'mappaCategory' | 'mappaLevel'>): string {
  if (flag.kind === 'mappa' && flag.mappaCategory !== null && flag.mappaLevel !== null) {
    return `MAPPA category ${flag.mappaCategory}, level ${flag.mappaLevel}`;
  }
  return kindLabel(flag.kind);
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whether a review date ("YYYY-MM-DD") is before `on` (today by default). */
export function reviewOverdue(reviewBy: string, on: CalendarDate = today()): boolean {
  const date = parseIsoDate(reviewBy);
  return date !== null && compare(date, on) < 0;
}

/** Concerns from a session as a new flag's note. */
export function noteFromConcerns(concerns: string): string {
  return concerns.trim();
}

/** A flag's note with a session's concerns added under it, for a review; unchanged if they are in it already. */
export function reviewNoteWithConcerns(note: string, concerns: string): string {
  const added = concerns.trim();
  if (added === '' || note.includes(added)) return note;
  return note.trim() === '' ? added : `${note.trimEnd()}\n\n${added}`;
}
