// Tests for audit.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { actionWords, AUDIT_ACTIONS, describeDetail, filterFromForm, formatDateTime, verdictText } from './audit';

describe('actionWords', () => {
  it('puts known codes in plain words', () => {
    expect(actionWords('signed_in')).toBe('Signed in');
    expect(actionWords('sign_in_failed')).toBe('Failed sign-in');
    expect(actionWords('viewed_caseload')).toBe('Viewed the caseload');
    expect(actionWords('recovery_key_issued')).toBe('Issued a new recovery key');
  });
  it('has words for every action the filter offers', () => {
    const codes = AUDIT_ACTIONS.map((a) => a.code);
    for (const code of [
      'rag_reviewed', 'viewed_client', 'broke_glass', 'searched_unit', 'client_updated', 'client_allocated', 'unit_settings_changed',
      'signed_in', 'sign_in_failed', 'locked', 'viewed_caseload', 'client_created', 'unit_created',
      'account_created', 'account_disabled', 'account_enabled', 'password_changed',
      'recovered_with_key', 'recovery_key_issued', 'sign_in_released',
    ]) {
      expect(codes).toContain(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (const action of AUDIT_ACTIONS) expect(action.words).not.toContain('_');
  });
  it('makes an unknown code readable', () => {
    expect(actionWords('something_new')).toBe('Something new');
    expect(actionWords('')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows local day, short month, year and time', () => {
    const iso = new Date(2026, 10, 25, 14, 3, 12).toISOString();
    expect(formatDateTime(iso)).toBe('25 Nov 2026 14:03:12');
    expect(formatDateTime(new Date(2026, 0, 5, 9, 0, 7).toISOString())).toBe('5 Jan 2026 09:00:07');
  });
  it('returns an unreadable value unchanged', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('verdictText', () => {
  it('reports an intact trail', () => {
    expect(verdictText({ intact: true, entries: 42, brokenAtSeq: null, reason: null })).toBe(
      'The trail is intact: 42 entries checked.',
    );
    expect(verdictText({ intact: true, entries: 1, brokenAtSeq: null, reason: null })).toBe(
      'The trail is intact: 1 entry checked.',
    );
  });
  it('reports where and why it was tampered with', () => {
    expect(verdictText({ intact: false, entries: 9, brokenAtSeq: 7, reason: 'the entry was changed' })).toBe(
      'The trail has been tampered with at entry #7: the entry was changed.',
    );
    expect(verdictText({ intact: false, entries: 9, brokenAtSeq: 7, reason: 'An entry is missing.' })).toBe(
      'The trail has been tampered with at entry #7: An entry is missing.',
    );
    expect(verdictText({ intact: false, entries: 9, brokenAtSeq: null, reason: null })).toBe(
      'The trail has been tampered with: no reason given.',
    );
  });
});

describe('filterFromForm', () => {
  it('sends blanks as null and trims the rest', () => {
    expect(filterFromForm({ accountId: '', clientId: ' ', action: ' ', from: ' 2026-01-01 ', to: '' })).toEqual({
      accountId: null,
      clientId: null,
      action: null,
      from: '2026-01-01',
      to: null,
    });
    expect(filterFromForm({ accountId: 'a1', clientId: 'c1', action: 'locked', from: '', to: '2026-02-01' })).toEqual({
      accountId: 'a1',
      clientId: 'c1',
      action: 'locked',
      from: null,
      to: '2026-02-01',
    });
  });
});

describe('describeDetail', () => {
  it('turns a JSON object into plain words and drops empty values', () => {
    expect(describeDetail('{"account":null,"action":"signed_in","from":null}')).toBe('action: signed_in');
    expect(describeDetail('{"fields":["given_name","family_name"],"demo":false}')).toBe(
      'fields: given name, family name · demo: no',
    );
  });
  it('leaves identifiers to the export and keeps the names', () => {
    expect(describeDetail('{"from":null,"to":"Lee Keyworker","from_id":null,"to_id":"0190-ab"}')).toBe('to: Lee Keyworker');
  });
  it('shows a dash for nothing and passes anything else through', () => {
    expect(describeDetail('{}')).toBe('—');
    expect(describeDetail('not json')).toBe('not json');
  });
});
