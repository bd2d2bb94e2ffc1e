//! Snapshots on real encrypted files: a computer joining starts from the
//! newest snapshot and applies only the bundles after it (so it joins even
//! when the bundles a snapshot covers are gone), a damaged snapshot is set
//! aside for the bundles, and the joined computer holds exactly what the
//! others do.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::Path;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::unit::unlocked::UnlockedUnit;
use common::{Unit, add_whitlock, join_as};

fn snapshots(share: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(share.join("snapshots"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

/// A unit connected to a share, with a snapshot and then more changes
/// after it; returns the administrator's open unit.
fn unit_with_a_snapshot(unit: &Unit, share: &Path) -> UnlockedUnit {
    let mut admin = unit.as_("admin");
    add_whitlock(&mut admin, "Jordan");
    add_whitlock(&mut admin, "Sam");
    admin
        .connect_share(share, &SystemClock, &mut OsEntropy)
        .unwrap();
    let name = admin
        .write_snapshot(share, &SystemClock, &mut OsEntropy)
        .unwrap()
        .expect("a snapshot");
    assert!(name.ends_with(".snapshot"));
    assert_eq!(
        admin
            .write_snapshot(share, &SystemClock, &mut OsEntropy)
            .unwrap(),
        None,
        "the same snapshot is not written twice"
    );
    add_whitlock(&mut admin, "Ali");
    admin
        .send_changes(share, &SystemClock, &mut OsEntropy)
        .unwrap();
    admin
}

fn bundles_of(share: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for device in fs::read_dir(share.join("devices")).unwrap() {
        for file in fs::read_dir(device.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "bundle") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_joining_computer_starts_from_the_snapshot_and_applies_only_what_came_after() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit_with_a_snapshot(&unit, share.path());
    // The bundles the snapshot covers are taken away (as removing old
    // bundles will one day do): joining must come from the snapshot.
    let bundles = bundles_of(share.path());
    assert!(bundles.len() >= 2, "{bundles:?}");
    let last = bundles.last().unwrap().clone();
    for bundle in &bundles[..bundles.len() - 1] {
        fs::rename(bundle, bundle.with_extension("removed")).unwrap();
    }
    let second = tempfile::tempdir().unwrap();
    let mut joined = join_as(share.path(), second.path(), "kim");
    assert!(last.exists());
    // The new computer approved itself in the bundle it sent on joining.
    admin.receive_changes(share.path(), &SystemClock).unwrap();
    assert_eq!(
        joined.synced_rows_digest().unwrap(),
        admin.synced_rows_digest().unwrap(),
        "the snapshot and the bundle after it make the same unit"
    );
    let names: Vec<String> = joined
        .view_caseload(&SystemClock, &mut OsEntropy)
        .unwrap()
        .into_iter()
        .map(|line| line.client.given_name.as_str().to_owned())
        .collect();
    assert!(names.contains(&"Ali".to_owned()), "{names:?}");
}

#[test]
fn a_damaged_snapshot_is_set_aside_and_the_bundles_are_used() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit_with_a_snapshot(&unit, share.path());
    let snapshot = snapshots(share.path()).remove(0);
    let mut bytes = fs::read(&snapshot).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    fs::write(&snapshot, &bytes).unwrap();
    let second = tempfile::tempdir().unwrap();
    let joined = join_as(share.path(), second.path(), "kim");
    admin.receive_changes(share.path(), &SystemClock).unwrap();
    assert_eq!(
        joined.synced_rows_digest().unwrap(),
        admin.synced_rows_digest().unwrap()
    );
    assert!(snapshot.exists(), "a damaged snapshot is never deleted");
}

#[test]
fn a_snapshot_is_written_by_sync_once_enough_bundles_have_gathered() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit.as_("admin");
    admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert!(!share.path().join("snapshots").exists());
    for index in 0..casebook_core::sync::snapshot::SNAPSHOT_AFTER_BUNDLES {
        add_whitlock(
            &mut admin,
            &format!("Client{}", char::from(b'a' + (index % 26) as u8)),
        );
        let report = admin.sync_now(&SystemClock, &mut OsEntropy).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
    assert_eq!(snapshots(share.path()).len(), 1);
}
