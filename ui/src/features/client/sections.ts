// The client page's sections: their names, moving between their tabs with
// the keyboard, and which one each client was left on. The choice is kept in
// memory for the signed-in session only (nothing about a client is written to
// storage) and forgotten on lock.

export type SectionId = 'overview' | 'casework' | 'pathways' | 'referrals' | 'profile' | 'history';

export type Section = { readonly id: SectionId; readonly label: string };

export const SECTIONS: readonly Section[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'casework', label: 'Casework' },
  { id: 'pathways', label: 'Pathways and plan' },
  { id: 'referrals', label: 'Referrals and treatment' },
  { id: 'profile', label: 'Profile and consent' },
  { id: 'history', label: 'History' },
];

/**
 * The tab a key moves to from tab `index` of `count` (the ARIA tabs pattern:
 * arrows wrap round, Home and End go to the ends), or null for other keys.
 */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

const chosen = new Map<string, SectionId>();

/** Keeps the section a client's page is on, for coming back to it. */
export function rememberSection(clientId: string, section: SectionId): void {
  chosen.set(clientId, section);
}

/** The section a client's page was left on, or the overview. */
export function rememberedSection(clientId: string): SectionId {
  return chosen.get(clientId) ?? 'overview';
}

/** Forgets every client's section: on lock, so the next person starts afresh. */
export function forgetSections(): void {
  chosen.clear();
}
