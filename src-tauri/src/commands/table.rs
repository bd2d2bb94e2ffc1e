//! The one table of commands. Each row names a command, the arguments the
//! page sends (snake_case here; Tauri hands them over from the page's
//! camelCase keys) and what it answers. From the table come, without
//! another word written by hand:
//! - `tauri_commands`: one thin `#[tauri::command(async)]` wrapper per row,
//!   which only unwraps Tauri's state and calls the plain function of the
//!   same name (in this folder's other files, called directly by the
//!   scenario tests);
//! - `invoke_handler`: the handler list the app registers;
//! - `COMMANDS`: every command's name and argument keys, which tests hold
//!   against the UI's command client (`ui/src/lib/ipc/commands.ts`) and the
//!   role matrix, so a command missing on either side fails a test.
//!
//! Adding a command is one row here and its plain function.

/// A command as the page calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSignature {
    pub name: &'static str,
    /// The arguments in Rust's snake_case; the page sends them in camelCase.
    pub arguments: &'static [&'static str],
}

impl CommandSignature {
    /// The argument keys as the page sends them.
    pub fn page_keys(&self) -> Vec<String> {
        self.arguments.iter().map(|name| camel_case(name)).collect()
    }
}

/// `client_id` as the page writes it: `clientId`.
pub fn camel_case(snake: &str) -> String {
    let mut words = snake.split('_');
    let mut camel = words.next().unwrap_or_default().to_owned();
    for word in words {
        let mut letters = word.chars();
        if let Some(first) = letters.next() {
            camel.extend(first.to_uppercase());
            camel.push_str(letters.as_str());
        }
    }
    camel
}

macro_rules! command_table {
    (
        through_the_unit {
            $( $name:ident ( $( $arg:ident : $ty:ty ),* ) -> $answer:ty ; )*
        }
        by_hand {
            $( $own:ident ( $( $own_arg:ident ),* ) ; )*
        }
    ) => {
        /// The Tauri wrappers of the table's commands, one per row. They
        /// run off the main thread (`async`), so a one-second key
        /// derivation never freezes the window.
        pub mod tauri_commands {
            use tauri::State;

            use crate::app_state::AppState;
            #[allow(unused_imports)]
            use crate::ipc::*;

            $(
                #[tauri::command(async)]
                pub fn $name(state: State<'_, AppState>, $( $arg: $ty ),*) -> crate::commands::Answer<$answer> {
                    crate::commands::$name(&state, $( &$arg ),*)
                }
            )*
        }

        /// Every command, in the table's order.
        pub const COMMANDS: &[CommandSignature] = &[
            $( CommandSignature { name: stringify!($name), arguments: &[$( stringify!($arg) ),*] }, )*
            $( CommandSignature { name: stringify!($own), arguments: &[$( stringify!($own_arg) ),*] }, )*
        ];

        /// The handler the app registers: every command of the table.
        pub fn invoke_handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![
                $( tauri_commands::$name, )*
                $( super::wrappers_by_hand::$own, )*
            ]
        }
    };
}

