// Words for the unit's computers in Settings. Pure, so it is unit-tested.
import type { ComputerDto } from '../../lib/ipc/bindings';
import { formatDateTime } from '../../lib/audit';

/** "Approved", "Waiting for approval", "Access withdrawn". */
export function standingLabel(computer: Pick<ComputerDto, 'standing'>): string {
  switch (computer.standing) {
    case 'approved':
      return 'Approved';
    case 'waiting':
      return 'Waiting for approval';
    case 'withdrawn':
      return 'Access withdrawn';
  }
}

/** "First used by kim, 26 Nov 2026 10:02:11", or nothing known. */
export function joinedWords(computer: Pick<ComputerDto, 'joinedBy' | 'joinedAt'>): string {
  if (!computer.joinedBy && !computer.joinedAt) return 'Not known who first used it';
  const who = computer.joinedBy ? `First used by ${computer.joinedBy}` : 'First used';
  return computer.joinedAt ? `${who}, ${formatDateTime(computer.joinedAt)}` : who;
}

/** The last decision in words: "Withdrawn by Alex Admin: “Laptop lost”". */
export function lastDecisionWords(computer: Pick<ComputerDto, 'decisions'>): string | null {
  const last = computer.decisions[computer.decisions.length - 1];
  if (!last) return null;
  const who = last.decidedBy ?? 'someone no longer listed';
  const verb = last.decision === 'withdrawn' ? 'Withdrawn' : 'Approved';
  return `${verb} by ${who}, ${formatDateTime(last.decidedAt)}${last.reason ? `: “${last.reason}”` : ''}`;
}
