// Words for what a person may do with a client. Pure, so it is unit-tested.
import type { ClientAccess, ClientRowDto, DuplicateReason, Rag, SessionDto, StaffMemberDto } from './ipc/bindings';

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

/** "9434765919" → "943 476 5919", as NHS letters print it; anything else unchanged. */
export function spacedNhsNumber(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : digits;
}

/** "Red", "Amber", "Green", or "Not rated". */
export function ragLabel(rag: Rag | null): string {
  switch (rag) {
    case 'red':
      return 'Red';
    case 'amber':
      return 'Amber';
    case 'green':
      return 'Green';
    default:
      return 'Not rated';
  }
}

/** A RAG review form's own check: red needs a reason (the core checks everything again). */
export function ragReasonProblem(rating: Rag | '', reason: string): string | null {
  if (rating === '') return 'Choose red, amber or green.';
  if (rating === 'red' && [...reason.trim()].length < 5) return 'Say why this client is red: police and partners act on it first.';
  return null;
}

/** Why Casebook thinks two records are the same person, in plain words. */
export function duplicateReasonWords(reason: DuplicateReason): string {
  switch (reason) {
    case 'same_crn':
      return 'the same CRN';
    case 'same_pnc_id':
      return 'the same PNC ID';
    case 'same_nhs_number':
      return 'the same NHS number';
    case 'same_birth_and_similar_name':
      return 'the same date of birth and a similar name';
  }
}

/** Gender choices for a client; '' is "not recorded". */
export const CLIENT_GENDER_CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  { value: '', label: 'Not recorded' },
  { value: 'woman', label: 'Woman' },
  { value: 'man', label: 'Man' },
  { value: 'non-binary', label: 'Non-binary' },
  { value: 'prefer not to say', label: 'Prefers not to say' },
];

/** "Woman", or "Not recorded". */
export function genderLabel(gender: string | null): string {
  return CLIENT_GENDER_CHOICES.find((c) => c.value === (gender ?? ''))?.label ?? gender ?? 'Not recorded';
}
