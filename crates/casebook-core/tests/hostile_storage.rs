//! A data folder that is read-only or full: a clear message, and nothing
//! half-written.
//!
//! As root (as in CI) permission bits do not stop writes, so these tests
//! mount small tmpfs file systems, read-only or nearly full, and unmount them
//! after. Run as another user, where mounting is not allowed, the read-only
//! case uses permission bits instead and the full-disk case says it cannot
//! run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::error::ErrorCode;
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use casebook_core::vault::slot::KdfCost;

const PASSWORD: &str = "otter lamp river cloud";

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.starts_with(b"0\n"))
}

/// A tmpfs mounted for one test and unmounted when dropped.
struct Mounted {
    point: PathBuf,
    _holder: tempfile::TempDir,
}

impl Mounted {
    fn new(options: &str) -> Mounted {
        let holder = tempfile::tempdir().unwrap();
        let point = holder.path().join("mnt");
        fs::create_dir(&point).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(&point)
            .status()
            .unwrap();
        assert!(status.success(), "mounting a tmpfs with {options} failed");
        Mounted {
            point,
            _holder: holder,
        }
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.point)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.point).status();
    }
}

fn try_create(data: &Path) -> Result<(), casebook_core::CoreError> {
    let new_unit = NewUnit::parse("Test Unit", "admin", "Alex Admin", PASSWORD).unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(
        &unit_folder::unit_folder(data, UnitKind::Real),
        &new_unit,
        plan,
        &SystemClock,
        &mut OsEntropy,
    )
    .map(drop)
}

