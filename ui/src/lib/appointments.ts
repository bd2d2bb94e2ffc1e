// Words and rules for appointments: kinds, places and outcomes, which
// outcomes need a reason or a judgement of the absence, the order of
// appointments to come and gone, staff to book and clashes in a sentence.
import type { AppointmentDto, ClashDto, CohortFlag, StaffMemberDto } from './ipc/bindings';
import type { Choice } from './words';
import { wordsFrom } from './words';

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

// The rules below mirror the core's closed lists (`Outcome::is_missed`,
// `Outcome::needs_reason`, `compliance::ORDERS`); a Rust test
// (`the_page_mirrors_the_core_s_closed_lists`) holds each list to the core.

/** Missed appointments: for a client on an order, each must be judged acceptable or not. */
export const MISSED_OUTCOMES: readonly string[] = ['did_not_attend', 'cancelled_by_client'];

/** Outcomes that need a reason: cancellations and moves. */
export const OUTCOMES_NEEDING_A_REASON: readonly string[] = ['cancelled_by_client', 'cancelled_by_service', 'rescheduled'];

/** A missed appointment: for a client on an order, it must be judged acceptable or not. */
export function isMissed(outcome: string): boolean {
  return MISSED_OUTCOMES.includes(outcome);
}

/** Cancellations and moves need a reason. */
export function outcomeNeedsReason(outcome: string): boolean {
  return OUTCOMES_NEEDING_A_REASON.includes(outcome);
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
