//! Old bundles leave the share only when nothing can need them: every
//! computer whose access stands has acknowledged them, a good snapshot
//! covers them, and the grace period has passed. Afterwards the others keep
//! syncing and a new computer still joins.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use casebook_core::clock::{OsEntropy, SystemClock};
use common::{Unit, add_whitlock, join_as};

fn bundles_in(share: &Path, device_folder_name: &str) -> usize {
    std::fs::read_dir(share.join("devices").join(device_folder_name))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".bundle")
        })
        .count()
}

#[test]
fn old_bundles_go_only_once_everyone_has_them_and_a_snapshot_covers_them() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut office = unit.as_("admin");
    office
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    for name in ["Jordan", "Sam", "Ali"] {
        add_whitlock(&mut office, name);
        office
            .send_changes(share.path(), &SystemClock, &mut OsEntropy)
            .unwrap();
    }
    let office_folder = std::fs::read_dir(share.path().join("devices"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name()
        .to_string_lossy()
        .into_owned();
    let sent = bundles_in(share.path(), &office_folder);
    assert!(sent >= 4);
    let no_grace = chrono::Duration::zero();

    // Nothing goes without a snapshot.
    assert_eq!(
        office
            .remove_old_bundles(share.path(), no_grace, &SystemClock)
            .unwrap(),
        0
    );
    office
        .write_snapshot(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();

    // A laptop joins and syncs, acknowledging the office's bundles; until
    // the office has read that, nothing goes.
    let laptop_data = tempfile::tempdir().unwrap();
    let mut laptop = join_as(share.path(), laptop_data.path(), "admin");
    assert_eq!(
        office
            .remove_old_bundles(share.path(), no_grace, &SystemClock)
            .unwrap(),
        0,
        "the laptop has not said what it holds yet"
    );
    laptop.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    office.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    // Within the grace period nothing goes either.
    assert_eq!(
        office
            .remove_old_bundles(share.path(), chrono::Duration::days(30), &SystemClock)
            .unwrap(),
        0
    );
    let removed = office
        .remove_old_bundles(share.path(), no_grace, &SystemClock)
        .unwrap();
    assert_eq!(
        removed, sent,
        "every bundle the snapshot covers and the laptop has"
    );
    assert_eq!(bundles_in(share.path(), &office_folder), 0);

    // Syncing goes on, and a new computer joins from the snapshot.
    add_whitlock(&mut office, "Robin");
    office.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    let report = laptop.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        laptop.synced_rows_digest().unwrap(),
        office.synced_rows_digest().unwrap()
    );
    let third_data = tempfile::tempdir().unwrap();
    let third = join_as(share.path(), third_data.path(), "admin");
    // The new computer approved itself in its first bundle, which the office
    // takes in at its next sync.
    office.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(
        third.synced_rows_digest().unwrap(),
        office.synced_rows_digest().unwrap()
    );
}
