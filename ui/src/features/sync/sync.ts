// Words for the sync status in the header. Pure, so it is unit-tested.
import type { ErrorCode, SyncProgressDto, SyncReportDto, SyncStatusDto } from '../../lib/ipc/bindings';
import { plural } from '../../lib/format';

const pad = (n: number) => String(n).padStart(2, '0');

/** What the header says after a sync, or before the first one this session. */
export function syncWords(status: SyncStatusDto | null, last: { report: SyncReportDto; at: Date } | null): string {
  if (status === null || status.folder === null) return '';
  if (last === null) {
    return status.waiting > 0 ? `${plural(status.waiting, 'change')} waiting to sync` : 'Not synced yet this session';
  }
  if (last.report.problems.length > 0) return last.report.problems[0];
  if (last.report.paused) return 'Syncing – paused while saving';
  const time = `${pad(last.at.getHours())}:${pad(last.at.getMinutes())}`;
  return last.report.waiting > 0
    ? `Synced at ${time}, ${plural(last.report.waiting, 'change')} still waiting`
    : `Synced at ${time}`;
}

/**
 * What the header says when a sync could not reach the shared folder: short,
 * with how many changes wait on this computer (the whole message is the
 * tooltip). Other failures are said as they are.
 */
export function syncFailureWords(code: ErrorCode, message: string, waiting: number): string {
  const what = waiting > 0 ? ` – ${plural(waiting, 'change')} waiting` : '';
  switch (code) {
    case 'storage_unavailable':
      return `Offline${what}`;
    case 'storage_read_only':
      return `Shared folder is read-only${what}`;
    case 'storage_full':
      return `Shared drive is full${what}`;
    default:
      return message;
  }
}

/** What the header says while a sync runs: "Syncing 40 %" once it knows how much there is. */
export function syncingWords(progress: SyncProgressDto | null): string {
  if (progress === null || progress.total === 0) return 'Syncing…';
  const percent = Math.min(100, Math.floor((progress.done * 100) / progress.total));
  return `Syncing ${percent} %`;
}
