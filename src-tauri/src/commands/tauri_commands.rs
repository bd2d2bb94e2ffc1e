//! The Tauri wrappers, one per command: each only unwraps Tauri's state
//! and calls the plain function of the same name.

use tauri::State;

use crate::app_state::AppState;

use crate::ipc::{
    AccountDto, AddendumRequest, AllocationRequest, AppointmentDto, AssessmentAddendumRequest,
    AssessmentDraftDto, AssessmentDto, AuditCheckDto, AuditEntryDto, AuditFilterDto,
    BookAppointmentRequest, BookingWarningsDto, BreakGlassRequest, ChangePasswordRequest,
    ChangeTaskRequest, ClientDetailsRequest, ClientMatchDto, ClientProfileDto,
    ClientProfileRequest, ClientRowDto, ClientViewDto, CloseEpisodeRequest, CohortDto,
    CohortOutcomesDto, CohortRequest, ComputerDto, ConnectShareRequest, ConsentRecordDto,
    ConsentRequest, CreateUnitRequest, CreatedUnitDto, DiaryEntryDto, DiaryRequest, DraftListedDto,
    DueReviewDto, DuplicateMatchDto, EndSafetyFlagRequest, EpisodeDto, FindClientRequest, GoalDto,
    JoinUnitRequest, MergeRequest, MoveAppointmentRequest, NewAccountRequest, NewClientRequest,
    NoteFoundDto, OgrsRequest, OneTimePasswordDto, OutcomeRecordedDto, PasswordCheckDto,
    PickUpRequest, ProbationNoticeDto, ProbationNoticeRequest, ProfileChoicesDto, RagReviewDto,
    RagReviewRequest, RaiseSafetyFlagRequest, RecordOutcomeRequest, RecoverRequest,
    ReferralOutcomeRequest, ReferralRequest, RemoveCohortFlagRequest, ResolveItemDto,
    ResolveRequest, ReviewSafetyFlagRequest, RoleChangeRequest, SafetyFlagDto,
    SaveAssessmentRequest, SaveDraftRequest, SaveExportRequest, SaveGoalRequest,
    SaveTemplateRequest, SearchNotesRequest, SessionDraftDto, SessionDto, SessionRecordDto,
    SessionTemplateDto, SetCohortFlagRequest, SignSessionRequest, StaffMemberDto, StartupDto,
    SyncReportDto, SyncStatusDto, TaskDto, TaskListedDto, UnitDto, UnitSettingsDto, UnlockRequest,
    WithdrawComputerRequest,
};

use super::Answer;

#[tauri::command(async)]
pub fn startup_state(state: State<'_, AppState>) -> Answer<StartupDto> {
    super::startup_state(&state)
}

#[tauri::command(async)]
pub fn check_new_password(password: String, username: Option<String>) -> Answer<PasswordCheckDto> {
    super::check_new_password(&password, username.as_deref())
}

#[tauri::command(async)]
pub fn create_unit(
    state: State<'_, AppState>,
    request: CreateUnitRequest,
) -> Answer<CreatedUnitDto> {
    super::create_unit(&state, &request)
}

#[tauri::command(async)]
pub fn open_demo_unit(state: State<'_, AppState>) -> Answer<UnitDto> {
    super::open_demo_unit(&state)
}

#[tauri::command(async)]
pub fn unlock(state: State<'_, AppState>, request: UnlockRequest) -> Answer<SessionDto> {
    super::unlock(&state, &request)
}

#[tauri::command(async)]
pub fn join_unit(state: State<'_, AppState>, request: JoinUnitRequest) -> Answer<SessionDto> {
    super::join_unit(&state, &request)
}

#[tauri::command(async)]
pub fn sync_status(state: State<'_, AppState>) -> Answer<SyncStatusDto> {
    super::sync_status(&state)
}

#[tauri::command(async)]
pub fn connect_shared_folder(
    state: State<'_, AppState>,
    request: ConnectShareRequest,
) -> Answer<SyncReportDto> {
    super::connect_shared_folder(&state, &request)
}

