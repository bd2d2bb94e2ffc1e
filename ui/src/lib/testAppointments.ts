// A made-up appointment for unit tests, with every field the wire type has,
// so each test names only what it is about.
import type { AppointmentDto } from './ipc/bindings';

export function appointment(
  id: string,
  startsAt: string,
  endsAt: string,
  more: Partial<AppointmentDto> = {},
): AppointmentDto {
  return {
    id,
    clientId: 'c1',
    startsAt,
    endsAt,
    kind: 'one_to_one',
    place: 'office',
    room: null,
    staffIds: ['a1'],
    otherAttendees: null,
    bookedBy: null,
    outcome: null,
    outcomeReason: null,
    absence: null,
    absenceReason: null,
    absenceNote: null,
    rescheduledTo: null,
    outcomeBy: null,
    ...more,
  };
}
