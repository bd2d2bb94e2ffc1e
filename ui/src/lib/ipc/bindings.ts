// Generated from src-tauri/src/ipc/ by ts-rs. Do not edit by hand:
// run `make bindings` after changing the Rust types.

export type UnitKind = "real" | "demo";

export type UnitDto = { kind: UnitKind, name: string, };

export type CaseRole = "keyworker" | "manager" | "partner";

export type SessionDto = { unit: UnitDto, accountId: string, username: string, fullName: string, caseRole: CaseRole | null, administrator: boolean, mustChangePassword: boolean, 
/**
 * Lock after this many seconds without keyboard or mouse input.
 */
idleLockSeconds: number, };

export type CreatedUnitDto = { session: SessionDto, recoveryKey: string, };

export type DemoCredentialsDto = { username: string, password: string, };

export type StartupDto = { realUnit: UnitDto | null, demoUnit: UnitDto | null, session: SessionDto | null, passwordRules: Array<string>, demoCredentials: DemoCredentialsDto, };

export type PasswordCheckDto = { acceptable: boolean, problems: Array<string>, };

export type CreateUnitRequest = { unitName: string, username: string, fullName: string, password: string, };

export type UnlockRequest = { unit: UnitKind, username: string, password: string, };

export type ChangePasswordRequest = { currentPassword: string, newPassword: string, };

export type RecoverRequest = { unit: UnitKind, recoveryKey: string, username: string, newPassword: string, };

export type NewClientRequest = { givenName: string, familyName: string, 
/**
 * `YYYY-MM-DD`, as a date field sends it.
 */
dateOfBirth: string, 
/**
 * nDelius CRN; blank when not known.
 */
crn: string, 
/**
 * PNC ID; blank when not known.
 */
pncId: string, 
/**
 * NHS number; blank when not known.
 */
nhsNumber: string, 
/**
 * Blank, or one of: woman, man, non-binary, prefer not to say.
 */
gender: string, wantsSameSexKeyworker: boolean, 
/**
 * The person has seen the probable duplicates and says this is
 * someone else.
 */
confirmedNewPerson: boolean, };

export type ClientIdentifiersDto = { crn: string | null, pncId: string | null, 
/**
 * Ten digits, no spaces.
 */
nhsNumber: string | null, };

export type DuplicateReason = "same_crn" | "same_pnc_id" | "same_nhs_number" | "same_birth_and_similar_name";

export type DuplicateMatchDto = { id: string, givenName: string, familyName: string, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth: string, keyworker: StaffMemberDto | null, reason: DuplicateReason, };

export type MergeRequest = { keptId: string, mergedId: string, reason: string, };

export type ClientAccess = "full" | "read_only" | "summary";

export type StaffMemberDto = { id: string, fullName: string, };

export type Rag = "red" | "amber" | "green";

export type RagReviewDto = { rating: Rag, reason: string | null, 
/**
 * `YYYY-MM-DD`.
 */
nextReview: string | null, reviewedBy: string | null, 
/**
 * RFC 3339.
 */
reviewedAt: string, };

export type RagReviewRequest = { clientId: string, 
/**
 * `red`, `amber` or `green`.
 */
rating: string, reason: string, 
/**
 * `YYYY-MM-DD`, or blank.
 */
nextReview: string, };

export type CohortFlag = "ppo" | "statutory_iom" | "sac" | "vap" | "woman_short_licence" | "eto" | "neighbourhood_crime" | "domestic_abuse" | "drr" | "atr" | "licence_dtc_dac" | "community_order" | "voluntary";

export type CohortFlagEntryDto = { id: string, flag: CohortFlag, setBy: string | null, setAt: string, removedBy: string | null, removedAt: string | null, removalReason: string | null, active: boolean, };

export type CohortDto = { 
/**
 * Active first.
 */
flags: Array<CohortFlagEntryDto>, ogrsScore: number | null, 
/**
 * `YYYY-MM-DD`.
 */
ogrsScoredOn: string | null, 
/**
 * Flags the facts suggest that are not set; a person confirms each.
 */
proposed: Array<CohortFlag>, };

