//! The user's flows through the command layer, without a webview: the same
//! functions the Tauri commands call, with the same wire types, against a
//! real encrypted unit in a temporary data folder.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::app_state::{AppState, KdfPolicy};
use casebook::commands;
use casebook::ipc::{
    AllocationRequest, AuditFilterDto, BreakGlassRequest, CaseRoleDto, ChangePasswordRequest,
    ClientDetailsRequest, ClientProfileDto, ClientProfileRequest, ConnectShareRequest,
    ConsentRequest, CreateUnitRequest, EndSafetyFlagRequest, ErrorCodeDto, FindClientRequest,
    IpcError, JoinUnitRequest, NewAccountRequest, NewClientRequest, OgrsRequest, RagReviewRequest,
    RaiseSafetyFlagRequest, RecoverRequest, ReferralOutcomeRequest, ReferralRequest,
    ReviewSafetyFlagRequest, RoleChangeRequest, UnitKindDto, UnitSettingsDto, UnlockRequest,
};
use casebook_core::vault::slot::KdfCost;

const PASSWORD: &str = "otter lamp river cloud";

fn fresh_state() -> (tempfile::TempDir, AppState) {
    let data = tempfile::tempdir().unwrap();
    let state = AppState::new(
        data.path().join("Casebook"),
        KdfPolicy::Fixed(KdfCost::cheap_for_tests()),
    );
    (data, state)
}

fn create_request() -> CreateUnitRequest {
    CreateUnitRequest {
        unit_name: "Hampshire IOM – Basingstoke".to_owned(),
        username: "admin".to_owned(),
        full_name: "Alex Admin".to_owned(),
        password: PASSWORD.to_owned(),
    }
}

fn unlock_request(password: &str) -> UnlockRequest {
    UnlockRequest {
        unit: UnitKindDto::Real,
        username: "admin".to_owned(),
        password: password.to_owned(),
    }
}

fn client(given: &str, family: &str, born: &str) -> NewClientRequest {
    NewClientRequest {
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        date_of_birth: born.to_owned(),
        crn: String::new(),
        pnc_id: String::new(),
        nhs_number: String::new(),
        gender: String::new(),
        wants_same_sex_keyworker: false,
        confirmed_new_person: false,
    }
}

#[test]
fn create_add_lock_fail_unlock_and_see_the_client() {
    let (_data, state) = fresh_state();
    let first = commands::startup_state(&state).unwrap();
    assert!(first.real_unit.is_none() && first.session.is_none());
    assert!(
        first
            .password_rules
            .iter()
            .any(|rule| rule.contains("12 characters"))
    );

    let created = commands::create_unit(&state, &create_request()).unwrap();
    let session = created.session;
    assert_eq!(created.recovery_key.len(), 32 + 7, "eight groups of four");
    assert_eq!(session.full_name, "Alex Admin");
    assert!(commands::list_clients(&state).unwrap().is_empty());
    let added = commands::add_client(&state, &client("Jordan", "Whitlock", "1990-05-17")).unwrap();
    assert_eq!(commands::list_clients(&state).unwrap(), vec![added.clone()]);

    commands::lock(&state).unwrap();
    let locked = commands::list_clients(&state).unwrap_err();
    assert_eq!(locked.code, ErrorCodeDto::Locked);

    let wrong = commands::unlock(&state, &unlock_request("otter lamp river clouds")).unwrap_err();
    assert_eq!(wrong.code, ErrorCodeDto::WrongCredentials);
    assert_eq!(
        commands::list_clients(&state).unwrap_err().code,
        ErrorCodeDto::Locked
    );

    commands::unlock(&state, &unlock_request(PASSWORD)).unwrap();
    assert_eq!(commands::list_clients(&state).unwrap(), vec![added]);
}

#[test]
fn a_restarted_app_finds_the_unit_and_its_clients() {
    let (data, state) = fresh_state();
    commands::create_unit(&state, &create_request()).unwrap();
    commands::add_client(&state, &client("Sam", "Okafor", "1985-11-02")).unwrap();
    drop(state);

    let restarted = AppState::new(
        data.path().join("Casebook"),
        KdfPolicy::Fixed(KdfCost::cheap_for_tests()),
    );
    let startup = commands::startup_state(&restarted).unwrap();
    assert_eq!(
        startup.real_unit.unwrap().name,
        "Hampshire IOM – Basingstoke"
    );
    assert!(startup.session.is_none(), "a restart starts locked");
    commands::unlock(&restarted, &unlock_request(PASSWORD)).unwrap();
    let clients = commands::list_clients(&restarted).unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].family_name, "Okafor");
}

#[test]
fn errors_cross_ipc_as_code_and_message() {
    let (_data, state) = fresh_state();
    let mut weak = create_request();
    weak.password = "password1234".to_owned();
    let error = commands::create_unit(&state, &weak).unwrap_err();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], "password_rejected");
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .contains("attackers try first")
    );
    assert_eq!(json.as_object().unwrap().len(), 2);
    assert!(
        commands::startup_state(&state).unwrap().real_unit.is_none(),
        "a refused unit leaves nothing"
    );
}

