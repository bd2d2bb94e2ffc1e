// Days and weeks in words: Monday-first weeks, the days of a week grouped
// for the diary, and day and week headings.
import { formatDate, parseIsoDate } from './format';

const DAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function utcOf(iso: string): Date | null {
  const d = parseIsoDate(iso);
  return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
}

/** The day a number of days from an ISO day (negative goes back). */
export function addDays(iso: string, days: number): string {
  const date = utcOf(iso);
  if (!date) return iso;
  date.setUTCDate(date.getUTCDate() + days);
  return isoOf(date);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(iso: string): number {
  const date = utcOf(iso);
  return date ? (date.getUTCDay() + 6) % 7 : 0;
}

/** The Monday of the week a day is in. */
export function weekStart(iso: string): string {
  return addDays(iso, -weekdayOf(iso));
}

/** The seven days, Monday first, of the week a day is in. */
export function weekDays(iso: string): string[] {
  const monday = weekStart(iso);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Items grouped by the day they start, one group for each day asked for, each in time order. */
export function groupByDay<T>(items: readonly T[], days: readonly string[], startOf: (item: T) => string): Array<{ day: string; items: T[] }> {
  return days.map((day) => ({
    day,
    items: items.filter((item) => startOf(item).slice(0, 10) === day).sort((a, b) => startOf(a).localeCompare(startOf(b))),
  }));
}

/** "Mon 16 Mar". */
export function dayHeading(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${DAYS_SHORT[weekdayOf(iso)]} ${d.day} ${MONTHS[d.month - 1]}`;
}

/** "Monday 16 March 2026". */
export function dayTitle(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${DAYS_LONG[weekdayOf(iso)]} ${d.day} ${MONTHS_LONG[d.month - 1]} ${d.year}`;
}

/** "16 – 22 Mar 2026", "30 Mar – 5 Apr 2026", "29 Dec 2025 – 4 Jan 2026". */
export function weekTitle(monday: string): string {
  const a = parseIsoDate(monday);
  const b = parseIsoDate(addDays(monday, 6));
  if (!a || !b) return monday;
  if (a.year !== b.year) return `${formatDate(monday)} – ${formatDate(addDays(monday, 6))}`;
  if (a.month !== b.month) return `${a.day} ${MONTHS[a.month - 1]} – ${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
  return `${a.day} – ${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
}
