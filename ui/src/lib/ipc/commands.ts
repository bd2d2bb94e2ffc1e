// The only module (with its siblings in lib/ipc) that talks to the Rust core.
// One typed async function per Tauri command; every rejection becomes a
// CommandError (see errors.ts).
import { invoke as tauriInvoke } from '@tauri-apps/api/core';
import type {
  AccountDto,
  AssessmentAddendumRequest,
  AssessmentDraftDto,
  AssessmentDto,
  CohortOutcomesDto,
  CohortRequest,
  GoalDto,
  SaveAssessmentRequest,
  SaveExportRequest,
  SaveGoalRequest,
  AddendumRequest,
  AllocationRequest,
  AppointmentDto,
  BookAppointmentRequest,
  BookingWarningsDto,
  ChangeTaskRequest,
  DiaryEntryDto,
  DiaryRequest,
  DraftListedDto,
  MoveAppointmentRequest,
  NoteFoundDto,
  OutcomeRecordedDto,
  ProbationNoticeDto,
  ProbationNoticeRequest,
  RecordOutcomeRequest,
  SaveDraftRequest,
  SaveTemplateRequest,
  SearchNotesRequest,
  SessionDraftDto,
  SessionRecordDto,
  SessionTemplateDto,
  SignSessionRequest,
  TaskDto,
  TaskListedDto,
  AuditCheckDto,
  AuditFilterDto,
  AuditPageDto,
  BreakGlassRequest,
  ChangePasswordRequest,
  ClientDetailsRequest,
  ClientMatchDto,
  ClientProfileDto,
  ClientProfileRequest,
  CaseloadPageDto,
  CaseloadQueryDto,
  ClientRowDto,
  ClientViewDto,
  ConnectShareRequest,
  CloseEpisodeRequest,
  CohortDto,
  ComputerDto,
  RefusedChangeDto,
  ConsentRecordDto,
  ConsentRequest,
  CreatedUnitDto,
  DueReviewDto,
  DuplicateMatchDto,
  EndSafetyFlagRequest,
  EpisodeDto,
  CreateUnitRequest,
  FindClientRequest,
  JoinUnitRequest,
  MergeRequest,
  NewAccountRequest,
  NewClientRequest,
  OgrsRequest,
  OneTimePasswordDto,
  PasswordCheckDto,
  PickUpRequest,
  ProfileChoicesDto,
  RagReviewDto,
  RagReviewRequest,
  RaiseSafetyFlagRequest,
  RecoverRequest,
  ReferralOutcomeRequest,
  ReferralRequest,
  ResolveItemDto,
  ResolveRequest,
  RoleChangeRequest,
  RemoveCohortFlagRequest,
  ReviewSafetyFlagRequest,
  SafetyFlagDto,
  SessionDto,
  SetCohortFlagRequest,
  SyncReportDto,
  SyncStatusDto,
  StaffMemberDto,
  StartupDto,
  UnitDto,
  UnitSettingsDto,
  UnlockRequest,
  WithdrawComputerRequest,
} from './bindings';
import { toCommandError } from './errors';
import { announceChanged } from '../syncEvents';

export { CommandError, failureToShow, toCommandError, UNEXPECTED_MESSAGE } from './errors';

export type InvokeFn = (command: string, args?: Record<string, unknown>) => Promise<unknown>;

