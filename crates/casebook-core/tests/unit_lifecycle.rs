//! A unit's life through the core: create, unlock, add clients, lock, unlock
//! again; and every way a sign-in can go wrong, each leaving the files as
//! they were.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::error::ErrorCode;
use casebook_core::unit::demo;
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use casebook_core::vault::slot::KdfCost;

const PASSWORD: &str = "otter lamp river cloud";

fn create_unit(data: &Path) -> PathBuf {
    let folder = unit_folder::unit_folder(data, UnitKind::Real);
    let new_unit = NewUnit::parse(
        "Hampshire IOM – Basingstoke",
        "admin",
        "Alex Admin",
        PASSWORD,
    )
    .unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &new_unit, plan, &SystemClock, &mut OsEntropy).unwrap();
    folder
}

/// Every file under `folder` with its bytes, to show that something changed
/// nothing. The count of failed sign-ins is left out: counting a failure is
/// the one change a failed sign-in must make.
fn snapshot(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if !path.ends_with("sign-in-attempts.json") {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_client_added_is_there_after_lock_and_unlock() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    assert!(
        unit.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .is_empty()
    );
    assert_eq!(unit.account().full_name.as_str(), "Alex Admin");
    let added = unit
        .add_client(
            &ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    unit.lock(&SystemClock, &mut OsEntropy);

    let mut unit =
        unit_folder::unlock(&folder, "ADMIN", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let clients = unit.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].client.id, added.id);
    assert_eq!(clients[0].client.family_name.as_str(), "Whitlock");
    assert_eq!(unit.description().name, "Hampshire IOM – Basingstoke");
}

#[test]
fn every_write_lands_in_the_change_log_with_a_rising_clock() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    for given in ["Ann", "Bea", "Cal"] {
        unit.add_client(
            &ClientDetailsText::named(given, "Test", "1980-01-01"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    }
    let log = casebook_core::store::change_log::changes_since(unit.connection(), 0).unwrap();
    let client_changes: Vec<_> = log.iter().filter(|c| c.table == "clients").collect();
    assert_eq!(client_changes.len(), 3);
    assert!(
        log.windows(2).all(|pair| pair[0].hlc < pair[1].hlc),
        "stamps must rise"
    );
    assert!(
        client_changes
            .iter()
            .all(|c| c.operation == "insert" && c.row.to_string().contains("Test"))
    );
    let version = casebook_core::store::schema_version(unit.connection()).unwrap();
    assert_eq!(version, casebook_core::store::latest_schema_version());
}

#[test]
fn no_file_in_the_data_folder_holds_a_name_in_plain_text() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let distinctive = "Zephyrina";
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    for _ in 0..50 {
        unit.add_client(
            &ClientDetailsText {
                confirmed_new_person: true,
                ..ClientDetailsText::named(distinctive, "Quillfeather", "1979-02-03")
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    }
    // Scan while the unit is open (the WAL holds the recent pages) and again
    // after it is locked.
    let scan = |when: &str| {
        let files = snapshot(data.path());
        assert!(files.keys().any(|p| p.ends_with("casebook.db-wal")) || when == "locked");
        for (path, bytes) in files {
            for needle in [
                distinctive.as_bytes(),
                b"Quillfeather".as_slice(),
                b"1979-02-03".as_slice(),
            ] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle),
                    "{} holds plaintext while {when}",
                    path.display()
                );
            }
        }
    };
    scan("open");
    unit.lock(&SystemClock, &mut OsEntropy);
    scan("locked");
}

#[test]
fn a_wrong_password_or_unknown_user_gets_one_message_and_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let before = snapshot(&folder);
    let wrong = unit_folder::unlock(
        &folder,
        "admin",
        "otter lamp river clouds",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    let unknown =
        unit_folder::unlock(&folder, "nobody", PASSWORD, &SystemClock, &mut OsEntropy).unwrap_err();
    let malformed =
        unit_folder::unlock(&folder, "no body!", PASSWORD, &SystemClock, &mut OsEntropy)
            .unwrap_err();
    assert_eq!(wrong.code, ErrorCode::WrongCredentials);
    assert_eq!(wrong, unknown);
    assert_eq!(wrong, malformed);
    assert_eq!(snapshot(&folder), before);
    let attempts = fs::read_to_string(folder.join("sign-in-attempts.json")).unwrap();
    assert!(
        attempts.contains("nobody") && !attempts.contains("otter"),
        "failures are counted, passwords never kept"
    );
}