#[tauri::command(async)]
pub fn sync_now(state: State<'_, AppState>, window: tauri::WebviewWindow) -> Answer<SyncReportDto> {
    use tauri::Emitter;
    super::sync_now_reporting(&state, &mut |progress| {
        // A lost progress event only leaves the header saying "Syncing…".
        let _ = window.emit(crate::SYNC_PROGRESS_EVENT, progress);
    })
}

#[tauri::command]
pub async fn choose_folder(window: tauri::WebviewWindow, title: String) -> Option<String> {
    super::choose_folder(Some(&window), &title).await
}

#[tauri::command(async)]
pub fn computers(state: State<'_, AppState>) -> Answer<Vec<ComputerDto>> {
    super::computers(&state)
}

#[tauri::command(async)]
pub fn approve_computer(state: State<'_, AppState>, device: String) -> Answer<Vec<ComputerDto>> {
    super::approve_computer(&state, &device)
}

#[tauri::command(async)]
pub fn withdraw_computer(
    state: State<'_, AppState>,
    request: WithdrawComputerRequest,
) -> Answer<Vec<ComputerDto>> {
    super::withdraw_computer(&state, &request)
}

#[tauri::command(async)]
pub fn resolve_items(state: State<'_, AppState>) -> Answer<Vec<ResolveItemDto>> {
    super::resolve_items(&state)
}

#[tauri::command(async)]
pub fn resolve_items_of_client(
    state: State<'_, AppState>,
    client_id: String,
) -> Answer<Vec<ResolveItemDto>> {
    super::resolve_items_of_client(&state, &client_id)
}

#[tauri::command(async)]
pub fn resolve(state: State<'_, AppState>, request: ResolveRequest) -> Answer<Vec<ResolveItemDto>> {
    super::resolve(&state, &request)
}

#[tauri::command(async)]
pub fn lock(state: State<'_, AppState>) -> Answer<()> {
    super::lock(&state)
}

#[tauri::command(async)]
pub fn list_clients(state: State<'_, AppState>) -> Answer<Vec<ClientRowDto>> {
    super::list_clients(&state)
}

#[tauri::command(async)]
pub fn add_client(state: State<'_, AppState>, request: NewClientRequest) -> Answer<ClientRowDto> {
    super::add_client(&state, &request)
}

#[tauri::command(async)]
pub fn find_probable_duplicates(
    state: State<'_, AppState>,
    request: NewClientRequest,
) -> Answer<Vec<DuplicateMatchDto>> {
    super::find_probable_duplicates(&state, &request)
}

#[tauri::command(async)]
pub fn duplicates_of_client(
    state: State<'_, AppState>,
    client_id: String,
) -> Answer<Vec<DuplicateMatchDto>> {
    super::duplicates_of_client(&state, &client_id)
}

#[tauri::command(async)]
pub fn merge_clients(state: State<'_, AppState>, request: MergeRequest) -> Answer<ClientViewDto> {
    super::merge_clients(&state, &request)
}

#[tauri::command(async)]
pub fn delete_client(state: State<'_, AppState>, client_id: String, reason: String) -> Answer<()> {
    super::delete_client(&state, &client_id, &reason)
}

#[tauri::command(async)]
pub fn search_clients(state: State<'_, AppState>, query: String) -> Answer<Vec<ClientRowDto>> {
    super::search_clients(&state, &query)
}

#[tauri::command(async)]
pub fn view_client(state: State<'_, AppState>, client_id: String) -> Answer<ClientViewDto> {
    super::view_client(&state, &client_id)
}

#[tauri::command(async)]
pub fn open_client_with_reason(
    state: State<'_, AppState>,
    request: BreakGlassRequest,
) -> Answer<ClientViewDto> {
    super::open_client_with_reason(&state, &request)
}

#[tauri::command(async)]
pub fn find_clients_outside_caseload(
    state: State<'_, AppState>,
    request: FindClientRequest,
) -> Answer<Vec<ClientMatchDto>> {
    super::find_clients_outside_caseload(&state, &request)
}

