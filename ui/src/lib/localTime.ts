// Local times as the core writes them ("2026-03-16T09:30"): reading what
// is typed, joining and splitting day and time, and showing them in words.
import type { AppointmentDto } from './ipc/bindings';
import { parseIsoDate } from './format';
import { appointmentKindLabel } from './appointments';
import { MONTHS, dayHeading } from './days';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local time now as the core writes it: "2026-03-16T09:05". */
export function nowLocal(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** "9:30", "0930", "9.30" → "09:30"; anything else as typed, for the core to judge. */
export function normaliseTime(text: string): string {
  const t = text.trim();
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(t);
  if (!match) return t;
  return `${pad(Number(match[1]))}:${match[2]}`;
}

/** "2026-03-16" and "9:30" → "2026-03-16T09:30". */
export function joinLocal(date: string, time: string): string {
  return `${date}T${normaliseTime(time)}`;
}

/** "2026-03-16T09:30" → { date: "2026-03-16", time: "09:30" }. */
export function splitLocal(value: string): { date: string; time: string } {
  const [date = '', time = ''] = value.split('T');
  return { date, time: time.slice(0, 5) };
}

/** "2026-03-16" → { day: "16", month: "3", year: "2026" }, for the three date boxes. */
export function partsFromIso(iso: string): { day: string; month: string; year: string } {
  const parts = iso.split('-');
  if (parts.length !== 3) return { day: '', month: '', year: '' };
  const [year, month, day] = parts;
  const trim = (p: string) => (/^\d+$/.test(p) ? String(Number(p)) : p);
  return { day: trim(day), month: trim(month), year };
}

/** "2026-03-16T09:30" → "Mon 16 Mar 2026, 09:30". */
export function formatLocalDateTime(value: string): string {
  const { date, time } = splitLocal(value);
  const d = parseIsoDate(date);
  if (!d) return value;
  return `${dayHeading(date)} ${d.year}${time ? `, ${time}` : ''}`;
}

/** "09:30–10:30", or with the days when it runs past midnight. */
export function formatTimeRange(startsAt: string, endsAt: string): string {
  const start = splitLocal(startsAt);
  const end = splitLocal(endsAt);
  if (start.date === end.date) return `${start.time}–${end.time}`;
  return `${dayHeading(start.date)} ${start.time} – ${dayHeading(end.date)} ${end.time}`;
}

/** "Mon 16 Mar 2026, 09:30–10:30". */
export function appointmentWhen(appointment: Pick<AppointmentDto, 'startsAt' | 'endsAt'>): string {
  const start = splitLocal(appointment.startsAt);
  const d = parseIsoDate(start.date);
  if (!d) return `${appointment.startsAt} – ${appointment.endsAt}`;
  return `${dayHeading(start.date)} ${d.year}, ${formatTimeRange(appointment.startsAt, appointment.endsAt)}`;
}

/**
 * "Mon 16 Mar 2026, 09:30–10:30, one-to-one": which of these appointments a
 * clash is with, for the booking warnings; null when it is not among them.
 */
export function appointmentWhenOf(appointments: readonly AppointmentDto[], appointmentId: string): string | null {
  const found = appointments.find((a) => a.id === appointmentId);
  return found ? `${appointmentWhen(found)}, ${appointmentKindLabel(found.kind).toLowerCase()}` : null;
}

function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(normaliseTime(time));
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[1]) < 24 && Number(match[2]) < 60 ? minutes : null;
}

/** "09:30" plus 45 minutes → "10:15"; blank when the start is not a time or the end would pass midnight. */
export function addMinutesToTime(time: string, minutes: number): string {
  const start = minutesOf(time);
  if (start === null || !Number.isFinite(minutes)) return '';
  const end = start + minutes;
  if (end < 0 || end >= 24 * 60) return '';
  return `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
}

/** Minutes from one "HH:MM" to another on the same day, or null. */
export function minutesBetween(start: string, end: string): number | null {
  const a = minutesOf(start);
  const b = minutesOf(end);
  return a === null || b === null ? null : b - a;
}

/** An RFC 3339 stamp in local time: "16 Mar 2026 14:05". */
export function formatStamp(rfc3339: string): string {
  const time = Date.parse(rfc3339);
  if (Number.isNaN(time)) return rfc3339;
  const d = new Date(time);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Draft saved at 14:05"; with the day too when it was not today. */
export function draftSavedWords(savedAt: string, now: Date = new Date()): string {
  const time = Date.parse(savedAt);
  if (Number.isNaN(time)) return 'Draft saved';
  const d = new Date(time);
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? `Draft saved at ${pad(d.getHours())}:${pad(d.getMinutes())}` : `Draft saved ${formatStamp(savedAt)}`;
}
