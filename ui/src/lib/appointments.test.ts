// Appointment words and rules: labels for codes, outcome rules, staff and clashes.
import { describe, expect, it } from 'vitest';
import { absenceLabel, absenceReasonLabel, absenceRequired, APPOINTMENT_KINDS, appointmentKindLabel, clashWords, isMissed, isOpenAppointment, outcomeLabel, outcomeNeedsReason, OUTCOMES, outcomeWords, placeLabel, PLACES, splitAppointments, staffChoices } from './appointments';
import { standingLabel } from './compliance';
import { ACTION_WHO, actionWhoLabel, interventionLabel, INTERVENTIONS, pathwayLabel, PATHWAYS } from './pathwayWords';
import { TIMELINE_EVENTS, TIMELINE_KINDS, timelineEventLabel, timelineKindLabel } from '../features/client/timeline';
import { appointment } from './testAppointments';

describe('words for codes', () => {
  it('names every code in the core’s closed lists', () => {
    const all = [...APPOINTMENT_KINDS, ...PLACES, ...OUTCOMES, ...PATHWAYS, ...INTERVENTIONS, ...ACTION_WHO, ...TIMELINE_KINDS, ...TIMELINE_EVENTS];
    for (const choice of all) {
      expect(choice.label).not.toMatch(/_/);
      expect(choice.label.length).toBeGreaterThan(2);
    }
    expect(APPOINTMENT_KINDS).toHaveLength(9);
    expect(PLACES).toHaveLength(7);
    expect(OUTCOMES).toHaveLength(6);
    expect(PATHWAYS).toHaveLength(7);
    expect(INTERVENTIONS).toHaveLength(8);
    expect(TIMELINE_EVENTS).toHaveLength(13);
  });

  it('says each code in plain words', () => {
    expect(outcomeLabel('did_not_attend')).toBe('Did not attend (DNA)');
    expect(outcomeLabel('cancelled_by_client')).toBe('Cancelled by the client');
    expect(appointmentKindLabel('three_way_with_probation')).toBe('Three-way with probation');
    expect(placeLabel('home_visit')).toBe('Home visit');
    expect(absenceLabel('unacceptable')).toBe('Unacceptable absence');
    expect(absenceReasonLabel('childcare_or_family')).toBe('Childcare or family');
    expect(pathwayLabel('attitudes_thinking_behaviour')).toBe('Attitudes, thinking and behaviour');
    expect(interventionLabel('naloxone_supplied')).toBe('Naloxone supplied');
    expect(actionWhoLabel('partner_agency')).toBe('A partner agency');
    expect(standingLabel('breach_referral_due')).toBe('Referral for breach due');
    expect(timelineKindLabel('safety_flag')).toBe('Safety flags');
    expect(timelineEventLabel('task_done')).toBe('Task done');
  });

  it('makes an unknown code readable rather than hiding it', () => {
    expect(outcomeLabel('left_early')).toBe('Left early');
    expect(placeLabel('')).toBe('');
  });
});

describe('outcome rules', () => {
  it('knows missed appointments and those needing a reason', () => {
    expect(isMissed('did_not_attend')).toBe(true);
    expect(isMissed('cancelled_by_client')).toBe(true);
    expect(isMissed('cancelled_by_service')).toBe(false);
    expect(outcomeNeedsReason('rescheduled')).toBe(true);
    expect(outcomeNeedsReason('attended')).toBe(false);
  });

  it('asks for a judgement of the absence only for a client on an order', () => {
    expect(absenceRequired('did_not_attend', ['drr'])).toBe(true);
    expect(absenceRequired('cancelled_by_client', ['ppo', 'licence_dtc_dac'])).toBe(true);
    expect(absenceRequired('did_not_attend', ['ppo', 'voluntary'])).toBe(false);
    expect(absenceRequired('attended', ['drr'])).toBe(false);
  });

  it('says what happened in a line', () => {
    expect(outcomeWords(appointment('p1', '2026-03-16T09:30', '2026-03-16T10:30'))).toBe('Not recorded yet');
    expect(
      outcomeWords(appointment('p1', '', '', { outcome: 'did_not_attend', absence: 'unacceptable' })),
    ).toBe('Did not attend (DNA) · unacceptable absence');
    expect(
      outcomeWords(
        appointment('p1', '', '', { outcome: 'cancelled_by_client', outcomeReason: 'Ill', absence: 'acceptable', absenceReason: 'medical' }),
      ),
    ).toBe('Cancelled by the client: “Ill” · acceptable absence (medical)');
  });

  it('keeps open only what has no outcome and was not moved on', () => {
    expect(isOpenAppointment({ outcome: null, rescheduledTo: null })).toBe(true);
    expect(isOpenAppointment({ outcome: 'attended', rescheduledTo: null })).toBe(false);
    expect(isOpenAppointment({ outcome: null, rescheduledTo: 'p2' })).toBe(false);
  });

  it('puts upcoming appointments first, soonest first, then the past, latest first', () => {
    const list = [
      appointment('old', '2026-03-01T09:00', '2026-03-01T10:00'),
      appointment('later', '2026-03-20T09:00', '2026-03-20T10:00'),
      appointment('soon', '2026-03-16T11:00', '2026-03-16T12:00'),
      appointment('recent', '2026-03-10T09:00', '2026-03-10T10:00'),
    ];
    const { upcoming, past } = splitAppointments(list, '2026-03-16T10:00');
    expect(upcoming.map((a) => a.id)).toEqual(['soon', 'later']);
    expect(past.map((a) => a.id)).toEqual(['recent', 'old']);
  });
});

describe('staff and clashes', () => {
  it('offers me first and everyone else once', () => {
    const me = { id: 'a1', fullName: 'Kim Lee' };
    const sam = { id: 'a2', fullName: 'Sam Ray' };
    expect(staffChoices(me, null, sam, { ...me }, undefined, sam)).toEqual([me, sam]);
  });

  it('says each clash in a sentence', () => {
    const names = (id: string) => (id === 'a2' ? 'Sam Ray' : null);
    expect(clashWords({ with: 'staff', appointmentId: 'p', staffId: 'a2' }, names)).toBe('Sam Ray is already booked at that time.');
    expect(clashWords({ with: 'staff', appointmentId: 'p', staffId: 'a9' }, names)).toBe('A member of staff is already booked at that time.');
    expect(clashWords({ with: 'room', appointmentId: 'p', staffId: null }, names)).toBe('The room is already booked at that time.');
    expect(clashWords({ with: 'client', appointmentId: 'p', staffId: null }, names, 'Mon 16 Mar, 09:30–10:30')).toBe(
      'The client already has an appointment at that time (Mon 16 Mar, 09:30–10:30).',
    );
  });
});