export type SetCohortFlagRequest = { clientId: string, 
/**
 * A `CohortFlag` name.
 */
flag: string, };

export type RemoveCohortFlagRequest = { flagId: string, reason: string, };

export type OgrsRequest = { clientId: string, 
/**
 * 0 to 99, as typed.
 */
score: string, 
/**
 * `YYYY-MM-DD`.
 */
scoredOn: string, };

export type SafetyFlagKind = "mappa" | "risk_to_staff" | "lone_visit_not_advised" | "safeguarding_children" | "safeguarding_adult";

export type SafetyFlagDto = { id: string, kind: SafetyFlagKind, mappaCategory: number | null, mappaLevel: number | null, note: string, 
/**
 * `YYYY-MM-DD`.
 */
reviewBy: string, raisedBy: string | null, raisedAt: string, reviewedBy: string | null, reviewedAt: string | null, endedBy: string | null, endedAt: string | null, endReason: string | null, active: boolean, };

export type RaiseSafetyFlagRequest = { clientId: string, 
/**
 * A `SafetyFlagKind` name.
 */
kind: string, 
/**
 * "1" to "3" for MAPPA; blank otherwise.
 */
mappaCategory: string, mappaLevel: string, note: string, 
/**
 * `YYYY-MM-DD`.
 */
reviewBy: string, };

export type ReviewSafetyFlagRequest = { flagId: string, note: string, 
/**
 * `YYYY-MM-DD`.
 */
reviewBy: string, };

export type EndSafetyFlagRequest = { flagId: string, reason: string, };

export type DueReviewDto = { flag: SafetyFlagDto, clientId: string, 
/**
 * "Given Family".
 */
clientName: string, overdue: boolean, };

export type ReferralRoute = "police_custody" | "court" | "prison" | "probation" | "iom_panel" | "housing" | "other_agency" | "self";

export type ClockStatus = "not_started" | "on_track" | "amber" | "breached" | "picked_up_in_time" | "picked_up_late" | "stopped";

export type ReferralClockDto = { status: ClockStatus, 
/**
 * `YYYY-MM-DDTHH:MM`, local time.
 */
starts: string, 
/**
 * `YYYY-MM-DDTHH:MM`, local time: the last minute in time.
 */
due: string, 
/**
 * Whether the target is counted in hours (custody screening) rather
 * than days.
 */
inHours: boolean, 
/**
 * The length of the target, in days or hours.
 */
target: number, 
/**
 * Days (or hours) left: negative once breached.
 */
left: number, };

export type EpisodeDto = { id: string, route: ReferralRoute, referrer: string, 
/**
 * `YYYY-MM-DDTHH:MM`, local time.
 */
receivedAt: string, reason: string | null, 
/**
 * `YYYY-MM-DD`, prison referrals only.
 */
releaseDate: string | null, clock: ReferralClockDto | null, 
/**
 * `YYYY-MM-DDTHH:MM`: the first attended face-to-face contact.
 */
pickedUpAt: string | null, 
/**
 * `accepted`, `not_eligible`, `declined`, `did_not_engage` or
 * `onward_referral`; absent while awaiting pick-up.
 */
outcome: string | null, 
/**
 * The reason (not eligible) or the agency (onward referral).
 */
outcomeNote: string | null, 
/**
 * `YYYY-MM-DD`; absent while open.
 */
endedOn: string | null, exitReason: string | null, exitNote: string | null, openedBy: string | null, open: boolean, };

export type ReferralRequest = { clientId: string, 
/**
 * A `ReferralRoute` value.
 */
route: string, referrer: string, 
/**
 * `YYYY-MM-DD`.
 */
receivedDate: string, 
/**
 * `HH:MM`, 24-hour; blank for midnight.
 */
receivedTime: string, reason: string, 
/**
 * `YYYY-MM-DD`; prison referrals only, and required for them.
 */
releaseDate: string, };

