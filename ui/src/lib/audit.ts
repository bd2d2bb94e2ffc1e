// Plain-words presentation of the audit trail. Pure, so it is unit-tested.
import type { AuditCheckDto, AuditFilterDto } from './ipc/bindings';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Every action the core records, in the order the filter lists them, with its words. */
export const AUDIT_ACTIONS: ReadonlyArray<{ code: string; words: string }> = [
  { code: 'signed_in', words: 'Signed in' },
  { code: 'sign_in_failed', words: 'Failed sign-in' },
  { code: 'locked', words: 'Locked' },
  { code: 'viewed_caseload', words: 'Viewed the caseload' },
  { code: 'client_created', words: 'Added a client' },
  { code: 'unit_created', words: 'Created the unit' },
  { code: 'account_created', words: 'Added an account' },
  { code: 'account_disabled', words: 'Disabled an account' },
  { code: 'account_enabled', words: 'Enabled an account' },
  { code: 'password_changed', words: 'Changed their password' },
  { code: 'account_keys_made', words: 'Was given their own signing keys' },
  { code: 'recovered_with_key', words: 'Used the recovery key' },
  { code: 'recovery_key_issued', words: 'Issued a new recovery key' },
  { code: 'sign_in_released', words: 'Released a locked sign-in' },
  { code: 'viewed_audit_trail', words: 'Viewed the audit trail' },
  { code: 'checked_audit_trail', words: 'Checked the audit trail' },
  { code: 'exported_audit_trail', words: 'Exported the audit trail' },
  { code: 'viewed_client', words: "Opened a client's record" },
  { code: 'broke_glass', words: 'Opened a record with a reason (break-glass)' },
  { code: 'searched_unit', words: 'Searched outside their caseload' },
  { code: 'client_updated', words: "Changed a client's details" },
  { code: 'client_allocated', words: 'Allocated a client' },
  { code: 'unit_settings_changed', words: "Changed the unit's settings" },
  { code: 'rag_reviewed', words: 'Reviewed a RAG status' },
  { code: 'safety_flag_raised', words: 'Raised a safety flag' },
  { code: 'safety_flag_reviewed', words: 'Reviewed a safety flag' },
  { code: 'safety_flag_ended', words: 'Ended a safety flag' },
  { code: 'cohort_flag_set', words: 'Set a cohort flag' },
  { code: 'cohort_flag_removed', words: 'Removed a cohort flag' },
  { code: 'ogrs_recorded', words: 'Recorded an OGRS score' },
  { code: 'consent_recorded', words: 'Recorded a consent decision' },
  { code: 'role_changed', words: "Changed an account's role" },
  { code: 'referral_received', words: 'Recorded a referral' },
  { code: 'referral_picked_up', words: 'Recorded a pick-up' },
  { code: 'referral_ended', words: "Recorded a referral's outcome" },
  { code: 'episode_closed', words: 'Closed an episode' },
  { code: 'clients_merged', words: 'Merged two client records' },
  { code: 'shared_folder_connected', words: 'Connected the unit to a shared folder' },
  { code: 'joined_from_shared_folder', words: 'Joined the unit from a shared folder' },
  { code: 'changes_resolved', words: 'Chose between changes made apart on two computers' },
  { code: 'computer_approved', words: 'Approved a computer of the unit' },
  { code: 'computer_withdrawn', words: 'Withdrew a computer’s access to the unit' },
  { code: 'client_deleted', words: 'Deleted a client record entered in error' },
  { code: 'appointment_booked', words: 'Booked an appointment' },
  { code: 'appointment_moved', words: 'Moved an appointment' },
  { code: 'appointment_outcome_recorded', words: 'Recorded what happened at an appointment' },
  { code: 'session_record_signed', words: 'Signed off a session record' },
  { code: 'session_addendum_added', words: 'Added an addendum to a session record' },
  { code: 'task_changed', words: 'Changed a task' },
  { code: 'probation_notice_recorded', words: 'Recorded what was sent to probation' },
  { code: 'session_template_saved', words: 'Saved a session template' },
  { code: 'assessment_signed', words: 'Signed off an assessment' },
  { code: 'assessment_addendum_added', words: 'Added an addendum to an assessment' },
  { code: 'plan_goal_saved', words: 'Saved a support plan goal' },
  { code: 'viewed_cohort_outcomes', words: 'Looked at the outcomes of a cohort' },
  { code: 'chart_exported', words: 'Saved a chart as a picture' },
  { code: 'changes_refused', words: 'Refused changes received from another computer' },
  { code: 'viewed_refused_changes', words: 'Looked at the refused changes' },
];

const WORDS = new Map(AUDIT_ACTIONS.map((action) => [action.code, action.words]));

/** "signed_in" → "Signed in". An unknown code becomes readable words ("new_thing" → "New thing"). */
export function actionWords(code: string): string {
  const known = WORDS.get(code);
  if (known) return known;
  const words = code.replace(/_+/g, ' ').trim();
  return words === '' ? code : words.charAt(0).toUpperCase() + words.slice(1);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp in local time: "25 Nov 2026 14:03:12". An unreadable value is returned unchanged. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const d = new Date(time);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The result of checking the trail, in one sentence. */
export function verdictText(check: AuditCheckDto): string {
  if (check.intact) {
    return `The trail is intact: ${check.entries} ${check.entries === 1 ? 'entry' : 'entries'} checked.`;
  }
  const where = check.brokenAtSeq === null ? '' : ` at entry #${check.brokenAtSeq}`;
  const reason = check.reason?.trim() ? check.reason.trim() : 'no reason given';
  return `The trail has been tampered with${where}: ${reason.replace(/\.$/, '')}.`;
}

export type AuditFilterForm = { accountId: string; clientId: string; action: string; from: string; to: string };

/** The filter fields as the core wants them: blank means "any". Dates go as typed for the core to judge. */
export function filterFromForm(form: AuditFilterForm): AuditFilterDto {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    accountId: orNull(form.accountId),
    clientId: orNull(form.clientId),
    action: orNull(form.action),
    from: orNull(form.from),
    to: orNull(form.to),
  };
}

/**
 * An entry's details in plain words: "username: kim · failed at: 25 Nov 2026
 * 14:03:12". Empty values and identifiers are left out; an empty detail is a dash. Anything
 * that is not a JSON object is shown as it is.
 */
export function describeDetail(detail: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return detail;
  const parts = Object.entries(parsed as Record<string, unknown>)
    // Identifiers are for the CSV export and for checking; on screen the
    // names beside them say the same in words.
    .filter(([key, value]) => value !== null && value !== undefined && value !== '' && !key.endsWith('_id'))
    .map(([key, value]) => `${key.replaceAll('_', ' ')}: ${describeValue(key, value)}`);
  return parts.length === 0 ? '—' : parts.join(' · ');
}

function describeValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => String(v).replaceAll('_', ' ')).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && key.endsWith('_at')) return formatDateTime(value);
  return String(value);
}
