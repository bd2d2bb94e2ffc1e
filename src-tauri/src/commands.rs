//! The commands the UI invokes. Each deserialises its request, calls the
//! core, and converts the answer; logic in a command is a bug.
//!
//! Each command is written twice over, thinly: a plain function taking
//! `&AppState`, which the scenario tests call without a webview, and the
//! `#[tauri::command]` wrapper that only unwraps Tauri's state. The wrappers
//! run off the main thread (`async`), so a one-second key derivation never
//! freezes the window.

use casebook_core::clock::OsEntropy;
use casebook_core::demo;
use casebook_core::domain::password::{password_problems, password_rules};
use casebook_core::unit_folder::{self, CreationPlan, NewUnit, UnitKind};
use tauri::State;

use crate::app_state::{AppState, lock_open_unit, with_unlocked};
use casebook_core::consent_records::ConsentText;
use casebook_core::domain::account::{CaseRole, NewAccount};
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::ids::{AccountId, ClientId, CohortFlagId, EpisodeId, SafetyFlagId};
use casebook_core::domain::referrals::NewReferral;
use casebook_core::domain::safety_flags::SafetyFlagText;
use casebook_core::domain::unit_settings::UnitSettings;

use crate::ipc::{
    AccountDto, AllocationRequest, AuditCheckDto, AuditEntryDto, AuditFilterDto, BreakGlassRequest,
    ChangePasswordRequest, ClientDetailsRequest, ClientMatchDto, ClientProfileDto,
    ClientProfileRequest, ClientRowDto, ClientViewDto, CloseEpisodeRequest, CohortDto, ComputerDto,
    ConnectShareRequest, ConsentRecordDto, ConsentRequest, CreateUnitRequest, CreatedUnitDto,
    DemoCredentialsDto, DueReviewDto, DuplicateMatchDto, EndSafetyFlagRequest, EpisodeDto,
    FindClientRequest, IpcError, JoinUnitRequest, MergeRequest, NewAccountRequest,
    NewClientRequest, OgrsRequest, OneTimePasswordDto, PasswordCheckDto, PickUpRequest,
    ProfileChoicesDto, RagReviewDto, RagReviewRequest, RaiseSafetyFlagRequest, RecoverRequest,
    ReferralOutcomeRequest, ReferralRequest, RemoveCohortFlagRequest, ResolveItemDto,
    ResolveRequest, ReviewSafetyFlagRequest, RoleChangeRequest, SafetyFlagDto, SessionDto,
    SetCohortFlagRequest, StaffMemberDto, StartupDto, SyncProgressDto, SyncReportDto,
    SyncStatusDto, UnitDto, UnitSettingsDto, UnlockRequest, WithdrawComputerRequest,
};

type Answer<T> = Result<T, IpcError>;

pub fn startup_state(state: &AppState) -> Answer<StartupDto> {
    let describe = |kind| {
        unit_folder::describe(&unit_folder::unit_folder(&state.data_folder, kind))
            .map(|found| found.as_ref().map(UnitDto::from_description))
    };
    Ok(StartupDto {
        real_unit: describe(UnitKind::Real)?,
        demo_unit: describe(UnitKind::Demo)?,
        session: state
            .open_unit()
            .as_ref()
            .map(|unit| SessionDto::from_unit(unit, state.idle_lock_override)),
        password_rules: password_rules(),
        demo_credentials: DemoCredentialsDto {
            username: demo::DEMO_USERNAME.to_owned(),
            password: demo::DEMO_PASSWORD.to_owned(),
        },
    })
}

pub fn check_new_password(password: &str, username: Option<&str>) -> Answer<PasswordCheckDto> {
    let problems = password_problems(password, username);
    Ok(PasswordCheckDto {
        acceptable: problems.is_empty(),
        problems,
    })
}

