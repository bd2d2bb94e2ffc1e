// Days and weeks: Monday-first weeks, grouping by day, headings.
import { describe, expect, it } from 'vitest';
import { addDays, groupByDay, weekdayOf, weekDays, weekStart, weekTitle } from './days';
import { appointment } from './testAppointments';

describe('diary weeks', () => {
  it('counts days across months, years and clock changes', () => {
    expect(addDays('2026-03-30', 3)).toBe('2026-04-02');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('starts the week on Monday', () => {
    expect(weekdayOf('2026-03-16')).toBe(0);
    expect(weekdayOf('2026-03-22')).toBe(6);
    expect(weekStart('2026-03-22')).toBe('2026-03-16');
    expect(weekStart('2026-03-16')).toBe('2026-03-16');
    expect(weekDays('2026-01-01')).toEqual([
      '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04',
    ]);
  });

  it('names the week', () => {
    expect(weekTitle('2026-03-16')).toBe('16 – 22 Mar 2026');
    expect(weekTitle('2026-03-30')).toBe('30 Mar – 5 Apr 2026');
    expect(weekTitle('2025-12-29')).toBe('29 Dec 2025 – 4 Jan 2026');
  });

  it('groups appointments by the day they start, in time order, with empty days kept', () => {
    const list = [
      appointment('b', '2026-03-17T14:00', '2026-03-17T15:00'),
      appointment('a', '2026-03-17T09:00', '2026-03-17T10:00'),
      appointment('c', '2026-03-22T09:00', '2026-03-22T10:00'),
      appointment('elsewhere', '2026-03-23T09:00', '2026-03-23T10:00'),
    ];
    const grouped = groupByDay(list, weekDays('2026-03-18'), (a) => a.startsAt);
    expect(grouped).toHaveLength(7);
    expect(grouped[0].items).toEqual([]);
    expect(grouped[1].items.map((a) => a.id)).toEqual(['a', 'b']);
    expect(grouped[6].items.map((a) => a.id)).toEqual(['c']);
  });
});
