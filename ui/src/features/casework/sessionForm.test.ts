// A session record's form: blank, from an appointment, from a template.
import { describe, expect, it } from 'vitest';
import { applyTemplate, blankSessionForm, formFromAppointment } from './sessionForm';
import { appointment } from '../../lib/testAppointments';

describe('session forms', () => {
  it('starts today, now, at the office', () => {
    const form = blankSessionForm(new Date(2026, 2, 16, 14, 5));
    expect(form).toMatchObject({ heldOn: '2026-03-16', startsAt: '14:05', place: 'office', notes: '', actions: [] });
  });

  it('fills the day, time, length and place from an appointment', () => {
    const form = formFromAppointment(blankSessionForm(), appointment('p1', '2026-03-16T09:30', '2026-03-16T10:20', { place: 'home_visit' }));
    expect(form).toMatchObject({ appointmentId: 'p1', heldOn: '2026-03-16', startsAt: '09:30', minutes: '50', place: 'home_visit' });
  });

  it('adds a template to what is written', () => {
    const template = { pathways: ['health', 'accommodation'], interventions: ['relapse_prevention'], notes: 'Check housing.' };
    const empty = applyTemplate({ ...blankSessionForm(), pathways: ['health'] }, template);
    expect(empty.pathways).toEqual(['health', 'accommodation']);
    expect(empty.interventions).toEqual(['relapse_prevention']);
    expect(empty.notes).toBe('Check housing.');
    const written = applyTemplate({ ...blankSessionForm(), notes: 'Seen at home.\n' }, template);
    expect(written.notes).toBe('Seen at home.\n\nCheck housing.');
  });
});
