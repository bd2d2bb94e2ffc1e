//! Accounts, roles, passwords, the recovery key and failed sign-ins,
//! through the core.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};

use casebook_core::clock::{Clock, OsEntropy, SystemClock};
use casebook_core::domain::account::{CaseRole, NewAccount};
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::error::ErrorCode;
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use casebook_core::unit::unlocked::UnlockedUnit;
use casebook_core::vault::slot::KdfCost;
use chrono::{DateTime, Utc};

const ADMIN_PASSWORD: &str = "otter lamp river cloud";
const CHEAP: fn() -> KdfCost = KdfCost::cheap_for_tests;

/// A clock the test moves forward by hand.
struct StepClock(AtomicI64);

impl StepClock {
    fn new() -> StepClock {
        StepClock(AtomicI64::new(Utc::now().timestamp_millis()))
    }
    fn advance_seconds(&self, seconds: i64) {
        self.0.fetch_add(seconds * 1000, Ordering::SeqCst);
    }
}

impl Clock for StepClock {
    fn now(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(self.0.load(Ordering::SeqCst)).unwrap()
    }
}

fn new_unit(data: &Path) -> (PathBuf, String) {
    let folder = unit_folder::unit_folder(data, UnitKind::Real);
    let unit = NewUnit::parse("Accounts Unit", "admin", "Alex Admin", ADMIN_PASSWORD).unwrap();
    let plan = CreationPlan {
        kdf_cost: CHEAP(),
        demo: false,
        initial_clients: &[],
    };
    let key = unit_folder::create(&folder, &unit, plan, &SystemClock, &mut OsEntropy).unwrap();
    (folder, key.grouped())
}

fn sign_in(
    folder: &Path,
    username: &str,
    password: &str,
) -> Result<UnlockedUnit, casebook_core::CoreError> {
    unit_folder::unlock(folder, username, password, &SystemClock, &mut OsEntropy)
}

fn add(
    admin: &mut UnlockedUnit,
    username: &str,
    role: Option<CaseRole>,
    administrator: bool,
) -> String {
    let account = NewAccount::parse(
        username,
        "Kim Worker",
        "Probation",
        role,
        administrator,
        Some("woman"),
    )
    .unwrap();
    let (_, one_time) = admin
        .add_account(&account, CHEAP(), &SystemClock, &mut OsEntropy)
        .unwrap();
    one_time.to_string()
}

fn slot_count(folder: &Path) -> usize {
    std::fs::read_dir(folder.join("keys")).unwrap().count()
}