export type PickUpRequest = { episodeId: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `HH:MM`.
 */
time: string, };

export type ReferralOutcomeRequest = { episodeId: string, 
/**
 * `not_eligible`, `declined`, `did_not_engage` or `onward_referral`.
 */
outcome: string, 
/**
 * The reason (not eligible) or the agency (onward referral).
 */
note: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, };

export type CloseEpisodeRequest = { episodeId: string, 
/**
 * `planned_completion`, `transferred`, `disengaged`, `custody`,
 * `moved_away`, `deceased` or `other`.
 */
exitReason: string, 
/**
 * Required for `other`.
 */
note: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, };

export type ClientProfileDto = { otherNames: Array<string>, pronouns: string, address: string, postcode: string, localAuthority: string, phone: string, safeContactTimes: string, 
/**
 * `yes`, `no` or blank.
 */
lettersHome: string, preferredLanguage: string, needsInterpreter: boolean, reasonableAdjustments: string, needsLiteracySupport: boolean, ethnicity: string, religion: string, sexualOrientation: string, disability: string, armedForces: string, };

export type ClientProfileRequest = { clientId: string, profile: ClientProfileDto, };

export type ChoiceDto = { code: string, label: string, };

export type ProfileChoicesDto = { localAuthorities: Array<ChoiceDto>, ethnicities: Array<ChoiceDto>, religions: Array<ChoiceDto>, sexualOrientations: Array<ChoiceDto>, disability: Array<ChoiceDto>, armedForces: Array<ChoiceDto>, };

export type ClientRowDto = { id: string, givenName: string, familyName: string, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth: string, identifiers: ClientIdentifiersDto, keyworker: StaffMemberDto | null, rag: Rag | null, 
/**
 * `YYYY-MM-DD`: when the current RAG rating is due for review.
 */
ragReviewDue: string | null, 
/**
 * A local authority area code (see `ProfileChoicesDto`).
 */
localAuthority: string | null, 
/**
 * Kinds of the client's active safety flags.
 */
activeFlags: Array<SafetyFlagKind>, cohortFlags: Array<CohortFlag>, 
/**
 * The open episode's referral route and clock, if there is one.
 */
openReferral: ReferralRoute | null, referralClock: ReferralClockDto | null, 
/**
 * The seven pathways assessment the open episode waits for.
 */
assessmentDue: AssessmentDueDto | null, access: ClientAccess, };

export type WhoseDto = "all" | "mine" | "unallocated" | "keyworker";

export type EpisodeFilterDto = "open" | "closed" | "any";

export type RagFilterDto = "any" | "none" | "red" | "amber" | "green";

export type ClockFilterDto = "any" | "running" | "amber_or_breached" | "none";

export type CaseloadSortDto = "name" | "rag" | "clock" | "keyworker";

export type CaseloadQueryDto = { whose: WhoseDto, 
/**
 * The keyworker's account id when `whose` is `keyworker`.
 */
keyworkerId: string | null, episodes: EpisodeFilterDto, rag: RagFilterDto, cohort: CohortFlag | null, clock: ClockFilterDto, 
/**
 * A local authority area code.
 */
area: string | null, sort: CaseloadSortDto, descending: boolean, 
/**
 * Counting from 0.
 */
page: number, };

export type CaseloadCountsDto = { listed: number, matching: number, red: number, referralsDueThisWeek: number, breached: number, ragReviewsOverdue: number, };

export type CaseloadPageDto = { rows: Array<ClientRowDto>, counts: CaseloadCountsDto, 
/**
 * The page shown, counting from 0.
 */
page: number, pageCount: number, pageSize: number, 
/**
 * Keyworkers with a client this person may see, for the picker.
 */
keyworkers: Array<StaffMemberDto>, 
/**
 * Area codes some client this person may see is in.
 */
areas: Array<string>, };

