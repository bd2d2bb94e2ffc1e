// Tests for format.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { ageOn, dateFromParts, formatDate, pageLine, parseIsoDate, plural, todayIso } from './format';

describe('parseIsoDate', () => {
  it('reads a valid date', () => {
    expect(parseIsoDate('1988-03-14')).toEqual({ year: 1988, month: 3, day: 14 });
  });
  it('rejects impossible or malformed dates', () => {
    expect(parseIsoDate('1988-02-30')).toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
    expect(parseIsoDate('1988-13-01')).toBeNull();
    expect(parseIsoDate('14/03/1988')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });
  it('accepts 29 Feb in a leap year', () => {
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });
});

describe('formatDate', () => {
  it('formats as day, short month, year', () => {
    expect(formatDate('1988-03-14')).toBe('14 Mar 1988');
    expect(formatDate('2001-09-01')).toBe('1 Sep 2001');
    expect(formatDate('1999-12-31')).toBe('31 Dec 1999');
  });
  it('returns an unreadable value unchanged', () => {
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('ageOn', () => {
  const on = { year: 2026, month: 3, day: 14 };
  it('counts a birthday that has happened this year', () => {
    expect(ageOn('1988-03-14', on)).toBe(38);
    expect(ageOn('1988-01-01', on)).toBe(38);
  });
  it('does not count a birthday still to come', () => {
    expect(ageOn('1988-03-15', on)).toBe(37);
    expect(ageOn('1988-12-31', on)).toBe(37);
  });
  it('handles 29 February birthdays', () => {
    expect(ageOn('2004-02-29', { year: 2026, month: 2, day: 28 })).toBe(21);
    expect(ageOn('2004-02-29', { year: 2026, month: 3, day: 1 })).toBe(22);
    expect(ageOn('2004-02-29', { year: 2028, month: 2, day: 29 })).toBe(24);
  });
  it('is 0 on the day of birth and null for the future or junk', () => {
    expect(ageOn('2026-03-14', on)).toBe(0);
    expect(ageOn('2026-03-15', on)).toBeNull();
    expect(ageOn('junk', on)).toBeNull();
  });
});

describe('todayIso', () => {
  it('pads month and day', () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('plural', () => {
  it('uses the singular only for one', () => {
    expect(plural(0, 'client')).toBe('0 clients');
    expect(plural(1, 'client')).toBe('1 client');
    expect(plural(2, 'client')).toBe('2 clients');
  });
});

describe('dateFromParts', () => {
  it('zero-pads numbers into an ISO date', () => {
    expect(dateFromParts('4', '3', '1988')).toBe('1988-03-04');
    expect(dateFromParts(' 14 ', '03', '1988')).toBe('1988-03-14');
  });
  it('passes anything else on as typed for the core to judge', () => {
    expect(dateFromParts('31', 'Feb', '1988')).toBe('1988-Feb-31');
    expect(dateFromParts('', '', '')).toBe('--');
  });
});

describe('pageLine', () => {
  it('names the lines of a page', () => {
    expect(pageLine(0, 100, 100, 412)).toBe('1–100 of 412');
    expect(pageLine(4, 100, 12, 412)).toBe('401–412 of 412');
    expect(pageLine(0, 100, 0, 0)).toBe('None');
    expect(pageLine(1, 200, 200, 150000)).toBe('201–400 of 150,000');
  });
});