#[test]
fn a_second_unit_cannot_be_created_over_the_first() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let before = snapshot(&folder);
    let new_unit = NewUnit::parse(
        "Another",
        "other",
        "Other Person",
        "seven brown hats dancing",
    )
    .unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    let error =
        unit_folder::create(&folder, &new_unit, plan, &SystemClock, &mut OsEntropy).unwrap_err();
    assert_eq!(error.code, ErrorCode::UnitExists);
    assert_eq!(snapshot(&folder), before);
}

/// The administrator's password slot (the other is the recovery slot).
fn only_slot(folder: &Path) -> PathBuf {
    fs::read_dir(folder.join("keys"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            fs::read_to_string(path)
                .unwrap()
                .contains("\"kind\": \"password\"")
        })
        .unwrap()
}

#[test]
fn a_missing_slot_file_is_reported_and_nothing_is_written() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    for slot in fs::read_dir(folder.join("keys")).unwrap() {
        fs::remove_file(slot.unwrap().path()).unwrap();
    }
    let before = snapshot(&folder);
    let error =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap_err();
    assert_eq!(error.code, ErrorCode::KeyFileMissing);
    assert!(error.message.contains("missing"));
    assert_eq!(snapshot(&folder), before);
    fs::remove_dir(folder.join("keys")).unwrap();
    assert_eq!(
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy)
            .unwrap_err()
            .code,
        ErrorCode::KeyFileMissing
    );
}

#[test]
fn a_truncated_or_tampered_slot_file_is_reported_and_nothing_is_written() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let slot = only_slot(&folder);
    let original = fs::read(&slot).unwrap();
    let mut tampered = original.clone();
    let at = tampered.len() / 2;
    tampered[at] ^= 0x01;
    for damaged in [
        original[..original.len() / 3].to_vec(),
        tampered,
        Vec::new(),
    ] {
        fs::write(&slot, &damaged).unwrap();
        let before = snapshot(&folder);
        let error = unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy)
            .unwrap_err();
        assert_eq!(error.code, ErrorCode::KeyFileDamaged, "{}", error.message);
        assert!(error.message.contains("damaged"));
        assert_eq!(
            snapshot(&folder),
            before,
            "the failed unlock changed a file"
        );
    }
    fs::write(&slot, &original).unwrap();
    assert!(unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).is_ok());
}

#[test]
fn a_damaged_database_is_reported_without_touching_it() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let database = folder.join("casebook.db");
    let mut bytes = fs::read(&database).unwrap();
    for byte in &mut bytes[..4096] {
        *byte = 0;
    }
    fs::write(&database, &bytes).unwrap();
    let before = snapshot(&folder);
    let error =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::DatabaseUnreadable,
        "{}",
        error.message
    );
    assert_eq!(snapshot(&folder), before);
}

#[test]
fn bad_client_input_is_refused_and_nothing_is_saved() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let cases = [
        ("", "Smith", "1980-01-01"),
        ("Ann", "   ", "1980-01-01"),
        ("Ann", "Smith", "2999-01-01"),
        ("Ann", "Smith", "1980-13-01"),
        ("Ann", "Smith", "not a date"),
        ("Ann", &"x".repeat(500), "1980-01-01"),
        ("Ann;DROP TABLE clients", "Smith", "1980-01-01"),
    ];
    for (given, family, born) in cases {
        let error = unit
            .add_client(
                &ClientDetailsText::named(given, family, born),
                &SystemClock,
                &mut OsEntropy,
            )
            .unwrap_err();
        assert_eq!(
            error.code,
            ErrorCode::InvalidInput,
            "{given} {family} {born}"
        );
    }
    assert!(
        unit.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .is_empty()
    );
    let log = casebook_core::store::change_log::changes_since(unit.connection(), 0).unwrap();
    assert!(log.iter().all(|c| c.table != "clients"));
}

