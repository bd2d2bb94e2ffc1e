// Pure date helpers. Dates of birth travel as "YYYY-MM-DD" (no time, no zone);
// they are parsed by hand so the result never shifts with the time zone.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type CalendarDate = { year: number; month: number; day: number };

/** Parses "YYYY-MM-DD" into a real calendar date, or null. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "1988-03-14" → "14 Mar 1988". An unreadable value is returned unchanged. */
export function formatDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** Today's local date as a CalendarDate. */
export function today(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Today's local date as "YYYY-MM-DD" (for <input type="date" max=…>). */
export function todayIso(now: Date = new Date()): string {
  const d = today(now);
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Age in whole years on `on`. Someone born on 29 Feb has their birthday on
 * 1 Mar in non-leap years (the UK legal convention). Returns null for an
 * unreadable date or a date of birth in the future.
 */
export function ageOn(dateOfBirth: string, on: CalendarDate = today()): number | null {
  const dob = parseIsoDate(dateOfBirth);
  if (!dob) return null;
  let age = on.year - dob.year;
  let birthdayMonth = dob.month;
  let birthdayDay = dob.day;
  if (dob.month === 2 && dob.day === 29 && !isLeapYear(on.year)) {
    birthdayMonth = 3;
    birthdayDay = 1;
  }
  if (on.month < birthdayMonth || (on.month === birthdayMonth && on.day < birthdayDay)) age -= 1;
  return age < 0 ? null : age;
}

/** "1 client", "3 clients". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Joins the day, month and year fields of a date input into "YYYY-MM-DD".
 * Numbers are zero-padded; anything else is passed on as typed, so the core
 * (which owns the rules) can say in plain words what is wrong with it.
 */
export function dateFromParts(day: string, month: string, year: string): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  const digits = /^\d+$/;
  if (!digits.test(d) || !digits.test(m) || !digits.test(y)) return `${y}-${m}-${d}`;
  return `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Which lines of how many a page holds: "101–200 of 1,234". */
export function pageLine(page: number, pageSize: number, shownOnPage: number, total: number): string {
  if (total === 0 || shownOnPage === 0) return 'None';
  const number = new Intl.NumberFormat('en-GB');
  const first = page * pageSize + 1;
  return `${number.format(first)}–${number.format(first + shownOnPage - 1)} of ${number.format(total)}`;
}
