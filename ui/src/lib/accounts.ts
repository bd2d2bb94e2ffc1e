// Words and choices for accounts and navigation. Pure, so it is unit-tested.
import type { AccountStatus, CaseRole, SessionDto } from './ipc/bindings';

export function roleLabel(role: CaseRole | null): string {
  switch (role) {
    case 'keyworker':
      return 'Keyworker';
    case 'manager':
      return 'Manager';
    case 'partner':
      return 'Partner (police/probation)';
    default:
      return 'Administration only';
  }
}

export function statusLabel(status: AccountStatus): string {
  switch (status) {
    case 'active':
      return 'Active';
    case 'must_change_password':
      return 'Must choose a password';
    case 'disabled':
      return 'Disabled';
  }
}

export const AGENCIES: readonly string[] = ['Casebook charity service', 'Police', 'Probation', 'Council', 'Other'];

/** Role choices for a new account; '' stands for "administration only" (caseRole null). */
export const ROLE_CHOICES: ReadonlyArray<{ value: CaseRole | ''; label: string }> = [
  { value: 'keyworker', label: roleLabel('keyworker') },
  { value: 'manager', label: roleLabel('manager') },
  { value: 'partner', label: roleLabel('partner') },
  { value: '', label: roleLabel(null) },
];

/** Gender choices; '' stands for "not recorded" (gender null). */
export const GENDER_CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  { value: '', label: 'Not recorded' },
  { value: 'woman', label: 'Woman' },
  { value: 'man', label: 'Man' },
  { value: 'non-binary', label: 'Non-binary' },
];

export function roleFromChoice(value: string): CaseRole | null {
  return value === 'keyworker' || value === 'manager' || value === 'partner' ? value : null;
}

export type Tab = 'caseload' | 'diary' | 'outcomes' | 'accounts' | 'audit' | 'settings';

type Access = Pick<SessionDto, 'caseRole' | 'administrator'>;

/** The sections this person may open, in nav order. The core enforces; this only hides. */
export function tabsFor(session: Access): Tab[] {
  const tabs: Tab[] = [];
  if (session.caseRole !== null) tabs.push('caseload');
  // Partners see a summary only: no appointments, so no diary.
  if (session.caseRole === 'keyworker' || session.caseRole === 'manager') tabs.push('diary');
  // Cohort outcomes compare many clients' assessments: managers only.
  if (session.caseRole === 'manager') tabs.push('outcomes');
  if (session.administrator) tabs.push('accounts');
  if (session.administrator || session.caseRole === 'manager') tabs.push('audit');
  // A manager's settings are the shared folder only; the unit's rules are the administrator's.
  if (session.administrator || session.caseRole === 'manager') tabs.push('settings');
  return tabs;
}

/** Where this person lands after signing in: the caseload, or Accounts for administration-only accounts. */
export function homeTab(session: Access): Tab {
  return tabsFor(session)[0] ?? 'caseload';
}

export const TAB_LABELS: Record<Tab, string> = {
  caseload: 'Caseload',
  diary: 'Diary',
  outcomes: 'Outcomes',
  accounts: 'Accounts',
  audit: 'Audit trail',
  settings: 'Settings',
};

/** Whether this person may add clients: keyworkers and managers. The core enforces; this only hides. */
export function canAddClients(session: Pick<SessionDto, 'caseRole'>): boolean {
  return session.caseRole === 'keyworker' || session.caseRole === 'manager';
}
