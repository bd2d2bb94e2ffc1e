import { describe, expect, it } from 'vitest';
import type { AppointmentDto, TaskDto, TaskListedDto, TimelineEntryDto } from './ipc/bindings';
import {
  ACTION_WHO,
  APPOINTMENT_KINDS,
  INTERVENTIONS,
  OUTCOMES,
  PATHWAYS,
  PLACES,
  TIMELINE_EVENTS,
  TIMELINE_KINDS,
  absenceLabel,
  absenceReasonLabel,
  absenceRequired,
  actionWhoLabel,
  addDays,
  addMinutesToTime,
  appointmentKindLabel,
  appointmentWhen,
  appointmentWhenOf,
  applyTemplate,
  blankSessionForm,
  clashWords,
  countFallsWords,
  dayHeading,
  dayTitle,
  draftSavedWords,
  filterTimeline,
  formFromAppointment,
  formatLocalDateTime,
  formatTimeRange,
  groupByDay,
  interventionLabel,
  isMissed,
  isOpenAppointment,
  joinLocal,
  minutesBetween,
  noticeFor,
  normaliseTime,
  nowLocal,
  outcomeLabel,
  outcomeNeedsReason,
  outcomeWords,
  partsFromIso,
  pathwayLabel,
  placeLabel,
  sortClientTasks,
  sortMyTasks,
  splitAppointments,
  reassignChoices,
  staffChoices,
  standingLabel,
  standingVerdict,
  standingWords,
  taskOverdue,
  taskWho,
  timelineDetail,
  timelineEventLabel,
  timelineKindLabel,
  weekDays,
  weekStart,
  weekTitle,
  weekdayOf,
} from './casework';