#[test]
fn a_new_keyworker_must_choose_a_password_before_anything_else() {
    let data = tempfile::tempdir().unwrap();
    let (folder, _) = new_unit(data.path());
    let mut admin = sign_in(&folder, "admin", ADMIN_PASSWORD).unwrap();
    let one_time = add(&mut admin, "kim", Some(CaseRole::Keyworker), false);
    admin.lock(&SystemClock, &mut OsEntropy);

    let mut kim = sign_in(&folder, "kim", &one_time).unwrap();
    assert!(kim.account().must_change_password);
    let blocked = kim.view_caseload(&SystemClock, &mut OsEntropy).unwrap_err();
    assert_eq!(blocked.code, ErrorCode::PasswordChangeRequired);
    let same = kim
        .change_password(&one_time, &one_time, CHEAP(), &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(same.code, ErrorCode::PasswordRejected);
    let weak = kim
        .change_password(
            &one_time,
            "password1234",
            CHEAP(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(weak.code, ErrorCode::PasswordRejected);
    let wrong = kim.change_password(
        "not it at all",
        "maple harbour quietly",
        CHEAP(),
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(wrong.unwrap_err().code, ErrorCode::WrongCredentials);
    kim.change_password(
        &one_time,
        "maple harbour quietly",
        CHEAP(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    kim.add_client(
        &ClientDetailsText::named("Sam", "Okafor", "1985-11-02"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);

    assert_eq!(
        sign_in(&folder, "kim", &one_time).unwrap_err().code,
        ErrorCode::WrongCredentials
    );
    let kim = sign_in(&folder, "kim", "maple harbour quietly").unwrap();
    assert!(!kim.account().must_change_password);
    // Admin password, admin's recovery, Kim's one new slot.
    assert_eq!(slot_count(&folder), 3);
}

#[test]
fn each_role_may_do_what_it_should_and_nothing_more() {
    let data = tempfile::tempdir().unwrap();
    let (folder, _) = new_unit(data.path());
    let mut admin = sign_in(&folder, "admin", ADMIN_PASSWORD).unwrap();
    let mut accounts = Vec::new();
    for (username, role, administrator) in [
        ("keyworker", Some(CaseRole::Keyworker), false),
        ("manager", Some(CaseRole::Manager), false),
        ("partner", Some(CaseRole::Partner), false),
        ("adminonly", None, true),
    ] {
        let one_time = add(&mut admin, username, role, administrator);
        accounts.push((username, one_time));
    }
    admin.lock(&SystemClock, &mut OsEntropy);
    let new_password = "granite lantern orchard";
    // (username, sees caseload, adds clients, reads audit, manages accounts)
    let expected = [
        ("keyworker", true, true, false, false),
        ("manager", true, true, true, false),
        ("partner", true, false, false, false),
        ("adminonly", false, false, true, true),
        ("admin", true, true, true, true),
    ];
    for (username, one_time) in &accounts {
        let mut unit = sign_in(&folder, username, one_time).unwrap();
        unit.change_password(
            one_time,
            new_password,
            CHEAP(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
        unit.lock(&SystemClock, &mut OsEntropy);
    }
    for (username, caseload, add_clients, audit, manage) in expected {
        let password = if username == "admin" {
            ADMIN_PASSWORD
        } else {
            new_password
        };
        let mut unit = sign_in(&folder, username, password).unwrap();
        let outcomes = [
            (
                "see the caseload",
                caseload,
                unit.view_caseload(&SystemClock, &mut OsEntropy).map(drop),
            ),
            (
                "add a client",
                add_clients,
                unit.add_client(
                    &ClientDetailsText {
                        // Each role adds the same person: not a duplicate
                        // this test is about.
                        confirmed_new_person: true,
                        ..ClientDetailsText::named("Ann", "Lee", "1980-01-01")
                    },
                    &SystemClock,
                    &mut OsEntropy,
                )
                .map(drop),
            ),
            (
                "read the audit trail",
                audit,
                unit.audit_trail(&AuditFilter::default(), &SystemClock, &mut OsEntropy)
                    .map(drop),
            ),
            (
                "check the audit trail",
                audit,
                unit.verify_audit_trail(&SystemClock, &mut OsEntropy)
                    .map(drop),
            ),
            ("list accounts", manage, unit.list_accounts().map(drop)),
            (
                "issue a recovery key",
                manage,
                unit.issue_recovery_key(CHEAP(), &SystemClock, &mut OsEntropy)
                    .map(drop),
            ),
            (
                "release a sign-in",
                manage,
                unit.release_sign_in("someone", &SystemClock, &mut OsEntropy),
            ),
        ];
        for (what, allowed, outcome) in outcomes {
            match (allowed, outcome) {
                (true, Ok(())) => {}
                (false, Err(error)) => {
                    assert_eq!(
                        error.code,
                        ErrorCode::Forbidden,
                        "{username} {what}: {}",
                        error.message
                    );
                    assert!(
                        error.message.starts_with("Your account cannot"),
                        "{}",
                        error.message
                    );
                }
                (true, Err(error)) => {
                    panic!("{username} should be able to {what}: {}", error.message)
                }
                (false, Ok(())) => panic!("{username} must not be able to {what}"),
            }
        }
        unit.lock(&SystemClock, &mut OsEntropy);
    }
}

#[test]
fn duplicate_usernames_and_the_last_administrator_are_refused() {
    let data = tempfile::tempdir().unwrap();
    let (folder, _) = new_unit(data.path());
    let mut admin = sign_in(&folder, "admin", ADMIN_PASSWORD).unwrap();
    add(&mut admin, "kim", Some(CaseRole::Keyworker), false);
    let again = NewAccount::parse(
        "KIM",
        "Kim Again",
        "Police",
        Some(CaseRole::Partner),
        false,
        None,
    )
    .unwrap();
    let error = admin
        .add_account(&again, CHEAP(), &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        error.message.contains("already an account"),
        "{}",
        error.message
    );
    let own = admin.account().id;
    assert!(
        admin
            .disable_account(own, &SystemClock, &mut OsEntropy)
            .is_err()
    );
    let second = add(&mut admin, "deputy", None, true);
    let accounts = admin.list_accounts().unwrap();
    let deputy = accounts
        .iter()
        .find(|a| a.username.as_str() == "deputy")
        .unwrap()
        .id;
    admin
        .disable_account(deputy, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(
        sign_in(&folder, "deputy", &second).unwrap_err().code,
        ErrorCode::WrongCredentials
    );
    let (_, fresh) = admin
        .enable_account(deputy, CHEAP(), &SystemClock, &mut OsEntropy)
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
    let mut deputy_unit = sign_in(&folder, "deputy", &fresh).unwrap();
    deputy_unit
        .change_password(
            &fresh,
            "willow compass ember",
            CHEAP(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    // Now two administrators: the deputy may disable the first, but then not itself.
    let first = deputy_unit
        .list_accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.username.as_str() == "admin")
        .unwrap();
    deputy_unit
        .disable_account(first.id, &SystemClock, &mut OsEntropy)
        .unwrap();
    let kim = deputy_unit
        .list_accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.username.as_str() == "kim")
        .unwrap();
    deputy_unit
        .disable_account(kim.id, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(
        sign_in(&folder, "admin", ADMIN_PASSWORD).unwrap_err().code,
        ErrorCode::WrongCredentials
    );
}

#[test]
fn the_recovery_key_restores_an_administrator_and_a_new_key_retires_the_old() {
    let data = tempfile::tempdir().unwrap();
    let (folder, key) = new_unit(data.path());
    let recover = |typed: &str, username: &str| {
        unit_folder::recover(
            &folder,
            typed,
            username,
            "new harbour lights",
            CHEAP(),
            &SystemClock,
            &mut OsEntropy,
        )
    };
    let mut wrong = key.clone().into_bytes();
    wrong[0] = if wrong[0] == b'A' { b'B' } else { b'A' };
    let mistyped = recover(std::str::from_utf8(&wrong).unwrap(), "admin").unwrap_err();
    assert!(
        mistyped.message.contains("does not open this unit"),
        "{}",
        mistyped.message
    );
    assert!(
        recover("ABCD", "admin")
            .unwrap_err()
            .message
            .contains("32 letters")
    );

    let mut admin = recover(&key.to_lowercase().replace('-', " "), "admin").unwrap();
    assert_eq!(admin.account().username.as_str(), "admin");
    let one_time = add(&mut admin, "kim", Some(CaseRole::Keyworker), false);
    let new_key = admin
        .issue_recovery_key(CHEAP(), &SystemClock, &mut OsEntropy)
        .unwrap()
        .grouped();
    admin.lock(&SystemClock, &mut OsEntropy);

    assert_eq!(
        sign_in(&folder, "admin", ADMIN_PASSWORD).unwrap_err().code,
        ErrorCode::WrongCredentials
    );
    assert!(sign_in(&folder, "admin", "new harbour lights").is_ok());
    assert!(
        recover(&key, "admin")
            .unwrap_err()
            .message
            .contains("does not open")
    );
    assert_eq!(
        recover(&new_key, "kim").unwrap_err().code,
        ErrorCode::Forbidden
    );
    assert!(recover(&new_key, "admin").is_ok());
    assert!(sign_in(&folder, "kim", &one_time).is_ok());
}

#[test]
fn failed_sign_ins_slow_down_then_lock_out_and_are_audited() {
    let data = tempfile::tempdir().unwrap();
    let (folder, key) = new_unit(data.path());
    let clock = StepClock::new();
    let try_password =
        |password: &str| unit_folder::unlock(&folder, "admin", password, &clock, &mut OsEntropy);
    for _ in 0..3 {
        assert_eq!(
            try_password("wrong password here").unwrap_err().code,
            ErrorCode::WrongCredentials
        );
    }
    let delayed = try_password(ADMIN_PASSWORD).unwrap_err();
    assert_eq!(
        delayed.code,
        ErrorCode::SignInDelayed,
        "{}",
        delayed.message
    );
    for _ in 3..10 {
        clock.advance_seconds(61);
        assert_eq!(
            try_password("wrong password here").unwrap_err().code,
            ErrorCode::WrongCredentials
        );
    }
    clock.advance_seconds(3600);
    let locked = try_password(ADMIN_PASSWORD).unwrap_err();
    assert_eq!(locked.code, ErrorCode::AccountLockedOut);
    // An unknown username locks the same way, so the message reveals nothing.
    for _ in 0..10 {
        clock.advance_seconds(61);
        let _ = unit_folder::unlock(&folder, "nobody", "x", &clock, &mut OsEntropy);
    }
    clock.advance_seconds(61);
    let nobody = unit_folder::unlock(&folder, "nobody", "x", &clock, &mut OsEntropy).unwrap_err();
    assert_eq!(nobody.code, ErrorCode::AccountLockedOut);

    // The recovery key releases the administrator; the failures go into the trail.
    let mut admin = unit_folder::recover(
        &folder,
        &key,
        "admin",
        "new harbour lights",
        CHEAP(),
        &clock,
        &mut OsEntropy,
    )
    .unwrap();
    let filter = AuditFilter::parse(None, None, Some("sign_in_failed"), None, None).unwrap();
    let failures = admin.audit_trail(&filter, &clock, &mut OsEntropy).unwrap();
    assert_eq!(failures.len(), 20);
    assert!(failures.iter().any(|f| f.entry.detail.contains("nobody")));
    assert!(
        failures
            .iter()
            .all(|f| !f.entry.detail.contains("wrong password"))
    );
    admin
        .release_sign_in("nobody", &clock, &mut OsEntropy)
        .unwrap();
    admin.lock(&clock, &mut OsEntropy);
    let nobody = unit_folder::unlock(&folder, "nobody", "x", &clock, &mut OsEntropy).unwrap_err();
    assert_eq!(nobody.code, ErrorCode::WrongCredentials);
}
