import { describe, expect, it } from 'vitest';
import { syncWords } from './sync';

const report = { sent: 3, received: 2, problems: [], waiting: 0 };
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
    expect(syncWords({ folder: '/share', waiting: 0 }, { report: { ...report, waiting: 1 }, at })).toBe(
      'Synced at 14:05, 1 change still waiting',
    );
    const problem = 'A sync file was set aside because it is incomplete.';
    expect(syncWords({ folder: '/share', waiting: 0 }, { report: { ...report, problems: [problem] }, at })).toBe(problem);
  });
});