#[tauri::command(async)]
pub fn update_client_details(
    state: State<'_, AppState>,
    request: ClientDetailsRequest,
) -> Answer<ClientViewDto> {
    super::update_client_details(&state, &request)
}

#[tauri::command(async)]
pub fn update_client_profile(
    state: State<'_, AppState>,
    request: ClientProfileRequest,
) -> Answer<ClientProfileDto> {
    super::update_client_profile(&state, &request)
}

#[tauri::command]
pub fn profile_choices() -> ProfileChoicesDto {
    super::profile_choices()
}

#[tauri::command(async)]
pub fn review_rag(
    state: State<'_, AppState>,
    request: RagReviewRequest,
) -> Answer<Vec<RagReviewDto>> {
    super::review_rag(&state, &request)
}

#[tauri::command(async)]
pub fn raise_safety_flag(
    state: State<'_, AppState>,
    request: RaiseSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    super::raise_safety_flag(&state, &request)
}

#[tauri::command(async)]
pub fn review_safety_flag(
    state: State<'_, AppState>,
    request: ReviewSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    super::review_safety_flag(&state, &request)
}

#[tauri::command(async)]
pub fn end_safety_flag(
    state: State<'_, AppState>,
    request: EndSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    super::end_safety_flag(&state, &request)
}

#[tauri::command(async)]
pub fn safety_reviews_due(state: State<'_, AppState>) -> Answer<Vec<DueReviewDto>> {
    super::safety_reviews_due(&state)
}

#[tauri::command(async)]
pub fn set_cohort_flag(
    state: State<'_, AppState>,
    request: SetCohortFlagRequest,
) -> Answer<CohortDto> {
    super::set_cohort_flag(&state, &request)
}

#[tauri::command(async)]
pub fn remove_cohort_flag(
    state: State<'_, AppState>,
    request: RemoveCohortFlagRequest,
) -> Answer<CohortDto> {
    super::remove_cohort_flag(&state, &request)
}

#[tauri::command(async)]
pub fn record_ogrs(state: State<'_, AppState>, request: OgrsRequest) -> Answer<CohortDto> {
    super::record_ogrs(&state, &request)
}

#[tauri::command(async)]
pub fn record_consent(
    state: State<'_, AppState>,
    request: ConsentRequest,
) -> Answer<Vec<ConsentRecordDto>> {
    super::record_consent(&state, &request)
}

#[tauri::command(async)]
pub fn receive_referral(
    state: State<'_, AppState>,
    request: ReferralRequest,
) -> Answer<Vec<EpisodeDto>> {
    super::receive_referral(&state, &request)
}

#[tauri::command(async)]
pub fn record_pick_up(
    state: State<'_, AppState>,
    request: PickUpRequest,
) -> Answer<Vec<EpisodeDto>> {
    super::record_pick_up(&state, &request)
}

#[tauri::command(async)]
pub fn record_referral_outcome(
    state: State<'_, AppState>,
    request: ReferralOutcomeRequest,
) -> Answer<Vec<EpisodeDto>> {
    super::record_referral_outcome(&state, &request)
}

#[tauri::command(async)]
pub fn close_episode(
    state: State<'_, AppState>,
    request: CloseEpisodeRequest,
) -> Answer<Vec<EpisodeDto>> {
    super::close_episode(&state, &request)
}

#[tauri::command(async)]
pub fn allocatable_staff(state: State<'_, AppState>) -> Answer<Vec<StaffMemberDto>> {
    super::allocatable_staff(&state)
}

#[tauri::command(async)]
pub fn allocate_client(
    state: State<'_, AppState>,
    request: AllocationRequest,
) -> Answer<ClientViewDto> {
    super::allocate_client(&state, &request)
}

#[tauri::command(async)]
pub fn unit_settings(state: State<'_, AppState>) -> Answer<UnitSettingsDto> {
    super::unit_settings(&state)
}