#[test]
fn bad_client_input_is_refused_in_plain_words_and_nothing_is_saved() {
    let (_data, state) = fresh_state();
    commands::create_unit(&state, &create_request()).unwrap();
    let cases = [
        (client("", "Smith", "1980-01-01"), "Enter a given name"),
        (client("Ann", "Smith", "2100-01-01"), "future"),
        (client("Ann", "Smith", "1980-02-30"), "not a real date"),
        (client("Ann", "Smith", ""), "Enter a date of birth"),
        (client("Ann", "12345", "1980-01-01"), "letters"),
        (
            NewClientRequest {
                crn: "1234567".to_owned(),
                ..client("Ann", "Smith", "1980-01-01")
            },
            "one letter and six digits",
        ),
        (
            NewClientRequest {
                pnc_id: "2012/0123456C".to_owned(),
                ..client("Ann", "Smith", "1980-01-01")
            },
            "check letter",
        ),
        (
            NewClientRequest {
                nhs_number: "943 476 5918".to_owned(),
                ..client("Ann", "Smith", "1980-01-01")
            },
            "check digit",
        ),
    ];
    for (request, expected) in cases {
        let IpcError { code, message } = commands::add_client(&state, &request).unwrap_err();
        assert_eq!(code, ErrorCodeDto::InvalidInput);
        assert!(message.contains(expected), "{message}");
    }
    assert!(commands::list_clients(&state).unwrap().is_empty());
}

#[test]
fn a_second_computer_joins_through_a_shared_folder_and_syncs() {
    let (_data, first) = fresh_state();
    commands::create_unit(&first, &create_request()).unwrap();
    commands::add_client(&first, &client("Jordan", "Whitlock", "1990-05-17")).unwrap();
    let not_connected = commands::sync_now(&first).unwrap_err();
    assert_eq!(not_connected.code, ErrorCodeDto::InvalidInput);
    assert_eq!(commands::sync_status(&first).unwrap().folder, None);

    let share = tempfile::tempdir().unwrap();
    let missing = ConnectShareRequest {
        folder: share
            .path()
            .join("not-there")
            .to_string_lossy()
            .into_owned(),
    };
    let unreachable = commands::connect_shared_folder(&first, &missing).unwrap_err();
    assert_eq!(unreachable.code, ErrorCodeDto::StorageUnavailable);
    assert!(unreachable.message.contains("cannot be reached"));
    let connect = ConnectShareRequest {
        folder: share.path().to_string_lossy().into_owned(),
    };
    let report = commands::connect_shared_folder(&first, &connect).unwrap();
    assert!(report.sent >= 1 && report.problems.is_empty());
    assert_eq!(commands::sync_status(&first).unwrap().waiting, 0);
    // The folder belongs to this computer: it is still known after signing
    // in again.
    commands::lock(&first).unwrap();
    commands::unlock(&first, &unlock_request(PASSWORD)).unwrap();
    assert_eq!(
        commands::sync_status(&first).unwrap().folder.as_deref(),
        Some(connect.folder.as_str())
    );

    let (_second_data, second) = fresh_state();
    let wrong = JoinUnitRequest {
        folder: connect.folder.clone(),
        username: "admin".to_owned(),
        password: "not the password".to_owned(),
    };
    assert_eq!(
        commands::join_unit(&second, &wrong).unwrap_err().code,
        ErrorCodeDto::WrongCredentials
    );
    let join = JoinUnitRequest {
        password: PASSWORD.to_owned(),
        ..wrong
    };
    commands::join_unit(&second, &join).unwrap();
    let joined = commands::list_clients(&second).unwrap();
    assert_eq!(joined.len(), 1);
    commands::add_client(&second, &client("Sam", "Okafor", "1985-01-02")).unwrap();
    assert_eq!(commands::sync_now(&second).unwrap().waiting, 0);
    let back = commands::sync_now(&first).unwrap();
    assert!(back.received >= 1, "{back:?}");
    assert_eq!(commands::list_clients(&first).unwrap().len(), 2);
}

#[test]
fn the_demo_unit_opens_with_its_stated_credentials_and_stays_apart() {
    let (_data, state) = fresh_state();
    let demo = commands::open_demo_unit(&state).unwrap();
    assert_eq!(demo.kind, UnitKindDto::Demo);
    assert!(demo.name.contains("DEMO"));
    let startup = commands::startup_state(&state).unwrap();
    assert!(startup.real_unit.is_none());
    let credentials = startup.demo_credentials;
    let request = UnlockRequest {
        unit: UnitKindDto::Demo,
        username: credentials.username,
        password: credentials.password,
    };
    let session = commands::unlock(&state, &request).unwrap();
    assert_eq!(session.unit.kind, UnitKindDto::Demo);
    assert!(commands::list_clients(&state).unwrap().len() >= 30);
}

