// Tests for supportPlan.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import type { GoalDto, TaskDto } from '../../lib/ipc/bindings';
import {
  GOAL_STATUSES,
  actionLeftBlank,
  byWhen,
  emptyGoalForm,
  goalFormFrom,
  goalIsOpen,
  goalOwnerWords,
  goalStatusLabel,
  goalTasks,
  goalsByPathway,
  longDate,
  plainGoalStatus,
  plainPathway,
  plainWho,
  printedPlan,
  talkToWords,
} from './supportPlan';

function goal(overrides: Partial<GoalDto> = {}): GoalDto {
  return {
    id: 'g1',
    pathway: 'accommodation',
    clientWords: 'A flat of my own',
    keyworkerWords: 'Secure a tenancy',
    who: 'client',
    partnerAgency: null,
    targetOn: '2026-07-01',
    status: 'in_progress',
    updatedBy: 'Kim Worker',
    updatedAt: '2026-03-16T10:00:00Z',
    ...overrides,
  };
}

function task(overrides: Partial<TaskDto> = {}): TaskDto {
  return {
    id: 't1',
    clientId: 'c1',
    sessionId: null,
    goalId: 'g1',
    what: 'Ring the housing officer',
    who: 'keyworker',
    partnerAgency: null,
    ownerId: 'k1',
    ownerName: 'Kim Worker',
    dueOn: '2026-04-01',
    status: 'open',
    statusReason: null,
    closedBy: null,
    ...overrides,
  };
}

describe('goal statuses', () => {
  it('has the four statuses the core knows, in words', () => {
    expect(GOAL_STATUSES.map((s) => s.value)).toEqual(['not_started', 'in_progress', 'achieved', 'no_longer_relevant']);
    expect(goalStatusLabel('no_longer_relevant')).toBe('No longer relevant');
    expect(goalStatusLabel('on_hold')).toBe('On hold');
  });

  it('counts only not started and in progress as open', () => {
    expect(goalIsOpen({ status: 'not_started' })).toBe(true);
    expect(goalIsOpen({ status: 'in_progress' })).toBe(true);
    expect(goalIsOpen({ status: 'achieved' })).toBe(false);
    expect(goalIsOpen({ status: 'no_longer_relevant' })).toBe(false);
  });
});

describe('goalsByPathway', () => {
  it('groups in pathway order, leaving out pathways without goals', () => {
    const grouped = goalsByPathway([
      goal({ id: 'a', pathway: 'health' }),
      goal({ id: 'b', pathway: 'accommodation' }),
      goal({ id: 'c', pathway: 'health' }),
    ]);
    expect(grouped.map((g) => g.pathway)).toEqual(['accommodation', 'health']);
    expect(grouped[0].label).toBe('Accommodation');
    expect(grouped[1].goals.map((g) => g.id)).toEqual(['a', 'c']);
  });

  it('puts open goals first, soonest target first', () => {
    const grouped = goalsByPathway([
      goal({ id: 'done', status: 'achieved', targetOn: '2026-01-01' }),
      goal({ id: 'late', targetOn: '2026-09-01' }),
      goal({ id: 'dropped', status: 'no_longer_relevant', targetOn: '2025-01-01' }),
      goal({ id: 'soon', status: 'not_started', targetOn: '2026-05-01' }),
    ]);
    expect(grouped[0].goals.map((g) => g.id)).toEqual(['soon', 'late', 'done', 'dropped']);
  });

  it('keeps a pathway it does not know, after the known ones', () => {
    const grouped = goalsByPathway([goal({ id: 'x', pathway: 'new_pathway' }), goal({ id: 'y', pathway: 'health' })]);
    expect(grouped.map((g) => g.label)).toEqual(['Health', 'New pathway']);
  });

  it('gives nothing for no goals', () => {
    expect(goalsByPathway([])).toEqual([]);
  });
});

describe('goal forms', () => {
  it('starts a new goal blank, led by the client, not started', () => {
    expect(emptyGoalForm()).toEqual({
      pathway: '',
      clientWords: '',
      keyworkerWords: '',
      who: 'client',
      partnerAgency: '',
      targetOn: '',
      status: 'not_started',
      actions: [],
    });
  });

  it('gives a fresh form each time', () => {
    const a = emptyGoalForm();
    a.actions.push({ what: 'x', who: 'client', partnerAgency: '', dueOn: '' });
    expect(emptyGoalForm().actions).toEqual([]);
  });

  it('fills the form from a goal, blanks for what is missing and no new actions', () => {
    expect(goalFormFrom(goal({ keyworkerWords: null, who: 'partner_agency', partnerAgency: 'Shelter' }))).toEqual({
      pathway: 'accommodation',
      clientWords: 'A flat of my own',
      keyworkerWords: '',
      who: 'partner_agency',
      partnerAgency: 'Shelter',
      targetOn: '2026-07-01',
      status: 'in_progress',
      actions: [],
    });
  });
});

