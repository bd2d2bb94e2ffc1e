//! Sending changes to a shared folder and reading them back, on real files:
//! a directory stands for the network share, with the faults a share has.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::Path;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::sync::bundle::NO_PREVIOUS;
use casebook_core::sync::outbox::device_folder;
use common::{Unit, add_whitlock, copy_folder};

fn bundle_names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".bundle"))
        .collect();
    names.sort();
    names
}

#[test]
fn changes_go_to_the_share_once_in_a_chain_and_read_back_whole() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut kim = unit.as_("kim");
    add_whitlock(&mut kim, "Jordan");
    add_whitlock(&mut kim, "Sam");
    let first = kim
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(first.bundles_written, 1);
    assert!(first.changes_sent >= 2);
    let nothing = kim
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(nothing.bundles_written, 0, "nothing new, nothing written");

    add_whitlock(&mut kim, "Ali");
    kim.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let devices: Vec<_> = fs::read_dir(share.path().join("devices"))
        .unwrap()
        .collect();
    assert_eq!(devices.len(), 1, "one device, one folder");
    let device_dir = devices[0].as_ref().unwrap().path();
    assert!(device_dir.join("device.json").is_file());
    assert_eq!(bundle_names(&device_dir).len(), 2);
    // Nothing a person typed is readable on the share.
    for name in bundle_names(&device_dir) {
        let bytes = fs::read(device_dir.join(name)).unwrap();
        assert!(!bytes.windows(6).any(|w| w == b"Jordan"));
    }

    let device = casebook_core::domain::ids::DeviceId::parse(
        &device_dir.file_name().unwrap().to_string_lossy(),
    )
    .unwrap();
    let read = kim
        .read_device_bundles(share.path(), device, 0, NO_PREVIOUS)
        .unwrap();
    assert_eq!(read.stopped, None);
    assert_eq!(read.bundles.len(), 2);
    assert_eq!(
        read.bundles[1].header.previous, read.bundles[0].hash,
        "a chain"
    );
    let tables: Vec<&str> = read.bundles[0]
        .changes
        .iter()
        .map(|c| c.table.as_str())
        .collect();
    assert!(tables.contains(&"clients"));

    // A write in progress is passed over; a damaged bundle stops the reading
    // there, is reported, and is not deleted.
    fs::write(
        device_dir.join(".0000000003-0123456789abcdef.bundle.partial"),
        b"half",
    )
    .unwrap();
    let first_name = bundle_names(&device_dir)[0].clone();
    let mut bytes = fs::read(device_dir.join(&first_name)).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    fs::remove_file(device_dir.join(&first_name)).unwrap();
    fs::write(device_dir.join(&first_name), &bytes).unwrap();
    let damaged = kim
        .read_device_bundles(share.path(), device, 0, NO_PREVIOUS)
        .unwrap();
    assert!(damaged.bundles.is_empty());
    assert!(damaged.stopped.unwrap().contains("set aside"));
    assert!(device_dir.join(&first_name).exists(), "never deleted");

    // Reading on from bundle 1 finds bundle 2; a gap stops the reading.
    let after_first = read.bundles[0].hash.clone();
    let from_two = kim
        .read_device_bundles(share.path(), device, 1, &after_first)
        .unwrap();
    assert_eq!(from_two.bundles.len(), 1);
    let second_name = bundle_names(&device_dir)[1].clone();
    fs::rename(
        device_dir.join(&second_name),
        share.path().join("moved-away"),
    )
    .unwrap();
    add_whitlock(&mut kim, "Chris");
    // The device's own sequence continues from what it recorded.
    kim.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let gap = kim
        .read_device_bundles(share.path(), device, 1, &after_first)
        .unwrap();
    assert!(gap.bundles.is_empty());
    assert!(gap.stopped.unwrap().contains("missing"));
}

#[test]
fn a_bundle_written_but_not_recorded_is_adopted_not_written_twice() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut kim = unit.as_("kim");
    add_whitlock(&mut kim, "Jordan");
    kim.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    add_whitlock(&mut kim, "Sam");
    kim.lock(&SystemClock, &mut OsEntropy);

    // The device's copy as it was just before the second send: as if the
    // send wrote its bundle to the share and the computer stopped before
    // recording it.
    let backup = tempfile::tempdir().unwrap();
    copy_folder(unit.folder(), backup.path());
    let mut kim = unit.as_("kim");
    let sent = kim
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(sent.bundles_written, 1);
    kim.lock(&SystemClock, &mut OsEntropy);
    fs::remove_dir_all(unit.folder()).unwrap();
    copy_folder(backup.path(), unit.folder());

    let mut kim = unit.as_("kim");
    let again = kim
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(again.bundles_adopted, 1);
    assert_eq!(again.bundles_written, 0);
    let device_dir = fs::read_dir(share.path().join("devices"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(bundle_names(&device_dir).len(), 2, "no second bundle 2");
    add_whitlock(&mut kim, "Ali");
    kim.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let names = bundle_names(&device_dir);
    assert_eq!(names.len(), 3);
    assert!(names[2].starts_with("0000000003-"));
}

#[test]
fn a_missing_share_is_reported_in_plain_words_and_nothing_is_recorded() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let gone = share.path().join("unit-folder-that-vanished");
    let mut kim = unit.as_("kim");
    add_whitlock(&mut kim, "Jordan");
    let refused = kim
        .send_changes(&gone, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        refused.message.contains("cannot be reached"),
        "{}",
        refused.message
    );
    fs::create_dir(&gone).unwrap();
    let sent = kim
        .send_changes(&gone, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(sent.bundles_written, 1, "everything waited and went");
    assert!(device_folder(&gone, "x").parent().unwrap().is_dir());
}
