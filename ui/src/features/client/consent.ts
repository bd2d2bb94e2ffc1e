// Consent words and the current decision per agency. Pure, so it is unit-tested.
import type { ConsentRecordDto } from '../../lib/ipc/bindings';

export const PARTNER_AGENCIES: readonly string[] = ['Police', 'Probation', 'Council', 'Other'];
export const CONSENT_WAYS: readonly string[] = ['in writing', 'verbally', 'electronically'];

/** For each partner agency, its latest decision (history is newest first), or null. */
export function currentConsent(history: ConsentRecordDto[]): Array<{ agency: string; latest: ConsentRecordDto | null }> {
  return PARTNER_AGENCIES.map((agency) => ({ agency, latest: history.find((r) => r.agency === agency) ?? null }));
}
