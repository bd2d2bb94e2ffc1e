// A session record's form: a blank one, one filled from an appointment or a
// template, and comparing two for the autosave.
import type { AppointmentDto, SessionFormDto, SessionTemplateDto } from '../../lib/ipc/bindings';
import { nowLocal, splitLocal, minutesBetween } from '../../lib/localTime';

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
