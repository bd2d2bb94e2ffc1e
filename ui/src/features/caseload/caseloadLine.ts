// One line of the caseload table, worked out once from the core's row.
//
// The table shows fifty lines at a time and draws them again at every
// filter, sort and page. Every expression a Svelte template computes is a
// reactive node of its own, held as long as the line is on screen; with the
// words worked out here, in one plain object, a line's template only reads
// fields. At county scale that is measurably less memory in the web process
// and less work at each repaint (issue 16), and the wording is unit-tested.
import type { ClientRowDto, Rag, SessionDto } from '../../lib/ipc/bindings';
import { ageOn, formatDate, type CalendarDate } from '../../lib/format';
import { accessLabel, keyworkerName } from '../../lib/clients';
import { kindLabel } from '../../lib/safetyFlags';
import { cohortShort } from '../../lib/cohort';
import { clockSentence, clockText, clockTone, routeShort } from '../../lib/referrals';
import { dueBadgeText, dueText } from '../../lib/assessments';

export type CaseloadLine = {
  id: string;
  /** "Family, Given". */
  name: string;
  crn: string | null;
  /** `YYYY-MM-DD`, and as people read it. */
  dateOfBirth: string;
  born: string;
  /** "(38)", or empty when the age cannot be worked out. */
  age: string;
  flagCount: number;
  /** The kinds of the active safety flags, for the tooltip. */
  flagKinds: string;
  /** What a screen reader says for the flags. */
  flagsSpoken: string;
  rag: Rag | null;
  /** The cohort flags in short, or a dash. */
  cohort: string;
  noCohort: boolean;
  /** The open referral's clock, if it has one. */
  clock: { tone: string; text: string; sentence: string } | null;
  /** The open referral's route in short, or empty. */
  route: string;
  /** Nothing to show in the referral column: a dash stands there. */
  noReferral: boolean;
  /** The seven pathways assessment due, if any. */
  due: { badge: string; title: string; overdue: boolean; since: string } | null;
  keyworker: string;
  noKeyworker: boolean;
  /** "Yours", "Shared", … as the access column says it. */
  access: string;
  own: boolean;
};

export function caseloadLine(
  client: ClientRowDto,
  session: Pick<SessionDto, 'accountId'>,
  on?: CalendarDate,
): CaseloadLine {
  const age = ageOn(client.dateOfBirth, on);
  const kinds = client.activeFlags.map(kindLabel).join(', ');
  const access = accessLabel(client.access, client.keyworker, session);
  const due = client.assessmentDue;
  return {
    id: client.id,
    name: `${client.familyName}, ${client.givenName}`,
    crn: client.identifiers.crn,
    dateOfBirth: client.dateOfBirth,
    born: formatDate(client.dateOfBirth),
    age: age === null ? '' : `(${age})`,
    flagCount: client.activeFlags.length,
    flagKinds: kinds,
    flagsSpoken: `safety ${client.activeFlags.length === 1 ? 'flag' : 'flags'}: ${kinds}`,
    rag: client.rag,
    cohort: client.cohortFlags.length === 0 ? '–' : client.cohortFlags.map(cohortShort).join(', '),
    noCohort: client.cohortFlags.length === 0,
    clock: client.referralClock
      ? {
          tone: clockTone(client.referralClock.status),
          text: clockText(client.referralClock),
          sentence: clockSentence(client.referralClock),
        }
      : null,
    route: client.openReferral ? routeShort(client.openReferral) : '',
    noReferral: !client.referralClock && !client.openReferral && !due,
    due: due
      ? { badge: dueBadgeText(due), title: dueText(due), overdue: due.overdue, since: formatDate(due.dueOn) }
      : null,
    keyworker: keyworkerName(client.keyworker),
    noKeyworker: client.keyworker === null,
    access,
    own: access === 'Yours',
  };
}
