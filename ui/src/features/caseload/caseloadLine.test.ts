// Tests for caseloadLine.ts: the words of one caseload line, worked out
// once from the core's row.
import { describe, expect, it } from 'vitest';
import type { ClientRowDto } from '../../lib/ipc/bindings';
import { caseloadLine } from './caseloadLine';

const kim = { accountId: 'account-kim' };
const on = { year: 2026, month: 12, day: 7 };

const row = (over: Partial<ClientRowDto> = {}): ClientRowDto => ({
  id: 'client-1',
  givenName: 'Dana',
  familyName: 'Whitlock',
  dateOfBirth: '1988-03-14',
  identifiers: { crn: null, pncId: null, nhsNumber: null },
  keyworker: null,
  rag: null,
  ragReviewDue: null,
  localAuthority: null,
  activeFlags: [],
  cohortFlags: [],
  openReferral: null,
  referralClock: null,
  assessmentDue: null,
  access: 'full',
  ...over,
});

describe('a caseload line', () => {
  it('says little of a client with nothing open: a dash for the referral, none allocated', () => {
    const line = caseloadLine(row(), kim, on);
    expect(line.name).toBe('Whitlock, Dana');
    expect(line.born).toBe('14 Mar 1988');
    expect(line.age).toBe('(38)');
    expect(line.crn).toBeNull();
    expect(line.flagCount).toBe(0);
    expect(line.cohort).toBe('–');
    expect(line.noCohort).toBe(true);
    expect(line.clock).toBeNull();
    expect(line.route).toBe('');
    expect(line.noReferral).toBe(true);
    expect(line.due).toBeNull();
    expect(line.keyworker).toBe('Not allocated');
    expect(line.noKeyworker).toBe(true);
    expect(line.access).toBe('Can change');
    expect(line.own).toBe(false);
  });

  it('words everything a busy client has, for the eye and for a screen reader', () => {
    const line = caseloadLine(
      row({
        identifiers: { crn: 'X123456', pncId: null, nhsNumber: null },
        keyworker: { id: 'account-kim', fullName: 'Kim Worker' },
        rag: 'red',
        activeFlags: ['mappa', 'risk_to_staff'],
        cohortFlags: ['ppo', 'drr'],
        openReferral: 'prison',
        assessmentDue: { kind: 'initial', dueOn: '2026-11-30', overdue: true },
      }),
      kim,
      on,
    );
    expect(line.crn).toBe('X123456');
    expect(line.flagCount).toBe(2);
    expect(line.flagsSpoken.startsWith('safety flags: ')).toBe(true);
    expect(line.flagKinds.split(', ')).toHaveLength(2);
    expect(line.noCohort).toBe(false);
    expect(line.cohort.split(', ')).toHaveLength(2);
    expect(line.route).not.toBe('');
    expect(line.noReferral).toBe(false);
    expect(line.due).toEqual(expect.objectContaining({ badge: 'Assessment overdue', overdue: true, since: '30 Nov 2026' }));
    expect(line.keyworker).toBe('Kim Worker');
    expect(line.access).toBe('Yours');
    expect(line.own).toBe(true);
  });

  it('says "flag" for one safety flag', () => {
    expect(caseloadLine(row({ activeFlags: ['mappa'] }), kim, on).flagsSpoken.startsWith('safety flag: ')).toBe(true);
  });

  it('leaves the dash out when an assessment is due though no referral is open', () => {
    const line = caseloadLine(row({ assessmentDue: { kind: 'review', dueOn: '2026-12-20', overdue: false } }), kim, on);
    expect(line.noReferral).toBe(false);
    expect(line.due?.badge).toBe('Assessment due 20 Dec');
  });

  it('shows a running clock with its route, its tone and its sentence', () => {
    const clock = { status: 'breached', starts: '2026-11-01T09:00', due: '2026-11-22T23:59', inHours: false, target: 21, left: -3 } as const;
    const line = caseloadLine(row({ openReferral: 'prison', referralClock: clock }), kim, on);
    expect(line.clock?.tone).toBe('red');
    expect(line.clock?.text).toBe('Breached, 3 days over');
    expect(line.clock?.sentence).not.toBe('');
    expect(line.route).not.toBe('');
    expect(line.noReferral).toBe(false);
  });
});
