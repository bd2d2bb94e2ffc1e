// Tests for referrals.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import type { EpisodeDto, ReferralClockDto } from './ipc/bindings';
import { clockDueWithin, clockSentence, clockText, clockTone, episodeState, formatLocalTime } from './referrals';

const clock = (over: Partial<ReferralClockDto>): ReferralClockDto => ({
  status: 'on_track',
  starts: '2026-11-20T10:00',
  due: '2026-12-11T23:59',
  inHours: false,
  target: 21,
  left: 15,
  ...over,
});

describe('referral clocks', () => {
  it('say days or hours left, and how far over once breached', () => {
    expect(clockText(clock({}))).toBe('15 days left');
    expect(clockText(clock({ left: 1 }))).toBe('1 day left');
    expect(clockText(clock({ left: 0, status: 'amber' }))).toBe('Due today');
    expect(clockText(clock({ inHours: true, target: 24, left: 5 }))).toBe('5 hours left');
    expect(clockText(clock({ status: 'breached', left: -3 }))).toBe('Breached, 3 days over');
    expect(clockText(clock({ status: 'not_started', starts: '2026-12-01T00:00' }))).toBe('Starts on release, 1 Dec 2026');
  });

  it('show breaches in red and amber at three quarters', () => {
    expect(clockTone('breached')).toBe('red');
    expect(clockTone('picked_up_late')).toBe('red');
    expect(clockTone('amber')).toBe('amber');
    expect(clockTone('on_track')).toBe('ok');
    expect(clockTone('picked_up_in_time')).toBe('done');
  });

  it('count as due this week when running out within seven days or breached', () => {
    expect(clockDueWithin(clock({ left: 7 }), 7)).toBe(true);
    expect(clockDueWithin(clock({ left: 8 }), 7)).toBe(false);
    expect(clockDueWithin(clock({ status: 'breached', left: -1 }), 7)).toBe(true);
    expect(clockDueWithin(clock({ status: 'picked_up_in_time', left: 2 }), 7)).toBe(false);
    expect(clockDueWithin(null, 7)).toBe(false);
  });

  it('read as a sentence with the target and the deadline', () => {
    expect(clockSentence(clock({}))).toBe('Pick up within 21 days, by 11 Dec 2026 23:59: 15 days left.');
    expect(formatLocalTime('2026-11-20T10:05')).toBe('20 Nov 2026 10:05');
  });
});

describe('episode state', () => {
  const episode = (over: Partial<EpisodeDto>): EpisodeDto => ({
    id: 'e1', route: 'prison', referrer: 'HMP', receivedAt: '2026-11-20T10:00', reason: null, releaseDate: '2026-11-20',
    clock: null, pickedUpAt: null, outcome: null, outcomeNote: null, endedOn: null, exitReason: null, exitNote: null,
    openedBy: 'Kim', open: true, ...over,
  });
  it('names each stage', () => {
    expect(episodeState(episode({}))).toBe('Awaiting pick-up');
    expect(episodeState(episode({ outcome: 'accepted' }))).toBe('Open');
    expect(episodeState(episode({ open: false, outcome: 'accepted', exitReason: 'custody' }))).toBe('Closed: Unplanned: custody');
    expect(episodeState(episode({ open: false, outcome: 'onward_referral' }))).toBe('Ended: Referred on');
  });
});