#[tauri::command(async)]
pub fn change_unit_settings(
    state: State<'_, AppState>,
    request: UnitSettingsDto,
) -> Answer<SessionDto> {
    super::change_unit_settings(&state, &request)
}

#[tauri::command(async)]
pub fn change_password(
    state: State<'_, AppState>,
    request: ChangePasswordRequest,
) -> Answer<SessionDto> {
    super::change_password(&state, &request)
}

#[tauri::command(async)]
pub fn recover_with_key(state: State<'_, AppState>, request: RecoverRequest) -> Answer<SessionDto> {
    super::recover_with_key(&state, &request)
}

#[tauri::command(async)]
pub fn issue_recovery_key(state: State<'_, AppState>) -> Answer<String> {
    super::issue_recovery_key(&state)
}

#[tauri::command(async)]
pub fn list_accounts(state: State<'_, AppState>) -> Answer<Vec<AccountDto>> {
    super::list_accounts(&state)
}

#[tauri::command(async)]
pub fn add_account(
    state: State<'_, AppState>,
    request: NewAccountRequest,
) -> Answer<OneTimePasswordDto> {
    super::add_account(&state, &request)
}

#[tauri::command(async)]
pub fn disable_account(state: State<'_, AppState>, account_id: String) -> Answer<AccountDto> {
    super::disable_account(&state, &account_id)
}

#[tauri::command(async)]
pub fn change_account_role(
    state: State<'_, AppState>,
    request: RoleChangeRequest,
) -> Answer<AccountDto> {
    super::change_account_role(&state, &request)
}

#[tauri::command(async)]
pub fn enable_account(
    state: State<'_, AppState>,
    account_id: String,
) -> Answer<OneTimePasswordDto> {
    super::enable_account(&state, &account_id)
}

#[tauri::command(async)]
pub fn release_sign_in(state: State<'_, AppState>, username: String) -> Answer<()> {
    super::release_sign_in(&state, &username)
}

#[tauri::command(async)]
pub fn audit_trail(
    state: State<'_, AppState>,
    filter: AuditFilterDto,
) -> Answer<Vec<AuditEntryDto>> {
    super::audit_trail(&state, &filter)
}

#[tauri::command(async)]
pub fn verify_audit_trail(state: State<'_, AppState>) -> Answer<AuditCheckDto> {
    super::verify_audit_trail(&state)
}

#[tauri::command(async)]
pub fn export_audit_csv_to_share(
    state: State<'_, AppState>,
    filter: AuditFilterDto,
) -> Answer<String> {
    super::export_audit_csv_to_share(&state, &filter)
}

#[tauri::command(async)]
pub fn export_audit_csv(state: State<'_, AppState>, filter: AuditFilterDto) -> Answer<String> {
    super::export_audit_csv(&state, &filter)
}

#[tauri::command(async)]
pub fn booking_warnings(
    state: State<'_, AppState>,
    request: BookAppointmentRequest,
) -> Answer<BookingWarningsDto> {
    super::booking_warnings(&state, &request)
}

#[tauri::command(async)]
pub fn book_appointment(
    state: State<'_, AppState>,
    request: BookAppointmentRequest,
) -> Answer<AppointmentDto> {
    super::book_appointment(&state, &request)
}

#[tauri::command(async)]
pub fn move_appointment(
    state: State<'_, AppState>,
    request: MoveAppointmentRequest,
) -> Answer<AppointmentDto> {
    super::move_appointment(&state, &request)
}

#[tauri::command(async)]
pub fn record_appointment_outcome(
    state: State<'_, AppState>,
    request: RecordOutcomeRequest,
) -> Answer<OutcomeRecordedDto> {
    super::record_appointment_outcome(&state, &request)
}

#[tauri::command(async)]
pub fn diary(state: State<'_, AppState>, request: DiaryRequest) -> Answer<Vec<DiaryEntryDto>> {
    super::diary(&state, &request)
}

#[tauri::command(async)]
pub fn save_session_draft(
    state: State<'_, AppState>,
    request: SaveDraftRequest,
) -> Answer<SessionDraftDto> {
    super::save_session_draft(&state, &request)
}

