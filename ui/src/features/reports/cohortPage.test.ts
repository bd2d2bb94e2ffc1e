// Tests for cohortPage.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import type { CohortOutcomesDto, CohortRequest } from '../../lib/ipc/bindings';
import {
  blankDayParts,
  filterDay,
  FLAG_CHOICES,
  GENDER_FILTER_CHOICES,
  MINUS,
  ORDER_CHOICES,
  averageText,
  blankCohortRequest,
  changeRows,
  changeText,
  cohortLabel,
  countedWords,
  hasClients,
  improvementWords,
  percentText,
  seriesFor,
} from './cohortPage';
import { tableRows } from '../../lib/pathwayCharts';

function request(overrides: Partial<CohortRequest> = {}): CohortRequest {
  return { ...blankCohortRequest(), ...overrides };
}

const some: CohortOutcomesDto = {
  counted: 3,
  leftOut: 1,
  initial: [8, 6, 5, 9, 7, 3, 6.333333],
  termination: [4, 5, 5, 4.5, 5, 3, 3.666667],
  overallImprovement: -0.378,
};

const none: CohortOutcomesDto = { counted: 0, leftOut: 2, initial: null, termination: null, overallImprovement: null };

describe('numbers', () => {
  it('writes a fraction as a percentage with the real minus sign, one decimal', () => {
    expect(percentText(-0.378)).toBe('−37.8 %');
    expect(percentText(-0.378).charAt(0)).toBe(MINUS);
    expect(percentText(0.05)).toBe('+5.0 %');
    expect(percentText(0)).toBe('0.0 %');
    expect(percentText(-0.0001)).toBe('0.0 %');
  });

  it('never writes NaN', () => {
    expect(percentText(null)).toBe('–');
    expect(percentText(Number.NaN)).toBe('–');
    expect(percentText(Number.POSITIVE_INFINITY)).toBe('–');
    expect(averageText(undefined)).toBe('–');
    expect(changeText(5, null)).toBe('–');
  });

  it('writes averages and changes to one decimal', () => {
    expect(averageText(6.333333)).toBe('6.3');
    expect(averageText(5)).toBe('5.0');
    expect(changeText(6.333333, 3.666667)).toBe('−2.7');
    expect(changeText(3, 3.5)).toBe('+0.5');
    expect(changeText(4, 4)).toBe('0.0');
  });

  it('says the overall change in words', () => {
    expect(improvementWords(-0.378)).toBe('Need fell by 37.8 %');
    expect(improvementWords(0.05)).toBe('Need rose by 5.0 %');
    expect(improvementWords(0)).toBe('No change in need');
    expect(improvementWords(null)).toBe('Not known');
  });
});

describe('changeRows', () => {
  it('has a row for each pathway in order, with the change', () => {
    const rows = changeRows(some.initial, some.termination);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ pathway: 'accommodation', label: 'Accommodation', initial: '8.0', termination: '4.0', change: '−4.0' });
    expect(rows[2].change).toBe('0.0');
    expect(rows[6]).toMatchObject({ initial: '6.3', termination: '3.7', change: '−2.7' });
  });

  it('shows dashes for a cohort with no numbers', () => {
    const rows = changeRows(null, null);
    expect(rows.every((r) => r.initial === '–' && r.termination === '–' && r.change === '–')).toBe(true);
  });
});

describe('counts', () => {
  it('says how many were counted and left out', () => {
    expect(countedWords({ counted: 3, leftOut: 1 })).toBe('3 clients counted; 1 left out: no termination assessment');
    expect(countedWords({ counted: 1, leftOut: 0 })).toBe('1 client counted');
  });

  it('knows a cohort with nobody in it', () => {
    expect(hasClients(some)).toBe(true);
    expect(hasClients(none)).toBe(false);
    expect(hasClients(null)).toBe(false);
  });
});

describe('cohortLabel', () => {
  it('says "All clients" with no filter', () => {
    expect(cohortLabel(blankCohortRequest())).toBe('All clients');
  });

  it('names the referral route', () => {
    expect(cohortLabel(request({ route: 'iom_panel' }))).toBe('Referred by IOM panel');
    expect(cohortLabel(request({ route: 'self' }))).toBe('Self-referred');
  });

  it('joins the filters, naming people and areas from the lists', () => {
    const label = cohortLabel(
      request({ gender: 'woman', area: 'E08000035', keyworkerId: 'k1', order: 'drr', cohortFlag: 'ppo' }),
      { areas: [{ value: 'E08000035', label: 'Leeds' }], staff: [{ id: 'k1', fullName: 'Kim Worker' }] },
    );
    expect(label).toBe(
      'Prolific and priority offender (PPO) · On Drug rehabilitation requirement (DRR) · Women · Living in Leeds · Keyworker Kim Worker',
    );
  });

  it('says the period the episodes closed in', () => {
    expect(cohortLabel(request({ closedFrom: '2025-01-01', closedTo: '2025-12-31' }))).toBe('Closed 1 Jan 2025 to 31 Dec 2025');
    expect(cohortLabel(request({ closedFrom: '2025-01-01' }))).toBe('Closed from 1 Jan 2025');
    expect(cohortLabel(request({ closedTo: '2025-12-31' }))).toBe('Closed up to 31 Dec 2025');
  });
});

describe('filter choices', () => {
  it('offers the orders apart from the other flags', () => {
    expect(ORDER_CHOICES.map((c) => c.value)).toEqual(['drr', 'atr', 'community_order', 'licence_dtc_dac']);
    expect(FLAG_CHOICES.some((c) => c.value === 'drr')).toBe(false);
    expect(FLAG_CHOICES.some((c) => c.value === 'ppo')).toBe(true);
    expect(GENDER_FILTER_CHOICES.some((c) => c.value === '')).toBe(false);
  });
});

describe('seriesFor', () => {
  it('gives four shapes for two cohorts, A first, rounded to one decimal', () => {
    const series = seriesFor('Cohort A', some, 'Cohort B', { ...some, initial: [5, 5, 5, 5, 5, 5, 5] });
    expect(series.map((s) => s.label)).toEqual([
      'Cohort A: initial',
      'Cohort A: termination',
      'Cohort B: initial',
      'Cohort B: termination',
    ]);
    expect(series[0].scores[6]).toBe(6.3);
    expect(series[1].scores[6]).toBe(3.7);
  });

  it('skips a cohort with no clients', () => {
    expect(seriesFor('Cohort A', none, 'Cohort B', some).map((s) => s.label)).toEqual([
      'Cohort B: initial',
      'Cohort B: termination',
    ]);
    expect(seriesFor('Cohort A', none, 'Cohort B', null)).toEqual([]);
  });

  it('gives table totals without rounding noise', () => {
    const rows = tableRows(seriesFor('Cohort A', some, 'Cohort B', null));
    const total = rows[rows.length - 1];
    expect(total.cells).toEqual(['44.3', '30.2']);
  });
});

describe('closed from and to', () => {
  it('sends nothing when no box is filled in, and YYYY-MM-DD when they are', () => {
    expect(filterDay(blankDayParts())).toBe('');
    expect(filterDay({ day: ' ', month: '', year: '' })).toBe('');
    expect(filterDay({ day: '1', month: '3', year: '2026' })).toBe('2026-03-01');
    expect(filterDay({ day: '31', month: '12', year: '2025' })).toBe('2025-12-31');
  });

  it('passes a half-typed day on as typed, for the core to explain', () => {
    expect(filterDay({ day: '1', month: '', year: '2026' })).toBe('2026--1');
  });
});
