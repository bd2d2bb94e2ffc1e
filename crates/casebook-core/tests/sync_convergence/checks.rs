//! Running a case on its computers, then the final full exchange, and
//! checking that every computer (and one joining afterwards) holds the same
//! rows, shows the same resolve items and caseload, lost nothing, and
//! refused exactly the changes the others forged.

use crate::common::hostile::{Forgery, HostileComputer, change};
use crate::common::{Unit, copy_folder, join_as};
use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::unit::unlocked::UnlockedUnit;
use proptest::prelude::*;

use crate::run_step::{Made, run};
use crate::share::on_share;
use crate::steps::{Step, device_of};

/// Runs `steps` on `devices` computers, then a final exchange, and checks
/// they all hold and show the same.
pub(crate) fn converge(devices: usize, steps: &[Step]) -> Result<(), TestCaseError> {
    let unit = Unit::copy_of_template();
    let share = tempfile::tempdir().unwrap();
    let copies = tempfile::tempdir().unwrap();
    let mut open: Vec<UnlockedUnit> = Vec::new();
    for index in 0..devices {
        if index == 0 {
            open.push(unit.as_("admin"));
        } else {
            let folder = copies.path().join(format!("device-{index}"));
            copy_folder(unit.folder(), &folder);
            let mut copy = unit.as_at(&folder, "admin");
            copy.become_new_device(&SystemClock, &mut OsEntropy)
                .unwrap();
            open.push(copy);
        }
    }
    let folder_of = |index: usize| {
        if index == 0 {
            unit.folder().to_path_buf()
        } else {
            copies.path().join(format!("device-{index}"))
        }
    };
    let mut made = Made::default();
    // Each forgery: the computer that wrote it, and the rule it breaks.
    let mut forged: Vec<(usize, &'static str)> = Vec::new();
    for step in steps {
        if on_share(step, share.path()) {
            continue;
        }
        if let Step::Forge { device, kind } = *step {
            let device = device % devices;
            let reason = forge(
                &mut open[device],
                &folder_of(device),
                share.path(),
                kind,
                forged.len(),
            );
            forged.push((device, reason));
            continue;
        }
        let device = device_of(step) % devices;
        made += run(&mut open[device], step, share.path());
    }
    on_share(&Step::Deliver, share.path());
    // The final full exchange: everyone sends, then everyone receives.
    // The first device also connects the share (its name and key files),
    // so that a new computer can join from it below.
    open[0]
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    for unit in open.iter_mut() {
        unit.send_changes(share.path(), &SystemClock, &mut OsEntropy)
            .unwrap();
    }
    for unit in open.iter_mut() {
        let report = unit.receive_changes(share.path(), &SystemClock).unwrap();
        prop_assert!(
            report
                .problems
                .iter()
                .all(|p| p.contains("broke the unit's rules")),
            "{:?}",
            report.problems
        );
    }
    // Every computer refused exactly what the others forged, each for the
    // rule it breaks, and nothing else, whatever order bundles came in.
    for (index, unit) in open.iter_mut().enumerate() {
        let mut refused: Vec<String> = unit
            .refused_changes(&SystemClock, &mut OsEntropy)
            .unwrap()
            .into_iter()
            .map(|line| line.reason)
            .collect();
        refused.sort();
        let mut expected: Vec<String> = forged
            .iter()
            .filter(|(by, _)| *by != index)
            .map(|(_, reason)| (*reason).to_owned())
            .collect();
        expected.sort();
        prop_assert_eq!(refused, expected);
    }
    let digests: Vec<String> = open
        .iter()
        .map(|u| u.synced_rows_digest().unwrap())
        .collect();
    for digest in &digests[1..] {
        prop_assert_eq!(digest, &digests[0]);
    }
    // A computer joining now, from the newest snapshot (if any) and the
    // bundles after it, holds the same too.
    let joining = tempfile::tempdir().unwrap();
    let joined = join_as(share.path(), joining.path(), "admin");
    // It approved itself in the bundle it sent on joining; once the first
    // device has that, the two hold the same.
    open[0].receive_changes(share.path(), &SystemClock).unwrap();
    prop_assert_eq!(
        joined.synced_rows_digest().unwrap(),
        open[0].synced_rows_digest().unwrap()
    );
    // Every device shows the same resolve items, with the same sides.
    let items: Vec<Vec<(String, Vec<String>)>> = open
        .iter()
        .map(|u| {
            u.resolve_items()
                .unwrap()
                .into_iter()
                .map(|item| {
                    let sides = item.options.into_iter().map(|o| o.version_id).collect();
                    (item.subject_id, sides)
                })
                .collect()
        })
        .collect();
    for other in &items[1..] {
        prop_assert_eq!(other, &items[0]);
    }
    // Every device shows the same caseload (merged and deleted records
    // left out alike).
    let caseloads: Vec<Vec<String>> = open
        .iter_mut()
        .map(|u| {
            let mut ids: Vec<String> = u
                .view_caseload(&SystemClock, &mut OsEntropy)
                .unwrap()
                .into_iter()
                .map(|line| line.client.id.to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect();
    for other in &caseloads[1..] {
        prop_assert_eq!(other, &caseloads[0]);
    }
    // No review, appointment, session record, task, addendum, assessment,
    // goal or plan review made anywhere was lost: every device holds them
    // all (a deleted record's are kept, out of sight, with it). Each
    // session made one task, and each goal one for each action typed.
    for unit in &open {
        let held = Made {
            reviews: unit.synced_rows_count("rag_reviews").unwrap(),
            appointments: unit.synced_rows_count("appointments").unwrap(),
            sessions: unit.synced_rows_count("session_records").unwrap(),
            addenda: unit.synced_rows_count("session_addenda").unwrap(),
            tasks: unit.synced_rows_count("tasks").unwrap(),
            assessments: unit.synced_rows_count("assessments").unwrap(),
            assessment_addenda: unit.synced_rows_count("assessment_addenda").unwrap(),
            goals: unit.synced_rows_count("plan_goals").unwrap(),
            plan_reviews: unit.synced_rows_count("plan_reviews").unwrap(),
        };
        prop_assert_eq!(held, made);
    }
    Ok(())
}

/// The computer sends, then writes a bundle by hand holding one change no
/// honest computer writes, then sends again (so it takes the bundle for its
/// own and goes on after it). Returns the rule the change breaks.
fn forge(
    unit: &mut UnlockedUnit,
    folder: &std::path::Path,
    share: &std::path::Path,
    kind: usize,
    nth: usize,
) -> &'static str {
    unit.send_changes(share, &SystemClock, &mut OsEntropy)
        .unwrap();
    let hostile = HostileComputer {
        folder: folder.to_path_buf(),
        username: "admin",
    };
    let own = hostile.device();
    let other = "01a25150-0000-7000-8000-0000000000ff";
    let id = format!("01a25150-0000-7000-8000-{nth:012x}");
    let row = serde_json::json!({ "id": id });
    let (forged, reason) = match kind % 4 {
        0 => {
            let mut changed = change(&own, "rag_reviews", &id, "update", row);
            changed.columns = Some(vec!["rating".to_owned()]);
            (changed, "insert_only_changed")
        }
        1 => (
            change(other, "clients", &id, "insert", row),
            "names_another_computer",
        ),
        2 => (
            change(
                &own,
                "audit_log",
                &id,
                "insert",
                serde_json::json!({ "id": id, "device_id": other }),
            ),
            "audit_entry_of_another_computer",
        ),
        _ => (change(&own, "clients", &id, "delete", row), "removed"),
    };
    hostile.write_bundle(share, &[forged], Forgery::default());
    unit.send_changes(share, &SystemClock, &mut OsEntropy)
        .unwrap();
    reason
}