export type ClientViewDto = { id: string, givenName: string, familyName: string, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth: string, identifiers: ClientIdentifiersDto, keyworker: StaffMemberDto | null, 
/**
 * The current rating.
 */
rag: Rag | null, 
/**
 * Every review, newest first; empty in a partner's summary.
 */
ragHistory: Array<RagReviewDto>, 
/**
 * Every safety flag, active first; empty in a partner's summary.
 */
safetyFlags: Array<SafetyFlagDto>, 
/**
 * Active cohort flags (the partner summary has these too).
 */
cohortFlags: Array<CohortFlag>, 
/**
 * The whole cohort record; absent in a partner's summary.
 */
cohort: CohortDto | null, 
/**
 * Every consent decision, newest first; empty in a partner's summary.
 */
consent: Array<ConsentRecordDto>, 
/**
 * Every episode, newest first; empty in a partner's summary.
 */
episodes: Array<EpisodeDto>, 
/**
 * Absent in a partner's summary.
 */
profile: ClientProfileDto | null, access: ClientAccess, 
/**
 * The reason given when the record was opened through break-glass.
 */
breakGlassReason: string | null, gender: string | null, wantsSameSexKeyworker: boolean, 
/**
 * Absent in a partner's summary.
 */
coWorker: StaffMemberDto | null, 
/**
 * The client asked for a keyworker of the same sex and the allocated
 * one may not be.
 */
sameSexWarning: boolean, 
/**
 * Appointments, sessions, tasks, compliance and the timeline; absent
 * in a partner's summary.
 */
casework: CaseworkDto | null, 
/**
 * The next appointment still to happen: the partner's summary has
 * this (and `summary_compliance`) instead of the casework.
 */
nextAppointment: NextAppointmentDto | null, 
/**
 * Each order's absences and standing, in a partner's summary.
 */
summaryCompliance: Array<OrderStandingDto>, };

export type ClientDetailsRequest = { clientId: string, details: NewClientRequest, };

export type AllocationRequest = { clientId: string, 
/**
 * `null` takes the allocation away.
 */
keyworkerId: string | null, coWorkerId: string | null, 
/**
 * Needed when the client moves from one keyworker to another.
 */
reason: string, };

export type BreakGlassRequest = { clientId: string, reason: string, };

export type FindClientRequest = { familyName: string, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth: string, };

export type ClientMatchDto = { id: string, givenName: string, familyName: string, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth: string, };

export type UnitSettingsDto = { 
/**
 * 1 to 15.
 */
idleLockMinutes: number, keyworkersSeeOtherClients: boolean, partnersKeepSummaryAfterWithdrawal: boolean, custodyScreeningHours: number, newComputersNeedApproval: boolean, 
/**
 * 7 to 365.
 */
keepSyncFilesDays: number, 
/**
 * Unacceptable absences in 12 months at which a warning is due (1 to 10).
 */
absenceWarningAt: number, 
/**
 * … and at which a referral for breach is due (above the warning).
 */
absenceBreachReferralAt: number, 
/**
 * Days after pick-up within which the initial assessment is due (1 to 365).
 */
initialAssessmentWithinDays: number, 
/**
 * Days between review assessments (1 to 365).
 */
reviewAssessmentEveryDays: number, };

export type SyncStatusDto = { 
/**
 * The shared folder's path, if this computer is connected.
 */
folder: string | null, 
/**
 * This computer's changes not sent yet.
 */
waiting: number, };

export type SyncReportDto = { 
/**
 * Changes sent from this computer.
 */
sent: number, 
/**
 * Changes from other computers applied here.
 */
received: number, 
/**
 * Plain-words problems: files set aside, gaps, changes waiting.
 */
problems: Array<string>, waiting: number, 
/**
 * Stopped part way so that a save or a lock could go first; another
 * sync goes on from there.
 */
paused: boolean, };

export type SyncProgressDto = { done: number, total: number, };

export type ConnectShareRequest = { 
/**
 * A folder path as typed or picked; a Windows UNC path works too.
 */
folder: string, };