export interface Commands {
  startupState(): Promise<StartupDto>;
  checkNewPassword(password: string, username?: string): Promise<PasswordCheckDto>;
  createUnit(request: CreateUnitRequest): Promise<CreatedUnitDto>;
  openDemoUnit(): Promise<UnitDto>;
  unlock(request: UnlockRequest): Promise<SessionDto>;
  lock(): Promise<null>;
  /** One page of the caseload, filtered, sorted and counted by the core. */
  caseloadPage(query: CaseloadQueryDto): Promise<CaseloadPageDto>;
  addClient(request: NewClientRequest): Promise<ClientRowDto>;
  /** Clients this person may see matching names, an identifier or a date of birth; best first. */
  searchClients(query: string): Promise<ClientRowDto[]>;
  /** Who already in the unit is probably the person about to be added. */
  findProbableDuplicates(request: NewClientRequest): Promise<DuplicateMatchDto[]>;
  changePassword(request: ChangePasswordRequest): Promise<SessionDto>;
  recoverWithKey(request: RecoverRequest): Promise<SessionDto>;
  /** A new recovery key; the old one stops working. */
  issueRecoveryKey(): Promise<string>;
  listAccounts(): Promise<AccountDto[]>;
  addAccount(request: NewAccountRequest): Promise<OneTimePasswordDto>;
  disableAccount(accountId: string): Promise<AccountDto>;
  enableAccount(accountId: string): Promise<OneTimePasswordDto>;
  /** Changes another account's case role and administrator flag. */
  changeAccountRole(request: RoleChangeRequest): Promise<AccountDto>;
  /** Clears the lock on a username after too many failed sign-ins. */
  releaseSignIn(username: string): Promise<null>;
  /** One page (counting from 0) of the entries the filter selects, newest first. */
  auditTrail(filter: AuditFilterDto, page: number): Promise<AuditPageDto>;
  verifyAuditTrail(): Promise<AuditCheckDto>;
  /** Saves the filtered trail as CSV; resolves to the saved file's path. */
  exportAuditCsv(filter: AuditFilterDto): Promise<string>;
  exportAuditCsvToShare(filter: AuditFilterDto): Promise<string>;
  /** One client as the account may see them; `reason_required` for a client outside a keyworker's reach. */
  viewClient(clientId: string): Promise<ClientViewDto>;
  /** Break-glass: opens a client outside the keyworker's reach, read-only, with the reason audited. */
  openClientWithReason(request: BreakGlassRequest): Promise<ClientViewDto>;
  findClientsOutsideCaseload(request: FindClientRequest): Promise<ClientMatchDto[]>;
  updateClientDetails(request: ClientDetailsRequest): Promise<ClientViewDto>;
  /** Joins the unit in a shared folder as this computer's unit, and signs in. */
  joinUnit(request: JoinUnitRequest): Promise<SessionDto>;
  syncStatus(): Promise<SyncStatusDto>;
  /** Managers and administrators: connects the unit to a shared folder and syncs. */
  connectSharedFolder(request: ConnectShareRequest): Promise<SyncReportDto>;
  /** Sends this computer's changes and receives the others'. */
  syncNow(): Promise<SyncReportDto>;
  chooseFolder(title: string): Promise<string | null>;
  computers(): Promise<ComputerDto[]>;
  /** Administrators: changes from other computers refused here, each with why. Audited. */
  refusedChanges(): Promise<RefusedChangeDto[]>;
  approveComputer(device: string): Promise<ComputerDto[]>;
  withdrawComputer(request: WithdrawComputerRequest): Promise<ComputerDto[]>;
  resolveItems(): Promise<ResolveItemDto[]>;
  resolveItemsOfClient(clientId: string): Promise<ResolveItemDto[]>;
  resolve(request: ResolveRequest): Promise<ResolveItemDto[]>;
  /** Managers: other records that are probably the same person as this client. */
  duplicatesOfClient(clientId: string): Promise<DuplicateMatchDto[]>;
  /** Managers: merges one record into another; resolves to the record kept. */
  mergeClients(request: MergeRequest): Promise<ClientViewDto>;
  /** Managers: deletes a record entered in error, with the reason. */
  deleteClient(clientId: string, reason: string): Promise<void>;
  /** Saves the client's profile whole; resolves to it as saved. */
  updateClientProfile(request: ClientProfileRequest): Promise<ClientProfileDto>;
  /** The closed lists the profile's answers come from. */
  profileChoices(): Promise<ProfileChoicesDto>;
  /** Records a RAG review; resolves to the client's whole RAG history, newest first. */
  reviewRag(request: RagReviewRequest): Promise<RagReviewDto[]>;
  /** Each resolves to the client's safety flags, active first. */
  raiseSafetyFlag(request: RaiseSafetyFlagRequest): Promise<SafetyFlagDto[]>;
  reviewSafetyFlag(request: ReviewSafetyFlagRequest): Promise<SafetyFlagDto[]>;
  endSafetyFlag(request: EndSafetyFlagRequest): Promise<SafetyFlagDto[]>;
  /** Flag reviews due within a week or overdue, on clients this person can change. */
  safetyReviewsDue(): Promise<DueReviewDto[]>;
  /** Each resolves to the client's cohort: flags, OGRS score and proposals. */
  setCohortFlag(request: SetCohortFlagRequest): Promise<CohortDto>;
  removeCohortFlag(request: RemoveCohortFlagRequest): Promise<CohortDto>;
  recordOgrs(request: OgrsRequest): Promise<CohortDto>;
  /** Records a consent decision; resolves to the client's consent history, newest first. */
  recordConsent(request: ConsentRequest): Promise<ConsentRecordDto[]>;
  /** Each resolves to the client's episodes, newest referral first. */
  receiveReferral(request: ReferralRequest): Promise<EpisodeDto[]>;
  recordPickUp(request: PickUpRequest): Promise<EpisodeDto[]>;
  recordReferralOutcome(request: ReferralOutcomeRequest): Promise<EpisodeDto[]>;
  closeEpisode(request: CloseEpisodeRequest): Promise<EpisodeDto[]>;
  allocatableStaff(): Promise<StaffMemberDto[]>;
  allocateClient(request: AllocationRequest): Promise<ClientViewDto>;
  unitSettings(): Promise<UnitSettingsDto>;
  /** Saves the settings; resolves to the session as it now is (its idle lock may have changed). */
  changeUnitSettings(request: UnitSettingsDto): Promise<SessionDto>;
  /** Clashes and, for a home visit, the client's safety flags: shown before a booking or a move. */
  bookingWarnings(request: BookAppointmentRequest): Promise<BookingWarningsDto>;
  bookAppointment(request: BookAppointmentRequest): Promise<AppointmentDto>;
  /** Moves an appointment that has not happened yet. */
  moveAppointment(request: MoveAppointmentRequest): Promise<AppointmentDto>;
  /** Records what happened; a reschedule also resolves to the new appointment. */
  recordAppointmentOutcome(request: RecordOutcomeRequest): Promise<OutcomeRecordedDto>;
  /** Appointments starting on the days asked for: mine, a colleague's or the unit's (managers). */
  diary(request: DiaryRequest): Promise<DiaryEntryDto[]>;
  /** Saves a session record as typed so far (on this computer only; not synced, not audited). */
  saveSessionDraft(request: SaveDraftRequest): Promise<SessionDraftDto>;
  discardSessionDraft(draftId: string): Promise<null>;
  /** My drafts, and for a manager everyone's that waited more than 7 days. */
  sessionDrafts(): Promise<DraftListedDto[]>;
  /** Signs a draft off: the record becomes read-only and its actions become tasks. */
  signSessionRecord(request: SignSessionRequest): Promise<SessionRecordDto>;
  addSessionAddendum(request: AddendumRequest): Promise<SessionRecordDto>;
  /** My open tasks, soonest due first. */
  myTasks(): Promise<TaskListedDto[]>;
  changeTask(request: ChangeTaskRequest): Promise<TaskDto>;
  /** Resolves to the client's notices to probation. */
  recordProbationNotice(request: ProbationNoticeRequest): Promise<ProbationNoticeDto[]>;
  searchSessionNotes(request: SearchNotesRequest): Promise<NoteFoundDto[]>;
  sessionTemplates(): Promise<SessionTemplateDto[]>;
  /** Managers: resolves to the templates in use. */
  saveSessionTemplate(request: SaveTemplateRequest): Promise<SessionTemplateDto[]>;
  saveAssessmentDraft(request: SaveAssessmentRequest): Promise<AssessmentDraftDto>;
  discardAssessmentDraft(draftId: string): Promise<null>;
  signAssessment(request: SaveAssessmentRequest): Promise<AssessmentDto>;
  addAssessmentAddendum(request: AssessmentAddendumRequest): Promise<AssessmentDto>;
  savePlanGoal(request: SaveGoalRequest): Promise<GoalDto>;
  cohortOutcomes(request: CohortRequest): Promise<CohortOutcomesDto>;
  /** Saves a chart picture in the export folder; answers where it went. */
  exportChart(request: SaveExportRequest): Promise<string>;
  /** Opens the system's print dialog for the page as it is. */
  printPage(): Promise<null>;
}

