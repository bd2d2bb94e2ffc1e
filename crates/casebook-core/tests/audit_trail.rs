//! The audit trail: what is recorded, and that an edit, a deletion or a
//! reordering made directly in the database is found by the check.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::audit::ChainVerdict;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use casebook_core::unit::unlocked::UnlockedUnit;
use casebook_core::vault::slot::KdfCost;

const PASSWORD: &str = "otter lamp river cloud";

/// A unit with a short history: created, signed in, a client added, the
/// caseload viewed, locked, signed in again.
fn unit_with_history() -> (tempfile::TempDir, UnlockedUnit) {
    let data = tempfile::tempdir().unwrap();
    let folder = unit_folder::unit_folder(data.path(), UnitKind::Real);
    let new_unit = NewUnit::parse("Audit Unit", "admin", "Alex Admin", PASSWORD).unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &new_unit, plan, &SystemClock, &mut OsEntropy).unwrap();
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    unit.add_client(
        &ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    unit.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    unit.lock(&SystemClock, &mut OsEntropy);
    let unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    (data, unit)
}

fn actions(unit: &UnlockedUnit) -> Vec<String> {
    let conn = unit.connection();
    let mut statement = conn
        .prepare("SELECT action FROM audit_log ORDER BY seq")
        .unwrap();
    statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn exec(unit: &UnlockedUnit, sql: &str) {
    unit.connection().execute_batch(sql).unwrap();
}

const DROP_GUARDS: &str = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;";

#[test]
fn each_action_is_recorded_in_order_and_the_chain_holds() {
    let (_data, mut unit) = unit_with_history();
    assert_eq!(
        actions(&unit),
        [
            "unit_created",
            "signed_in",
            "client_created",
            "viewed_caseload",
            "locked",
            "signed_in"
        ]
    );
    assert_eq!(
        unit.verify_audit_trail(&SystemClock, &mut OsEntropy)
            .unwrap(),
        ChainVerdict::Intact { entries: 6 }
    );
}

#[test]
fn the_trail_refuses_updates_and_deletes_through_sql() {
    let (_data, unit) = unit_with_history();
    let update = unit
        .connection()
        .execute("UPDATE audit_log SET action = 'x' WHERE seq = 2", []);
    let delete = unit
        .connection()
        .execute("DELETE FROM audit_log WHERE seq = 2", []);
    for attempt in [update, delete] {
        assert!(attempt.unwrap_err().to_string().contains("append-only"));
    }
}

#[test]
fn an_edited_entry_is_found() {
    let (_data, mut unit) = unit_with_history();
    exec(&unit, DROP_GUARDS);
    exec(
        &unit,
        "UPDATE audit_log SET account_id = 'someone-else' WHERE seq = 3",
    );
    match unit
        .verify_audit_trail(&SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ChainVerdict::Broken { seq, reason } => {
            assert_eq!(seq, 3);
            assert!(reason.contains("changed"), "{reason}");
        }
        intact => panic!("the edit was not found: {intact:?}"),
    }
}

#[test]
fn a_deleted_entry_is_found_at_the_next_one() {
    let (_data, mut unit) = unit_with_history();
    exec(&unit, DROP_GUARDS);
    exec(&unit, "DELETE FROM audit_log WHERE seq = 3");
    match unit
        .verify_audit_trail(&SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ChainVerdict::Broken { seq, reason } => {
            assert_eq!(seq, 4);
            assert!(reason.contains("removed"), "{reason}");
        }
        intact => panic!("the deletion was not found: {intact:?}"),
    }
}

#[test]
fn reordered_entries_are_found() {
    let (_data, mut unit) = unit_with_history();
    exec(&unit, DROP_GUARDS);
    // Swap entries 3 and 4 whole, by moving them through a free number.
    exec(
        &unit,
        "UPDATE audit_log SET seq = 1000 WHERE seq = 3;
         UPDATE audit_log SET seq = 3 WHERE seq = 4;
         UPDATE audit_log SET seq = 4 WHERE seq = 1000;",
    );
    assert!(matches!(
        unit.verify_audit_trail(&SystemClock, &mut OsEntropy)
            .unwrap(),
        ChainVerdict::Broken { seq: 3, .. }
    ));
}
