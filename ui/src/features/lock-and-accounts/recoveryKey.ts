// The recovery key arrives grouped, like "ABCD-EFGH-JKLM-…". After showing it,
// the administrator types one group back to show it was written down.

/** Removes spaces and hyphens and ignores case, so "ab cd" matches "ABCD". */
export function normaliseKeyText(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

/** The groups of a key, in order. */
export function keyGroups(key: string): string[] {
  return key
    .split(/[\s-]+/)
    .map((group) => group.trim())
    .filter((group) => group !== '');
}

/** A random group index, 0-based. `random` returns a number in [0, 1). */
export function chooseGroupIndex(groupCount: number, random: () => number = Math.random): number {
  if (groupCount <= 0) return 0;
  const index = Math.floor(random() * groupCount);
  return Math.min(Math.max(index, 0), groupCount - 1);
}

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 4 → "4th", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** True when `typed` is the group at `index` (0-based) of `key`. */
export function groupMatches(key: string, index: number, typed: string): boolean {
  const group = keyGroups(key)[index];
  if (group === undefined) return false;
  const answer = normaliseKeyText(typed);
  return answer !== '' && answer === normaliseKeyText(group);
}
