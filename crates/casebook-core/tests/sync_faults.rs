//! What a share can do wrong, on real files: bundles from a computer the
//! unit does not know, a registration changed behind the unit's back, two
//! computers writing at the same moment, and the share going away in the
//! middle of a sync. Nothing is lost or half-applied, and every problem is
//! named in plain words.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::unit::unlocked::UnlockedUnit;
use common::{Unit, add_whitlock, given_names, join_as};

/// An office computer connected to `share`, and a laptop joined from it.
fn two_computers(unit: &Unit, share: &Path, laptop_data: &Path) -> (UnlockedUnit, UnlockedUnit) {
    let mut office = unit.as_("admin");
    office
        .connect_share(share, &SystemClock, &mut OsEntropy)
        .unwrap();
    let laptop = join_as(share, laptop_data, "admin");
    office.receive_changes(share, &SystemClock).unwrap();
    (office, laptop)
}

fn folder_of(share: &Path, unit: &UnlockedUnit) -> PathBuf {
    let me = unit
        .computers()
        .unwrap()
        .into_iter()
        .find(|c| c.this_computer)
        .unwrap();
    share.join("devices").join(me.device)
}

#[test]
fn bundles_from_a_computer_the_unit_does_not_know_are_set_aside() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let laptop_data = tempfile::tempdir().unwrap();
    let (mut office, mut laptop) = two_computers(&unit, share.path(), laptop_data.path());
    add_whitlock(&mut laptop, "Jordan");
    laptop
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    // A folder for a computer nobody registered, holding a copy of a real
    // bundle.
    let stranger = share
        .path()
        .join("devices")
        .join("01a216bd-d37f-77df-acd7-109cb932b512");
    fs::create_dir_all(&stranger).unwrap();
    let real = fs::read_dir(folder_of(share.path(), &laptop))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "bundle"))
        .unwrap();
    let copied = stranger.join(real.file_name().unwrap());
    fs::copy(&real, &copied).unwrap();
    let report = office.receive_changes(share.path(), &SystemClock).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("never registered")),
        "{:?}",
        report.problems
    );
    assert!(copied.exists(), "set aside, never deleted");
    assert!(
        given_names(&mut office).contains(&"Jordan".to_owned()),
        "the real one is applied"
    );
}

#[test]
fn a_registration_changed_behind_the_units_back_stops_that_computers_bundles() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let laptop_data = tempfile::tempdir().unwrap();
    let (mut office, mut laptop) = two_computers(&unit, share.path(), laptop_data.path());
    add_whitlock(&mut laptop, "Jordan");
    laptop
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    // Someone with write access to the share swaps in their own key.
    let registration = folder_of(share.path(), &laptop).join("device.json");
    let mut file: serde_json::Value =
        serde_json::from_slice(&fs::read(&registration).unwrap()).unwrap();
    file["public_key"] = serde_json::json!(hex::encode([7u8; 32]));
    fs::write(&registration, serde_json::to_vec(&file).unwrap()).unwrap();
    let report = office.receive_changes(share.path(), &SystemClock).unwrap();
    assert!(!report.problems.is_empty());
    assert!(!given_names(&mut office).contains(&"Jordan".to_owned()));
}

#[test]
fn two_computers_sending_at_the_same_moment_both_arrive() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let laptop_data = tempfile::tempdir().unwrap();
    let (mut office, mut laptop) = two_computers(&unit, share.path(), laptop_data.path());
    for n in 0..20 {
        add_whitlock(&mut office, &format!("Office{}", char::from(b'a' + n)));
        add_whitlock(&mut laptop, &format!("Laptop{}", char::from(b'a' + n)));
    }
    std::thread::scope(|scope| {
        let a = scope.spawn(|| office.send_changes(share.path(), &SystemClock, &mut OsEntropy));
        let b = scope.spawn(|| laptop.send_changes(share.path(), &SystemClock, &mut OsEntropy));
        a.join().unwrap().unwrap();
        b.join().unwrap().unwrap();
    });
    office.receive_changes(share.path(), &SystemClock).unwrap();
    laptop.receive_changes(share.path(), &SystemClock).unwrap();
    assert_eq!(
        office.synced_rows_digest().unwrap(),
        laptop.synced_rows_digest().unwrap()
    );
    assert_eq!(given_names(&mut office).len(), 40);
}

#[test]
fn the_share_going_away_in_the_middle_of_a_sync_loses_nothing() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let laptop_data = tempfile::tempdir().unwrap();
    let (mut office, mut laptop) = two_computers(&unit, share.path(), laptop_data.path());
    add_whitlock(&mut office, "Jordan");
    add_whitlock(&mut laptop, "Sam");
    laptop
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    // The office sends, then the share drops before it can receive.
    office
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let away = share.path().with_extension("away");
    fs::rename(share.path(), &away).unwrap();
    let gone = office
        .receive_changes(share.path(), &SystemClock)
        .unwrap_err();
    assert!(
        gone.message.contains("cannot be reached"),
        "{}",
        gone.message
    );
    add_whitlock(&mut office, "Ali");
    let offline = office.sync_now(&SystemClock, &mut OsEntropy).unwrap_err();
    assert!(
        offline.message.contains("cannot be reached"),
        "{}",
        offline.message
    );
    assert_eq!(office.sync_status().unwrap().waiting, 1, "Ali waits");
    fs::rename(&away, share.path()).unwrap();
    office.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    laptop.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    let mut seen = given_names(&mut laptop);
    seen.sort();
    assert_eq!(seen, ["Ali", "Jordan", "Sam"]);
}