#[test]
fn a_failed_sign_in_locks_whatever_was_open() {
    let (_data, state) = fresh_state();
    commands::create_unit(&state, &create_request()).unwrap();
    assert!(commands::unlock(&state, &unlock_request("not the password at all")).is_err());
    assert_eq!(
        commands::list_clients(&state).unwrap_err().code,
        ErrorCodeDto::Locked
    );
}

#[test]
fn no_command_panics_on_hostile_input() {
    let (_data, state) = fresh_state();
    let hostile = [
        "",
        " ",
        "\0",
        "'; DROP TABLE clients; --",
        "\u{202e}evil",
        "😀😀😀",
        "9999-99-99",
        "-1",
        "0000-00-00",
        "1980-01-01T00:00:00Z",
        "../../etc/passwd",
        "%s%s%n",
        &"x".repeat(100_000),
    ];
    for text in hostile {
        let _ = commands::check_new_password(text, Some(text));
        let _ = commands::unlock(
            &state,
            &UnlockRequest {
                unit: UnitKindDto::Real,
                username: text.into(),
                password: text.into(),
            },
        );
        let request = CreateUnitRequest {
            unit_name: text.into(),
            username: text.into(),
            full_name: text.into(),
            password: text.into(),
        };
        assert!(commands::create_unit(&state, &request).is_err());
    }
    commands::create_unit(&state, &create_request()).unwrap();
    for text in hostile {
        assert!(commands::add_client(&state, &client(text, text, text)).is_err());
        assert!(commands::add_client(&state, &client("Ann", "Smith", text)).is_err());
        assert!(commands::view_client(&state, text).is_err());
        let _ = commands::search_clients(&state, text).unwrap();
        let details = ClientDetailsRequest {
            client_id: text.into(),
            details: NewClientRequest {
                crn: text.into(),
                pnc_id: text.into(),
                nhs_number: text.into(),
                ..client(text, text, text)
            },
        };
        let identifiers = NewClientRequest {
            crn: text.into(),
            pnc_id: text.into(),
            nhs_number: text.into(),
            ..client("Ann", "Smith", "1980-01-01")
        };
        // Blank identifiers are "not known", which is allowed; anything
        // else here is malformed.
        if !text.trim().is_empty() {
            assert!(commands::add_client(&state, &identifiers).is_err());
        }
        assert!(commands::update_client_details(&state, &details).is_err());
        let allocation = AllocationRequest {
            client_id: text.into(),
            keyworker_id: Some(text.into()),
            co_worker_id: Some(text.into()),
            reason: text.into(),
        };
        assert!(commands::allocate_client(&state, &allocation).is_err());
        let audit = AuditFilterDto {
            client_id: Some(text.into()),
            ..no_filter()
        };
        let _ = commands::audit_trail(&state, &audit);
        let review = ReviewSafetyFlagRequest {
            flag_id: text.into(),
            note: text.into(),
            review_by: text.into(),
        };
        assert!(commands::review_safety_flag(&state, &review).is_err());
        let end = EndSafetyFlagRequest {
            flag_id: text.into(),
            reason: text.into(),
        };
        assert!(commands::end_safety_flag(&state, &end).is_err());
    }
    for minutes in [0, 16, u32::MAX] {
        let settings = UnitSettingsDto {
            idle_lock_minutes: minutes,
            keyworkers_see_other_clients: true,
            partners_keep_summary_after_withdrawal: false,
            custody_screening_hours: 24,
            new_computers_need_approval: false,
            keep_sync_files_days: 30,
            absence_warning_at: 1,
            absence_breach_referral_at: 2,
            initial_assessment_within_days: 14,
            review_assessment_every_days: 84,
        };
        let refused = commands::change_unit_settings(&state, &settings).unwrap_err();
        assert_eq!(refused.code, ErrorCodeDto::InvalidInput);
    }
    assert!(commands::list_clients(&state).unwrap().is_empty());
}

/// What the role matrix acts on: the keyworker's account (disabled and
/// enabled), the keyworker's own client, and a client nobody holds.
struct Targets {
    account: String,
    own_client: String,
    other_client: String,
    /// A folder standing for the unit's shared folder.
    share: String,
}

fn hide_other_clients() -> UnitSettingsDto {
    UnitSettingsDto {
        idle_lock_minutes: 5,
        keyworkers_see_other_clients: false,
        partners_keep_summary_after_withdrawal: false,
        custody_screening_hours: 24,
        new_computers_need_approval: false,
        keep_sync_files_days: 30,
        absence_warning_at: 1,
        absence_breach_referral_at: 2,
        initial_assessment_within_days: 14,
        review_assessment_every_days: 84,
    }
}

fn no_filter() -> AuditFilterDto {
    AuditFilterDto {
        account_id: None,
        client_id: None,
        action: None,
        from: None,
        to: None,
    }
}