function appointment(id: string, startsAt: string, endsAt: string, more: Partial<AppointmentDto> = {}): AppointmentDto {
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

function task(id: string, dueOn: string, more: Partial<TaskDto> = {}): TaskDto {
  return {
    id,
    clientId: 'c1',
    sessionId: null,
    goalId: null,
    what: `Task ${id}`,
    who: 'keyworker',
    partnerAgency: null,
    ownerId: 'a1',
    ownerName: 'Kim Lee',
    dueOn,
    status: 'open',
    statusReason: null,
    closedBy: null,
    ...more,
  };
}

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

describe('local times', () => {
  it('writes now as the core does', () => {
    expect(nowLocal(new Date(2026, 2, 6, 9, 5))).toBe('2026-03-06T09:05');
  });

  it('tidies a typed time and joins it to a day', () => {
    expect(normaliseTime('9:30')).toBe('09:30');
    expect(normaliseTime('0930')).toBe('09:30');
    expect(normaliseTime(' 14.05 ')).toBe('14:05');
    expect(normaliseTime('half nine')).toBe('half nine');
    expect(joinLocal('2026-03-16', '9:30')).toBe('2026-03-16T09:30');
  });

  it('splits an ISO day into the three date boxes', () => {
    expect(partsFromIso('2026-03-06')).toEqual({ day: '6', month: '3', year: '2026' });
    expect(partsFromIso('')).toEqual({ day: '', month: '', year: '' });
  });

  it('formats local times in words', () => {
    expect(formatLocalDateTime('2026-03-16T09:30')).toBe('Mon 16 Mar 2026, 09:30');
    expect(formatTimeRange('2026-03-16T09:30', '2026-03-16T10:30')).toBe('09:30–10:30');
    expect(formatTimeRange('2026-03-16T23:30', '2026-03-17T00:30')).toBe('Mon 16 Mar 23:30 – Tue 17 Mar 00:30');
    expect(appointmentWhen({ startsAt: '2026-03-16T09:30', endsAt: '2026-03-16T10:30' })).toBe('Mon 16 Mar 2026, 09:30–10:30');
    const booked = [appointment('p1', '2026-03-16T09:30', '2026-03-16T10:30', { kind: 'review' })];
    expect(appointmentWhenOf(booked, 'p1')).toBe('Mon 16 Mar 2026, 09:30–10:30, review');
    expect(appointmentWhenOf(booked, 'elsewhere')).toBeNull();
    expect(dayHeading('2026-03-22')).toBe('Sun 22 Mar');
    expect(dayTitle('2026-03-16')).toBe('Monday 16 March 2026');
  });

  it('adds minutes within a day', () => {
    expect(addMinutesToTime('09:30', 45)).toBe('10:15');
    expect(addMinutesToTime('9:30', 90)).toBe('11:00');
    expect(addMinutesToTime('23:30', 60)).toBe('');
    expect(addMinutesToTime('nine', 60)).toBe('');
    expect(minutesBetween('09:30', '10:20')).toBe(50);
    expect(minutesBetween('09:30', 'later')).toBeNull();
  });

  it('says when a draft was saved', () => {
    const now = new Date(2026, 2, 16, 14, 30);
    expect(draftSavedWords(new Date(2026, 2, 16, 14, 5, 12).toISOString(), now)).toBe('Draft saved at 14:05');
    expect(draftSavedWords(new Date(2026, 2, 15, 9, 0).toISOString(), now)).toBe('Draft saved 15 Mar 2026 09:00');
  });
});

describe('diary weeks', () => {
  it('counts days across months, years and clock changes', () => {
    expect(addDays('2026-03-30', 3)).toBe('2026-04-02');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('starts the week on Monday', () => {
    expect(weekdayOf('2026-03-16')).toBe(0);
    expect(weekdayOf('2026-03-22')).toBe(6);
    expect(weekStart('2026-03-22')).toBe('2026-03-16');
    expect(weekStart('2026-03-16')).toBe('2026-03-16');
    expect(weekDays('2026-01-01')).toEqual([
      '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04',
    ]);
  });

  it('names the week', () => {
    expect(weekTitle('2026-03-16')).toBe('16 – 22 Mar 2026');
    expect(weekTitle('2026-03-30')).toBe('30 Mar – 5 Apr 2026');
    expect(weekTitle('2025-12-29')).toBe('29 Dec 2025 – 4 Jan 2026');
  });

  it('groups appointments by the day they start, in time order, with empty days kept', () => {
    const list = [
      appointment('b', '2026-03-17T14:00', '2026-03-17T15:00'),
      appointment('a', '2026-03-17T09:00', '2026-03-17T10:00'),
      appointment('c', '2026-03-22T09:00', '2026-03-22T10:00'),
      appointment('elsewhere', '2026-03-23T09:00', '2026-03-23T10:00'),
    ];
    const grouped = groupByDay(list, weekDays('2026-03-18'), (a) => a.startsAt);
    expect(grouped).toHaveLength(7);
    expect(grouped[0].items).toEqual([]);
    expect(grouped[1].items.map((a) => a.id)).toEqual(['a', 'b']);
    expect(grouped[6].items.map((a) => a.id)).toEqual(['c']);
  });
});

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

describe('tasks', () => {
  function listed(id: string, dueOn: string, overdue: boolean, familyName = 'Lee'): TaskListedDto {
    return { task: task(id, dueOn), givenName: 'Ann', familyName, overdue };
  }

  it('sorts my tasks overdue first, then soonest due', () => {
    const sorted = sortMyTasks([
      listed('later', '2026-03-30', false),
      listed('overdue-recent', '2026-03-15', true),
      listed('soon', '2026-03-17', false),
      listed('overdue-old', '2026-03-01', true),
    ]);
    expect(sorted.map((t) => t.task.id)).toEqual(['overdue-old', 'overdue-recent', 'soon', 'later']);
  });

  it('splits a client’s tasks into open and closed', () => {
    const { open, closed } = sortClientTasks([
      task('b', '2026-03-20'),
      task('x', '2026-03-01', { status: 'done' }),
      task('a', '2026-03-10'),
    ]);
    expect(open.map((t) => t.id)).toEqual(['a', 'b']);
    expect(closed.map((t) => t.id)).toEqual(['x']);
  });

  it('calls an open task overdue after its day', () => {
    expect(taskOverdue(task('a', '2026-03-15'), '2026-03-16')).toBe(true);
    expect(taskOverdue(task('a', '2026-03-16'), '2026-03-16')).toBe(false);
    expect(taskOverdue(task('a', '2026-03-01', { status: 'done' }), '2026-03-16')).toBe(false);
  });

  it('says who is to do it', () => {
    expect(taskWho({ who: 'client', partnerAgency: null })).toBe('The client');
    expect(taskWho({ who: 'partner_agency', partnerAgency: 'Housing Options' })).toBe('Housing Options (partner agency)');
  });
});

describe('compliance', () => {
  const thresholds = { absenceWarningAt: 1, absenceBreachReferralAt: 2 };

  it('says the standing with the count and the threshold reached', () => {
    expect(standingWords({ unacceptable: 1, standing: 'warning_due' }, thresholds)).toBe(
      '1 unacceptable absence in 12 months — warning due (threshold 1)',
    );
    expect(standingWords({ unacceptable: 3, standing: 'breach_referral_due' }, thresholds)).toBe(
      '3 unacceptable absences in 12 months — referral for breach due (threshold 2)',
    );
    expect(standingWords({ unacceptable: 0, standing: 'compliant' }, thresholds)).toBe(
      '0 unacceptable absences in 12 months — compliant (warning at 1)',
    );
    expect(standingWords({ unacceptable: 0, standing: 'compliant' }, null)).toBe('0 unacceptable absences in 12 months — compliant');
    expect(standingVerdict({ standing: 'breach_referral_due' }, { absenceWarningAt: 2, absenceBreachReferralAt: 4 })).toBe(
      'referral for breach due (threshold 4)',
    );
  });

  it('says when the count falls and which notice is due', () => {
    expect(countFallsWords({ countFallsOn: '2027-01-10' })).toBe('The count falls by one on 10 Jan 2027.');
    expect(countFallsWords({ countFallsOn: null })).toBeNull();
    expect(noticeFor('warning_due')).toBe('warning');
    expect(noticeFor('breach_referral_due')).toBe('breach_referral');
    expect(noticeFor('compliant')).toBe('');
  });
});

describe('timeline', () => {
  function entry(at: string, kind: string, event: string, detail = ''): TimelineEntryDto {
    return { at, kind, event, detail, id: `${kind}-${at}` };
  }

  it('keeps the kinds chosen, newest first', () => {
    const entries = [
      entry('2026-03-01T09:00', 'appointment', 'appointment_booked', 'review'),
      entry('2026-03-10T09:00', 'task', 'task_created', 'Ring GP'),
      entry('2026-03-05T09:00', 'appointment', 'appointment_outcome', 'attended'),
      entry('2026-03-07T09:00', 'rag', 'rag_reviewed', 'red'),
    ];
    expect(filterTimeline(entries, new Set(['appointment', 'task'])).map((e) => e.at)).toEqual([
      '2026-03-10T09:00',
      '2026-03-05T09:00',
      '2026-03-01T09:00',
    ]);
    expect(filterTimeline(entries, new Set())).toEqual([]);
  });

  it('puts the codes in an entry’s detail into words', () => {
    expect(timelineDetail({ event: 'appointment_outcome', detail: 'did_not_attend (unacceptable)' })).toBe(
      'Did not attend (DNA), unacceptable absence',
    );
    expect(timelineDetail({ event: 'appointment_outcome', detail: 'attended' })).toBe('Attended');
    expect(timelineDetail({ event: 'appointment_booked', detail: 'drug_test' })).toBe('Drug test');
    expect(timelineDetail({ event: 'session_signed', detail: 'health, drugs_and_alcohol' })).toBe('Health, Drugs and alcohol');
    expect(timelineDetail({ event: 'referral_received', detail: 'police_custody' })).toBe('Police custody (arrest referral)');
    expect(timelineDetail({ event: 'episode_ended', detail: 'planned_completion' })).toBe('Planned completion');
    expect(timelineDetail({ event: 'safety_flag_raised', detail: 'risk_to_staff' })).toBe('Risk to staff');
    expect(timelineDetail({ event: 'rag_reviewed', detail: 'amber' })).toBe('Amber');
    expect(timelineDetail({ event: 'task_created', detail: 'Ring the GP' })).toBe('Ring the GP');
    expect(timelineDetail({ event: 'referral_picked_up', detail: '' })).toBe('');
  });
});

describe('reassigning tasks', () => {
  it('offers everyone but the owner, each once', () => {
    const me = { id: 'a1', fullName: 'Kim Keyworker' };
    const sam = { id: 'a2', fullName: 'Sam Ray' };
    const lee = { id: 'a3', fullName: 'Lee Long' };
    expect(reassignChoices([me, sam, lee, sam], 'a1')).toEqual([sam, lee]);
    expect(reassignChoices([me], 'a1')).toEqual([]);
  });
});