#[test]
fn identifiers_are_checked_kept_and_changed_with_an_audit_of_which() {
    let data = tempfile::tempdir().unwrap();
    let folder = create_unit(data.path());
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let base = ClientDetailsText::named("Dana", "Whitlock", "1990-04-02");
    for (bad, expected) in [
        (
            ClientDetailsText {
                crn: "X12345",
                ..base
            },
            "one letter and six digits",
        ),
        (
            ClientDetailsText {
                pnc_id: "2012/0123456C",
                ..base
            },
            "should be Y",
        ),
        (
            ClientDetailsText {
                nhs_number: "943 476 5918",
                ..base
            },
            "check digit",
        ),
    ] {
        let error = unit
            .add_client(&bad, &SystemClock, &mut OsEntropy)
            .unwrap_err();
        assert!(error.message.contains(expected), "{}", error.message);
    }
    assert!(
        unit.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .is_empty(),
        "nothing half-saved"
    );

    let added = unit
        .add_client(
            &ClientDetailsText {
                crn: "x123456",
                nhs_number: "9434765919",
                ..base
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    unit.update_client_details(
        added.id,
        &ClientDetailsText {
            crn: "X123456",
            pnc_id: "12/123456y",
            nhs_number: "",
            ..base
        },
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    unit.lock(&SystemClock, &mut OsEntropy);

    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let caseload = unit.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    let ids = &caseload[0].client.identifiers;
    assert_eq!(ids.crn.as_ref().unwrap().as_str(), "X123456");
    assert_eq!(ids.pnc_id.as_ref().unwrap().as_str(), "12/0123456Y");
    assert_eq!(ids.nhs_number, None);
    let filter = AuditFilter::parse(None, None, Some("client_updated"), None, None).unwrap();
    let changes = unit
        .audit_trail(&filter, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(changes.len(), 1);
    assert!(
        changes[0].entry.detail.contains("pnc_id")
            && changes[0].entry.detail.contains("nhs_number")
            && !changes[0].entry.detail.contains("crn"),
        "the entry names what changed: {}",
        changes[0].entry.detail
    );
    assert!(
        !changes[0].entry.detail.contains("0123456"),
        "and never the values"
    );
}

#[test]
fn the_demo_unit_is_apart_marked_and_full_of_made_up_people() {
    let data = tempfile::tempdir().unwrap();
    demo::ensure_demo_unit(
        data.path(),
        KdfCost::cheap_for_tests(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    demo::ensure_demo_unit(
        data.path(),
        KdfCost::cheap_for_tests(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let folder = unit_folder::unit_folder(data.path(), UnitKind::Demo);
    assert!(unit_folder::describe(&folder).unwrap().unwrap().demo);
    assert!(
        unit_folder::describe(&unit_folder::unit_folder(data.path(), UnitKind::Real))
            .unwrap()
            .is_none()
    );
    let mut unit = unit_folder::unlock(
        &folder,
        demo::DEMO_USERNAME,
        demo::DEMO_PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let caseload = unit.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    assert!(caseload.len() >= 30);
    // The demo shows the product at work: allocated clients with ratings,
    // cohort flags and some safety flags.
    let me = unit.account().id;
    assert!(caseload.iter().all(|e| e.client.keyworker == Some(me)));
    assert!(caseload.iter().filter(|e| e.rag.is_some()).count() >= 25);
    let neighbourhood = caseload
        .iter()
        .filter(|e| {
            e.cohort_flags
                .contains(&casebook_core::domain::cohort::CohortFlag::NeighbourhoodCrime)
        })
        .count();
    assert!(
        (20..=26).contains(&neighbourhood),
        "about two thirds: {neighbourhood}"
    );
    assert!(caseload.iter().any(|e| !e.active_flags.is_empty()));
    // Every client has an open episode; some referrals still await pick-up,
    // and the routes vary.
    assert!(caseload.iter().all(|e| e.open_episode.is_some()));
    let awaiting = caseload
        .iter()
        .filter_map(|e| e.open_episode.as_ref())
        .filter(|episode| episode.picked_up_at.is_none())
        .count();
    assert!(
        (15..=25).contains(&awaiting),
        "awaiting pick-up: {awaiting}"
    );
    // Earlier episodes from the court and the IOM panel were assessed at
    // the start and the end: the cohort page has two routes to compare.
    for (route, clients) in [("court", 5), ("iom_panel", 4)] {
        let filter = casebook_core::reports::cohort_outcomes::CohortFilter {
            route: Some(casebook_core::domain::referrals::ReferralRoute::parse(route).unwrap()),
            ..Default::default()
        };
        let outcomes = unit
            .cohort_outcomes(&filter, &SystemClock, &mut OsEntropy)
            .unwrap();
        assert_eq!(outcomes.counted, clients, "{route}");
        assert!(outcomes.overall_improvement.unwrap() < -0.2, "{route}");
    }
    assert!(caseload.iter().any(|e| e.assessment_due.is_some()));
}

#[test]
fn calibrated_key_derivation_uses_at_least_64_mib() {
    let cost = KdfCost::calibrate(std::time::Duration::from_millis(700));
    assert!(cost.memory_kib >= 64 * 1024);
    assert!(cost.iterations >= 2);
}
