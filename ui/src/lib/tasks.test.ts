// Tasks: overdue, orderings, who is to do one, reassigning.
import { describe, expect, it } from 'vitest';
import type { TaskDto, TaskListedDto } from './ipc/bindings';
import { reassignChoices, sortClientTasks, sortMyTasks, taskOverdue, taskWho } from './tasks';

function task(id: string, dueOn: string, more: Partial<TaskDto> = {}): TaskDto {
  return {
    id,
    clientId: 'c1',
    sessionId: null,
    goalId: null,
    what: `Task ${id}`,
    who: 'keyworker',
    partnerAgency: null,
    ownerId: 'a1',
    ownerName: 'Kim Lee',
    dueOn,
    status: 'open',
    statusReason: null,
    closedBy: null,
    ...more,
  };
}

describe('tasks', () => {
  function listed(id: string, dueOn: string, overdue: boolean, familyName = 'Lee'): TaskListedDto {
    return { task: task(id, dueOn), givenName: 'Ann', familyName, overdue };
  }

  it('sorts my tasks overdue first, then soonest due', () => {
    const sorted = sortMyTasks([
      listed('later', '2026-03-30', false),
      listed('overdue-recent', '2026-03-15', true),
      listed('soon', '2026-03-17', false),
      listed('overdue-old', '2026-03-01', true),
    ]);
    expect(sorted.map((t) => t.task.id)).toEqual(['overdue-old', 'overdue-recent', 'soon', 'later']);
  });

  it('splits a client’s tasks into open and closed', () => {
    const { open, closed } = sortClientTasks([
      task('b', '2026-03-20'),
      task('x', '2026-03-01', { status: 'done' }),
      task('a', '2026-03-10'),
    ]);
    expect(open.map((t) => t.id)).toEqual(['a', 'b']);
    expect(closed.map((t) => t.id)).toEqual(['x']);
  });

  it('calls an open task overdue after its day', () => {
    expect(taskOverdue(task('a', '2026-03-15'), '2026-03-16')).toBe(true);
    expect(taskOverdue(task('a', '2026-03-16'), '2026-03-16')).toBe(false);
    expect(taskOverdue(task('a', '2026-03-01', { status: 'done' }), '2026-03-16')).toBe(false);
  });

  it('says who is to do it', () => {
    expect(taskWho({ who: 'client', partnerAgency: null })).toBe('The client');
    expect(taskWho({ who: 'partner_agency', partnerAgency: 'Housing Options' })).toBe('Housing Options (partner agency)');
  });
});

describe('reassigning tasks', () => {
  it('offers everyone but the owner, each once', () => {
    const me = { id: 'a1', fullName: 'Kim Keyworker' };
    const sam = { id: 'a2', fullName: 'Sam Ray' };
    const lee = { id: 'a3', fullName: 'Lee Long' };
    expect(reassignChoices([me, sam, lee, sam], 'a1')).toEqual([sam, lee]);
    expect(reassignChoices([me], 'a1')).toEqual([]);
  });
});
