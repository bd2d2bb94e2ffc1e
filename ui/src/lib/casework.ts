// Words, times and orderings for casework: appointments, the diary, session
// records, tasks, compliance with orders and the timeline. Pure, so it is
// unit-tested. The codes are the core's closed lists; an unknown code is
// shown readably rather than hidden.
import type {
  AppointmentDto,
  ClashDto,
  CohortFlag,
  OrderStandingDto,
  SessionTemplateDto,
  SessionFormDto,
  StaffMemberDto,
  TaskDto,
  TaskListedDto,
  TimelineEntryDto,
} from './ipc/bindings';
import { formatDate, parseIsoDate, plural } from './format';
import { ragLabel } from './clients';
import { kindLabel } from './safetyFlags';
import { ENDING_OUTCOMES, EXIT_REASONS, REFERRAL_ROUTES } from './referrals';

export type Choice = { readonly value: string; readonly label: string };

/** "new_thing" → "New thing": for a code this list does not know yet. */
function readable(code: string): string {
  const words = code.replace(/_+/g, ' ').trim();
  return words === '' ? code : words.charAt(0).toUpperCase() + words.slice(1);
}

function wordsFrom(list: readonly Choice[]): (code: string) => string {
  const words = new Map(list.map((c) => [c.value, c.label]));
  return (code) => words.get(code) ?? readable(code);
}

// ---------- appointments ----------

export const APPOINTMENT_KINDS: readonly Choice[] = [
  { value: 'assessment', label: 'Assessment' },
  { value: 'one_to_one', label: 'One-to-one' },
  { value: 'review', label: 'Review' },
  { value: 'advice_and_brief_intervention', label: 'Advice and brief intervention' },
  { value: 'group', label: 'Group session' },
  { value: 'drug_test', label: 'Drug test' },
  { value: 'three_way_with_probation', label: 'Three-way with probation' },
  { value: 'custody_visit', label: 'Custody visit' },
  { value: 'prison_in_reach', label: 'Prison in-reach' },
];

export const PLACES: readonly Choice[] = [
  { value: 'office', label: 'Office' },
  { value: 'satellite_site', label: 'Satellite site' },
  { value: 'home_visit', label: 'Home visit' },
  { value: 'police_custody', label: 'Police custody' },
  { value: 'prison', label: 'Prison' },
  { value: 'phone', label: 'Phone' },
  { value: 'video', label: 'Video call' },
];

export const OUTCOMES: readonly Choice[] = [
  { value: 'attended', label: 'Attended' },
  { value: 'did_not_attend', label: 'Did not attend (DNA)' },
  { value: 'arrived_late_and_seen', label: 'Arrived late and seen' },
  { value: 'cancelled_by_client', label: 'Cancelled by the client' },
  { value: 'cancelled_by_service', label: 'Cancelled by the service' },
  { value: 'rescheduled', label: 'Rescheduled' },
];

export const ABSENCE_JUDGEMENTS: readonly Choice[] = [
  { value: 'acceptable', label: 'Acceptable absence' },
  { value: 'unacceptable', label: 'Unacceptable absence' },
];

export const ACCEPTABLE_REASONS: readonly Choice[] = [
  { value: 'medical', label: 'Medical' },
  { value: 'work', label: 'Work' },
  { value: 'court', label: 'Court' },
  { value: 'childcare_or_family', label: 'Childcare or family' },
  { value: 'religious', label: 'Religious observance' },
  { value: 'other', label: 'Other' },
];

export const appointmentKindLabel = wordsFrom(APPOINTMENT_KINDS);
export const placeLabel = wordsFrom(PLACES);
export const outcomeLabel = wordsFrom(OUTCOMES);
export const absenceLabel = wordsFrom(ABSENCE_JUDGEMENTS);
export const absenceReasonLabel = wordsFrom(ACCEPTABLE_REASONS);

/** A missed appointment: for a client on an order, it must be judged acceptable or not. */
export function isMissed(outcome: string): boolean {
  return outcome === 'did_not_attend' || outcome === 'cancelled_by_client';
}

/** Cancellations and moves need a reason. */
export function outcomeNeedsReason(outcome: string): boolean {
  return outcome === 'cancelled_by_client' || outcome === 'cancelled_by_service' || outcome === 'rescheduled';
}

/** Orders and licences whose absences are counted. */
export const ORDER_FLAGS: readonly CohortFlag[] = ['drr', 'atr', 'community_order', 'licence_dtc_dac'];

export function isOrder(flag: string): boolean {
  return (ORDER_FLAGS as readonly string[]).includes(flag);
}

