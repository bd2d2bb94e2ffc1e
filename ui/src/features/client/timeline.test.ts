// The timeline: details in words and filtering by kind.
import { describe, expect, it } from 'vitest';
import type { TimelineEntryDto } from '../../lib/ipc/bindings';
import { filterTimeline, timelineDetail } from './timeline';

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
