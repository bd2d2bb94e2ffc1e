// Tests for resolveItems.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import type { ResolveItemDto, ResolveOptionDto } from './ipc/bindings';
import { countWords, itemTitle, sideDetail, valueWords } from './resolveItems';

const kim = { id: 'a1', fullName: 'Kim Lee' };
const sam = { id: 'a2', fullName: 'Sam Ray' };

function item(subject: ResolveItemDto['subject'], options: ResolveOptionDto[]): ResolveItemDto {
  return { subject, subjectId: 's1', clientId: 'c1', givenName: 'Jordan', familyName: 'Whitlock', options };
}

const flagSide: ResolveOptionDto = {
  versionId: 'v1',
  value: { kind: 'safety_flag', flagKind: 'risk_to_staff', note: 'Threat repeated', reviewBy: '2027-01-20', ended: false, endReason: null },
  madeBy: null,
  madeAt: 'not a time',
  inEffect: true,
};

describe('resolve item words', () => {
  it('names what two computers changed', () => {
    expect(itemTitle(item('rag', []))).toBe('RAG status');
    expect(itemTitle(item('allocation', []))).toBe('Allocation');
    expect(itemTitle(item('safety_flag', [flagSide]))).toBe('Safety flag: Risk to staff');
    expect(itemTitle(item('appointment_outcome', []))).toBe('What happened at an appointment');
  });

  it('says each side in a line', () => {
    expect(valueWords({ kind: 'rag', rating: 'red', reason: 'Arrested' })).toBe('Red: “Arrested”');
    expect(valueWords({ kind: 'rag', rating: 'green', reason: null })).toBe('Green');
    expect(valueWords({ kind: 'allocation', keyworker: kim, coWorker: null })).toBe('Keyworker Kim Lee, no co-worker');
    expect(valueWords({ kind: 'allocation', keyworker: kim, coWorker: sam })).toBe('Keyworker Kim Lee, co-worker Sam Ray');
    expect(valueWords({ kind: 'allocation', keyworker: null, coWorker: null })).toBe('Not allocated');
    expect(valueWords(flagSide.value)).toBe('Active, review by 20 Jan 2027: “Threat repeated”');
    expect(
      valueWords({ kind: 'safety_flag', flagKind: 'mappa', note: 'n', reviewBy: '2027-01-20', ended: true, endReason: 'Withdrawn' }),
    ).toBe('Ended: “Withdrawn”');
    expect(
      valueWords({ kind: 'appointment_outcome', outcome: 'did_not_attend', reason: null, absence: 'unacceptable', absenceReason: null }),
    ).toBe('Did not attend (DNA); unacceptable absence');
    expect(
      valueWords({ kind: 'appointment_outcome', outcome: 'cancelled_by_client', reason: 'Hospital', absence: 'acceptable', absenceReason: 'medical' }),
    ).toBe('Cancelled by the client: “Hospital”; acceptable absence (medical)');
    expect(
      valueWords({ kind: 'appointment_outcome', outcome: 'attended', reason: null, absence: null, absenceReason: null }),
    ).toBe('Attended');
  });

  it('says who and when, even for someone no longer listed', () => {
    expect(sideDetail(flagSide)).toBe('Someone no longer listed, not a time');
  });

  it('counts', () => {
    expect(countWords(1)).toBe('1 change to resolve');
    expect(countWords(2)).toBe('2 changes to resolve');
  });
});
