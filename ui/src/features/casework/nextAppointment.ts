// The next appointment, booked from the session record form. It is not part
// of the draft: it lives in the form until the record is signed off, and is
// booked then. Pure, so it is unit-tested.
import type { AppointmentDto, BookAppointmentRequest } from '../../lib/ipc/bindings';
import { addDays, dayTitle } from '../../lib/days';
import { addMinutesToTime, appointmentWhen, joinLocal, normaliseTime, partsFromIso } from '../../lib/localTime';
import { appointmentKindLabel, placeLabel } from '../../lib/appointments';
import { dateFromParts } from '../../lib/format';

export type NextAppointmentFields = {
  day: string;
  month: string;
  year: string;
  start: string;
  end: string;
  kind: string;
  place: string;
  room: string;
};

/** Nothing typed yet: a one-to-one at the office, the day and times blank. */
export function blankNextAppointment(): NextAppointmentFields {
  return { day: '', month: '', year: '', start: '', end: '', kind: 'one_to_one', place: 'office', room: '' };
}

/** Whether a next appointment was asked for: any day, time or room typed (the kind and place have defaults). */
export function nextAppointmentGiven(fields: NextAppointmentFields): boolean {
  return [fields.day, fields.month, fields.year, fields.start, fields.end, fields.room].some((part) => part.trim() !== '');
}

/** The booking for the client with one member of staff (the person writing the record). */
export function nextAppointmentRequest(clientId: string, staffId: string, fields: NextAppointmentFields): BookAppointmentRequest {
  const day = dateFromParts(fields.day, fields.month, fields.year);
  return {
    clientId,
    startsAt: joinLocal(day, fields.start),
    endsAt: joinLocal(day, fields.end),
    kind: fields.kind,
    place: fields.place,
    room: fields.room,
    otherAttendees: '',
    staffIds: [staffId],
    movingAppointmentId: null,
  };
}

/**
 * The same time a week after the session: its day plus seven, its start, and
 * an end its length later. The kind, place and room stay as chosen. Blank
 * times when the session's are not times.
 */
export function sameTimeNextWeek(
  fields: NextAppointmentFields,
  session: { heldOn: string; startsAt: string; minutes: string },
): NextAppointmentFields {
  const { day, month, year } = partsFromIso(addDays(session.heldOn, 7));
  const start = /^\d{2}:\d{2}$/.test(normaliseTime(session.startsAt)) ? normaliseTime(session.startsAt) : '';
  const minutes = /^\d{1,3}$/.test(session.minutes.trim()) ? Number(session.minutes.trim()) : 60;
  const end = start === '' ? '' : addMinutesToTime(start, minutes > 0 ? minutes : 60);
  return { ...fields, day, month, year, start, end };
}

/** "One-to-one, office, Mon 16 Mar 2026, 09:30–10:30". */
export function bookedWords(appointment: Pick<AppointmentDto, 'kind' | 'place' | 'startsAt' | 'endsAt'>): string {
  return `${appointmentKindLabel(appointment.kind)}, ${placeLabel(appointment.place).toLowerCase()}, ${appointmentWhen(appointment)}`;
}

/** What became of the next appointment after the record was signed off. */
export type NextBooking =
  | { booked: Pick<AppointmentDto, 'kind' | 'place' | 'startsAt' | 'endsAt'>; clashes: number }
  | { booked: null; error: { readonly message: string } };

/** The words shown once a record is signed off, and whether they report a problem. */
export function signedOffWords(heldOn: string, next: NextBooking | null): { text: string; problem: boolean } {
  const signed = `Signed off the session record of ${dayTitle(heldOn)}. Any actions agreed are now tasks.`;
  if (next === null) return { text: signed, problem: false };
  if (next.booked === null) {
    return {
      text: `The session record is signed off, but the next appointment was not booked: ${next.error.message} Book it under Appointments.`,
      problem: true,
    };
  }
  const clash = next.clashes === 0 ? '' : next.clashes === 1 ? ' It clashes with another appointment.' : ` It clashes with ${next.clashes} other appointments.`;
  return { text: `${signed} Booked the next appointment: ${bookedWords(next.booked)}.${clash}`, problem: false };
}
