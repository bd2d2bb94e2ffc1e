// The support plan: goals the client set, grouped by pathway, with the tasks
// that came from them; and the plain words of the plan printed for the client.
// Pure, so it is unit-tested. The codes are the core's closed lists; an
// unknown code is shown readably rather than hidden.
import type { ActionFormDto, GoalDto, GoalFormDto, TaskDto } from '../../lib/ipc/bindings';
import { PATHWAYS, actionWhoLabel, pathwayLabel } from '../../lib/pathwayWords';
import { type Choice } from '../../lib/words';
import { parseIsoDate } from '../../lib/format';

export const GOAL_STATUSES: readonly Choice[] = [
  { value: 'not_started', label: 'Not started' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'achieved', label: 'Achieved' },
  { value: 'no_longer_relevant', label: 'No longer relevant' },
];

/** "new_thing" → "New thing": for a code this list does not know yet. */
function readable(code: string): string {
  const words = code.replace(/_+/g, ' ').trim();
  return words === '' ? code : words.charAt(0).toUpperCase() + words.slice(1);
}

/** "In progress". */
export function goalStatusLabel(status: string): string {
  return GOAL_STATUSES.find((s) => s.value === status)?.label ?? readable(status);
}

/** A goal still being worked toward. */
export function goalIsOpen(goal: Pick<GoalDto, 'status'>): boolean {
  return goal.status === 'not_started' || goal.status === 'in_progress';
}

/** The order goals are listed in within a pathway: open ones first, then achieved, then dropped. */
function statusRank(status: string): number {
  switch (status) {
    case 'in_progress':
    case 'not_started':
      return 0;
    case 'achieved':
      return 1;
    case 'no_longer_relevant':
      return 2;
    default:
      return 0;
  }
}

function byStatusThenTarget(a: Pick<GoalDto, 'status' | 'targetOn'>, b: Pick<GoalDto, 'status' | 'targetOn'>): number {
  return statusRank(a.status) - statusRank(b.status) || a.targetOn.localeCompare(b.targetOn);
}

export interface PathwayGoals<T> {
  pathway: string;
  label: string;
  goals: T[];
}

/**
 * Goals grouped by pathway, the pathways in the usual order (any the list
 * does not know after them), only those with goals. Within a pathway, open
 * goals first, soonest target first.
 */
export function goalsByPathway<T extends Pick<GoalDto, 'pathway' | 'status' | 'targetOn'>>(goals: readonly T[]): PathwayGoals<T>[] {
  const known = PATHWAYS.map((p) => p.value);
  const others = [...new Set(goals.map((g) => g.pathway).filter((p) => !known.includes(p)))].sort();
  return [...known, ...others]
    .map((pathway) => ({
      pathway,
      label: pathwayLabel(pathway),
      goals: goals.filter((g) => g.pathway === pathway).sort(byStatusThenTarget),
    }))
    .filter((group) => group.goals.length > 0);
}

/** A new goal: no pathway chosen (so the core says so if none is), the client leading it, not started. */
export function emptyGoalForm(): GoalFormDto {
  return {
    pathway: '',
    clientWords: '',
    keyworkerWords: '',
    who: 'client',
    partnerAgency: '',
    targetOn: '',
    status: 'not_started',
    actions: [],
  };
}

/** The form to change a goal: as it stands, with no new actions. */
export function goalFormFrom(goal: GoalDto): GoalFormDto {
  return {
    pathway: goal.pathway,
    clientWords: goal.clientWords,
    keyworkerWords: goal.keyworkerWords ?? '',
    who: goal.who,
    partnerAgency: goal.partnerAgency ?? '',
    targetOn: goal.targetOn,
    status: goal.status,
    actions: [],
  };
}

