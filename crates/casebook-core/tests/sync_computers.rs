//! The unit's computers: with approval switched on, a keyworker's new
//! computer waits until a manager approves it, a manager's new computer
//! approves itself, and a computer whose access was withdrawn has nothing
//! more applied. Real encrypted units and a real folder for the share.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::computers::ComputerStanding;
use casebook_core::error::ErrorCode;
use casebook_core::unit::unlocked::UnlockedUnit;
use common::{Unit, add_whitlock, given_names, join_as};

/// The administrator's computer, connected, with approval switched on.
fn office(unit: &Unit, share: &Path) -> UnlockedUnit {
    let mut admin = unit.as_("admin");
    let settings = admin.settings().with_computer_approval(true);
    admin
        .change_unit_settings(settings, &SystemClock, &mut OsEntropy)
        .unwrap();
    admin
        .connect_share(share, &SystemClock, &mut OsEntropy)
        .unwrap();
    admin
}

#[test]
fn a_keyworkers_new_computer_waits_for_a_manager_and_then_counts() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = office(&unit, share.path());
    let laptop = tempfile::tempdir().unwrap();
    let mut kim = join_as(share.path(), laptop.path(), "kim");
    add_whitlock(&mut kim, "Jordan");
    kim.sync_now(&SystemClock, &mut OsEntropy).unwrap();

    let report = admin.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("waiting for a manager's approval")),
        "{:?}",
        report.problems
    );
    assert!(!given_names(&mut admin).contains(&"Jordan".to_owned()));
    let computers = admin.computers().unwrap();
    assert_eq!(computers.len(), 2);
    assert!(computers[0].this_computer);
    assert_eq!(computers[0].standing, ComputerStanding::Approved);
    let waiting = &computers[1];
    assert_eq!(waiting.standing, ComputerStanding::Waiting);
    assert_eq!(waiting.joined_by.as_deref(), Some("kim"));

    // Approved, its changes are applied, here and (once this syncs) on
    // every other computer.
    let after = admin
        .approve_computer(&waiting.device, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(after[1].standing, ComputerStanding::Approved);
    let report = admin.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(given_names(&mut admin).contains(&"Jordan".to_owned()));
}

#[test]
fn a_managers_new_computer_approves_itself() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = office(&unit, share.path());
    let laptop = tempfile::tempdir().unwrap();
    let mut manager = join_as(share.path(), laptop.path(), "admin");
    add_whitlock(&mut manager, "Sam");
    manager.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    let report = admin.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(given_names(&mut admin).contains(&"Sam".to_owned()));
}

#[test]
fn a_withdrawn_computer_has_nothing_more_applied() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = office(&unit, share.path());
    let laptop = tempfile::tempdir().unwrap();
    let mut kim = join_as(share.path(), laptop.path(), "kim");
    kim.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    admin.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    let device = admin.computers().unwrap()[1].device.clone();
    admin
        .approve_computer(&device, &SystemClock, &mut OsEntropy)
        .unwrap();

    let short = admin
        .withdraw_computer(&device, "lost", &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(short.code, ErrorCode::InvalidInput);
    let own = admin.computers().unwrap()[0].device.clone();
    let itself = admin
        .withdraw_computer(&own, "Replaced by a new one", &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        itself.message.contains("computer you are using"),
        "{}",
        itself.message
    );
    let after = admin
        .withdraw_computer(
            &device,
            "Laptop lost on a home visit",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(after[1].standing, ComputerStanding::Withdrawn);
    let again = admin
        .approve_computer(&device, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        again.message.contains("withdrawn already"),
        "{}",
        again.message
    );

    add_whitlock(&mut kim, "Ali");
    kim.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    let report = admin.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("access was withdrawn")),
        "{:?}",
        report.problems
    );
    assert!(!given_names(&mut admin).contains(&"Ali".to_owned()));
}

#[test]
fn only_managers_and_administrators_see_and_decide_about_computers() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let admin = office(&unit, share.path());
    admin.lock(&SystemClock, &mut OsEntropy);
    let mut kim = unit.as_("kim");
    assert_eq!(kim.computers().unwrap_err().code, ErrorCode::Forbidden);
    let refused = kim
        .approve_computer(
            "01a216bd-d37f-77df-acd7-109cb932b512",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
}