/** Whether a judgement of the absence is required: a missed appointment of a client on an order. */
export function absenceRequired(outcome: string, cohortFlags: readonly string[]): boolean {
  return isMissed(outcome) && cohortFlags.some(isOrder);
}

/** An appointment nobody has recorded the outcome of yet. */
export function isOpenAppointment(appointment: Pick<AppointmentDto, 'outcome' | 'rescheduledTo'>): boolean {
  return appointment.outcome === null && appointment.rescheduledTo === null;
}

/** "Did not attend (DNA) · unacceptable absence", "Cancelled by the client: “Ill” · acceptable absence (medical)". */
export function outcomeWords(
  appointment: Pick<AppointmentDto, 'outcome' | 'outcomeReason' | 'absence' | 'absenceReason' | 'absenceNote'>,
): string {
  if (appointment.outcome === null) return 'Not recorded yet';
  let words = outcomeLabel(appointment.outcome);
  if (appointment.outcomeReason) words += `: “${appointment.outcomeReason}”`;
  if (appointment.absence) {
    const why = appointment.absenceReason ? ` (${absenceReasonLabel(appointment.absenceReason).toLowerCase()})` : '';
    words += ` · ${absenceLabel(appointment.absence).toLowerCase()}${why}`;
    if (appointment.absenceNote) words += `: “${appointment.absenceNote}”`;
  }
  return words;
}

