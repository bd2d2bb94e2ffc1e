// Tests for bookingCheck.svelte.ts: which booking the clash check was for.
import { describe, expect, it } from 'vitest';
import { BookingCheck } from './bookingCheck.svelte';
import type { BookAppointmentRequest, BookingWarningsDto } from '../../lib/ipc/bindings';

const request: BookAppointmentRequest = {
  clientId: 'c1',
  startsAt: '2026-03-16T09:30',
  endsAt: '2026-03-16T10:30',
  kind: 'one_to_one',
  place: 'office',
  room: '',
  otherAttendees: '',
  staffIds: ['a1'],
  movingAppointmentId: null,
};
const noWarnings: BookingWarningsDto = { clashes: [], safetyFlags: [], loneVisitNotAdvised: false };

describe('BookingCheck', () => {
  it('stands for the request it checked, and for an equal one', async () => {
    const check = new BookingCheck();
    expect(check.warningsFor(request)).toBeNull();
    await check.check(request, () => Promise.resolve(noWarnings));
    expect(check.warningsFor(request)).toBe(noWarnings);
    expect(check.warningsFor({ ...request, staffIds: ['a1'] })).toBe(noWarnings);
  });

  it('no longer stands once anything in the request changes', async () => {
    const check = new BookingCheck();
    await check.check(request, () => Promise.resolve(noWarnings));
    expect(check.warningsFor({ ...request, room: 'Room 1' })).toBeNull();
    expect(check.warningsFor({ ...request, staffIds: ['a1', 'a2'] })).toBeNull();
  });

  it('is for the request as it was asked, not as it is when the answer comes', async () => {
    const check = new BookingCheck();
    const form = { ...request };
    let answer: (warnings: BookingWarningsDto) => void = () => undefined;
    const checking = check.check(form, () => new Promise((resolve) => (answer = resolve)));
    form.room = 'Typed meanwhile';
    answer(noWarnings);
    await checking;
    expect(check.warningsFor(form)).toBeNull();
    expect(check.warningsFor(request)).toBe(noWarnings);
  });

  it('keeps the last check when a new one fails', async () => {
    const check = new BookingCheck();
    await check.check(request, () => Promise.resolve(noWarnings));
    await expect(check.check({ ...request, room: 'X' }, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(check.warningsFor(request)).toBe(noWarnings);
  });

  it('forgets', async () => {
    const check = new BookingCheck();
    await check.check(request, () => Promise.resolve(noWarnings));
    check.forget();
    expect(check.warningsFor(request)).toBeNull();
  });
});
