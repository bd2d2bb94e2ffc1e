// The client's timeline: its kinds and events in words, the detail of an
// entry, and filtering it by kind.
import type { TimelineEntryDto } from '../../lib/ipc/bindings';
import { ragLabel } from '../../lib/clients';
import { kindLabel } from '../../lib/safetyFlags';
import { ENDING_OUTCOMES, EXIT_REASONS, REFERRAL_ROUTES } from '../../lib/referrals';
import type { Choice } from '../../lib/words';
import { readable, wordsFrom } from '../../lib/words';
import { appointmentKindLabel, outcomeLabel, absenceLabel } from '../../lib/appointments';
import { pathwayLabel } from '../../lib/pathwayWords';

export const TIMELINE_KINDS: readonly Choice[] = [
  { value: 'appointment', label: 'Appointments' },
  { value: 'session', label: 'Sessions' },
  { value: 'task', label: 'Tasks' },
  { value: 'referral', label: 'Referrals' },
  { value: 'safety_flag', label: 'Safety flags' },
  { value: 'rag', label: 'RAG' },
];

export const TIMELINE_EVENTS: readonly Choice[] = [
  { value: 'referral_received', label: 'Referral received' },
  { value: 'referral_picked_up', label: 'Picked up' },
  { value: 'episode_ended', label: 'Episode ended' },
  { value: 'appointment_booked', label: 'Appointment booked' },
  { value: 'appointment_outcome', label: 'Appointment' },
  { value: 'session_signed', label: 'Session record signed' },
  { value: 'session_addendum', label: 'Addendum added to a session record' },
  { value: 'safety_flag_raised', label: 'Safety flag raised' },
  { value: 'safety_flag_ended', label: 'Safety flag ended' },
  { value: 'rag_reviewed', label: 'RAG reviewed' },
  { value: 'task_created', label: 'Task set' },
  { value: 'task_done', label: 'Task done' },
  { value: 'task_cancelled', label: 'Task cancelled' },
];

export const timelineKindLabel = wordsFrom(TIMELINE_KINDS);
export const timelineEventLabel = wordsFrom(TIMELINE_EVENTS);

/** The codes in an entry's detail, in words. */
export function timelineDetail(entry: Pick<TimelineEntryDto, 'event' | 'detail'>): string {
  const detail = entry.detail.trim();
  if (detail === '') return '';
  switch (entry.event) {
    case 'referral_received':
      return REFERRAL_ROUTES.find((r) => r.value === detail)?.label ?? readable(detail);
    case 'episode_ended':
      return (EXIT_REASONS.find((r) => r.value === detail) ?? ENDING_OUTCOMES.find((o) => o.value === detail))?.label ?? readable(detail);
    case 'appointment_booked':
      return appointmentKindLabel(detail);
    case 'appointment_outcome': {
      const match = /^(\S+) \((\w+)\)$/.exec(detail);
      return match ? `${outcomeLabel(match[1])}, ${absenceLabel(match[2]).toLowerCase()}` : outcomeLabel(detail);
    }
    case 'session_signed':
      return detail.split(',').map((p) => pathwayLabel(p.trim())).join(', ');
    case 'safety_flag_raised':
    case 'safety_flag_ended':
      return kindLabel(detail as Parameters<typeof kindLabel>[0]);
    case 'rag_reviewed':
      return detail === 'red' || detail === 'amber' || detail === 'green' ? ragLabel(detail) : detail;
    default:
      return detail;
  }
}

/** Entries of the kinds shown, newest first. */
export function filterTimeline(entries: readonly TimelineEntryDto[], shown: ReadonlySet<string>): TimelineEntryDto[] {
  return entries.filter((e) => shown.has(e.kind)).sort((a, b) => b.at.localeCompare(a.at));
}
