// Tests for nextAppointment.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import {
  blankNextAppointment,
  bookedWords,
  nextAppointmentGiven,
  nextAppointmentRequest,
  sameTimeNextWeek,
  signedOffWords,
} from './nextAppointment';

describe('the next appointment', () => {
  it('starts as a one-to-one at the office, not asked for', () => {
    const blank = blankNextAppointment();
    expect(blank.kind).toBe('one_to_one');
    expect(blank.place).toBe('office');
    expect(nextAppointmentGiven(blank)).toBe(false);
  });

  it('is asked for once a day, a time or a room is typed', () => {
    expect(nextAppointmentGiven({ ...blankNextAppointment(), day: '3' })).toBe(true);
    expect(nextAppointmentGiven({ ...blankNextAppointment(), start: '9:30' })).toBe(true);
    expect(nextAppointmentGiven({ ...blankNextAppointment(), room: 'Room 2' })).toBe(true);
    expect(nextAppointmentGiven({ ...blankNextAppointment(), day: '  ', place: 'home_visit' })).toBe(false);
  });

  it('books the client with the person writing the record', () => {
    const fields = { ...blankNextAppointment(), day: '23', month: '3', year: '2026', start: '9:30', end: '1030' };
    expect(nextAppointmentRequest('c1', 'a1', fields)).toEqual({
      clientId: 'c1',
      startsAt: '2026-03-23T09:30',
      endsAt: '2026-03-23T10:30',
      kind: 'one_to_one',
      place: 'office',
      room: '',
      otherAttendees: '',
      staffIds: ['a1'],
      movingAppointmentId: null,
    });
  });

  it('offers the same time next week', () => {
    const fields = { ...blankNextAppointment(), place: 'phone' };
    expect(sameTimeNextWeek(fields, { heldOn: '2026-03-30', startsAt: '9:30', minutes: '45' })).toEqual({
      ...fields,
      day: '6',
      month: '4',
      year: '2026',
      start: '09:30',
      end: '10:15',
    });
    // No length yet: an hour. No time: blank times.
    expect(sameTimeNextWeek(fields, { heldOn: '2026-03-16', startsAt: '14:00', minutes: '' }).end).toBe('15:00');
    expect(sameTimeNextWeek(fields, { heldOn: '2026-03-16', startsAt: 'soon', minutes: '30' })).toMatchObject({ start: '', end: '' });
  });

  it('says what was booked', () => {
    const booked = { kind: 'one_to_one', place: 'home_visit', startsAt: '2026-03-23T09:30', endsAt: '2026-03-23T10:30' };
    expect(bookedWords(booked)).toBe('One-to-one, home visit, Mon 23 Mar 2026, 09:30–10:30');
  });

  it('says plainly when the record is signed but the appointment is not booked', () => {
    expect(signedOffWords('2026-03-16', null)).toEqual({
      text: 'Signed off the session record of Monday 16 March 2026. Any actions agreed are now tasks.',
      problem: false,
    });
    const booked = signedOffWords('2026-03-16', {
      booked: { kind: 'review', place: 'office', startsAt: '2026-03-23T09:30', endsAt: '2026-03-23T10:00' },
      clashes: 1,
    });
    expect(booked.problem).toBe(false);
    expect(booked.text).toContain('Booked the next appointment: Review, office, Mon 23 Mar 2026, 09:30–10:00.');
    expect(booked.text).toContain('It clashes with another appointment.');
    const failed = signedOffWords('2026-03-16', { booked: null, error: { message: 'The end is before the start.' } });
    expect(failed).toEqual({
      text: 'The session record is signed off, but the next appointment was not booked: The end is before the start. Book it under Appointments.',
      problem: true,
    });
  });
});