export type JoinUnitRequest = { folder: string, username: string, password: string, };

export type ComputerStanding = "approved" | "withdrawn" | "waiting";

export type ComputerDecisionDto = { 
/**
 * `approved` or `withdrawn`.
 */
decision: string, reason: string | null, decidedBy: string | null, 
/**
 * RFC 3339.
 */
decidedAt: string, };

export type ComputerDto = { device: string, name: string, 
/**
 * The username of the person who first sent from it.
 */
joinedBy: string | null, 
/**
 * RFC 3339.
 */
joinedAt: string | null, standing: ComputerStanding, thisComputer: boolean, decisions: Array<ComputerDecisionDto>, };

export type RefusedChangeDto = { 
/**
 * The computer whose bundle carried it, and its name where known.
 */
device: string, computer: string, bundleSequence: bigint, table: string, operation: string, 
/**
 * The rule it broke (`names_another_computer`, `insert_only_changed`, …).
 */
reason: string, 
/**
 * The whole refusal in plain words.
 */
sentence: string, 
/**
 * RFC 3339.
 */
refusedAt: string, };

export type WithdrawComputerRequest = { device: string, reason: string, };

export type ContestedSubject = "rag" | "allocation" | "safety_flag" | "appointment_outcome";

export type ContestedValue = { "kind": "rag", rating: Rag, reason: string | null, } | { "kind": "allocation", keyworker: StaffMemberDto | null, coWorker: StaffMemberDto | null, } | { "kind": "safety_flag", flagKind: SafetyFlagKind, note: string, 
/**
 * `YYYY-MM-DD`.
 */
reviewBy: string, ended: boolean, endReason: string | null, } | { "kind": "appointment_outcome", outcome: string, reason: string | null, absence: string | null, absenceReason: string | null, };

export type ResolveOptionDto = { versionId: string, value: ContestedValue, madeBy: string | null, 
/**
 * RFC 3339.
 */
madeAt: string, 
/**
 * The side that stands until someone chooses (the later change).
 */
inEffect: boolean, };

export type ResolveItemDto = { subject: ContestedSubject, subjectId: string, clientId: string, givenName: string, familyName: string, 
/**
 * Latest first.
 */
options: Array<ResolveOptionDto>, };

export type ResolveRequest = { subject: ContestedSubject, subjectId: string, 
/**
 * The `versionId` of the side the person chose.
 */
chosen: string, };

export type ConsentRecordDto = { agency: string, 
/**
 * `given` or `withdrawn`.
 */
decision: string, how: string | null, 
/**
 * `YYYY-MM-DD`.
 */
decidedOn: string, recordedBy: string | null, recordedAt: string, };

export type ConsentRequest = { clientId: string, 
/**
 * Police, Probation, Council or Other.
 */
agency: string, 
/**
 * `given` or `withdrawn`.
 */
decision: string, 
/**
 * How consent was given (in writing, verbally, electronically); blank
 * for a withdrawal.
 */
how: string, 
/**
 * `YYYY-MM-DD`.
 */
decidedOn: string, };

export type AccountStatus = "active" | "must_change_password" | "disabled";

export type AccountDto = { id: string, username: string, fullName: string, agency: string, caseRole: CaseRole | null, administrator: boolean, gender: string | null, status: AccountStatus, };

export type NewAccountRequest = { username: string, fullName: string, agency: string, caseRole: CaseRole | null, administrator: boolean, gender: string | null, };

export type RoleChangeRequest = { accountId: string, 
/**
 * `null` for an account that only administers.
 */
caseRole: CaseRole | null, administrator: boolean, };

export type OneTimePasswordDto = { account: AccountDto, oneTimePassword: string, };

export type AuditFilterDto = { accountId: string | null, clientId: string | null, action: string | null, 
/**
 * `YYYY-MM-DD`, first day included.
 */
from: string | null, 
/**
 * `YYYY-MM-DD`, last day included.
 */
to: string | null, };

