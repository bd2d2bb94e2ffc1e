// Local times: reading typed times, joining and splitting, showing them.
import { describe, expect, it } from 'vitest';
import { addMinutesToTime, appointmentWhen, appointmentWhenOf, draftSavedWords, formatLocalDateTime, formatTimeRange, joinLocal, minutesBetween, normaliseTime, nowLocal, partsFromIso } from './localTime';
import { dayHeading, dayTitle } from './days';
import { appointment } from './testAppointments';

describe('local times', () => {
  it('writes now as the core does', () => {
    expect(nowLocal(new Date(2026, 2, 6, 9, 5))).toBe('2026-03-06T09:05');
  });

  it('tidies a typed time and joins it to a day', () => {
    expect(normaliseTime('9:30')).toBe('09:30');
    expect(normaliseTime('0930')).toBe('09:30');
    expect(normaliseTime(' 14.05 ')).toBe('14:05');
    expect(normaliseTime('half nine')).toBe('half nine');
    expect(joinLocal('2026-03-16', '9:30')).toBe('2026-03-16T09:30');
  });

  it('splits an ISO day into the three date boxes', () => {
    expect(partsFromIso('2026-03-06')).toEqual({ day: '6', month: '3', year: '2026' });
    expect(partsFromIso('')).toEqual({ day: '', month: '', year: '' });
  });

  it('formats local times in words', () => {
    expect(formatLocalDateTime('2026-03-16T09:30')).toBe('Mon 16 Mar 2026, 09:30');
    expect(formatTimeRange('2026-03-16T09:30', '2026-03-16T10:30')).toBe('09:30–10:30');
    expect(formatTimeRange('2026-03-16T23:30', '2026-03-17T00:30')).toBe('Mon 16 Mar 23:30 – Tue 17 Mar 00:30');
    expect(appointmentWhen({ startsAt: '2026-03-16T09:30', endsAt: '2026-03-16T10:30' })).toBe('Mon 16 Mar 2026, 09:30–10:30');
    const booked = [appointment('p1', '2026-03-16T09:30', '2026-03-16T10:30', { kind: 'review' })];
    expect(appointmentWhenOf(booked, 'p1')).toBe('Mon 16 Mar 2026, 09:30–10:30, review');
    expect(appointmentWhenOf(booked, 'elsewhere')).toBeNull();
    expect(dayHeading('2026-03-22')).toBe('Sun 22 Mar');
    expect(dayTitle('2026-03-16')).toBe('Monday 16 March 2026');
  });

  it('adds minutes within a day', () => {
    expect(addMinutesToTime('09:30', 45)).toBe('10:15');
    expect(addMinutesToTime('9:30', 90)).toBe('11:00');
    expect(addMinutesToTime('23:30', 60)).toBe('');
    expect(addMinutesToTime('nine', 60)).toBe('');
    expect(minutesBetween('09:30', '10:20')).toBe(50);
    expect(minutesBetween('09:30', 'later')).toBeNull();
  });

  it('says when a draft was saved', () => {
    const now = new Date(2026, 2, 16, 14, 30);
    expect(draftSavedWords(new Date(2026, 2, 16, 14, 5, 12).toISOString(), now)).toBe('Draft saved at 14:05');
    expect(draftSavedWords(new Date(2026, 2, 15, 9, 0).toISOString(), now)).toBe('Draft saved 15 Mar 2026 09:00');
  });
});