command_table! {
    through_the_unit {
        startup_state() -> StartupDto;
        create_unit(request: CreateUnitRequest) -> CreatedUnitDto;
        open_demo_unit() -> UnitDto;
        unlock(request: UnlockRequest) -> SessionDto;
        join_unit(request: JoinUnitRequest) -> SessionDto;
        sync_status() -> SyncStatusDto;
        connect_shared_folder(request: ConnectShareRequest) -> SyncReportDto;
        computers() -> Vec<ComputerDto>;
        refused_changes() -> Vec<RefusedChangeDto>;
        approve_computer(device: String) -> Vec<ComputerDto>;
        withdraw_computer(request: WithdrawComputerRequest) -> Vec<ComputerDto>;
        resolve_items() -> Vec<ResolveItemDto>;
        resolve_items_of_client(client_id: String) -> Vec<ResolveItemDto>;
        resolve(request: ResolveRequest) -> Vec<ResolveItemDto>;
        lock() -> ();
        caseload_page(query: CaseloadQueryDto) -> CaseloadPageDto;
        add_client(request: NewClientRequest) -> ClientRowDto;
        find_probable_duplicates(request: NewClientRequest) -> Vec<DuplicateMatchDto>;
        duplicates_of_client(client_id: String) -> Vec<DuplicateMatchDto>;
        merge_clients(request: MergeRequest) -> ClientViewDto;
        delete_client(client_id: String, reason: String) -> ();
        search_clients(query: String) -> Vec<ClientRowDto>;
        view_client(client_id: String) -> ClientViewDto;
        open_client_with_reason(request: BreakGlassRequest) -> ClientViewDto;
        find_clients_outside_caseload(request: FindClientRequest) -> Vec<ClientMatchDto>;
        update_client_details(request: ClientDetailsRequest) -> ClientViewDto;
        update_client_profile(request: ClientProfileRequest) -> ClientProfileDto;
        review_rag(request: RagReviewRequest) -> Vec<RagReviewDto>;
        raise_safety_flag(request: RaiseSafetyFlagRequest) -> Vec<SafetyFlagDto>;
        review_safety_flag(request: ReviewSafetyFlagRequest) -> Vec<SafetyFlagDto>;
        end_safety_flag(request: EndSafetyFlagRequest) -> Vec<SafetyFlagDto>;
        safety_reviews_due() -> Vec<DueReviewDto>;
        set_cohort_flag(request: SetCohortFlagRequest) -> CohortDto;
        remove_cohort_flag(request: RemoveCohortFlagRequest) -> CohortDto;
        record_ogrs(request: OgrsRequest) -> CohortDto;
        record_consent(request: ConsentRequest) -> Vec<ConsentRecordDto>;
        receive_referral(request: ReferralRequest) -> Vec<EpisodeDto>;
        record_pick_up(request: PickUpRequest) -> Vec<EpisodeDto>;
        record_referral_outcome(request: ReferralOutcomeRequest) -> Vec<EpisodeDto>;
        close_episode(request: CloseEpisodeRequest) -> Vec<EpisodeDto>;
        allocatable_staff() -> Vec<StaffMemberDto>;
        allocate_client(request: AllocationRequest) -> ClientViewDto;
        unit_settings() -> UnitSettingsDto;
        change_unit_settings(request: UnitSettingsDto) -> SessionDto;
        change_password(request: ChangePasswordRequest) -> SessionDto;
        recover_with_key(request: RecoverRequest) -> SessionDto;
        issue_recovery_key() -> String;
        list_accounts() -> Vec<AccountDto>;
        add_account(request: NewAccountRequest) -> OneTimePasswordDto;
        disable_account(account_id: String) -> AccountDto;
        change_account_role(request: RoleChangeRequest) -> AccountDto;
        enable_account(account_id: String) -> OneTimePasswordDto;
        release_sign_in(username: String) -> ();
        audit_trail(filter: AuditFilterDto, page: u32) -> AuditPageDto;
        verify_audit_trail() -> AuditCheckDto;
        export_audit_csv_to_share(filter: AuditFilterDto) -> String;
        export_audit_csv(filter: AuditFilterDto) -> String;
        booking_warnings(request: BookAppointmentRequest) -> BookingWarningsDto;
        book_appointment(request: BookAppointmentRequest) -> AppointmentDto;
        move_appointment(request: MoveAppointmentRequest) -> AppointmentDto;
        record_appointment_outcome(request: RecordOutcomeRequest) -> OutcomeRecordedDto;
        diary(request: DiaryRequest) -> Vec<DiaryEntryDto>;
        save_session_draft(request: SaveDraftRequest) -> SessionDraftDto;
        discard_session_draft(draft_id: String) -> ();
        session_drafts() -> Vec<DraftListedDto>;
        sign_session_record(request: SignSessionRequest) -> SessionRecordDto;
        add_session_addendum(request: AddendumRequest) -> SessionRecordDto;
        my_tasks() -> Vec<TaskListedDto>;
        change_task(request: ChangeTaskRequest) -> TaskDto;
        record_probation_notice(request: ProbationNoticeRequest) -> Vec<ProbationNoticeDto>;
        search_session_notes(request: SearchNotesRequest) -> Vec<NoteFoundDto>;
        session_templates() -> Vec<SessionTemplateDto>;
        save_session_template(request: SaveTemplateRequest) -> Vec<SessionTemplateDto>;
        save_assessment_draft(request: SaveAssessmentRequest) -> AssessmentDraftDto;
        discard_assessment_draft(draft_id: String) -> ();
        sign_assessment(request: SaveAssessmentRequest) -> AssessmentDto;
        add_assessment_addendum(request: AssessmentAddendumRequest) -> AssessmentDto;
        save_plan_goal(request: SaveGoalRequest) -> GoalDto;
        cohort_outcomes(request: CohortRequest) -> CohortOutcomesDto;
        export_chart(request: SaveExportRequest) -> String;
    }
    by_hand {
        check_new_password(password, username);
        profile_choices();
        sync_now();
        choose_folder(title);
        print_page();
    }
}
