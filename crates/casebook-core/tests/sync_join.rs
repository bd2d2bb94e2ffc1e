//! Connecting a unit to a shared folder and joining it on another computer,
//! on real encrypted files: the second computer starts with everything the
//! first sent, with a device identity of its own, and a failed join leaves
//! nothing behind.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::error::ErrorCode;
use casebook_core::sync::joining::join_from_share;
use common::Unit;

const KIM_PASSWORD: &str = "heron quilt marble sky";

#[test]
fn a_second_computer_joins_from_the_share_and_both_keep_in_step() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();

    let mut kim = unit.as_("kim");
    let jordan = kim
        .add_client(
            &ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .id;
    kim.review_rag(
        jordan,
        "amber",
        "Missed an appointment",
        "",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let refused = kim
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "keyworkers do not connect units"
    );
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut admin = unit.as_("admin");
    let sent = admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert!(sent.sent >= 3 && sent.problems.is_empty());
    assert!(share.path().join("unit.json").is_file());
    assert!(fs::read_dir(share.path().join("keys")).unwrap().count() >= 5);
    admin.lock(&SystemClock, &mut OsEntropy);

    // Wrong password, no unit in the folder: refused, nothing left behind.
    let wrong = join_from_share(
        share.path(),
        second.path(),
        "kim",
        "not kims password",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert_eq!(wrong.code, ErrorCode::WrongCredentials);
    let empty = tempfile::tempdir().unwrap();
    let no_unit = join_from_share(
        empty.path(),
        second.path(),
        "kim",
        KIM_PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert!(no_unit.message.contains("holds no Casebook unit"));
    assert_eq!(
        fs::read_dir(second.path()).unwrap().count(),
        0,
        "nothing left behind"
    );

    let mut joined = join_from_share(
        share.path(),
        second.path(),
        "kim",
        KIM_PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let lines = joined.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].client.id, jordan);
    assert!(lines[0].rag.is_some(), "the review came too");

    // The new computer's own changes reach the first one.
    let sam = joined
        .add_client(
            &ClientDetailsText::named("Sam", "Okafor", "1985-01-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .id;
    joined
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    joined.lock(&SystemClock, &mut OsEntropy);
    let again = join_from_share(
        share.path(),
        second.path(),
        "kim",
        KIM_PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert_eq!(again.code, ErrorCode::UnitExists);

    let mut kim = unit.as_("kim");
    let received = kim.receive_changes(share.path(), &SystemClock).unwrap();
    assert!(received.problems.is_empty(), "{:?}", received.problems);
    assert!(
        kim.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .iter()
            .any(|line| line.client.id == sam)
    );
}