/// Every command under every role: allowed, or refused with `forbidden` and
/// a plain message. Commands that need no sign-in, and those every account
/// may use (lock, change its own password), are covered by the flows above.
#[test]
fn every_command_under_every_role() {
    let (data, state) = fresh_state();
    let state = state.with_export_folder(data.path().join("exports"));
    commands::create_unit(&state, &create_request()).unwrap();
    let mut one_time = Vec::new();
    for (username, role, administrator) in [
        ("keyworker", Some(CaseRoleDto::Keyworker), false),
        ("manager", Some(CaseRoleDto::Manager), false),
        ("partner", Some(CaseRoleDto::Partner), false),
        ("adminonly", None, true),
    ] {
        let request = NewAccountRequest {
            username: username.to_owned(),
            full_name: "Sam Taylor".to_owned(),
            agency: "Police".to_owned(),
            case_role: role,
            administrator,
            gender: None,
        };
        let created = commands::add_account(&state, &request).unwrap();
        one_time.push((username, created.one_time_password));
    }
    let target = commands::list_accounts(&state)
        .unwrap()
        .into_iter()
        .find(|a| a.username == "keyworker")
        .unwrap();
    // The keyworker has a client of their own; another client is nobody's,
    // and the unit hides other keyworkers' clients, so reaching it takes a
    // reason (break-glass).
    let own_client = commands::add_client(&state, &client("Ann", "Lee", "1980-01-01")).unwrap();
    commands::allocate_client(
        &state,
        &AllocationRequest {
            client_id: own_client.id.clone(),
            keyworker_id: Some(target.id.clone()),
            co_worker_id: None,
            reason: String::new(),
        },
    )
    .unwrap();
    let other_client = commands::add_client(&state, &client("Bo", "Other", "1975-06-01")).unwrap();
    commands::change_unit_settings(&state, &hide_other_clients()).unwrap();
    let share = tempfile::tempdir().unwrap();
    let targets = Targets {
        account: target.id.clone(),
        own_client: own_client.id,
        other_client: other_client.id,
        share: share.path().to_string_lossy().into_owned(),
    };
    commands::lock(&state).unwrap();
    let chosen = "granite lantern orchard";
    for (username, password) in &one_time {
        let request = UnlockRequest {
            unit: UnitKindDto::Real,
            username: (*username).to_owned(),
            password: password.clone(),
        };
        let session = commands::unlock(&state, &request).unwrap();
        assert!(session.must_change_password);
        let blocked = commands::list_clients(&state).unwrap_err();
        assert_eq!(blocked.code, ErrorCodeDto::PasswordChangeRequired);
        let change = ChangePasswordRequest {
            current_password: password.clone(),
            new_password: chosen.to_owned(),
        };
        assert!(
            !commands::change_password(&state, &change)
                .unwrap()
                .must_change_password
        );
        commands::lock(&state).unwrap();
    }
    type Check = fn(&casebook::app_state::AppState, &Targets) -> Result<(), IpcError>;
    let checks: [(&str, Check); 41] = [
        ("list_clients", |s, _| commands::list_clients(s).map(drop)),
        ("add_client", |s, _| {
            // Every role adds the same person; that they are duplicates is
            // not what this checks.
            let request = NewClientRequest {
                confirmed_new_person: true,
                ..client("Ann", "Lee", "1980-01-01")
            };
            commands::add_client(s, &request).map(drop)
        }),
        ("search_clients", |s, _| {
            commands::search_clients(s, "Lee").map(drop)
        }),
        ("find_probable_duplicates", |s, _| {
            commands::find_probable_duplicates(s, &client("Ann", "Lee", "1980-01-01")).map(drop)
        }),
        ("list_accounts", |s, _| commands::list_accounts(s).map(drop)),
        ("add_account", |s, _| {
            let request = NewAccountRequest {
                username: format!(
                    "extra{}",
                    s.clock.now().timestamp_nanos_opt().unwrap_or(0) % 100_000
                ),
                full_name: "Extra Person".to_owned(),
                agency: "Council".to_owned(),
                case_role: Some(CaseRoleDto::Partner),
                administrator: false,
                gender: None,
            };
            commands::add_account(s, &request).map(drop)
        }),
        ("disable_account", |s, t| {
            commands::disable_account(s, &t.account).map(drop)
        }),
        ("change_account_role", |s, t| {
            // The keyworker account keeps its role: only whether the change
            // is allowed matters here.
            let request = RoleChangeRequest {
                account_id: t.account.clone(),
                case_role: Some(CaseRoleDto::Keyworker),
                administrator: false,
            };
            commands::change_account_role(s, &request).map(drop)
        }),
        ("enable_account", |s, t| {
            commands::enable_account(s, &t.account).map(drop)
        }),
        ("release_sign_in", |s, _| {
            commands::release_sign_in(s, "someone")
        }),
        ("issue_recovery_key", |s, _| {
            commands::issue_recovery_key(s).map(drop)
        }),
        ("audit_trail", |s, _| {
            commands::audit_trail(s, &no_filter()).map(drop)
        }),
        ("verify_audit_trail", |s, _| {
            commands::verify_audit_trail(s).map(drop)
        }),
        ("export_audit_csv", |s, _| {
            commands::export_audit_csv(s, &no_filter()).map(drop)
        }),
        ("view_client", |s, t| {
            commands::view_client(s, &t.own_client).map(drop)
        }),
        ("update_client_details", |s, t| {
            let request = ClientDetailsRequest {
                client_id: t.own_client.clone(),
                details: client("Ann", "Lee", "1980-01-02"),
            };
            commands::update_client_details(s, &request).map(drop)
        }),
        ("open_client_with_reason", |s, t| {
            let request = BreakGlassRequest {
                client_id: t.other_client.clone(),
                reason: "Police asked about a missed curfew tonight".to_owned(),
            };
            commands::open_client_with_reason(s, &request).map(drop)
        }),
        ("find_clients_outside_caseload", |s, _| {
            let request = FindClientRequest {
                family_name: "Other".to_owned(),
                date_of_birth: "1975-06-01".to_owned(),
            };
            commands::find_clients_outside_caseload(s, &request).map(drop)
        }),
        ("allocatable_staff", |s, _| {
            commands::allocatable_staff(s).map(drop)
        }),
        ("allocate_client", |s, t| {
            let request = AllocationRequest {
                client_id: t.other_client.clone(),
                keyworker_id: None,
                co_worker_id: None,
                reason: String::new(),
            };
            commands::allocate_client(s, &request).map(drop)
        }),
        ("unit_settings", |s, _| commands::unit_settings(s).map(drop)),
        ("review_rag", |s, t| {
            let request = RagReviewRequest {
                client_id: t.own_client.clone(),
                rating: "amber".to_owned(),
                reason: String::new(),
                next_review: String::new(),
            };
            commands::review_rag(s, &request).map(drop)
        }),
        ("raise_safety_flag", |s, t| {
            let request = RaiseSafetyFlagRequest {
                client_id: t.own_client.clone(),
                kind: "lone_visit_not_advised".to_owned(),
                mappa_category: String::new(),
                mappa_level: String::new(),
                note: "Dog at the address; visit in pairs".to_owned(),
                review_by: s.clock.now().date_naive().to_string(),
            };
            commands::raise_safety_flag(s, &request).map(drop)
        }),
        ("safety_reviews_due", |s, _| {
            commands::safety_reviews_due(s).map(drop)
        }),
        ("record_consent", |s, t| {
            let request = ConsentRequest {
                client_id: t.own_client.clone(),
                agency: "Probation".to_owned(),
                decision: "given".to_owned(),
                how: "verbally".to_owned(),
                decided_on: s.clock.now().date_naive().to_string(),
            };
            commands::record_consent(s, &request).map(drop)
        }),
        ("record_ogrs", |s, t| {
            let request = OgrsRequest {
                client_id: t.own_client.clone(),
                score: "62".to_owned(),
                scored_on: s.clock.now().date_naive().to_string(),
            };
            commands::record_ogrs(s, &request).map(drop)
        }),
        ("change_unit_settings", |s, _| {
            commands::change_unit_settings(s, &hide_other_clients()).map(drop)
        }),
        ("connect_shared_folder", |s, t| {
            let request = ConnectShareRequest {
                folder: t.share.clone(),
            };
            commands::connect_shared_folder(s, &request).map(drop)
        }),
        ("duplicates_of_client", |s, t| {
            commands::duplicates_of_client(s, &t.own_client).map(drop)
        }),
        ("update_client_profile", |s, t| {
            let request = ClientProfileRequest {
                client_id: t.own_client.clone(),
                profile: ClientProfileDto {
                    other_names: vec!["Annie Lee".to_owned()],
                    pronouns: String::new(),
                    address: String::new(),
                    postcode: "SO14 7DU".to_owned(),
                    local_authority: "southampton".to_owned(),
                    phone: String::new(),
                    safe_contact_times: String::new(),
                    letters_home: "no".to_owned(),
                    preferred_language: String::new(),
                    needs_interpreter: false,
                    reasonable_adjustments: String::new(),
                    needs_literacy_support: false,
                    ethnicity: String::new(),
                    religion: String::new(),
                    sexual_orientation: String::new(),
                    disability: String::new(),
                    armed_forces: "prefer_not_to_say".to_owned(),
                },
            };
            commands::update_client_profile(s, &request).map(drop)
        }),
        ("receive_referral", |s, t| {
            // Received and at once ended, so that the next role can record
            // a referral too: a client has one open episode at a time.
            let today = s.clock.local_now().date().to_string();
            let request = ReferralRequest {
                client_id: t.own_client.clone(),
                route: "self".to_owned(),
                referrer: "The client".to_owned(),
                received_date: today.clone(),
                received_time: String::new(),
                reason: String::new(),
                release_date: String::new(),
            };
            let episodes = commands::receive_referral(s, &request)?;
            let ending = ReferralOutcomeRequest {
                episode_id: episodes[0].id.clone(),
                outcome: "declined".to_owned(),
                note: String::new(),
                date: today,
            };
            commands::record_referral_outcome(s, &ending).map(drop)
        }),
        ("resolve_items", |s, _| commands::resolve_items(s).map(drop)),
        // After the connect check above, so the unit has a shared folder.
        ("computers", |s, _| commands::computers(s).map(drop)),
        ("export_audit_csv_to_share", |s, _| {
            commands::export_audit_csv_to_share(s, &no_filter()).map(drop)
        }),
        ("delete_client", |s, _| {
            // A record made for the purpose, so each role that may delete
            // has one of its own.
            let request = NewClientRequest {
                confirmed_new_person: true,
                ..client("Testy", "Record", "1999-09-09")
            };
            let made = commands::add_client(s, &request)?;
            commands::delete_client(s, &made.id, "Made for the role check, not a person")
        }),
        ("book_appointment", |s, t| {
            let me = commands::startup_state(s)?
                .session
                .map(|session| session.account_id);
            let starts = s.clock.local_now() + chrono::Duration::days(3);
            let request = casebook::ipc::BookAppointmentRequest {
                client_id: t.own_client.clone(),
                starts_at: starts.format("%Y-%m-%dT%H:%M").to_string(),
                ends_at: (starts + chrono::Duration::hours(1))
                    .format("%Y-%m-%dT%H:%M")
                    .to_string(),
                kind: "review".to_owned(),
                place: "office".to_owned(),
                room: String::new(),
                other_attendees: String::new(),
                staff_ids: me.into_iter().collect(),
                moving_appointment_id: None,
            };
            commands::book_appointment(s, &request).map(drop)
        }),
        ("diary_of_whole_unit", |s, _| {
            let request = casebook::ipc::DiaryRequest {
                first_day: s.clock.local_now().date().to_string(),
                days: 7,
                staff_id: None,
                whole_unit: true,
            };
            commands::diary(s, &request).map(drop)
        }),
        ("my_tasks", |s, _| commands::my_tasks(s).map(drop)),
        ("save_session_template", |s, _| {
            let request = casebook::ipc::SaveTemplateRequest {
                template_id: None,
                name: "Relapse prevention review".to_owned(),
                pathways: vec!["drugs_and_alcohol".to_owned()],
                interventions: vec!["relapse_prevention".to_owned()],
                notes: "Triggers since last time:\nPlan for the weekend:".to_owned(),
                retired: false,
            };
            commands::save_session_template(s, &request).map(drop)
        }),
        ("save_plan_goal", |s, t| {
            let target = s.clock.local_now().date() + chrono::Duration::days(60);
            let request = casebook::ipc::SaveGoalRequest {
                client_id: t.own_client.clone(),
                goal_id: None,
                goal: casebook::ipc::GoalFormDto {
                    pathway: "accommodation".to_owned(),
                    client_words: "Somewhere settled to live".to_owned(),
                    who: "client".to_owned(),
                    target_on: target.to_string(),
                    ..casebook::ipc::GoalFormDto::default()
                },
            };
            commands::save_plan_goal(s, &request).map(drop)
        }),
        ("cohort_outcomes", |s, _| {
            commands::cohort_outcomes(s, &casebook::ipc::CohortRequest::default()).map(drop)
        }),
    ];
    // Which of the checks above each role may run.
    #[rustfmt::skip]
    let allowed: [(&str, &str, [bool; 41]); 5] = [
        // clients; accounts and recovery; audit trail; client record; settings, RAG review, change settings; connect, duplicates, profile, referral; resolve items, computers, export to share; delete a record; book, whole-unit diary, my tasks, templates; plan goal, cohort outcomes
        ("keyworker", chosen,   [true, true, true, true, false, false, false, false, false, false, false, false, false, false, true, true, true, true, false, false, true, true, true, true, true, true, false, false, false, true, true, true, false, false, false, true, false, true, false, true, false]),
        ("manager", chosen,     [true, true, true, true, false, false, false, false, false, false, false, true, true, true, true, true, false, false, true, true, true, true, true, true, true, true, false, true, true, true, true, true, true, true, true, true, true, true, true, true, true]),
        ("partner", chosen,     [true, false, true, false, false, false, false, false, false, false, false, false, false, false, true, false, false, false, false, false, true, false, false, true, false, false, false, false, false, false, false, true, false, false, false, false, false, true, false, false, false]),
        ("adminonly", chosen,   [false, false, false, false, true, true, true, true, true, true, true, true, true, true, false, false, false, false, false, false, true, false, false, false, false, false, true, true, false, false, false, false, true, true, false, false, false, false, false, false, false]),
        ("admin", PASSWORD,     [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false, false, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true]),
    ];
    for (username, password, expected) in allowed {
        let request = UnlockRequest {
            unit: UnitKindDto::Real,
            username: username.to_owned(),
            password: password.to_owned(),
        };
        commands::unlock(&state, &request).unwrap();
        for ((command, check), may) in checks.iter().zip(expected) {
            // The keyworker account is the one disabled and enabled; it is
            // re-enabled by the enable check, but then needs a new password,
            // which does not matter here: it has had its turn already.
            match (may, check(&state, &targets)) {
                (true, Ok(())) => {}
                (false, Err(error)) => {
                    assert_eq!(
                        error.code,
                        ErrorCodeDto::Forbidden,
                        "{username} {command}: {}",
                        error.message
                    );
                    assert!(
                        error.message.starts_with("Your account cannot"),
                        "{}",
                        error.message
                    );
                }
                (true, Err(error)) => {
                    panic!("{username} should be allowed {command}: {}", error.message)
                }
                (false, Ok(())) => panic!("{username} must not be allowed {command}"),
            }
        }
        commands::lock(&state).unwrap();
    }
    // The export landed in the export folder as a CSV with a header.
    let exported = std::fs::read_dir(data.path().join("exports"))
        .unwrap()
        .count();
    assert!(exported >= 1);
}

