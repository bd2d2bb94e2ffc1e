// Words for what a person may do with a client. Pure, so it is unit-tested.
import type { ClientAccess, ClientRowDto, SessionDto, StaffMemberDto } from './ipc/bindings';

/** The caseload's label for a client's access: whose client it is, in the reader's terms. */
export function accessLabel(access: ClientAccess, keyworker: StaffMemberDto | null, session: Pick<SessionDto, 'accountId'>): string {
  switch (access) {
    case 'full':
      return keyworker?.id === session.accountId ? 'Yours' : 'Can change';
    case 'read_only':
      return 'Read only';
    case 'summary':
      return 'Summary';
  }
}

/** "Kim Worker", or "Not allocated". */
export function keyworkerName(keyworker: StaffMemberDto | null): string {
  return keyworker ? keyworker.fullName : 'Not allocated';
}

/** "Dana Whitlock". */
export function clientName(client: Pick<ClientRowDto, 'givenName' | 'familyName'>): string {
  return `${client.givenName} ${client.familyName}`;
}

/** Whether this person may allocate clients: managers. The core enforces; this only hides. */
export function canAllocate(session: Pick<SessionDto, 'caseRole'>): boolean {
  return session.caseRole === 'manager';
}

/** Break-glass reasons the core accepts: 10 to 500 characters once trimmed. */
export function breakGlassReasonProblem(reason: string): string | null {
  const length = [...reason.trim()].length;
  if (length < 10) return 'Say why you need to open this record (at least 10 characters).';
  if (length > 500) return 'Keep the reason under 500 characters.';
  return null;
}