pub fn create_unit(state: &AppState, request: &CreateUnitRequest) -> Answer<CreatedUnitDto> {
    let new_unit = NewUnit::parse(
        &request.unit_name,
        &request.username,
        &request.full_name,
        &request.password,
    )?;
    let folder = unit_folder::unit_folder(&state.data_folder, UnitKind::Real);
    let plan = CreationPlan {
        kdf_cost: state.kdf_cost(),
        demo: false,
        initial_clients: &[],
    };
    let recovery_key = unit_folder::create(
        &folder,
        &new_unit,
        plan,
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    tracing::info!("unit created");
    lock_open_unit(state);
    let unit = unit_folder::unlock(
        &folder,
        new_unit.username.as_str(),
        new_unit.password.as_str(),
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    let session = SessionDto::from_unit(&unit, state.idle_lock_override);
    *state.open_unit() = Some(unit);
    Ok(CreatedUnitDto {
        session,
        recovery_key: recovery_key.grouped(),
    })
}

pub fn open_demo_unit(state: &AppState) -> Answer<UnitDto> {
    demo::ensure_demo_unit(
        &state.data_folder,
        state.kdf_cost(),
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    let folder = unit_folder::unit_folder(&state.data_folder, UnitKind::Demo);
    let description = unit_folder::describe(&folder)?;
    description
        .as_ref()
        .map(UnitDto::from_description)
        .ok_or_else(|| {
            IpcError::from(casebook_core::CoreError::internal(
                &"demo unit missing right after it was made",
            ))
        })
}

pub fn unlock(state: &AppState, request: &UnlockRequest) -> Answer<SessionDto> {
    // Whatever was open is locked first, so a failed sign-in never leaves
    // the previous person's records open.
    lock_open_unit(state);
    let folder = unit_folder::unit_folder(&state.data_folder, request.unit.into());
    let result = unit_folder::unlock(
        &folder,
        &request.username,
        &request.password,
        state.clock.as_ref(),
        &mut OsEntropy,
    );
    match &result {
        Ok(_) => tracing::info!("signed in"),
        Err(error) => tracing::info!(code = error.code.as_str(), "sign-in refused"),
    }
    let unit = result?;
    let session = SessionDto::from_unit(&unit, state.idle_lock_override);
    *state.open_unit() = Some(unit);
    Ok(session)
}

/// Joins the unit in a shared folder as this computer's unit, and signs in.
pub fn join_unit(state: &AppState, request: &JoinUnitRequest) -> Answer<SessionDto> {
    lock_open_unit(state);
    let unit = casebook_core::sync::joining::join_from_share(
        std::path::Path::new(request.folder.trim()),
        &state.data_folder,
        &request.username,
        &request.password,
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    tracing::info!("joined a unit from a shared folder");
    let session = SessionDto::from_unit(&unit, state.idle_lock_override);
    *state.open_unit() = Some(unit);
    Ok(session)
}

pub fn sync_status(state: &AppState) -> Answer<SyncStatusDto> {
    let status = with_unlocked(state, |unit| unit.sync_status())?;
    Ok(SyncStatusDto::from_status(&status))
}

pub fn connect_shared_folder(
    state: &AppState,
    request: &ConnectShareRequest,
) -> Answer<SyncReportDto> {
    let report = with_unlocked(state, |unit| {
        unit.connect_share(
            std::path::Path::new(request.folder.trim()),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(SyncReportDto::from_report(&report))
}

pub fn sync_now(state: &AppState) -> Answer<SyncReportDto> {
    sync_now_reporting(state, &mut |_| {})
}

/// One sync, telling `progress` how far receiving has got.
pub fn sync_now_reporting(
    state: &AppState,
    progress: &mut dyn FnMut(SyncProgressDto),
) -> Answer<SyncReportDto> {
    let report = with_unlocked(state, |unit| {
        unit.sync_now_with_progress(
            state.clock.as_ref(),
            &mut OsEntropy,
            &mut |p| progress(SyncProgressDto::from_progress(p)),
            &|| state.someone_waits_for_unit(),
        )
    })?;
    Ok(SyncReportDto::from_report(&report))
}

/// The system's folder picker; `None` when the person cancels or the system
/// has no picker to offer (they can still type the path).
pub async fn choose_folder(parent: Option<&tauri::WebviewWindow>, title: &str) -> Option<String> {
    let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
    if let Some(parent) = parent {
        dialog = dialog.set_parent(parent);
    }
    let picked = dialog.pick_folder().await?;
    Some(picked.path().to_string_lossy().into_owned())
}

pub fn computers(state: &AppState) -> Answer<Vec<ComputerDto>> {
    let lines = with_unlocked(state, |unit| unit.computers())?;
    Ok(lines.iter().map(ComputerDto::from_line).collect())
}

pub fn approve_computer(state: &AppState, device: &str) -> Answer<Vec<ComputerDto>> {
    let lines = with_unlocked(state, |unit| {
        unit.approve_computer(device, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(lines.iter().map(ComputerDto::from_line).collect())
}

pub fn withdraw_computer(
    state: &AppState,
    request: &WithdrawComputerRequest,
) -> Answer<Vec<ComputerDto>> {
    let lines = with_unlocked(state, |unit| {
        unit.withdraw_computer(
            &request.device,
            &request.reason,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(lines.iter().map(ComputerDto::from_line).collect())
}

pub fn resolve_items(state: &AppState) -> Answer<Vec<ResolveItemDto>> {
    let items = with_unlocked(state, |unit| unit.resolve_items())?;
    Ok(items.iter().map(ResolveItemDto::from_item).collect())
}

pub fn resolve_items_of_client(state: &AppState, client_id: &str) -> Answer<Vec<ResolveItemDto>> {
    let id = ClientId::parse(client_id)?;
    let items = with_unlocked(state, |unit| unit.resolve_items_of_client(id))?;
    Ok(items.iter().map(ResolveItemDto::from_item).collect())
}

/// Records the side chosen; answers the unit's remaining resolve items.
pub fn resolve(state: &AppState, request: &ResolveRequest) -> Answer<Vec<ResolveItemDto>> {
    let items = with_unlocked(state, |unit| {
        unit.resolve(
            request.subject.to_subject(),
            &request.subject_id,
            &request.chosen,
            state.clock.as_ref(),
            &mut OsEntropy,
        )?;
        unit.resolve_items()
    })?;
    Ok(items.iter().map(ResolveItemDto::from_item).collect())
}

pub fn lock(state: &AppState) -> Answer<()> {
    lock_open_unit(state);
    Ok(())
}

pub fn list_clients(state: &AppState) -> Answer<Vec<ClientRowDto>> {
    let clients = with_unlocked(state, |unit| {
        unit.view_caseload(state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(clients
        .iter()
        .map(|c| ClientRowDto::from_entry(c, state.clock.local_now()))
        .collect())
}

pub fn add_client(state: &AppState, request: &NewClientRequest) -> Answer<ClientRowDto> {
    let entry = with_unlocked(state, |unit| {
        let client = unit.add_client(&request.as_text(), state.clock.as_ref(), &mut OsEntropy)?;
        unit.caseload_entry(client)
    })?;
    Ok(ClientRowDto::from_entry(&entry, state.clock.local_now()))
}

pub fn find_probable_duplicates(
    state: &AppState,
    request: &NewClientRequest,
) -> Answer<Vec<DuplicateMatchDto>> {
    let found = with_unlocked(state, |unit| {
        unit.find_probable_duplicates(&request.as_text(), state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(found.iter().map(DuplicateMatchDto::from_match).collect())
}

pub fn duplicates_of_client(state: &AppState, client_id: &str) -> Answer<Vec<DuplicateMatchDto>> {
    let id = ClientId::parse(client_id)?;
    let found = with_unlocked(state, |unit| unit.duplicates_of_client(id))?;
    Ok(found.iter().map(DuplicateMatchDto::from_match).collect())
}

pub fn merge_clients(state: &AppState, request: &MergeRequest) -> Answer<ClientViewDto> {
    let kept = ClientId::parse(&request.kept_id)?;
    let merged = ClientId::parse(&request.merged_id)?;
    let record = with_unlocked(state, |unit| {
        unit.merge_clients(
            kept,
            merged,
            &request.reason,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(ClientViewDto::from_record(&record, state.clock.local_now()))
}

pub fn delete_client(state: &AppState, client_id: &str, reason: &str) -> Answer<()> {
    let id = ClientId::parse(client_id)?;
    with_unlocked(state, |unit| {
        unit.delete_client(id, reason, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(())
}

pub fn search_clients(state: &AppState, query: &str) -> Answer<Vec<ClientRowDto>> {
    let found = with_unlocked(state, |unit| unit.search_clients(query))?;
    Ok(found
        .iter()
        .map(|c| ClientRowDto::from_entry(c, state.clock.local_now()))
        .collect())
}

pub fn view_client(state: &AppState, client_id: &str) -> Answer<ClientViewDto> {
    let id = ClientId::parse(client_id)?;
    let view = with_unlocked(state, |unit| {
        unit.view_client(id, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(ClientViewDto::from_view(&view, state.clock.local_now()))
}

pub fn open_client_with_reason(
    state: &AppState,
    request: &BreakGlassRequest,
) -> Answer<ClientViewDto> {
    let id = ClientId::parse(&request.client_id)?;
    let record = with_unlocked(state, |unit| {
        unit.open_client_with_reason(id, &request.reason, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(ClientViewDto::from_record(&record, state.clock.local_now()))
}

pub fn find_clients_outside_caseload(
    state: &AppState,
    request: &FindClientRequest,
) -> Answer<Vec<ClientMatchDto>> {
    let found = with_unlocked(state, |unit| {
        unit.find_clients_outside_caseload(
            &request.family_name,
            &request.date_of_birth,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(found.iter().map(ClientMatchDto::from_match).collect())
}

pub fn update_client_details(
    state: &AppState,
    request: &ClientDetailsRequest,
) -> Answer<ClientViewDto> {
    let id = ClientId::parse(&request.client_id)?;
    let view = with_unlocked(state, |unit| {
        unit.update_client_details(
            id,
            &request.details.as_text(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )?;
        unit.view_client(id, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(ClientViewDto::from_view(&view, state.clock.local_now()))
}

pub fn update_client_profile(
    state: &AppState,
    request: &ClientProfileRequest,
) -> Answer<ClientProfileDto> {
    let id = ClientId::parse(&request.client_id)?;
    let other_names = request.profile.other_names.join("\n");
    let saved = with_unlocked(state, |unit| {
        unit.update_client_profile(
            id,
            &request.profile.as_text(&other_names),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(ClientProfileDto::from_profile(&saved))
}

/// The closed lists need no unit: they are the same for everyone.
pub fn profile_choices() -> ProfileChoicesDto {
    ProfileChoicesDto::from_core()
}

pub fn review_rag(state: &AppState, request: &RagReviewRequest) -> Answer<Vec<RagReviewDto>> {
    let id = ClientId::parse(&request.client_id)?;
    let history = with_unlocked(state, |unit| {
        unit.review_rag(
            id,
            &request.rating,
            &request.reason,
            &request.next_review,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(history.iter().map(RagReviewDto::from_review).collect())
}

pub fn raise_safety_flag(
    state: &AppState,
    request: &RaiseSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    let client = ClientId::parse(&request.client_id)?;
    let entered = SafetyFlagText {
        kind: &request.kind,
        mappa_category: &request.mappa_category,
        mappa_level: &request.mappa_level,
        note: &request.note,
        review_by: &request.review_by,
    };
    let flags = with_unlocked(state, |unit| {
        unit.raise_safety_flag(client, &entered, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(flags.iter().map(SafetyFlagDto::from_flag).collect())
}

pub fn review_safety_flag(
    state: &AppState,
    request: &ReviewSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    let id = SafetyFlagId::parse(&request.flag_id)?;
    let flags = with_unlocked(state, |unit| {
        unit.review_safety_flag(
            id,
            &request.note,
            &request.review_by,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(flags.iter().map(SafetyFlagDto::from_flag).collect())
}

pub fn end_safety_flag(
    state: &AppState,
    request: &EndSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    let id = SafetyFlagId::parse(&request.flag_id)?;
    let flags = with_unlocked(state, |unit| {
        unit.end_safety_flag(id, &request.reason, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(flags.iter().map(SafetyFlagDto::from_flag).collect())
}

pub fn safety_reviews_due(state: &AppState) -> Answer<Vec<DueReviewDto>> {
    let today = state.clock.now().date_naive();
    let due = with_unlocked(state, |unit| unit.safety_reviews_due(today))?;
    Ok(due.iter().map(DueReviewDto::from_due).collect())
}

pub fn set_cohort_flag(state: &AppState, request: &SetCohortFlagRequest) -> Answer<CohortDto> {
    let client = ClientId::parse(&request.client_id)?;
    let cohort = with_unlocked(state, |unit| {
        unit.set_cohort_flag(client, &request.flag, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(CohortDto::from_cohort(&cohort))
}

pub fn remove_cohort_flag(
    state: &AppState,
    request: &RemoveCohortFlagRequest,
) -> Answer<CohortDto> {
    let id = CohortFlagId::parse(&request.flag_id)?;
    let cohort = with_unlocked(state, |unit| {
        unit.remove_cohort_flag(id, &request.reason, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(CohortDto::from_cohort(&cohort))
}

pub fn record_ogrs(state: &AppState, request: &OgrsRequest) -> Answer<CohortDto> {
    let client = ClientId::parse(&request.client_id)?;
    let cohort = with_unlocked(state, |unit| {
        unit.record_ogrs(
            client,
            &request.score,
            &request.scored_on,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(CohortDto::from_cohort(&cohort))
}

pub fn record_consent(state: &AppState, request: &ConsentRequest) -> Answer<Vec<ConsentRecordDto>> {
    let client = ClientId::parse(&request.client_id)?;
    let entered = ConsentText {
        agency: &request.agency,
        decision: &request.decision,
        how: &request.how,
        decided_on: &request.decided_on,
    };
    let history = with_unlocked(state, |unit| {
        unit.record_consent(client, &entered, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(history.iter().map(ConsentRecordDto::from_record).collect())
}

fn episodes_answer(
    state: &AppState,
    episodes: &[casebook_core::store::episodes::Episode],
) -> Vec<EpisodeDto> {
    let now = state.clock.local_now();
    episodes
        .iter()
        .map(|e| EpisodeDto::from_episode(e, now))
        .collect()
}

pub fn receive_referral(state: &AppState, request: &ReferralRequest) -> Answer<Vec<EpisodeDto>> {
    let client = ClientId::parse(&request.client_id)?;
    let referral = NewReferral::parse(
        &request.route,
        &request.referrer,
        &request.received_date,
        &request.received_time,
        &request.reason,
        &request.release_date,
        state.clock.local_now(),
    )?;
    let episodes = with_unlocked(state, |unit| {
        unit.receive_referral(client, &referral, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(episodes_answer(state, &episodes))
}

pub fn record_pick_up(state: &AppState, request: &PickUpRequest) -> Answer<Vec<EpisodeDto>> {
    let episode = EpisodeId::parse(&request.episode_id)?;
    let episodes = with_unlocked(state, |unit| {
        unit.record_pick_up(
            episode,
            &request.date,
            &request.time,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(episodes_answer(state, &episodes))
}

pub fn record_referral_outcome(
    state: &AppState,
    request: &ReferralOutcomeRequest,
) -> Answer<Vec<EpisodeDto>> {
    let episode = EpisodeId::parse(&request.episode_id)?;
    let episodes = with_unlocked(state, |unit| {
        unit.record_referral_outcome(
            episode,
            &request.outcome,
            &request.note,
            &request.date,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(episodes_answer(state, &episodes))
}

pub fn close_episode(state: &AppState, request: &CloseEpisodeRequest) -> Answer<Vec<EpisodeDto>> {
    let episode = EpisodeId::parse(&request.episode_id)?;
    let episodes = with_unlocked(state, |unit| {
        unit.close_episode(
            episode,
            &request.exit_reason,
            &request.note,
            &request.date,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(episodes_answer(state, &episodes))
}

pub fn allocatable_staff(state: &AppState) -> Answer<Vec<StaffMemberDto>> {
    let staff = with_unlocked(state, |unit| unit.allocatable_staff())?;
    Ok(staff.iter().map(StaffMemberDto::from_staff).collect())
}

pub fn allocate_client(state: &AppState, request: &AllocationRequest) -> Answer<ClientViewDto> {
    let id = ClientId::parse(&request.client_id)?;
    let account = |text: &Option<String>| text.as_deref().map(AccountId::parse).transpose();
    let keyworker = account(&request.keyworker_id)?;
    let co_worker = account(&request.co_worker_id)?;
    let record = with_unlocked(state, |unit| {
        unit.allocate_client(
            id,
            keyworker,
            co_worker,
            &request.reason,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(ClientViewDto::from_record(&record, state.clock.local_now()))
}

pub fn unit_settings(state: &AppState) -> Answer<UnitSettingsDto> {
    let settings = with_unlocked(state, |unit| Ok(unit.settings()))?;
    Ok(UnitSettingsDto::from_settings(settings))
}

pub fn change_unit_settings(state: &AppState, request: &UnitSettingsDto) -> Answer<SessionDto> {
    let settings = UnitSettings::parse(
        request.idle_lock_minutes,
        request.keyworkers_see_other_clients,
        request.partners_keep_summary_after_withdrawal,
        request.custody_screening_hours,
    )?
    .with_computer_approval(request.new_computers_need_approval)
    .keeping_sync_files(request.keep_sync_files_days)?;
    let session = with_unlocked(state, |unit| {
        unit.change_unit_settings(settings, state.clock.as_ref(), &mut OsEntropy)?;
        Ok(SessionDto::from_unit(unit, state.idle_lock_override))
    })?;
    Ok(session)
}

pub fn change_password(state: &AppState, request: &ChangePasswordRequest) -> Answer<SessionDto> {
    let session = with_unlocked(state, |unit| {
        unit.change_password(
            &request.current_password,
            &request.new_password,
            state.kdf_cost(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )?;
        Ok(SessionDto::from_unit(unit, state.idle_lock_override))
    })?;
    Ok(session)
}

pub fn recover_with_key(state: &AppState, request: &RecoverRequest) -> Answer<SessionDto> {
    lock_open_unit(state);
    let folder = unit_folder::unit_folder(&state.data_folder, request.unit.into());
    let unit = unit_folder::recover(
        &folder,
        &request.recovery_key,
        &request.username,
        &request.new_password,
        state.kdf_cost(),
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    tracing::info!("access restored with the recovery key");
    let session = SessionDto::from_unit(&unit, state.idle_lock_override);
    *state.open_unit() = Some(unit);
    Ok(session)
}

pub fn issue_recovery_key(state: &AppState) -> Answer<String> {
    let key = with_unlocked(state, |unit| {
        unit.issue_recovery_key(state.kdf_cost(), state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(key.grouped())
}

pub fn list_accounts(state: &AppState) -> Answer<Vec<AccountDto>> {
    let accounts = with_unlocked(state, |unit| unit.list_accounts())?;
    Ok(accounts.iter().map(AccountDto::from_account).collect())
}

pub fn add_account(state: &AppState, request: &NewAccountRequest) -> Answer<OneTimePasswordDto> {
    let new_account = NewAccount::parse(
        &request.username,
        &request.full_name,
        &request.agency,
        request.case_role.map(Into::into),
        request.administrator,
        request.gender.as_deref(),
    )?;
    let (account, one_time) = with_unlocked(state, |unit| {
        unit.add_account(
            &new_account,
            state.kdf_cost(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(OneTimePasswordDto {
        account: AccountDto::from_account(&account),
        one_time_password: one_time.to_string(),
    })
}

pub fn disable_account(state: &AppState, account_id: &str) -> Answer<AccountDto> {
    let id = AccountId::parse(account_id)?;
    let account = with_unlocked(state, |unit| {
        unit.disable_account(id, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(AccountDto::from_account(&account))
}

pub fn change_account_role(state: &AppState, request: &RoleChangeRequest) -> Answer<AccountDto> {
    let id = AccountId::parse(&request.account_id)?;
    let case_role = request.case_role.map(CaseRole::from);
    let account = with_unlocked(state, |unit| {
        unit.change_account_role(
            id,
            case_role,
            request.administrator,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(AccountDto::from_account(&account))
}

pub fn enable_account(state: &AppState, account_id: &str) -> Answer<OneTimePasswordDto> {
    let id = AccountId::parse(account_id)?;
    let (account, one_time) = with_unlocked(state, |unit| {
        unit.enable_account(id, state.kdf_cost(), state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(OneTimePasswordDto {
        account: AccountDto::from_account(&account),
        one_time_password: one_time.to_string(),
    })
}

pub fn release_sign_in(state: &AppState, username: &str) -> Answer<()> {
    with_unlocked(state, |unit| {
        unit.release_sign_in(username, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(())
}

fn audit_filter(filter: &AuditFilterDto) -> Result<AuditFilter, IpcError> {
    Ok(AuditFilter::parse(
        filter.account_id.as_deref(),
        filter.client_id.as_deref(),
        filter.action.as_deref(),
        filter.from.as_deref(),
        filter.to.as_deref(),
    )?)
}

pub fn audit_trail(state: &AppState, filter: &AuditFilterDto) -> Answer<Vec<AuditEntryDto>> {
    let filter = audit_filter(filter)?;
    let entries = with_unlocked(state, |unit| {
        unit.audit_trail(&filter, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(entries.iter().map(AuditEntryDto::from_view).collect())
}

pub fn verify_audit_trail(state: &AppState) -> Answer<AuditCheckDto> {
    let verdict = with_unlocked(state, |unit| {
        unit.verify_audit_trail(state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(AuditCheckDto::from_verdict(&verdict))
}

pub fn export_audit_csv(state: &AppState, filter: &AuditFilterDto) -> Answer<String> {
    let filter = audit_filter(filter)?;
    let path = with_unlocked(state, |unit| {
        unit.export_audit_trail(
            &filter,
            &state.export_folder,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(path.display().to_string())
}

pub fn export_audit_csv_to_share(state: &AppState, filter: &AuditFilterDto) -> Answer<String> {
    let filter = audit_filter(filter)?;
    let path = with_unlocked(state, |unit| {
        unit.export_audit_trail_to_share(&filter, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(path.display().to_string())
}

/// The Tauri wrappers, one per command above.
pub mod tauri_commands {
    use super::*;

    #[tauri::command(async)]
    pub fn startup_state(state: State<'_, AppState>) -> Answer<StartupDto> {
        super::startup_state(&state)
    }

    #[tauri::command(async)]
    pub fn check_new_password(
        password: String,
        username: Option<String>,
    ) -> Answer<PasswordCheckDto> {
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
    pub fn sync_now(
        state: State<'_, AppState>,
        window: tauri::WebviewWindow,
    ) -> Answer<SyncReportDto> {
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
    pub fn approve_computer(
        state: State<'_, AppState>,
        device: String,
    ) -> Answer<Vec<ComputerDto>> {
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
    pub fn resolve(
        state: State<'_, AppState>,
        request: ResolveRequest,
    ) -> Answer<Vec<ResolveItemDto>> {
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
    pub fn add_client(
        state: State<'_, AppState>,
        request: NewClientRequest,
    ) -> Answer<ClientRowDto> {
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
    pub fn merge_clients(
        state: State<'_, AppState>,
        request: MergeRequest,
    ) -> Answer<ClientViewDto> {
        super::merge_clients(&state, &request)
    }

    #[tauri::command(async)]
    pub fn delete_client(
        state: State<'_, AppState>,
        client_id: String,
        reason: String,
    ) -> Answer<()> {
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
    pub fn recover_with_key(
        state: State<'_, AppState>,
        request: RecoverRequest,
    ) -> Answer<SessionDto> {
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
}