#[test]
fn the_recovery_key_from_creation_restores_access() {
    let (_data, state) = fresh_state();
    let created = commands::create_unit(&state, &create_request()).unwrap();
    commands::lock(&state).unwrap();
    let request = RecoverRequest {
        unit: UnitKindDto::Real,
        recovery_key: created.recovery_key.to_lowercase(),
        username: "admin".to_owned(),
        new_password: "brand new harbour lights".to_owned(),
    };
    let session = commands::recover_with_key(&state, &request).unwrap();
    assert_eq!(session.username, "admin");
    commands::lock(&state).unwrap();
    assert_eq!(
        commands::unlock(&state, &unlock_request(PASSWORD))
            .unwrap_err()
            .code,
        ErrorCodeDto::WrongCredentials
    );
    assert!(commands::unlock(&state, &unlock_request("brand new harbour lights")).is_ok());
}

#[test]
fn a_save_made_during_a_long_sync_goes_first_and_the_sync_goes_on_after() {
    let (_data, first) = fresh_state();
    commands::create_unit(&first, &create_request()).unwrap();
    let share = tempfile::tempdir().unwrap();
    let connect = ConnectShareRequest {
        folder: share.path().to_string_lossy().into_owned(),
    };
    commands::connect_shared_folder(&first, &connect).unwrap();
    let (_second_data, second) = fresh_state();
    commands::join_unit(
        &second,
        &JoinUnitRequest {
            folder: connect.folder.clone(),
            username: "admin".to_owned(),
            password: PASSWORD.to_owned(),
        },
    )
    .unwrap();
    // The office sends twenty bundles while the laptop is away.
    for n in 0..20 {
        let born = format!("1985-01-{:02}", n + 1);
        commands::add_client(&first, &client("Sam", "Okafor", &born)).unwrap();
        commands::sync_now(&first).unwrap();
    }

    // The laptop syncs; as the first bundle goes in, the keyworker saves a
    // new client. The save waits for that one bundle, not for the sync.
    let (started, saved) = std::sync::mpsc::channel();
    let report = std::thread::scope(|scope| {
        let syncing = scope.spawn(|| {
            commands::sync_now_reporting(&second, &mut |progress| {
                if progress.done == 1 {
                    started.send(()).unwrap();
                    let waited = std::time::Instant::now();
                    while !second.someone_waits_for_unit() {
                        assert!(waited.elapsed().as_secs() < 10, "the save never asked");
                        std::thread::yield_now();
                    }
                }
            })
        });
        saved.recv().unwrap();
        commands::add_client(&second, &client("Jordan", "Whitlock", "1990-05-17")).unwrap();
        syncing.join().unwrap()
    })
    .unwrap();
    assert!(report.paused, "{report:?}");
    assert!(commands::list_clients(&second).unwrap().len() < 21);
    let rest = commands::sync_now(&second).unwrap();
    assert!(!rest.paused);
    assert_eq!(commands::list_clients(&second).unwrap().len(), 21);
}

