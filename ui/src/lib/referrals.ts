// Words for referrals, episodes and their pick-up clocks. Pure, so it is
// unit-tested.
import type { ClockStatus, EpisodeDto, ReferralClockDto, ReferralRoute } from './ipc/bindings';
import { formatDate, plural } from './format';

export const REFERRAL_ROUTES: ReadonlyArray<{ value: ReferralRoute; label: string }> = [
  { value: 'police_custody', label: 'Police custody (arrest referral)' },
  { value: 'court', label: 'Court' },
  { value: 'prison', label: 'Prison (Through the Gate)' },
  { value: 'probation', label: 'Probation' },
  { value: 'iom_panel', label: 'IOM panel' },
  { value: 'housing', label: 'Housing' },
  { value: 'other_agency', label: 'Other agency' },
  { value: 'self', label: 'Self-referral' },
];

export const ENDING_OUTCOMES: ReadonlyArray<{ value: string; label: string; note: string | null }> = [
  { value: 'not_eligible', label: 'Not eligible', note: 'Why not eligible' },
  { value: 'declined', label: 'Declined by the client', note: null },
  { value: 'did_not_engage', label: 'Did not engage', note: null },
  { value: 'onward_referral', label: 'Referred on', note: 'Referred on to' },
];

export const EXIT_REASONS: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'planned_completion', label: 'Planned completion' },
  { value: 'transferred', label: 'Transferred' },
  { value: 'disengaged', label: 'Unplanned: disengaged' },
  { value: 'custody', label: 'Unplanned: custody' },
  { value: 'moved_away', label: 'Unplanned: moved away' },
  { value: 'deceased', label: 'Deceased' },
  { value: 'other', label: 'Other' },
];

export function routeLabel(route: ReferralRoute): string {
  return REFERRAL_ROUTES.find((r) => r.value === route)?.label ?? route;
}

/** A short route name for the caseload. */
export function routeShort(route: ReferralRoute): string {
  const short: Record<ReferralRoute, string> = {
    police_custody: 'Custody',
    court: 'Court',
    prison: 'Prison',
    probation: 'Probation',
    iom_panel: 'IOM panel',
    housing: 'Housing',
    other_agency: 'Other agency',
    self: 'Self',
  };
  return short[route];
}

/** "2026-11-20T10:05" → "20 Nov 2026 10:05". */
export function formatLocalTime(value: string): string {
  const [date, time] = value.split('T');
  return time ? `${formatDate(date)} ${time}` : formatDate(value);
}

/** The colour family a clock shows in: breaches are red, never hidden. */
export function clockTone(status: ClockStatus): 'ok' | 'amber' | 'red' | 'done' {
  switch (status) {
    case 'breached':
    case 'picked_up_late':
      return 'red';
    case 'amber':
      return 'amber';
    case 'picked_up_in_time':
    case 'stopped':
      return 'done';
    default:
      return 'ok';
  }
}

/** What a caseload line says of a clock: "16 days left", "3 days over". */
export function clockText(clock: ReferralClockDto): string {
  const unit = clock.inHours ? 'hour' : 'day';
  switch (clock.status) {
    case 'not_started':
      return `Starts on release, ${formatDate(clock.starts.split('T')[0])}`;
    case 'breached':
      return clock.left < 0 ? `Breached, ${plural(-clock.left, unit)} over` : 'Breached';
    case 'picked_up_in_time':
      return 'Picked up in time';
    case 'picked_up_late':
      return 'Picked up late';
    case 'stopped':
      return 'Clock stopped';
    default:
      return clock.left === 0 ? `Due today` : `${plural(clock.left, unit)} left`;
  }
}

/** A sentence for screen readers and the client page. */
export function clockSentence(clock: ReferralClockDto): string {
  const target = clock.inHours ? plural(clock.target, 'hour') : plural(clock.target, 'day');
  return `Pick up within ${target}, by ${formatLocalTime(clock.due)}: ${clockText(clock).toLowerCase()}.`;
}

/** Whether a running clock falls due within `days` days (or is breached). */
export function clockDueWithin(clock: ReferralClockDto | null, days: number): boolean {
  if (!clock) return false;
  if (clock.status === 'breached') return true;
  if (clock.status !== 'on_track' && clock.status !== 'amber') return false;
  return clock.inHours || clock.left <= days;
}

/** Where an episode stands, in a few words. */
export function episodeState(episode: EpisodeDto): string {
  if (episode.open) return episode.outcome === 'accepted' ? 'Open' : 'Awaiting pick-up';
  if (episode.exitReason) return `Closed: ${EXIT_REASONS.find((r) => r.value === episode.exitReason)?.label ?? episode.exitReason}`;
  const outcome = ENDING_OUTCOMES.find((o) => o.value === episode.outcome)?.label ?? episode.outcome ?? 'ended';
  return `Ended: ${outcome}`;
}