export type AuditEntryDto = { seq: number, at: string, who: string, action: string, clientId: string | null, 
/**
 * "Family, Given"; absent for readers who see no client data.
 */
clientName: string | null, detail: string, };

export type AuditPageDto = { entries: Array<AuditEntryDto>, 
/**
 * How many entries the filter selects in all.
 */
total: number, 
/**
 * The page shown, counting from 0.
 */
page: number, pageCount: number, pageSize: number, };

export type AuditCheckDto = { intact: boolean, entries: number, brokenAtSeq: number | null, reason: string | null, };

export type AppointmentDto = { id: string, clientId: string, 
/**
 * Local `YYYY-MM-DDTHH:MM`.
 */
startsAt: string, endsAt: string, kind: string, place: string, room: string | null, staffIds: Array<string>, otherAttendees: string | null, bookedBy: string | null, outcome: string | null, outcomeReason: string | null, 
/**
 * `acceptable` or `unacceptable`.
 */
absence: string | null, absenceReason: string | null, absenceNote: string | null, rescheduledTo: string | null, outcomeBy: string | null, };

export type NextAppointmentDto = { 
/**
 * Local `YYYY-MM-DDTHH:MM`.
 */
startsAt: string, endsAt: string, kind: string, place: string, };

export type BookAppointmentRequest = { clientId: string, 
/**
 * Local `YYYY-MM-DDTHH:MM`.
 */
startsAt: string, endsAt: string, kind: string, place: string, room: string, otherAttendees: string, staffIds: Array<string>, 
/**
 * For warnings about a move: the appointment being moved, which
 * cannot clash with itself.
 */
movingAppointmentId: string | null, };

export type ClashDto = { 
/**
 * `staff`, `room` or `client`.
 */
with: string, appointmentId: string, staffId: string | null, };

export type BookingWarningsDto = { clashes: Array<ClashDto>, safetyFlags: Array<SafetyFlagDto>, loneVisitNotAdvised: boolean, };

export type MoveAppointmentRequest = { appointmentId: string, startsAt: string, endsAt: string, room: string, };

export type RecordOutcomeRequest = { appointmentId: string, outcome: string, reason: string, 
/**
 * `acceptable`, `unacceptable` or blank.
 */
absence: string, absenceReason: string, absenceNote: string, 
/**
 * For `rescheduled`: the new appointment's times.
 */
newStartsAt: string, newEndsAt: string, };

export type OutcomeRecordedDto = { appointment: AppointmentDto, rebooked: AppointmentDto | null, };

export type DiaryRequest = { 
/**
 * `YYYY-MM-DD`.
 */
firstDay: string, 
/**
 * 1 for a day, 7 for a week.
 */
days: number, 
/**
 * Someone else's diary (managers); absent for mine.
 */
staffId: string | null, 
/**
 * The whole unit's (managers).
 */
wholeUnit: boolean, };

export type DiaryEntryDto = { appointment: AppointmentDto, givenName: string, familyName: string, safetyFlags: Array<SafetyFlagDto>, loneVisitNotAdvised: boolean, };

export type ActionFormDto = { what: string, 
/**
 * `client`, `keyworker` or `partner_agency`.
 */
who: string, partnerAgency: string, 
/**
 * `YYYY-MM-DD`.
 */
dueOn: string, };

export type SessionFormDto = { appointmentId: string, 
/**
 * `YYYY-MM-DD`.
 */
heldOn: string, 
/**
 * `HH:MM`.
 */
startsAt: string, minutes: string, place: string, present: string, pathways: Array<string>, interventions: Array<string>, notes: string, concerns: string, confidential: boolean, actions: Array<ActionFormDto>, };

export type SaveDraftRequest = { 
/**
 * Absent for a new draft; the UI may also make the id itself.
 */
draftId: string | null, clientId: string, form: SessionFormDto, };

export type SessionDraftDto = { id: string, clientId: string, form: SessionFormDto, 
/**
 * RFC 3339.
 */
startedAt: string, savedAt: string, };

