// Tests for accounts.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import {
  AGENCIES,
  canAddClients,
  GENDER_CHOICES,
  homeTab,
  roleFromChoice,
  roleLabel,
  ROLE_CHOICES,
  statusLabel,
  TAB_LABELS,
  tabsFor,
} from './accounts';

describe('roleLabel', () => {
  it('names each role in plain words', () => {
    expect(roleLabel('keyworker')).toBe('Keyworker');
    expect(roleLabel('manager')).toBe('Manager');
    expect(roleLabel('partner')).toBe('Partner (police/probation)');
    expect(roleLabel(null)).toBe('Administration only');
  });
});

describe('statusLabel', () => {
  it('names each status', () => {
    expect(statusLabel('active')).toBe('Active');
    expect(statusLabel('must_change_password')).toBe('Must choose a password');
    expect(statusLabel('disabled')).toBe('Disabled');
  });
});

describe('choices', () => {
  it('offers the agencies, roles and genders', () => {
    expect(AGENCIES).toEqual(['Casebook charity service', 'Police', 'Probation', 'Council', 'Other']);
    expect(ROLE_CHOICES.map((r) => r.value)).toEqual(['keyworker', 'manager', 'partner', '']);
    expect(GENDER_CHOICES.map((g) => g.label)).toEqual(['Not recorded', 'Woman', 'Man', 'Non-binary']);
  });
  it('turns the role choice into a case role', () => {
    expect(roleFromChoice('manager')).toBe('manager');
    expect(roleFromChoice('')).toBeNull();
    expect(roleFromChoice('boss')).toBeNull();
  });
});

describe('tabsFor / homeTab', () => {
  it('gives a keyworker the caseload and the diary, and a partner the caseload only', () => {
    expect(tabsFor({ caseRole: 'keyworker', administrator: false })).toEqual(['caseload', 'diary']);
    expect(tabsFor({ caseRole: 'partner', administrator: false })).toEqual(['caseload']);
  });
  it('gives a manager the outcomes, the audit trail and settings (for the shared folder) too', () => {
    expect(tabsFor({ caseRole: 'manager', administrator: false })).toEqual(['caseload', 'diary', 'outcomes', 'audit', 'settings']);
    expect(TAB_LABELS.outcomes).toBe('Outcomes');
  });
  it('shows the outcomes to managers only', () => {
    expect(tabsFor({ caseRole: 'keyworker', administrator: true })).not.toContain('outcomes');
    expect(tabsFor({ caseRole: 'partner', administrator: false })).not.toContain('outcomes');
    expect(tabsFor({ caseRole: null, administrator: true })).not.toContain('outcomes');
  });
  it('gives an administrator accounts, the audit trail and the unit settings', () => {
    expect(tabsFor({ caseRole: 'keyworker', administrator: true })).toEqual(['caseload', 'diary', 'accounts', 'audit', 'settings']);
  });
  it('sends an administration-only account to Accounts', () => {
    const adminOnly = { caseRole: null, administrator: true };
    expect(tabsFor(adminOnly)).toEqual(['accounts', 'audit', 'settings']);
    expect(homeTab(adminOnly)).toBe('accounts');
    expect(homeTab({ caseRole: 'manager', administrator: true })).toBe('caseload');
  });
});

describe('canAddClients', () => {
  it('allows keyworkers and managers only', () => {
    expect(canAddClients({ caseRole: 'keyworker' })).toBe(true);
    expect(canAddClients({ caseRole: 'manager' })).toBe(true);
    expect(canAddClients({ caseRole: 'partner' })).toBe(false);
    expect(canAddClients({ caseRole: null })).toBe(false);
  });
});