/** Builds the command functions on top of an invoke function (injectable for tests). */
export function makeCommands(invoke: InvokeFn): Commands {
  async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
    try {
      return (await invoke(command, args)) as T;
    } catch (reason) {
      throw toCommandError(reason);
    }
  }

  return {
    startupState: () => call<StartupDto>('startup_state'),
    checkNewPassword: (password, username) =>
      call<PasswordCheckDto>('check_new_password', { password, username: username ?? null }),
    createUnit: (request) => call<CreatedUnitDto>('create_unit', { request }),
    openDemoUnit: () => call<UnitDto>('open_demo_unit'),
    unlock: (request) => call<SessionDto>('unlock', { request }),
    lock: () => call<null>('lock'),
    caseloadPage: (query) => call<CaseloadPageDto>('caseload_page', { query }),
    addClient: (request) => call<ClientRowDto>('add_client', { request }),
    searchClients: (query) => call<ClientRowDto[]>('search_clients', { query }),
    findProbableDuplicates: (request) => call<DuplicateMatchDto[]>('find_probable_duplicates', { request }),
    changePassword: (request) => call<SessionDto>('change_password', { request }),
    recoverWithKey: (request) => call<SessionDto>('recover_with_key', { request }),
    issueRecoveryKey: () => call<string>('issue_recovery_key'),
    listAccounts: () => call<AccountDto[]>('list_accounts'),
    addAccount: (request) => call<OneTimePasswordDto>('add_account', { request }),
    disableAccount: (accountId) => call<AccountDto>('disable_account', { accountId }),
    enableAccount: (accountId) => call<OneTimePasswordDto>('enable_account', { accountId }),
    changeAccountRole: (request) => call<AccountDto>('change_account_role', { request }),
    releaseSignIn: (username) => call<null>('release_sign_in', { username }),
    auditTrail: (filter, page) => call<AuditPageDto>('audit_trail', { filter, page }),
    verifyAuditTrail: () => call<AuditCheckDto>('verify_audit_trail'),
    exportAuditCsv: (filter) => call<string>('export_audit_csv', { filter }),
    exportAuditCsvToShare: (filter) => call<string>('export_audit_csv_to_share', { filter }),
    viewClient: (clientId) => call<ClientViewDto>('view_client', { clientId }),
    openClientWithReason: (request) => call<ClientViewDto>('open_client_with_reason', { request }),
    findClientsOutsideCaseload: (request) => call<ClientMatchDto[]>('find_clients_outside_caseload', { request }),
    updateClientDetails: (request) => call<ClientViewDto>('update_client_details', { request }),
    joinUnit: (request) => call<SessionDto>('join_unit', { request }),
    syncStatus: () => call<SyncStatusDto>('sync_status'),
    connectSharedFolder: (request) => call<SyncReportDto>('connect_shared_folder', { request }),
    syncNow: () => call<SyncReportDto>('sync_now'),
    chooseFolder: (title) => call<string | null>('choose_folder', { title }),
    computers: () => call<ComputerDto[]>('computers'),
    refusedChanges: () => call<RefusedChangeDto[]>('refused_changes'),
    approveComputer: (device) => call<ComputerDto[]>('approve_computer', { device }),
    withdrawComputer: (request) => call<ComputerDto[]>('withdraw_computer', { request }),
    resolveItems: () => call<ResolveItemDto[]>('resolve_items'),
    resolveItemsOfClient: (clientId) => call<ResolveItemDto[]>('resolve_items_of_client', { clientId }),
    resolve: (request) => call<ResolveItemDto[]>('resolve', { request }),
    duplicatesOfClient: (clientId) => call<DuplicateMatchDto[]>('duplicates_of_client', { clientId }),
    mergeClients: (request) => call<ClientViewDto>('merge_clients', { request }),
    deleteClient: (clientId, reason) => call<void>('delete_client', { clientId, reason }),
    updateClientProfile: (request) => call<ClientProfileDto>('update_client_profile', { request }),
    profileChoices: () => call<ProfileChoicesDto>('profile_choices'),
    reviewRag: (request) => call<RagReviewDto[]>('review_rag', { request }),
    raiseSafetyFlag: (request) => call<SafetyFlagDto[]>('raise_safety_flag', { request }),
    reviewSafetyFlag: (request) => call<SafetyFlagDto[]>('review_safety_flag', { request }),
    endSafetyFlag: (request) => call<SafetyFlagDto[]>('end_safety_flag', { request }),
    safetyReviewsDue: () => call<DueReviewDto[]>('safety_reviews_due'),
    setCohortFlag: (request) => call<CohortDto>('set_cohort_flag', { request }),
    removeCohortFlag: (request) => call<CohortDto>('remove_cohort_flag', { request }),
    recordOgrs: (request) => call<CohortDto>('record_ogrs', { request }),
    recordConsent: (request) => call<ConsentRecordDto[]>('record_consent', { request }),
    receiveReferral: (request) => call<EpisodeDto[]>('receive_referral', { request }),
    recordPickUp: (request) => call<EpisodeDto[]>('record_pick_up', { request }),
    recordReferralOutcome: (request) => call<EpisodeDto[]>('record_referral_outcome', { request }),
    closeEpisode: (request) => call<EpisodeDto[]>('close_episode', { request }),
    allocatableStaff: () => call<StaffMemberDto[]>('allocatable_staff'),
    allocateClient: (request) => call<ClientViewDto>('allocate_client', { request }),
    unitSettings: () => call<UnitSettingsDto>('unit_settings'),
    changeUnitSettings: (request) => call<SessionDto>('change_unit_settings', { request }),
    bookingWarnings: (request) => call<BookingWarningsDto>('booking_warnings', { request }),
    bookAppointment: (request) => call<AppointmentDto>('book_appointment', { request }),
    moveAppointment: (request) => call<AppointmentDto>('move_appointment', { request }),
    recordAppointmentOutcome: (request) => call<OutcomeRecordedDto>('record_appointment_outcome', { request }),
    diary: (request) => call<DiaryEntryDto[]>('diary', { request }),
    saveSessionDraft: (request) => call<SessionDraftDto>('save_session_draft', { request }),
    discardSessionDraft: (draftId) => call<null>('discard_session_draft', { draftId }),
    sessionDrafts: () => call<DraftListedDto[]>('session_drafts'),
    signSessionRecord: (request) => call<SessionRecordDto>('sign_session_record', { request }),
    addSessionAddendum: (request) => call<SessionRecordDto>('add_session_addendum', { request }),
    myTasks: () => call<TaskListedDto[]>('my_tasks'),
    changeTask: (request) => call<TaskDto>('change_task', { request }),
    recordProbationNotice: (request) => call<ProbationNoticeDto[]>('record_probation_notice', { request }),
    searchSessionNotes: (request) => call<NoteFoundDto[]>('search_session_notes', { request }),
    sessionTemplates: () => call<SessionTemplateDto[]>('session_templates'),
    saveSessionTemplate: (request) => call<SessionTemplateDto[]>('save_session_template', { request }),
    saveAssessmentDraft: (request) => call<AssessmentDraftDto>('save_assessment_draft', { request }),
    discardAssessmentDraft: (draftId) => call<null>('discard_assessment_draft', { draftId }),
    signAssessment: (request) => call<AssessmentDto>('sign_assessment', { request }),
    addAssessmentAddendum: (request) => call<AssessmentDto>('add_assessment_addendum', { request }),
    savePlanGoal: (request) => call<GoalDto>('save_plan_goal', { request }),
    cohortOutcomes: (request) => call<CohortOutcomesDto>('cohort_outcomes', { request }),
    exportChart: (request) => call<string>('export_chart', { request }),
    printPage: () => call<null>('print_page'),
  };
}

