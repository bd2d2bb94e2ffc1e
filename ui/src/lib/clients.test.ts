// Tests for clients.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { genderLabel, duplicateReasonWords, accessLabel, breakGlassReasonProblem, canAllocate, clientName, keyworkerName, ragLabel, ragReasonProblem, spacedNhsNumber } from './clients';

const kim = { id: 'k1', fullName: 'Kim Worker' };

describe('accessLabel', () => {
  it('says whose client it is from the reader’s side', () => {
    expect(accessLabel('full', kim, { accountId: 'k1' })).toBe('Yours');
    expect(accessLabel('full', kim, { accountId: 'm1' })).toBe('Can change');
    expect(accessLabel('full', null, { accountId: 'm1' })).toBe('Can change');
    expect(accessLabel('read_only', kim, { accountId: 'k2' })).toBe('Read only');
    expect(accessLabel('summary', kim, { accountId: 'p1' })).toBe('Summary');
  });
});

describe('names', () => {
  it('names the keyworker or says there is none', () => {
    expect(keyworkerName(kim)).toBe('Kim Worker');
    expect(keyworkerName(null)).toBe('Not allocated');
    expect(clientName({ givenName: 'Dana', familyName: 'Whitlock' })).toBe('Dana Whitlock');
  });
});

describe('canAllocate', () => {
  it('is for managers only', () => {
    expect(canAllocate({ caseRole: 'manager' })).toBe(true);
    expect(canAllocate({ caseRole: 'keyworker' })).toBe(false);
    expect(canAllocate({ caseRole: 'partner' })).toBe(false);
    expect(canAllocate({ caseRole: null })).toBe(false);
  });
});

describe('breakGlassReasonProblem', () => {
  it('asks for a reason of 10 to 500 characters', () => {
    expect(breakGlassReasonProblem('  urgent  ')).toMatch(/at least 10/);
    expect(breakGlassReasonProblem('x'.repeat(501))).toMatch(/under 500/);
    expect(breakGlassReasonProblem('Police called about a missing person')).toBeNull();
  });
});

describe('spacedNhsNumber', () => {
  it('groups ten digits three, three, four', () => {
    expect(spacedNhsNumber('9434765919')).toBe('943 476 5919');
    expect(spacedNhsNumber('943476591')).toBe('943476591');
  });
});

describe('RAG words', () => {
  it('names each rating and the absence of one', () => {
    expect(ragLabel('red')).toBe('Red');
    expect(ragLabel(null)).toBe('Not rated');
  });
  it('asks for a reason for red only', () => {
    expect(ragReasonProblem('', '')).toMatch(/Choose/);
    expect(ragReasonProblem('red', ' no ')).toMatch(/Say why/);
    expect(ragReasonProblem('red', 'Arrested last night')).toBeNull();
    expect(ragReasonProblem('green', '')).toBeNull();
  });
});

describe('duplicateReasonWords', () => {
  it('says why two records may be one person', () => {
    expect(duplicateReasonWords('same_crn')).toBe('the same CRN');
    expect(duplicateReasonWords('same_birth_and_similar_name')).toMatch(/similar name/);
  });
});

describe('genderLabel', () => {
  it('names a recorded gender and says when there is none', () => {
    expect(genderLabel('prefer not to say')).toBe('Prefers not to say');
    expect(genderLabel(null)).toBe('Not recorded');
  });
});