#[tauri::command(async)]
pub fn discard_session_draft(state: State<'_, AppState>, draft_id: String) -> Answer<()> {
    super::discard_session_draft(&state, &draft_id)
}

#[tauri::command(async)]
pub fn session_drafts(state: State<'_, AppState>) -> Answer<Vec<DraftListedDto>> {
    super::session_drafts(&state)
}

#[tauri::command(async)]
pub fn sign_session_record(
    state: State<'_, AppState>,
    request: SignSessionRequest,
) -> Answer<SessionRecordDto> {
    super::sign_session_record(&state, &request)
}

#[tauri::command(async)]
pub fn add_session_addendum(
    state: State<'_, AppState>,
    request: AddendumRequest,
) -> Answer<SessionRecordDto> {
    super::add_session_addendum(&state, &request)
}

#[tauri::command(async)]
pub fn my_tasks(state: State<'_, AppState>) -> Answer<Vec<TaskListedDto>> {
    super::my_tasks(&state)
}

#[tauri::command(async)]
pub fn change_task(state: State<'_, AppState>, request: ChangeTaskRequest) -> Answer<TaskDto> {
    super::change_task(&state, &request)
}

#[tauri::command(async)]
pub fn record_probation_notice(
    state: State<'_, AppState>,
    request: ProbationNoticeRequest,
) -> Answer<Vec<ProbationNoticeDto>> {
    super::record_probation_notice(&state, &request)
}

#[tauri::command(async)]
pub fn search_session_notes(
    state: State<'_, AppState>,
    request: SearchNotesRequest,
) -> Answer<Vec<NoteFoundDto>> {
    super::search_session_notes(&state, &request)
}

#[tauri::command(async)]
pub fn session_templates(state: State<'_, AppState>) -> Answer<Vec<SessionTemplateDto>> {
    super::session_templates(&state)
}

#[tauri::command(async)]
pub fn save_session_template(
    state: State<'_, AppState>,
    request: SaveTemplateRequest,
) -> Answer<Vec<SessionTemplateDto>> {
    super::save_session_template(&state, &request)
}

#[tauri::command(async)]
pub fn save_assessment_draft(
    state: State<'_, AppState>,
    request: SaveAssessmentRequest,
) -> Answer<AssessmentDraftDto> {
    super::save_assessment_draft(&state, &request)
}

#[tauri::command(async)]
pub fn discard_assessment_draft(state: State<'_, AppState>, draft_id: String) -> Answer<()> {
    super::discard_assessment_draft(&state, &draft_id)
}

#[tauri::command(async)]
pub fn sign_assessment(
    state: State<'_, AppState>,
    request: SaveAssessmentRequest,
) -> Answer<AssessmentDto> {
    super::sign_assessment(&state, &request)
}

#[tauri::command(async)]
pub fn add_assessment_addendum(
    state: State<'_, AppState>,
    request: AssessmentAddendumRequest,
) -> Answer<AssessmentDto> {
    super::add_assessment_addendum(&state, &request)
}

#[tauri::command(async)]
pub fn save_plan_goal(state: State<'_, AppState>, request: SaveGoalRequest) -> Answer<GoalDto> {
    super::save_plan_goal(&state, &request)
}

#[tauri::command(async)]
pub fn cohort_outcomes(
    state: State<'_, AppState>,
    request: CohortRequest,
) -> Answer<CohortOutcomesDto> {
    super::cohort_outcomes(&state, &request)
}

#[tauri::command(async)]
pub fn export_chart(state: State<'_, AppState>, request: SaveExportRequest) -> Answer<String> {
    super::export_chart(&state, &request)
}

/// Opens the system's print dialog for the page as it is (the support plan's
/// print preview), through WebKit's own print operation: the dialog can also
/// save the page as PDF.
#[tauri::command]
pub fn print_page(webview: tauri::Webview) -> Answer<()> {
    webview
        .print()
        .map_err(|e| casebook_core::CoreError::internal(&e).into())
}