/**
 * Commands that change what the unit holds. After each, the header syncs a
 * few seconds later (see SyncControl), so a change reaches the shared folder
 * without anyone pressing Sync now.
 */
export const CHANGING_COMMANDS: ReadonlySet<string> = new Set([
  'add_client',
  'update_client_details',
  'update_client_profile',
  'merge_clients',
  'delete_client',
  'review_rag',
  'raise_safety_flag',
  'review_safety_flag',
  'end_safety_flag',
  'set_cohort_flag',
  'remove_cohort_flag',
  'record_ogrs',
  'record_consent',
  'receive_referral',
  'record_pick_up',
  'record_referral_outcome',
  'close_episode',
  'allocate_client',
  'change_unit_settings',
  'resolve',
  'approve_computer',
  'withdraw_computer',
  'add_account',
  'disable_account',
  'enable_account',
  'change_account_role',
  'book_appointment',
  'move_appointment',
  'record_appointment_outcome',
  // Drafts stay on this computer (they are not synced), so saving or
  // discarding one is not listed; signing one off is.
  'sign_session_record',
  'add_session_addendum',
  'change_task',
  'record_probation_notice',
  'save_session_template',
  'sign_assessment',
  'add_assessment_addendum',
  'save_plan_goal',
]);

const commands = makeCommands(async (command, args) => {
  const answer = await tauriInvoke(command, args);
  if (CHANGING_COMMANDS.has(command)) announceChanged();
  return answer;
});