export type DraftListedDto = { draft: SessionDraftDto, givenName: string, familyName: string, authorId: string, authorName: string | null, 
/**
 * Waiting more than 7 days to be signed off.
 */
stale: boolean, };

export type AddendumDto = { text: string, writtenBy: string | null, 
/**
 * RFC 3339.
 */
writtenAt: string, };

export type SessionRecordDto = { id: string, clientId: string, appointmentId: string | null, heldOn: string, startsAt: string, minutes: number, place: string, present: string, pathways: Array<string>, interventions: Array<string>, 
/**
 * Empty when the record is confidential and this account may not
 * read it (`withheld`).
 */
notes: string, concerns: string | null, confidential: boolean, withheld: boolean, authorName: string | null, 
/**
 * RFC 3339.
 */
signedAt: string, addenda: Array<AddendumDto>, };

export type SignSessionRequest = { draftId: string, };

export type AddendumRequest = { sessionId: string, text: string, };

export type TaskDto = { id: string, clientId: string, sessionId: string | null, 
/**
 * The support plan goal it works toward, if it came from one.
 */
goalId: string | null, what: string, 
/**
 * `client`, `keyworker` or `partner_agency`.
 */
who: string, partnerAgency: string | null, ownerId: string, ownerName: string | null, 
/**
 * `YYYY-MM-DD`.
 */
dueOn: string, 
/**
 * `open`, `done` or `cancelled`.
 */
status: string, statusReason: string | null, closedBy: string | null, };

export type TaskListedDto = { task: TaskDto, givenName: string, familyName: string, overdue: boolean, };

export type TaskChangeKind = "done" | "cancelled" | "reassigned";

export type ChangeTaskRequest = { taskId: string, change: TaskChangeKind, reason: string, 
/**
 * For `reassigned`.
 */
toAccountId: string | null, };

export type OrderStandingDto = { order: CohortFlag, 
/**
 * `YYYY-MM-DD`.
 */
since: string, unacceptable: number, 
/**
 * `compliant`, `warning_due` or `breach_referral_due`.
 */
standing: string, countFallsOn: string | null, };

export type ProbationNoticeDto = { orderFlag: string, 
/**
 * `warning`, `breach_referral` or `other`.
 */
what: string, sentOn: string, note: string | null, recordedBy: string | null, };

export type ProbationNoticeRequest = { clientId: string, orderFlag: string, what: string, sentOn: string, note: string, };

export type TimelineEntryDto = { 
/**
 * Local `YYYY-MM-DDTHH:MM`.
 */
at: string, 
/**
 * `referral`, `appointment`, `session`, `safety_flag`, `rag` or `task`.
 */
kind: string, event: string, detail: string, id: string, };

export type PathwayEntryFormDto = { pathway: string, score: string, clientScore: string, evidence: string, };

export type AssessmentFormDto = { 
/**
 * `initial`, `review` or `termination`.
 */
kind: string, 
/**
 * `YYYY-MM-DD`.
 */
assessedOn: string, pathways: Array<PathwayEntryFormDto>, terminationWhileOpen: boolean, };

export type PathwayScoreDto = { pathway: string, score: number, 
/**
 * The client's own score, where they see it differently.
 */
clientScore: number | null, evidence: string | null, };

export type AssessmentDto = { id: string, 
/**
 * `initial`, `review` or `termination`.
 */
kind: string, 
/**
 * `YYYY-MM-DD`.
 */
assessedOn: string, 
/**
 * The seven pathways, in the usual order.
 */
pathways: Array<PathwayScoreDto>, assessorName: string | null, 
/**
 * RFC 3339.
 */
signedAt: string, addenda: Array<AddendumDto>, };

export type AssessmentDraftDto = { id: string, form: AssessmentFormDto, 
/**
 * RFC 3339.
 */
savedAt: string, };

