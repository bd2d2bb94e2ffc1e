//! Running a case on its computers, then the final full exchange, and
//! checking that every computer (and one joining afterwards) holds the same
//! rows, shows the same resolve items and caseload, and lost nothing.

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
    let mut made = Made::default();
    for step in steps {
        if on_share(step, share.path()) {
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
        prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
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