/** Appointments still to come (soonest first) and those gone (latest first). */
export function splitAppointments(
  appointments: readonly AppointmentDto[],
  now: string,
): { upcoming: AppointmentDto[]; past: AppointmentDto[] } {
  const upcoming = appointments.filter((a) => a.startsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = appointments.filter((a) => a.startsAt < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

/** The staff to choose from for a booking: me first, then anyone else known, each once. */
export function staffChoices(me: StaffMemberDto, ...others: ReadonlyArray<StaffMemberDto | null | undefined>): StaffMemberDto[] {
  const chosen: StaffMemberDto[] = [me];
  for (const person of others) {
    if (person && !chosen.some((c) => c.id === person.id)) chosen.push(person);
  }
  return chosen;
}

/** A clash in a sentence. */
export function clashWords(clash: ClashDto, staffName: (id: string) => string | null, when: string | null = null): string {
  const at = when ? ` (${when})` : '';
  switch (clash.with) {
    case 'staff': {
      const name = clash.staffId ? staffName(clash.staffId) : null;
      return `${name ?? 'A member of staff'} is already booked at that time${at}.`;
    }
    case 'room':
      return `The room is already booked at that time${at}.`;
    case 'client':
      return `The client already has an appointment at that time${at}.`;
    default:
      return `Clashes with another appointment${at}.`;
  }
}

// ---------- local times ----------

const DAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
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

// ---------- session records ----------

export const PATHWAYS: readonly Choice[] = [
  { value: 'accommodation', label: 'Accommodation' },
  { value: 'education_training_employment', label: 'Education, training and employment' },
  { value: 'health', label: 'Health' },
  { value: 'drugs_and_alcohol', label: 'Drugs and alcohol' },
  { value: 'finance_benefits_debt', label: 'Finance, benefits and debt' },
  { value: 'children_and_families', label: 'Children and families' },
  { value: 'attitudes_thinking_behaviour', label: 'Attitudes, thinking and behaviour' },
];

export const INTERVENTIONS: readonly Choice[] = [
  { value: 'advice_and_brief_intervention', label: 'Advice and brief intervention' },
  { value: 'recovery_support', label: 'Recovery support' },
  { value: 'relapse_prevention', label: 'Relapse prevention' },
  { value: 'harm_reduction_advice', label: 'Harm reduction advice' },
  { value: 'naloxone_supplied', label: 'Naloxone supplied' },
  { value: 'motivational_work', label: 'Motivational work' },
  { value: 'practical_support', label: 'Practical support' },
  { value: 'onward_referral', label: 'Onward referral' },
];

export const ACTION_WHO: readonly Choice[] = [
  { value: 'client', label: 'The client' },
  { value: 'keyworker', label: 'The keyworker' },
  { value: 'partner_agency', label: 'A partner agency' },
];

export const pathwayLabel = wordsFrom(PATHWAYS);
export const interventionLabel = wordsFrom(INTERVENTIONS);
export const actionWhoLabel = wordsFrom(ACTION_WHO);

/** A new session record's form: today, now, at the office. */
export function blankSessionForm(now: Date = new Date()): SessionFormDto {
  const { date, time } = splitLocal(nowLocal(now));
  return {
    appointmentId: '',
    heldOn: date,
    startsAt: time,
    minutes: '',
    place: 'office',
    present: '',
    pathways: [],
    interventions: [],
    notes: '',
    concerns: '',
    confidential: false,
    actions: [],
  };
}

/** A form filled from what happened at an appointment: its day, time, length and place. */
export function formFromAppointment(form: SessionFormDto, appointment: AppointmentDto): SessionFormDto {
  const start = splitLocal(appointment.startsAt);
  const end = splitLocal(appointment.endsAt);
  const minutes = start.date === end.date ? minutesBetween(start.time, end.time) : null;
  return {
    ...form,
    appointmentId: appointment.id,
    heldOn: start.date,
    startsAt: start.time,
    minutes: minutes !== null && minutes > 0 ? String(minutes) : form.minutes,
    place: appointment.place,
  };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

/** A template's pathways and interventions added; its notes in an empty note, or after what is written. */
export function applyTemplate(form: SessionFormDto, template: Pick<SessionTemplateDto, 'pathways' | 'interventions' | 'notes'>): SessionFormDto {
  const notes = form.notes.trim() === '' ? template.notes : template.notes.trim() === '' ? form.notes : `${form.notes.trimEnd()}\n\n${template.notes}`;
  return {
    ...form,
    pathways: union(form.pathways, template.pathways),
    interventions: union(form.interventions, template.interventions),
    notes,
  };
}

/** The same form, compared by what it holds (for autosave). */
export function sameForm(a: SessionFormDto, b: SessionFormDto): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------- tasks ----------

export const TASK_STATUSES: readonly Choice[] = [
  { value: 'open', label: 'Open' },
  { value: 'done', label: 'Done' },
  { value: 'cancelled', label: 'Cancelled' },
];

export const taskStatusLabel = wordsFrom(TASK_STATUSES);

/** An open task due before today ("YYYY-MM-DD"). */
export function taskOverdue(task: Pick<TaskDto, 'status' | 'dueOn'>, today: string): boolean {
  return task.status === 'open' && task.dueOn < today;
}

/** My tasks: overdue first, then soonest due, then by client. */
export function sortMyTasks(tasks: readonly TaskListedDto[]): TaskListedDto[] {
  return [...tasks].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.task.dueOn.localeCompare(b.task.dueOn) ||
      a.familyName.localeCompare(b.familyName) ||
      a.givenName.localeCompare(b.givenName),
  );
}

/** A client's tasks: open ones soonest due first, then the closed ones, latest due first. */
export function sortClientTasks(tasks: readonly TaskDto[]): { open: TaskDto[]; closed: TaskDto[] } {
  return {
    open: tasks.filter((t) => t.status === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    closed: tasks.filter((t) => t.status !== 'open').sort((a, b) => b.dueOn.localeCompare(a.dueOn)),
  };
}

/** Who is to do it: "The client", "Housing Options (partner agency)". */
export function taskWho(task: Pick<TaskDto, 'who' | 'partnerAgency'>): string {
  if (task.who === 'partner_agency' && task.partnerAgency) return `${task.partnerAgency} (partner agency)`;
  return actionWhoLabel(task.who);
}

/**
 * Who a task can be given to: the staff offered, each once, leaving out its
 * owner (it is theirs already).
 */
export function reassignChoices(staff: readonly StaffMemberDto[], ownerId: string): StaffMemberDto[] {
  const chosen: StaffMemberDto[] = [];
  for (const person of staff) {
    if (person.id !== ownerId && !chosen.some((c) => c.id === person.id)) chosen.push(person);
  }
  return chosen;
}

// ---------- compliance ----------

export const STANDINGS: readonly Choice[] = [
  { value: 'compliant', label: 'Compliant' },
  { value: 'warning_due', label: 'Warning due' },
  { value: 'breach_referral_due', label: 'Referral for breach due' },
];

export const NOTICE_KINDS: readonly Choice[] = [
  { value: 'warning', label: 'Warning' },
  { value: 'breach_referral', label: 'Referral for breach' },
  { value: 'other', label: 'Other' },
];

export const standingLabel = wordsFrom(STANDINGS);
export const noticeKindLabel = wordsFrom(NOTICE_KINDS);

export type AbsenceThresholds = { absenceWarningAt: number; absenceBreachReferralAt: number };

/** "warning due (threshold 1)", "compliant (warning at 1)". */
export function standingVerdict(standing: Pick<OrderStandingDto, 'standing'>, thresholds: AbsenceThresholds | null): string {
  const label = standingLabel(standing.standing);
  const state = label.charAt(0).toLowerCase() + label.slice(1);
  if (!thresholds) return state;
  if (standing.standing === 'warning_due') return `${state} (threshold ${thresholds.absenceWarningAt})`;
  if (standing.standing === 'breach_referral_due') return `${state} (threshold ${thresholds.absenceBreachReferralAt})`;
  return `${state} (warning at ${thresholds.absenceWarningAt})`;
}

/** "1 unacceptable absence in 12 months — warning due (threshold 1)". */
export function standingWords(standing: Pick<OrderStandingDto, 'unacceptable' | 'standing'>, thresholds: AbsenceThresholds | null): string {
  return `${plural(standing.unacceptable, 'unacceptable absence')} in 12 months — ${standingVerdict(standing, thresholds)}`;
}

/** When the oldest counted absence leaves the 12 months, or null. */
export function countFallsWords(standing: Pick<OrderStandingDto, 'countFallsOn'>): string | null {
  return standing.countFallsOn ? `The count falls by one on ${formatDate(standing.countFallsOn)}.` : null;
}

/** The notice a standing calls for, to preselect in the form. */
export function noticeFor(standing: string): string {
  if (standing === 'breach_referral_due') return 'breach_referral';
  if (standing === 'warning_due') return 'warning';
  return '';
}

// ---------- timeline ----------

export const TIMELINE_KINDS: readonly Choice[] = [
  { value: 'appointment', label: 'Appointments' },
  { value: 'session', label: 'Sessions' },
  { value: 'task', label: 'Tasks' },
  { value: 'referral', label: 'Referrals' },
  { value: 'safety_flag', label: 'Safety flags' },
  { value: 'rag', label: 'RAG' },
];

export const TIMELINE_EVENTS: readonly Choice[] = [
  { value: 'referral_received', label: 'Referral received' },
  { value: 'referral_picked_up', label: 'Picked up' },
  { value: 'episode_ended', label: 'Episode ended' },
  { value: 'appointment_booked', label: 'Appointment booked' },
  { value: 'appointment_outcome', label: 'Appointment' },
  { value: 'session_signed', label: 'Session record signed' },
  { value: 'session_addendum', label: 'Addendum added to a session record' },
  { value: 'safety_flag_raised', label: 'Safety flag raised' },
  { value: 'safety_flag_ended', label: 'Safety flag ended' },
  { value: 'rag_reviewed', label: 'RAG reviewed' },
  { value: 'task_created', label: 'Task set' },
  { value: 'task_done', label: 'Task done' },
  { value: 'task_cancelled', label: 'Task cancelled' },
];

export const timelineKindLabel = wordsFrom(TIMELINE_KINDS);
export const timelineEventLabel = wordsFrom(TIMELINE_EVENTS);

/** The codes in an entry's detail, in words. */
export function timelineDetail(entry: Pick<TimelineEntryDto, 'event' | 'detail'>): string {
  const detail = entry.detail.trim();
  if (detail === '') return '';
  switch (entry.event) {
    case 'referral_received':
      return REFERRAL_ROUTES.find((r) => r.value === detail)?.label ?? readable(detail);
    case 'episode_ended':
      return (EXIT_REASONS.find((r) => r.value === detail) ?? ENDING_OUTCOMES.find((o) => o.value === detail))?.label ?? readable(detail);
    case 'appointment_booked':
      return appointmentKindLabel(detail);
    case 'appointment_outcome': {
      const match = /^(\S+) \((\w+)\)$/.exec(detail);
      return match ? `${outcomeLabel(match[1])}, ${absenceLabel(match[2]).toLowerCase()}` : outcomeLabel(detail);
    }
    case 'session_signed':
      return detail.split(',').map((p) => pathwayLabel(p.trim())).join(', ');
    case 'safety_flag_raised':
    case 'safety_flag_ended':
      return kindLabel(detail as Parameters<typeof kindLabel>[0]);
    case 'rag_reviewed':
      return detail === 'red' || detail === 'amber' || detail === 'green' ? ragLabel(detail) : detail;
    default:
      return detail;
  }
}

/** Entries of the kinds shown, newest first. */
export function filterTimeline(entries: readonly TimelineEntryDto[], shown: ReadonlySet<string>): TimelineEntryDto[] {
  return entries.filter((e) => shown.has(e.kind)).sort((a, b) => b.at.localeCompare(a.at));
}
