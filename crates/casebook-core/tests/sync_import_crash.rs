//! A computer killed part way through taking in other computers' bundles
//! never holds half a bundle: after every kill the unit opens, SQLite finds
//! nothing wrong, the version vector says exactly how many bundles are in,
//! and the rows match it; the next sync finishes the job.
//!
//! The child is this same test binary, run again with only
//! `child_receives_until_killed` selected and the unit folder in an
//! environment variable; without that variable that function returns at
//! once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::unit::folder::{self as unit_folder, UnitKind};
use common::{Unit, copy_folder, join_as, password_of};

const CHILD_ENV: &str = "CASEBOOK_IMPORT_CRASH_UNIT";
const SHARE_ENV: &str = "CASEBOOK_IMPORT_CRASH_SHARE";
const BUNDLES: usize = 30;
const CLIENTS_A_BUNDLE: usize = 4;

#[test]
fn child_receives_until_killed() {
    let (Some(folder), Some(share)) = (std::env::var_os(CHILD_ENV), std::env::var_os(SHARE_ENV))
    else {
        return;
    };
    let mut unit = unit_folder::unlock(
        Path::new(&folder),
        "admin",
        password_of("admin"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    unit.receive_changes(Path::new(&share), &SystemClock)
        .unwrap();
    // Finished before the kill: wait for it.
    std::thread::sleep(Duration::from_secs(60));
}

/// How far the first computer's bundles are in, and how many clients the
/// unit holds.
fn state(folder: &Path, first_device: &str) -> (i64, i64) {
    let unit = unit_folder::unlock(
        folder,
        "admin",
        password_of("admin"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let conn = unit.connection();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "no row points at a missing row");
    let applied: i64 = conn
        .query_row(
            "SELECT coalesce(max(sequence), 0) FROM sync_applied WHERE device_id = ?1",
            [first_device],
            |row| row.get(0),
        )
        .unwrap();
    let clients: i64 = conn
        .query_row("SELECT count(*) FROM clients", [], |row| row.get(0))
        .unwrap();
    (applied, clients)
}

#[test]
fn a_computer_killed_while_taking_in_bundles_holds_whole_bundles_only() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut first = unit.as_("admin");
    first
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    // The first computer's folder is the only one on the share so far.
    let first_device = std::fs::read_dir(share.path().join("devices"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name()
        .to_string_lossy()
        .into_owned();
    let second_data = tempfile::tempdir().unwrap();
    let second = join_as(share.path(), second_data.path(), "admin");
    second.lock(&SystemClock, &mut OsEntropy);
    // The second computer approved itself in the bundle it sent on joining.
    first.receive_changes(share.path(), &SystemClock).unwrap();
    let second_folder = unit_folder::unit_folder(second_data.path(), UnitKind::Real);
    let pristine = tempfile::tempdir().unwrap();
    copy_folder(&second_folder, pristine.path());
    let (start, clients_at_start) = state(pristine.path(), &first_device);

    // Many small bundles, so a kill can land between any two of them.
    for bundle in 0..BUNDLES {
        for client in 0..CLIENTS_A_BUNDLE {
            first
                .add_client(
                    &ClientDetailsText {
                        confirmed_new_person: true,
                        ..ClientDetailsText::named(
                            &format!(
                                "Client{}{}",
                                char::from(b'a' + bundle as u8 % 26),
                                char::from(b'a' + client as u8)
                            ),
                            "Crashtest",
                            "1990-05-17",
                        )
                    },
                    &SystemClock,
                    &mut OsEntropy,
                )
                .unwrap();
        }
        first
            .send_changes(share.path(), &SystemClock, &mut OsEntropy)
            .unwrap();
    }

    // The kill moves later while it lands before any bundle is in and
    // earlier once it lands after all of them, so that however busy the
    // machine is, most kills land part way.
    let mut delay = Duration::from_millis(150);
    let mut part_way = 0;
    for round in 0..14u64 {
        let work = tempfile::tempdir().unwrap();
        copy_folder(pristine.path(), work.path());
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "child_receives_until_killed",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, work.path())
            .env(SHARE_ENV, share.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay + Duration::from_millis(round * 7));
        child.kill().unwrap();
        child.wait().unwrap();
        let (applied, clients) = state(work.path(), &first_device);
        let bundles_in = applied - start;
        assert_eq!(
            clients - clients_at_start,
            bundles_in * CLIENTS_A_BUNDLE as i64,
            "round {round}: the rows match the bundles the version vector counts"
        );
        if bundles_in == 0 {
            delay = delay * 3 / 2;
        } else if bundles_in == BUNDLES as i64 {
            delay = delay * 2 / 3;
        } else {
            part_way += 1;
        }
        // The next sync finishes the job.
        let mut resumed = unit_folder::unlock(
            work.path(),
            "admin",
            password_of("admin"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
        let report = resumed.receive_changes(share.path(), &SystemClock).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(
            resumed.synced_rows_digest().unwrap(),
            first.synced_rows_digest().unwrap(),
            "round {round}"
        );
    }
    assert!(part_way >= 1, "no kill landed part way through the bundles");
}