export type GoalFormDto = { pathway: string, clientWords: string, keyworkerWords: string, 
/**
 * `client`, `keyworker` or `partner_agency`.
 */
who: string, partnerAgency: string, 
/**
 * `YYYY-MM-DD`.
 */
targetOn: string, 
/**
 * `not_started`, `in_progress`, `achieved` or `no_longer_relevant`.
 */
status: string, actions: Array<ActionFormDto>, };

export type GoalDto = { id: string, pathway: string, clientWords: string, keyworkerWords: string | null, who: string, partnerAgency: string | null, 
/**
 * `YYYY-MM-DD`.
 */
targetOn: string, status: string, updatedBy: string | null, 
/**
 * RFC 3339.
 */
updatedAt: string, };

export type GoalAtReviewDto = { pathway: string, clientWords: string, keyworkerWords: string | null, who: string, partnerAgency: string | null, targetOn: string, status: string, };

export type PlanReviewDto = { assessmentId: string, goals: Array<GoalAtReviewDto>, reviewedBy: string | null, 
/**
 * RFC 3339.
 */
reviewedAt: string, };

export type AssessmentDueDto = { kind: string, 
/**
 * `YYYY-MM-DD`.
 */
dueOn: string, overdue: boolean, };

export type PathwaysDto = { assessments: Array<AssessmentDto>, drafts: Array<AssessmentDraftDto>, goals: Array<GoalDto>, planReviews: Array<PlanReviewDto>, due: AssessmentDueDto | null, };

export type SaveAssessmentRequest = { clientId: string, 
/**
 * The draft this came from, if any: saved over, or removed on signing.
 */
draftId: string | null, form: AssessmentFormDto, };

export type AssessmentAddendumRequest = { assessmentId: string, text: string, };

export type SaveGoalRequest = { clientId: string, 
/**
 * The goal to change; none adds a goal.
 */
goalId: string | null, goal: GoalFormDto, };

export type CohortRequest = { route: string, cohortFlag: string, order: string, gender: string, area: string, keyworkerId: string, 
/**
 * `YYYY-MM-DD`: episodes that ended on or after this day.
 */
closedFrom: string, 
/**
 * `YYYY-MM-DD`: episodes that ended on or before this day.
 */
closedTo: string, };

export type CohortOutcomesDto = { counted: number, leftOut: number, 
/**
 * Average initial need per pathway, in the usual order; absent when no
 * client matches.
 */
initial: Array<number> | null, termination: Array<number> | null, 
/**
 * (Σ termination − Σ initial) / Σ initial, as a fraction.
 */
overallImprovement: number | null, };

export type SaveExportRequest = { 
/**
 * The file name offered in the save dialog, like `radar.png`.
 */
suggestedName: string, bytes: Array<number>, };

export type CaseworkDto = { appointments: Array<AppointmentDto>, sessions: Array<SessionRecordDto>, tasks: Array<TaskDto>, compliance: Array<OrderStandingDto>, probationNotices: Array<ProbationNoticeDto>, timeline: Array<TimelineEntryDto>, 
/**
 * Seven pathways assessments and the support plan.
 */
pathways: PathwaysDto, };

export type SearchNotesRequest = { words: string, };

export type NoteFoundDto = { sessionId: string, clientId: string, givenName: string, familyName: string, heldOn: string, };

export type SessionTemplateDto = { id: string, name: string, pathways: Array<string>, interventions: Array<string>, notes: string, };

export type SaveTemplateRequest = { 
/**
 * Absent for a new template.
 */
templateId: string | null, name: string, pathways: Array<string>, interventions: Array<string>, notes: string, retired: boolean, };

export type ErrorCode = "invalid_input" | "password_rejected" | "wrong_credentials" | "unit_exists" | "no_unit" | "locked" | "key_file_missing" | "key_file_damaged" | "database_unreadable" | "storage_read_only" | "storage_full" | "storage_unavailable" | "forbidden" | "probable_duplicate" | "reason_required" | "sign_in_delayed" | "account_locked_out" | "password_change_required" | "internal";

export type IpcError = { code: ErrorCode, message: string, };