export const startupState = commands.startupState;
export const checkNewPassword = commands.checkNewPassword;
export const createUnit = commands.createUnit;
export const openDemoUnit = commands.openDemoUnit;
export const unlock = commands.unlock;
export const lock = commands.lock;
export const caseloadPage = commands.caseloadPage;
export const addClient = commands.addClient;
export const searchClients = commands.searchClients;
export const findProbableDuplicates = commands.findProbableDuplicates;
export const changePassword = commands.changePassword;
export const recoverWithKey = commands.recoverWithKey;
export const issueRecoveryKey = commands.issueRecoveryKey;
export const listAccounts = commands.listAccounts;
export const addAccount = commands.addAccount;
export const disableAccount = commands.disableAccount;
export const enableAccount = commands.enableAccount;
export const changeAccountRole = commands.changeAccountRole;
export const releaseSignIn = commands.releaseSignIn;
export const auditTrail = commands.auditTrail;
export const verifyAuditTrail = commands.verifyAuditTrail;
export const exportAuditCsv = commands.exportAuditCsv;
export const exportAuditCsvToShare = commands.exportAuditCsvToShare;
export const viewClient = commands.viewClient;
export const openClientWithReason = commands.openClientWithReason;
export const findClientsOutsideCaseload = commands.findClientsOutsideCaseload;
export const updateClientDetails = commands.updateClientDetails;
export const joinUnit = commands.joinUnit;
export const syncStatus = commands.syncStatus;
export const connectSharedFolder = commands.connectSharedFolder;
export const syncNow = commands.syncNow;
export const chooseFolder = commands.chooseFolder;
export const computers = commands.computers;
export const refusedChanges = commands.refusedChanges;
export const approveComputer = commands.approveComputer;
export const withdrawComputer = commands.withdrawComputer;
export const resolveItems = commands.resolveItems;
export const resolveItemsOfClient = commands.resolveItemsOfClient;
export const resolve = commands.resolve;
export const duplicatesOfClient = commands.duplicatesOfClient;
export const mergeClients = commands.mergeClients;
export const deleteClient = commands.deleteClient;
export const updateClientProfile = commands.updateClientProfile;
export const profileChoices = commands.profileChoices;
export const reviewRag = commands.reviewRag;
export const raiseSafetyFlag = commands.raiseSafetyFlag;
export const reviewSafetyFlag = commands.reviewSafetyFlag;
export const endSafetyFlag = commands.endSafetyFlag;
export const safetyReviewsDue = commands.safetyReviewsDue;
export const setCohortFlag = commands.setCohortFlag;
export const removeCohortFlag = commands.removeCohortFlag;
export const recordOgrs = commands.recordOgrs;
export const recordConsent = commands.recordConsent;
export const receiveReferral = commands.receiveReferral;
export const recordPickUp = commands.recordPickUp;
export const recordReferralOutcome = commands.recordReferralOutcome;
export const closeEpisode = commands.closeEpisode;
export const allocatableStaff = commands.allocatableStaff;
export const allocateClient = commands.allocateClient;
export const unitSettings = commands.unitSettings;
export const changeUnitSettings = commands.changeUnitSettings;
export const bookingWarnings = commands.bookingWarnings;
export const bookAppointment = commands.bookAppointment;
export const moveAppointment = commands.moveAppointment;
export const recordAppointmentOutcome = commands.recordAppointmentOutcome;
export const diary = commands.diary;
export const saveSessionDraft = commands.saveSessionDraft;
export const discardSessionDraft = commands.discardSessionDraft;
export const sessionDrafts = commands.sessionDrafts;
export const signSessionRecord = commands.signSessionRecord;
export const addSessionAddendum = commands.addSessionAddendum;
export const myTasks = commands.myTasks;
export const changeTask = commands.changeTask;
export const recordProbationNotice = commands.recordProbationNotice;
export const searchSessionNotes = commands.searchSessionNotes;
export const sessionTemplates = commands.sessionTemplates;
export const saveSessionTemplate = commands.saveSessionTemplate;
export const saveAssessmentDraft = commands.saveAssessmentDraft;
export const discardAssessmentDraft = commands.discardAssessmentDraft;
export const signAssessment = commands.signAssessment;
export const addAssessmentAddendum = commands.addAssessmentAddendum;
export const savePlanGoal = commands.savePlanGoal;
export const cohortOutcomes = commands.cohortOutcomes;
export const exportChart = commands.exportChart;
export const printPage = commands.printPage;
