//! Deleting a client record entered in error: a manager only, with a
//! reason; the record leaves every list here and, once synced, on every
//! computer; and a change made to it apart, on a computer that had not heard
//! of the deletion, brings it back (an edit beats a delete).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::ids::ClientId;
use casebook_core::error::ErrorCode;
use casebook_core::unit::unlocked::UnlockedUnit;
use common::{Unit, add_whitlock, exchange_twice, join_as};

const REASON: &str = "Test record keyed in at the training session";

fn shown(unit: &mut UnlockedUnit) -> Vec<ClientId> {
    let mut ids: Vec<_> = unit
        .view_caseload(&SystemClock, &mut OsEntropy)
        .unwrap()
        .into_iter()
        .map(|line| line.client.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_manager_deletes_a_record_and_it_leaves_every_list_and_search() {
    let unit = Unit::new();
    let mut admin = unit.as_("admin");
    let kept = add_whitlock(&mut admin, "Jordan");
    let mistake = add_whitlock(&mut admin, "Testy");
    admin
        .delete_client(mistake, REASON, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(shown(&mut admin), vec![kept]);
    let error = admin
        .view_client(mistake, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(error.message.contains("deleted"), "{}", error.message);
    let trail = admin
        .audit_trail(&AuditFilter::default(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert!(
        trail
            .iter()
            .any(|view| view.entry.action == "client_deleted"
                && view.entry.client_id == Some(mistake.to_string())),
        "the deletion is in the audit trail"
    );
}

#[test]
fn deleting_is_refused_without_a_reason_twice_or_to_anyone_but_a_manager() {
    let unit = Unit::new();
    let mut admin = unit.as_("admin");
    let client = add_whitlock(&mut admin, "Jordan");
    let error = admin
        .delete_client(client, "oops", &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("at least 10 characters"));
    drop(admin);
    let mut kim = unit.as_("kim");
    let error = kim
        .delete_client(client, REASON, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Forbidden);
    drop(kim);
    let mut admin = unit.as_("admin");
    assert_eq!(shown(&mut admin), vec![client], "nothing changed");
    admin
        .delete_client(client, REASON, &SystemClock, &mut OsEntropy)
        .unwrap();
    let error = admin
        .delete_client(client, REASON, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(error.message.contains("deleted"), "{}", error.message);
}

#[test]
fn a_deletion_reaches_the_other_computer() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let mut office = unit.as_("admin");
    let kept = add_whitlock(&mut office, "Jordan");
    let mistake = add_whitlock(&mut office, "Testy");
    office
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let mut laptop = join_as(share.path(), second.path(), "admin");
    office.receive_changes(share.path(), &SystemClock).unwrap();
    office
        .delete_client(mistake, REASON, &SystemClock, &mut OsEntropy)
        .unwrap();
    exchange_twice(share.path(), &mut office, &mut laptop);
    assert_eq!(shown(&mut laptop), vec![kept]);
    assert_eq!(shown(&mut office), vec![kept]);
    assert_eq!(
        office.synced_rows_digest().unwrap(),
        laptop.synced_rows_digest().unwrap()
    );
}

#[test]
fn a_change_made_apart_brings_a_deleted_record_back_on_both_computers() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let mut office = unit.as_("admin");
    let client = add_whitlock(&mut office, "Jordan");
    office
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let mut laptop = join_as(share.path(), second.path(), "admin");
    office.receive_changes(share.path(), &SystemClock).unwrap();

    // Apart: the office deletes the record while the laptop, on a home
    // visit, reviews it. The review was made after the deletion by the
    // clock, and must not matter either way.
    office
        .delete_client(client, REASON, &SystemClock, &mut OsEntropy)
        .unwrap();
    laptop
        .review_rag(
            client,
            "red",
            "Arrested last night",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    exchange_twice(share.path(), &mut office, &mut laptop);
    for device in [&mut office, &mut laptop] {
        assert_eq!(shown(device), vec![client], "the record came back");
    }
    assert_eq!(
        office.synced_rows_digest().unwrap(),
        laptop.synced_rows_digest().unwrap()
    );

    // Deleted again by someone who has now seen the review, it stays
    // deleted everywhere.
    office
        .delete_client(client, REASON, &SystemClock, &mut OsEntropy)
        .unwrap();
    exchange_twice(share.path(), &mut office, &mut laptop);
    for device in [&mut office, &mut laptop] {
        assert!(shown(device).is_empty());
    }
}
