// The support plan's and the outcomes page's screens, drawn on the server
// (no page needed): what the printed plan leaves out, what read-only access
// hides, and the outcomes page's filters.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { ClientViewDto, SessionDto } from '../../lib/ipc/bindings';
import SupportPlanPanel from './SupportPlanPanel.svelte';
import PlanPrintScreen from './PlanPrintScreen.svelte';
import GoalForm from './GoalForm.svelte';
import CohortScreen from '../reports/CohortScreen.svelte';

const record = {
  id: 'c1',
  givenName: 'Dana',
  familyName: 'Whitlock',
  dateOfBirth: '1990-01-01',
  identifiers: { crn: 'X123456', pncId: '2001/1234567A', nhsNumber: '9434765919' },
  keyworker: { id: 'k1', fullName: 'Kim Worker' },
  rag: 'red',
  ragHistory: [],
  safetyFlags: [],
  cohortFlags: ['drr'],
  cohort: null,
  consent: [],
  episodes: [],
  profile: null,
  access: 'full',
  breakGlassReason: null,
  gender: null,
  wantsSameSexKeyworker: false,
  coWorker: null,
  sameSexWarning: false,
  nextAppointment: null,
  summaryCompliance: [],
  casework: {
    appointments: [],
    sessions: [],
    compliance: [],
    probationNotices: [],
    timeline: [],
    tasks: [
      {
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
      },
    ],
    pathways: {
      assessments: [],
      drafts: [],
      due: null,
      goals: [
        {
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
        },
      ],
      planReviews: [
        {
          assessmentId: 'a1',
          reviewedBy: 'Kim Worker',
          reviewedAt: '2026-03-01T10:00:00Z',
          goals: [
            {
              pathway: 'health',
              clientWords: 'See a dentist',
              keyworkerWords: null,
              who: 'client',
              partnerAgency: null,
              targetOn: '2026-05-01',
              status: 'not_started',
            },
          ],
        },
      ],
    },
  },
} as unknown as ClientViewDto;

const nothing = () => {};

describe('SupportPlanPanel', () => {
  it('shows the goals in the client’s words, their tasks and the plan history', () => {
    const { body } = render(SupportPlanPanel, { props: { record, onchanged: nothing } });
    expect(body).toContain('Support plan');
    expect(body).toContain('“A flat of my own”');
    expect(body).toContain('Secure a tenancy');
    expect(body).toContain('Ring the housing officer');
    expect(body).toContain('See a dentist');
    expect(body).toContain('data-testid="add-goal"');
    expect(body).toContain('data-testid="goal-change"');
    expect(body).toContain('data-testid="print-plan"');
  });

  it('hides adding and changing goals from read-only access, but not printing', () => {
    const { body } = render(SupportPlanPanel, { props: { record: { ...record, access: 'read_only' }, onchanged: nothing } });
    expect(body).not.toContain('data-testid="add-goal"');
    expect(body).not.toContain('data-testid="goal-change"');
    expect(body).toContain('data-testid="print-plan"');
  });
});

describe('PlanPrintScreen', () => {
  const { body } = render(PlanPrintScreen, { props: { record, onclose: nothing } });
  const sheet = body.slice(body.indexOf('data-testid="plan-print-preview"'));

  it('holds the client’s first name, their keyworker and their goals in plain words', () => {
    expect(sheet).toContain('My support plan');
    expect(sheet).toContain('Dana');
    expect(sheet).toContain('Kim Worker');
    expect(sheet).toContain('“A flat of my own”');
    expect(sheet).toContain('What we will do');
    expect(sheet).toContain('Ring the housing officer, by 1 April 2026');
    expect(sheet).toContain('by 1 July 2026');
    expect(sheet).toContain('Talk to Kim Worker if anything changes.');
  });

  it('has its buttons: print, and close', () => {
    expect(body).toContain('data-testid="print-plan-now"');
    expect(body).toContain('data-testid="close-plan-print"');
  });

  it('leaves out identifiers, the surname, the keyworker’s words, ratings and codes', () => {
    for (const left of ['X123456', '2001/1234567A', '9434765919', '943 476 5919', 'Whitlock', 'Secure a tenancy', 'Red', 'DRR', 'accommodation']) {
      expect(sheet).not.toContain(left);
    }
    for (const word of ['CRN', 'PNC', 'NHS', 'RAG', 'score']) {
      expect(sheet).not.toContain(word);
    }
  });
});

describe('GoalForm', () => {
  it('has a blank first pathway, the date boxes and an action row ready', () => {
    const { body } = render(GoalForm, { props: { clientId: 'c1', goal: null, onsaved: nothing, oncancel: nothing, onlocked: nothing } });
    expect(body.replace(/<!--.*?-->/g, '')).toMatch(/data-testid="goal-pathway"[^>]*>\s*<option value=""[^>]*>Choose…<\/option>/);
    for (const id of ['goal-client-words', 'goal-keyworker-words', 'goal-who', 'goal-status', 'goal-target-day', 'goal-action-what-0', 'goal-action-due-0-day', 'save-goal']) {
      expect(body).toContain(`data-testid="${id}"`);
    }
  });
});

describe('CohortScreen', () => {
  it('has the same filters for both cohorts, all blank, and no results before comparing', () => {
    const session = { caseRole: 'manager', administrator: false } as SessionDto;
    const { body } = render(CohortScreen, { props: { session, onlocked: nothing } });
    for (const side of ['a', 'b']) {
      for (const filter of ['route', 'flag', 'order', 'gender', 'area', 'keyworker']) {
        expect(body).toContain(`data-testid="cohort-${side}-${filter}"`);
      }
      // The closed days are day, month and year boxes, like every other date.
      for (const day of ['closed-from', 'closed-to']) {
        for (const part of ['day', 'month', 'year']) expect(body).toContain(`data-testid="cohort-${side}-${day}-${part}"`);
      }
    }
    expect(body).toContain('data-testid="compare-cohorts"');
    expect(body).not.toContain('cohort-radar');
    expect(body).not.toContain('NaN');
  });
});
