// Words for the core's codes: each closed list of codes with its labels, and
// a readable fallback so an unknown code is shown rather than hidden.

export type Choice = { readonly value: string; readonly label: string };

/** "new_thing" → "New thing": for a code this list does not know yet. */
export function readable(code: string): string {
  const words = code.replace(/_+/g, ' ').trim();
  return words === '' ? code : words.charAt(0).toUpperCase() + words.slice(1);
}

export function wordsFrom(list: readonly Choice[]): (code: string) => string {
  const words = new Map(list.map((c) => [c.value, c.label]));
  return (code) => words.get(code) ?? readable(code);
}
