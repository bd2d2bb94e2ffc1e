//! A crash in the middle of a password change never leaves the unit
//! unopenable. The test runs password changes over and over in a child
//! process and kills it (SIGKILL, no chance to tidy up) at varying moments;
//! after each kill the unit must still open with one of the passwords it has
//! had.
//!
//! The child is this same test binary, run again with only
//! `child_changes_passwords_until_killed` selected and the unit folder in an
//! environment variable; without that variable that function returns at
//! once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use casebook_core::vault::slot::KdfCost;

const CHILD_ENV: &str = "CASEBOOK_CRASH_TEST_UNIT";

fn password(n: usize) -> String {
    format!("crash test password number {n}")
}

/// The index of the password that opens the unit now, trying upward from
/// `from` (a kill can land after a change but before its hint is written).
/// The count of failed sign-ins is cleared before each try, since trying
/// old passwords is the point here, not guessing.
fn current_password(folder: &Path, from: usize) -> Option<usize> {
    (from..from + 5).find(|&n| {
        let _ = std::fs::remove_file(folder.join("sign-in-attempts.json"));
        unit_folder::unlock(folder, "admin", &password(n), &SystemClock, &mut OsEntropy).is_ok()
    })
}

fn hint(folder: &Path) -> usize {
    std::fs::read_to_string(folder.join("crash-test-hint"))
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn child_changes_passwords_until_killed() {
    let Some(folder) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let folder = Path::new(&folder);
    loop {
        let now =
            current_password(folder, hint(folder)).expect("the child found the unit unopenable");
        let next = now + 1;
        let mut unit = unit_folder::unlock(
            folder,
            "admin",
            &password(now),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
        unit.change_password(
            &password(now),
            &password(next),
            KdfCost::cheap_for_tests(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
        unit.lock(&SystemClock, &mut OsEntropy);
        // The hint is written to a new name and renamed, so a kill can never
        // leave it empty (an empty hint would send the parent looking for
        // the password among the first few, not the current ones).
        let fresh = folder.join("crash-test-hint.new");
        std::fs::write(&fresh, next.to_string()).unwrap();
        std::fs::rename(&fresh, folder.join("crash-test-hint")).unwrap();
    }
}

#[test]
fn a_killed_password_change_leaves_the_unit_openable() {
    let data = tempfile::tempdir().unwrap();
    let folder = unit_folder::unit_folder(data.path(), UnitKind::Real);
    let new_unit = NewUnit::parse("Crash Unit", "admin", "Alex Admin", &password(0)).unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &new_unit, plan, &SystemClock, &mut OsEntropy).unwrap();

    let mut changes_seen = 0;
    for round in 0..16u64 {
        let before =
            current_password(&folder, hint(&folder)).expect("the unit opens before the round");
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "child_changes_passwords_until_killed",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &folder)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Vary the moment of the kill so it lands at different steps.
        std::thread::sleep(Duration::from_millis(150 + round * 37));
        child.kill().unwrap();
        child.wait().unwrap();
        // The child writes the hint after each finished change, so the
        // password now is the hinted one or, if the kill came between a
        // change and its hint, the one after.
        let after = current_password(&folder, hint(&folder).max(before)).unwrap_or_else(|| {
            let errors: Vec<String> = (hint(&folder)..hint(&folder) + 3)
                .map(|n| {
                    let _ = std::fs::remove_file(folder.join("sign-in-attempts.json"));
                    match unit_folder::unlock(
                        &folder,
                        "admin",
                        &password(n),
                        &SystemClock,
                        &mut OsEntropy,
                    ) {
                        Ok(_) => "ok".to_owned(),
                        Err(e) => format!("{n}: {e}"),
                    }
                })
                .collect();
            let keys: Vec<_> = std::fs::read_dir(folder.join("keys"))
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            panic!("round {round}: after the kill no password opens the unit: {errors:?} {keys:?}")
        });
        std::fs::write(folder.join("crash-test-hint"), after.to_string()).unwrap();
        changes_seen += after - before;
    }
    assert!(
        changes_seen > 16,
        "the child made too few changes ({changes_seen}) for the kills to land mid-change"
    );
}
