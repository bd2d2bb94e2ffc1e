// Tests for sync.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { syncFailureWords, syncingWords, syncWords } from './sync';

const report = { sent: 3, received: 2, problems: [], waiting: 0, paused: false };
const at = new Date(2026, 10, 26, 14, 5);

describe('sync words', () => {
  it('say nothing for a computer not connected to a shared folder', () => {
    expect(syncWords(null, null)).toBe('');
    expect(syncWords({ folder: null, waiting: 4 }, null)).toBe('');
  });

  it('count what waits before the first sync', () => {
    expect(syncWords({ folder: '/share', waiting: 14 }, null)).toBe('14 changes waiting to sync');
    expect(syncWords({ folder: '/share', waiting: 0 }, null)).toBe('Not synced yet this session');
  });

  it('give the time of the last sync, or its first problem in plain words', () => {
    expect(syncWords({ folder: '/share', waiting: 0 }, { report, at })).toBe('Synced at 14:05');
    expect(syncWords({ folder: '/share', waiting: 0 }, { report: { ...report, paused: true }, at })).toBe(
      'Syncing – paused while saving',
    );
    expect(syncWords({ folder: '/share', waiting: 0 }, { report: { ...report, waiting: 1 }, at })).toBe(
      'Synced at 14:05, 1 change still waiting',
    );
    const problem = 'A sync file was set aside because it is incomplete.';
    expect(syncWords({ folder: '/share', waiting: 0 }, { report: { ...report, problems: [problem] }, at })).toBe(problem);
  });
});

describe('sync failure words', () => {
  const message = 'Casebook could not send changes: the shared folder cannot be reached.';

  it('say offline, read-only or full shortly, with what waits', () => {
    expect(syncFailureWords('storage_unavailable', message, 14)).toBe('Offline – 14 changes waiting');
    expect(syncFailureWords('storage_unavailable', message, 0)).toBe('Offline');
    expect(syncFailureWords('storage_read_only', message, 1)).toBe('Shared folder is read-only – 1 change waiting');
    expect(syncFailureWords('storage_full', message, 2)).toBe('Shared drive is full – 2 changes waiting');
  });

  it('say any other failure as it is', () => {
    expect(syncFailureWords('internal', 'Something unexpected happened.', 3)).toBe('Something unexpected happened.');
  });
});

describe('syncing words', () => {
  it('give a percentage once the amount is known', () => {
    expect(syncingWords(null)).toBe('Syncing…');
    expect(syncingWords({ done: 0, total: 0 })).toBe('Syncing…');
    expect(syncingWords({ done: 2, total: 5 })).toBe('Syncing 40 %');
    expect(syncingWords({ done: 7, total: 5 })).toBe('Syncing 100 %');
  });
});