/** The tasks that came from a goal: open ones soonest due first, then the closed ones, latest due first. */
export function goalTasks(tasks: readonly TaskDto[], goalId: string): TaskDto[] {
  const mine = tasks.filter((t) => t.goalId === goalId);
  const open = mine.filter((t) => t.status === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const closed = mine.filter((t) => t.status !== 'open').sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  return [...open, ...closed];
}

/** Who leads a goal, for staff: "The client", "The keyworker", "Housing Options (partner agency)". */
export function goalOwnerWords(goal: Pick<GoalDto, 'who' | 'partnerAgency'>): string {
  if (goal.who === 'partner_agency' && goal.partnerAgency) return `${goal.partnerAgency} (partner agency)`;
  return actionWhoLabel(goal.who);
}

// ---------- the plan printed for the client ----------

const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2026-07-01" → "1 July 2026"; an unreadable value unchanged. */
export function longDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.day} ${MONTHS_LONG[d.month - 1]} ${d.year}` : iso;
}

/** "2026-07-01" → "by 1 July 2026"; nothing for no date. */
export function byWhen(iso: string | null | undefined): string {
  if (!iso || iso.trim() === '') return '';
  return `by ${longDate(iso)}`;
}

/** Who does it, spoken to the client: "You", "Your keyworker", or the agency's name. */
export function plainWho(who: string, partnerAgency: string | null | undefined): string {
  switch (who) {
    case 'client':
      return 'You';
    case 'keyworker':
      return 'Your keyworker';
    case 'partner_agency': {
      const agency = partnerAgency?.trim() ?? '';
      return agency === '' ? 'Another service' : agency;
    }
    default:
      return 'We';
  }
}

/** The pathways as a client would say them. */
const PLAIN_PATHWAYS: Readonly<Record<string, string>> = {
  accommodation: 'Somewhere to live',
  education_training_employment: 'Work, learning and training',
  health: 'Health',
  drugs_and_alcohol: 'Drugs and alcohol',
  finance_benefits_debt: 'Money, benefits and debt',
  children_and_families: 'Children and family',
  attitudes_thinking_behaviour: 'How I think and act',
};

export function plainPathway(code: string): string {
  return PLAIN_PATHWAYS[code] ?? pathwayLabel(code);
}

/** How a goal is going, spoken to the client. */
export function plainGoalStatus(status: string): string {
  switch (status) {
    case 'not_started':
      return 'Not started yet';
    case 'in_progress':
      return 'Working on it';
    case 'achieved':
      return 'Done';
    default:
      return '';
  }
}

export interface PrintedAction {
  who: string;
  what: string;
  by: string;
}

export interface PrintedGoal {
  id: string;
  words: string;
  who: string;
  by: string;
  status: string;
  done: boolean;
  actions: PrintedAction[];
}

export interface PrintedPathway {
  pathway: string;
  heading: string;
  goals: PrintedGoal[];
}

/**
 * What the printed plan holds: for each pathway with goals, each goal in the
 * client's own words, who leads it, by when, and the open tasks that came
 * from it. Goals no longer relevant are left out; nothing else of the record
 * (scores, notes, the keyworker's words, identifiers) is in it.
 */
export function printedPlan(goals: readonly GoalDto[], tasks: readonly TaskDto[]): PrintedPathway[] {
  const kept = goals.filter((g) => g.status !== 'no_longer_relevant');
  return goalsByPathway(kept).map((group) => ({
    pathway: group.pathway,
    heading: plainPathway(group.pathway),
    goals: group.goals.map((goal) => ({
      id: goal.id,
      words: goal.clientWords.trim(),
      who: plainWho(goal.who, goal.partnerAgency),
      by: byWhen(goal.targetOn),
      status: plainGoalStatus(goal.status),
      done: goal.status === 'achieved',
      actions: goalTasks(tasks, goal.id)
        .filter((t) => t.status === 'open')
        .map((t) => ({ who: plainWho(t.who, t.partnerAgency), what: t.what.trim(), by: byWhen(t.dueOn) })),
    })),
  }));
}

/** "Talk to Kim Worker if anything changes." */
export function talkToWords(keyworkerName: string | null | undefined): string {
  const name = keyworkerName?.trim() ?? '';
  return `Talk to ${name === '' ? 'your keyworker' : name} if anything changes.`;
}

/**
 * An action row nothing was typed in: no words, no agency, no due date. Who
 * does it does not count, as a new row starts with one chosen.
 */
export function actionLeftBlank(action: ActionFormDto): boolean {
  return action.what.trim() === '' && action.partnerAgency.trim() === '' && action.dueOn.trim() === '';
}
