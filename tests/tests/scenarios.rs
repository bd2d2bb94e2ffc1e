//! The user's flows through the command layer, without a webview: the same
//! functions the Tauri commands call, with the same wire types, against a
//! real encrypted unit in a temporary data folder.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::app_state::{AppState, KdfPolicy};
use casebook::commands;
use casebook::ipc::{
    AllocationRequest, AuditFilterDto, ClientDetailsRequest, ConnectShareRequest,
    CreateUnitRequest, EndSafetyFlagRequest, ErrorCodeDto, IpcError, JoinUnitRequest,
    NewClientRequest, RaiseSafetyFlagRequest, RecoverRequest, ReviewSafetyFlagRequest, UnitKindDto,
    UnitSettingsDto, UnlockRequest,
};
use casebook_core::vault::slot::KdfCost;

mod common;

use common::{
    PASSWORD, client, create_request, fresh_state, no_filter, unlock_request, whole_caseload,
};

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
    assert!(whole_caseload(&state).unwrap().is_empty());
    let added = commands::add_client(&state, &client("Jordan", "Whitlock", "1990-05-17")).unwrap();
    assert_eq!(whole_caseload(&state).unwrap(), vec![added.clone()]);

    commands::lock(&state).unwrap();
    let locked = whole_caseload(&state).unwrap_err();
    assert_eq!(locked.code, ErrorCodeDto::Locked);

    let wrong = commands::unlock(&state, &unlock_request("otter lamp river clouds")).unwrap_err();
    assert_eq!(wrong.code, ErrorCodeDto::WrongCredentials);
    assert_eq!(
        whole_caseload(&state).unwrap_err().code,
        ErrorCodeDto::Locked
    );

    commands::unlock(&state, &unlock_request(PASSWORD)).unwrap();
    assert_eq!(whole_caseload(&state).unwrap(), vec![added]);
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
    let clients = whole_caseload(&restarted).unwrap();
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
    assert!(whole_caseload(&state).unwrap().is_empty());
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
    let joined = whole_caseload(&second).unwrap();
    assert_eq!(joined.len(), 1);
    commands::add_client(&second, &client("Sam", "Okafor", "1985-01-02")).unwrap();
    assert_eq!(commands::sync_now(&second).unwrap().waiting, 0);
    let back = commands::sync_now(&first).unwrap();
    assert!(back.received >= 1, "{back:?}");
    assert_eq!(whole_caseload(&first).unwrap().len(), 2);
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
    assert!(whole_caseload(&state).unwrap().len() >= 30);
}

#[test]
fn a_failed_sign_in_locks_whatever_was_open() {
    let (_data, state) = fresh_state();
    commands::create_unit(&state, &create_request()).unwrap();
    assert!(commands::unlock(&state, &unlock_request("not the password at all")).is_err());
    assert_eq!(
        whole_caseload(&state).unwrap_err().code,
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
        let _ = commands::audit_trail(&state, &audit, &0);
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
    assert!(whole_caseload(&state).unwrap().is_empty());
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
    assert!(whole_caseload(&second).unwrap().len() < 21);
    let rest = commands::sync_now(&second).unwrap();
    assert!(!rest.paused);
    assert_eq!(whole_caseload(&second).unwrap().len(), 21);
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
