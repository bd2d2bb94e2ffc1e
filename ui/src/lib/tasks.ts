// Words and orderings for tasks: statuses, overdue, my tasks and a
// client's tasks in order, who is to do one and who it can be given to.
import type { StaffMemberDto, TaskDto, TaskListedDto } from './ipc/bindings';
import type { Choice } from './words';
import { wordsFrom } from './words';
import { actionWhoLabel } from './pathwayWords';

export const TASK_STATUSES: readonly Choice[] = [
  { value: 'open', label: 'Open' },
  { value: 'done', label: 'Done' },
  { value: 'cancelled', label: 'Cancelled' },
];

export const taskStatusLabel = wordsFrom(TASK_STATUSES);

/** An open task due before today ("YYYY-MM-DD"). */
export function taskOverdue(task: Pick<TaskDto, 'status' | 'dueOn'>, today: string): boolean {
  return task.status === 'open' && task.dueOn < today;
}

/** My tasks: overdue first, then soonest due, then by client. */
export function sortMyTasks(tasks: readonly TaskListedDto[]): TaskListedDto[] {
  return [...tasks].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.task.dueOn.localeCompare(b.task.dueOn) ||
      a.familyName.localeCompare(b.familyName) ||
      a.givenName.localeCompare(b.givenName),
  );
}

/** A client's tasks: open ones soonest due first, then the closed ones, latest due first. */
export function sortClientTasks(tasks: readonly TaskDto[]): { open: TaskDto[]; closed: TaskDto[] } {
  return {
    open: tasks.filter((t) => t.status === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    closed: tasks.filter((t) => t.status !== 'open').sort((a, b) => b.dueOn.localeCompare(a.dueOn)),
  };
}

/** Who is to do it: "The client", "Housing Options (partner agency)". */
export function taskWho(task: Pick<TaskDto, 'who' | 'partnerAgency'>): string {
  if (task.who === 'partner_agency' && task.partnerAgency) return `${task.partnerAgency} (partner agency)`;
  return actionWhoLabel(task.who);
}

/**
 * Who a task can be given to: the staff offered, each once, leaving out its
 * owner (it is theirs already).
 */
export function reassignChoices(staff: readonly StaffMemberDto[], ownerId: string): StaffMemberDto[] {
  const chosen: StaffMemberDto[] = [];
  for (const person of staff) {
    if (person.id !== ownerId && !chosen.some((c) => c.id === person.id)) chosen.push(person);
  }
  return chosen;
}