describe('actionLeftBlank', () => {
  it('counts a row with nothing typed as blank, whoever it is set to', () => {
    expect(actionLeftBlank({ what: '', who: 'client', partnerAgency: '', dueOn: '' })).toBe(true);
    expect(actionLeftBlank({ what: '  ', who: '', partnerAgency: '', dueOn: '' })).toBe(true);
  });

  it('keeps a row with anything typed, for the core to check', () => {
    expect(actionLeftBlank({ what: 'Ring', who: 'client', partnerAgency: '', dueOn: '' })).toBe(false);
    expect(actionLeftBlank({ what: '', who: 'client', partnerAgency: '', dueOn: '2026-04-01' })).toBe(false);
    expect(actionLeftBlank({ what: '', who: 'partner_agency', partnerAgency: 'Shelter', dueOn: '' })).toBe(false);
  });
});

describe('goalTasks', () => {
  it('keeps the goal’s tasks only, open ones first by due date', () => {
    const tasks = [
      task({ id: 'other', goalId: 'g2' }),
      task({ id: 'none', goalId: null }),
      task({ id: 'later', dueOn: '2026-05-01' }),
      task({ id: 'done', status: 'done', dueOn: '2026-03-01' }),
      task({ id: 'sooner', dueOn: '2026-04-01' }),
    ];
    expect(goalTasks(tasks, 'g1').map((t) => t.id)).toEqual(['sooner', 'later', 'done']);
  });
});

describe('who leads a goal', () => {
  it('says it for staff', () => {
    expect(goalOwnerWords({ who: 'client', partnerAgency: null })).toBe('The client');
    expect(goalOwnerWords({ who: 'keyworker', partnerAgency: null })).toBe('The keyworker');
    expect(goalOwnerWords({ who: 'partner_agency', partnerAgency: 'Shelter' })).toBe('Shelter (partner agency)');
  });

  it('says it to the client', () => {
    expect(plainWho('client', null)).toBe('You');
    expect(plainWho('keyworker', null)).toBe('Your keyworker');
    expect(plainWho('partner_agency', ' Shelter ')).toBe('Shelter');
    expect(plainWho('partner_agency', '')).toBe('Another service');
  });
});

describe('plain dates', () => {
  it('writes the month in full', () => {
    expect(longDate('2026-07-01')).toBe('1 July 2026');
    expect(longDate('2026-12-25')).toBe('25 December 2026');
    expect(longDate('not a date')).toBe('not a date');
  });

  it('says by when', () => {
    expect(byWhen('2026-07-01')).toBe('by 1 July 2026');
    expect(byWhen('')).toBe('');
    expect(byWhen(null)).toBe('');
  });
});

describe('plain words', () => {
  it('names the pathways as a client would', () => {
    expect(plainPathway('accommodation')).toBe('Somewhere to live');
    expect(plainPathway('finance_benefits_debt')).toBe('Money, benefits and debt');
    expect(plainPathway('health')).toBe('Health');
  });

  it('says how a goal is going', () => {
    expect(plainGoalStatus('not_started')).toBe('Not started yet');
    expect(plainGoalStatus('in_progress')).toBe('Working on it');
    expect(plainGoalStatus('achieved')).toBe('Done');
  });

  it('names the keyworker in the footer', () => {
    expect(talkToWords('Kim Worker')).toBe('Talk to Kim Worker if anything changes.');
    expect(talkToWords(null)).toBe('Talk to your keyworker if anything changes.');
  });
});

describe('printedPlan', () => {
  const goals = [
    goal({ id: 'g1', pathway: 'accommodation', clientWords: ' A flat of my own ' }),
    goal({ id: 'g2', pathway: 'health', clientWords: 'See a dentist', who: 'keyworker', status: 'achieved' }),
    goal({ id: 'g3', pathway: 'health', clientWords: 'Stop smoking', status: 'no_longer_relevant' }),
  ];
  const tasks = [
    task({ id: 't1', goalId: 'g1', what: 'Ring the housing officer', who: 'keyworker', dueOn: '2026-04-01' }),
    task({ id: 't2', goalId: 'g1', what: 'Fill in the form', who: 'client', dueOn: '2026-03-20' }),
    task({ id: 't3', goalId: 'g1', what: 'Old task', status: 'done' }),
    task({ id: 't4', goalId: 'g1', what: 'Interview', who: 'partner_agency', partnerAgency: 'Shelter', dueOn: '2026-05-02' }),
    task({ id: 't5', goalId: null, what: 'Not from a goal' }),
  ];

  it('holds each pathway with goals, in the client’s words, with the open tasks', () => {
    const plan = printedPlan(goals, tasks);
    expect(plan.map((p) => p.heading)).toEqual(['Somewhere to live', 'Health']);
    expect(plan[0].goals[0]).toEqual({
      id: 'g1',
      words: 'A flat of my own',
      who: 'You',
      by: 'by 1 July 2026',
      status: 'Working on it',
      done: false,
      actions: [
        { who: 'You', what: 'Fill in the form', by: 'by 20 March 2026' },
        { who: 'Your keyworker', what: 'Ring the housing officer', by: 'by 1 April 2026' },
        { who: 'Shelter', what: 'Interview', by: 'by 2 May 2026' },
      ],
    });
  });

  it('leaves out goals no longer relevant, and keeps achieved ones as done', () => {
    const plan = printedPlan(goals, tasks);
    expect(plan[1].goals.map((g) => g.words)).toEqual(['See a dentist']);
    expect(plan[1].goals[0].done).toBe(true);
  });

  it('holds nothing of the keyworker’s words', () => {
    expect(JSON.stringify(printedPlan(goals, tasks))).not.toContain('Secure a tenancy');
  });
});