fn entries(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn creating_a_unit_in_a_read_only_folder_says_so_and_leaves_nothing() {
    if is_root() {
        let mount = Mounted::new("ro,size=4m");
        let error = try_create(&mount.point).unwrap_err();
        assert_eq!(error.code, ErrorCode::StorageReadOnly, "{}", error.message);
        assert!(error.message.contains("read-only"));
        assert!(entries(&mount.point).is_empty());
    } else {
        use std::os::unix::fs::PermissionsExt;
        let data = tempfile::tempdir().unwrap();
        fs::set_permissions(data.path(), fs::Permissions::from_mode(0o555)).unwrap();
        let error = try_create(data.path()).unwrap_err();
        fs::set_permissions(data.path(), fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(error.code, ErrorCode::StorageReadOnly, "{}", error.message);
        assert!(entries(data.path()).is_empty());
    }
}

#[test]
fn adding_a_client_on_a_read_only_disk_says_so_and_saves_nothing() {
    if !is_root() {
        eprintln!("skipped: remounting read-only needs root");
        return;
    }
    let mount = Mounted::new("size=8m");
    try_create(&mount.point).unwrap();
    let folder = unit_folder::unit_folder(&mount.point, UnitKind::Real);
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    unit.add_client(
        &ClientDetailsText::named("Kept", "Client", "1980-01-01"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    drop(unit);
    // A mounted file system cannot turn read-only under open files, so the
    // disk turns read-only while the unit is locked: unlocking may fail or
    // succeed, and saving must then fail, each with a plain message.
    mount.remount("ro");
    let refused = |code: ErrorCode| {
        matches!(
            code,
            ErrorCode::StorageReadOnly | ErrorCode::StorageUnavailable
        )
    };
    match unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy) {
        Err(error) => assert!(refused(error.code), "{:?}: {}", error.code, error.message),
        Ok(mut unit) => {
            let error = unit
                .add_client(
                    &ClientDetailsText::named("Lost", "Client", "1981-01-01"),
                    &SystemClock,
                    &mut OsEntropy,
                )
                .unwrap_err();
            assert!(refused(error.code), "{:?}: {}", error.code, error.message);
        }
    }
    mount.remount("rw");
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let names: Vec<_> = unit
        .view_caseload(&SystemClock, &mut OsEntropy)
        .unwrap()
        .iter()
        .map(|c| c.client.given_name.as_str().to_owned())
        .collect();
    assert_eq!(names, ["Kept"]);
}

#[test]
fn creating_a_unit_on_a_full_disk_says_so_and_leaves_nothing() {
    if !is_root() {
        eprintln!("skipped: a full disk is simulated with a tmpfs mount, which needs root");
        return;
    }
    // Small enough that the database cannot be made; large enough for the
    // folder and the key file.
    let mount = Mounted::new("size=64k");
    let error = try_create(&mount.point).unwrap_err();
    assert_eq!(error.code, ErrorCode::StorageFull, "{}", error.message);
    assert!(error.message.contains("full"));
    assert!(
        entries(&mount.point).is_empty(),
        "left behind: {:?}",
        entries(&mount.point)
    );
}

#[test]
fn adding_clients_until_the_disk_is_full_loses_nothing_already_saved() {
    if !is_root() {
        eprintln!("skipped: a full disk is simulated with a tmpfs mount, which needs root");
        return;
    }
    // Room for a new unit and its first sign-in, and not much more.
    let mount = Mounted::new("size=2m");
    try_create(&mount.point).unwrap();
    let folder = unit_folder::unit_folder(&mount.point, UnitKind::Real);
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let mut saved = 0;
    let full = loop {
        match unit.add_client(
            &ClientDetailsText {
                confirmed_new_person: true,
                ..ClientDetailsText::named("Filling", "Disk", "1980-01-01")
            },
            &SystemClock,
            &mut OsEntropy,
        ) {
            Ok(_) => saved += 1,
            Err(error) => break error,
        }
        assert!(saved < 100_000, "the disk never filled");
    };
    assert_eq!(full.code, ErrorCode::StorageFull, "{}", full.message);
    assert!(saved > 0);
    drop(unit);
    // Signing in is recorded in the audit trail, so while the disk is full
    // it is refused in plain words rather than let anyone in unrecorded.
    let refused =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap_err();
    assert_eq!(refused.code, ErrorCode::StorageFull, "{}", refused.message);
    // With space freed, every client that was confirmed is there.
    mount.remount("size=4m");
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(
        unit.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .len(),
        saved
    );
}

#[test]
fn a_unit_folder_that_vanished_is_no_unit_not_a_crash() {
    let data = tempfile::tempdir().unwrap();
    try_create(data.path()).unwrap();
    let folder = unit_folder::unit_folder(data.path(), UnitKind::Real);
    fs::remove_dir_all(&folder).unwrap();
    let error =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap_err();
    assert_eq!(error.code, ErrorCode::NoUnit);
}

/// A unit on an ordinary disk with one client, signed in as its
/// administrator, to send to a share on a mounted file system.
fn unit_with_a_client(data: &Path) -> casebook_core::unit::unlocked::UnlockedUnit {
    try_create(data).unwrap();
    let folder = unit_folder::unit_folder(data, UnitKind::Real);
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    unit.add_client(
        &ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    unit
}

fn bundles_under(share: &Path) -> Vec<String> {
    let devices = share.join("devices");
    let Ok(folders) = fs::read_dir(&devices) else {
        return Vec::new();
    };
    folders
        .flatten()
        .flat_map(|folder| entries(&folder.path()))
        .filter(|name| name.contains(".bundle"))
        .collect()
}

#[test]
fn a_read_only_share_is_named_and_the_changes_wait_to_be_sent() {
    if !is_root() {
        eprintln!("skipped: remounting a share read-only needs root");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut unit = unit_with_a_client(data.path());
    let share = Mounted::new("size=8m");
    share.remount("ro");
    let refused = unit
        .send_changes(&share.point, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::StorageReadOnly);
    assert!(
        refused.message.contains("shared folder is read-only"),
        "{}",
        refused.message
    );
    share.remount("rw");
    let sent = unit
        .send_changes(&share.point, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(
        sent.bundles_written, 1,
        "what waited went once the share could be written"
    );
    assert!(bundles_under(&share.point)[0].starts_with("0000000001-"));
}

#[test]
fn a_full_share_is_named_leaves_no_part_of_a_bundle_and_sends_later() {
    if !is_root() {
        eprintln!("skipped: a full share is simulated with a tmpfs mount, which needs root");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut unit = unit_with_a_client(data.path());
    let share = Mounted::new("size=256k");
    // The device folder and its registration fit; then the share fills up.
    let first = unit
        .send_changes(&share.point, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(first.bundles_written, 1);
    unit.add_client(
        &ClientDetailsText::named("Sam", "Okafor", "1985-01-02"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let filler = share.point.join("filler");
    let _ = fs::write(&filler, vec![0u8; 512 * 1024]);
    let refused = unit
        .send_changes(&share.point, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::StorageFull, "{}", refused.message);
    assert!(refused.message.contains("shared drive is full"));
    assert_eq!(
        bundles_under(&share.point).len(),
        1,
        "no part of a second bundle"
    );
    fs::remove_file(&filler).unwrap();
    let sent = unit
        .send_changes(&share.point, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(sent.bundles_written, 1);
    let mut names = bundles_under(&share.point);
    names.sort();
    assert!(names[1].starts_with("0000000002-"), "{names:?}");
}