/// A keyworker's week with a DRR client through the command layer: a home
/// visit booked with its warning, a DNA judged unacceptable and counted, a
/// session written as a draft, signed off with an action that lands on the
/// home screen, corrected by an addendum, and all of it on the timeline.
#[test]
fn a_drr_client_is_seen_missed_counted_and_written_up() {
    use casebook::ipc::{
        ActionFormDto, AddendumRequest, BookAppointmentRequest, DiaryRequest, RecordOutcomeRequest,
        SaveDraftRequest, SessionFormDto, SetCohortFlagRequest, SignSessionRequest,
    };
    let (_data, state) = fresh_state();
    let created = commands::create_unit(&state, &create_request()).unwrap();
    let me = created.session.account_id.clone();
    let added = commands::add_client(&state, &client("Jordan", "Whitlock", "1990-05-17")).unwrap();
    commands::set_cohort_flag(
        &state,
        &SetCohortFlagRequest {
            client_id: added.id.clone(),
            flag: "drr".to_owned(),
        },
    )
    .unwrap();
    let today = state.clock.local_now().date();
    let review_by = (today + chrono::Duration::days(30)).to_string();
    commands::raise_safety_flag(
        &state,
        &RaiseSafetyFlagRequest {
            client_id: added.id.clone(),
            kind: "lone_visit_not_advised".to_owned(),
            mappa_category: String::new(),
            mappa_level: String::new(),
            note: "Dog at the address; visit in pairs".to_owned(),
            review_by,
        },
    )
    .unwrap();
    let at = |days: i64, hour: u32| {
        (today + chrono::Duration::days(days))
            .and_hms_opt(hour, 0, 0)
            .unwrap()
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let visit = BookAppointmentRequest {
        client_id: added.id.clone(),
        starts_at: at(2, 10),
        ends_at: at(2, 11),
        kind: "one_to_one".to_owned(),
        place: "home_visit".to_owned(),
        room: String::new(),
        other_attendees: String::new(),
        staff_ids: vec![me.clone()],
        moving_appointment_id: None,
    };
    let warnings = commands::booking_warnings(&state, &visit).unwrap();
    assert!(warnings.lone_visit_not_advised);
    assert_eq!(warnings.safety_flags.len(), 1);
    commands::book_appointment(&state, &visit).unwrap();
    let diary = commands::diary(
        &state,
        &DiaryRequest {
            first_day: today.to_string(),
            days: 7,
            staff_id: None,
            whole_unit: false,
        },
    )
    .unwrap();
    assert_eq!(diary.len(), 1);
    assert!(diary[0].lone_visit_not_advised, "warned again on the day");

    // Yesterday's appointment was missed without good reason.
    let missed = commands::book_appointment(
        &state,
        &BookAppointmentRequest {
            starts_at: at(-1, 10),
            ends_at: at(-1, 11),
            place: "office".to_owned(),
            ..visit.clone()
        },
    )
    .unwrap();
    let dna = RecordOutcomeRequest {
        appointment_id: missed.id.clone(),
        outcome: "did_not_attend".to_owned(),
        reason: String::new(),
        absence: String::new(),
        absence_reason: String::new(),
        absence_note: String::new(),
        new_starts_at: String::new(),
        new_ends_at: String::new(),
    };
    let unjudged = commands::record_appointment_outcome(&state, &dna).unwrap_err();
    assert!(
        unjudged.message.contains("on an order"),
        "{}",
        unjudged.message
    );
    commands::record_appointment_outcome(
        &state,
        &RecordOutcomeRequest {
            absence: "unacceptable".to_owned(),
            ..dna
        },
    )
    .unwrap();
    let view = commands::view_client(&state, &added.id).unwrap();
    let casework = view.casework.unwrap();
    assert_eq!(casework.compliance.len(), 1);
    assert_eq!(casework.compliance[0].unacceptable, 1);
    assert_eq!(casework.compliance[0].standing, "warning_due");

    // The session is typed as a draft, then signed off.
    let form = SessionFormDto {
        held_on: today.to_string(),
        starts_at: "00:00".to_owned(),
        minutes: "45".to_owned(),
        place: "office".to_owned(),
        pathways: vec!["accommodation".to_owned(), "drugs_and_alcohol".to_owned()],
        interventions: vec!["relapse_prevention".to_owned()],
        notes: "Talked through the tenancy and last weekend's use.".to_owned(),
        actions: vec![ActionFormDto {
            what: "Ring the housing officer".to_owned(),
            who: "keyworker".to_owned(),
            partner_agency: String::new(),
            due_on: today.to_string(),
        }],
        ..SessionFormDto::default()
    };
    let draft = commands::save_session_draft(
        &state,
        &SaveDraftRequest {
            draft_id: None,
            client_id: added.id.clone(),
            form,
        },
    )
    .unwrap();
    let refused = commands::add_session_addendum(
        &state,
        &AddendumRequest {
            session_id: draft.id.clone(),
            text: "A correction to the draft".to_owned(),
        },
    )
    .unwrap_err();
    assert!(refused.message.contains("draft"), "{}", refused.message);
    let signed = commands::sign_session_record(
        &state,
        &SignSessionRequest {
            draft_id: draft.id.clone(),
        },
    )
    .unwrap();
    assert!(commands::session_drafts(&state).unwrap().is_empty());
    let tasks = commands::my_tasks(&state).unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].task.what, "Ring the housing officer");
    let corrected = commands::add_session_addendum(
        &state,
        &AddendumRequest {
            session_id: signed.id.clone(),
            text: "The use was on Saturday, not Sunday.".to_owned(),
        },
    )
    .unwrap();
    assert_eq!(corrected.addenda.len(), 1);
    assert_eq!(corrected.notes, signed.notes, "the original never changes");

    let timeline = commands::view_client(&state, &added.id)
        .unwrap()
        .casework
        .unwrap()
        .timeline;
    let events: Vec<&str> = timeline.iter().map(|e| e.event.as_str()).collect();
    for event in [
        "appointment_booked",
        "appointment_outcome",
        "session_signed",
        "session_addendum",
        "task_created",
        "safety_flag_raised",
    ] {
        assert!(events.contains(&event), "{event} missing from {events:?}");
    }
    assert!(
        timeline.windows(2).all(|w| w[0].at >= w[1].at),
        "newest first"
    );
}
