//! Safety-critical values two computers changed while apart: both sides
//! are kept and shown as a resolve item on both computers, a person
//! chooses, and the choice closes the item everywhere once it syncs. Real
//! encrypted units and a real folder for the share.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use casebook_core::clients::client_records::{ClientRecord, ClientView};
use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::ids::ClientId;
use casebook_core::domain::rag::Rag;
use casebook_core::domain::resolve_items::ContestedSubject;
use casebook_core::domain::safety_flags::SafetyFlagText;
use casebook_core::error::ErrorCode;
use casebook_core::sync::resolve_items::{ContestedValue, ResolveItem};
use casebook_core::unit::unlocked::UnlockedUnit;
use common::{Unit, copy_folder};

fn exchange(share: &Path, devices: &mut [&mut UnlockedUnit]) {
    for device in devices.iter_mut() {
        device
            .send_changes(share, &SystemClock, &mut OsEntropy)
            .unwrap();
    }
    for device in devices.iter_mut() {
        let report = device.receive_changes(share, &SystemClock).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

fn review(unit: &mut UnlockedUnit, client: ClientId, rating: &str, reason: &str) {
    unit.review_rag(client, rating, reason, "", &SystemClock, &mut OsEntropy)
        .unwrap();
}

/// A unit where kim has a client on two computers, both up to date.
struct TwoComputers {
    unit: Unit,
    _second: tempfile::TempDir,
    second_folder: std::path::PathBuf,
    share: tempfile::TempDir,
    client: ClientId,
}

fn two_computers() -> TwoComputers {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let second_folder = second.path().join("unit");
    let mut a = unit.as_("kim");
    let client = a
        .add_client(
            &ClientDetailsText {
                confirmed_new_person: true,
                ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .id;
    review(&mut a, client, "amber", "Settled in hostel");
    a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    a.lock(&SystemClock, &mut OsEntropy);
    copy_folder(unit.folder(), &second_folder);
    let mut b = unit.as_at(&second_folder, "kim");
    b.become_new_device(&SystemClock, &mut OsEntropy).unwrap();
    b.lock(&SystemClock, &mut OsEntropy);
    TwoComputers {
        unit,
        _second: second,
        second_folder,
        share,
        client,
    }
}

fn full_record(unit: &mut UnlockedUnit, client: ClientId) -> ClientRecord {
    match unit
        .view_client(client, &SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ClientView::Record(record) => *record,
        ClientView::Summary(_) => panic!("the keyworker sees the whole record"),
    }
}

fn current_rag(unit: &mut UnlockedUnit, client: ClientId) -> Rag {
    full_record(unit, client).rag_history[0].rating
}

fn ratings(item: &ResolveItem) -> Vec<Rag> {
    item.options
        .iter()
        .map(|option| match &option.value {
            ContestedValue::Rag { rating, .. } => *rating,
            other => panic!("not a RAG side: {other:?}"),
        })
        .collect()
}

#[test]
fn a_rag_changed_on_two_computers_apart_is_resolved_once_for_both() {
    let setup = two_computers();
    let mut a = setup.unit.as_("kim");
    let mut b = setup.unit.as_at(&setup.second_folder, "kim");
    review(&mut a, setup.client, "red", "Arrested for burglary");
    std::thread::sleep(std::time::Duration::from_millis(5));
    review(&mut b, setup.client, "green", "Started work");
    exchange(setup.share.path(), &mut [&mut a, &mut b]);

    for device in [&mut a, &mut b] {
        let items = device.resolve_items().unwrap();
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].subject, ContestedSubject::Rag);
        assert_eq!(
            ratings(&items[0]),
            [Rag::Green, Rag::Red],
            "both sides, the later first"
        );
        assert!(items[0].options[0].in_effect && !items[0].options[1].in_effect);
        assert_eq!(items[0].options[1].made_by.as_deref(), Some("Staff Member"));
        assert_eq!(
            device
                .resolve_items_of_client(setup.client, &SystemClock, &mut OsEntropy)
                .unwrap(),
            items
        );
    }
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );

    // The keyworker chooses red on the first computer; the item closes
    // there at once and on the other computer after the next sync.
    let item = a.resolve_items().unwrap().remove(0);
    let red = item.options[1].version_id.clone();
    a.resolve(
        item.subject,
        &item.subject_id,
        &red,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    assert!(a.resolve_items().unwrap().is_empty());
    assert_eq!(current_rag(&mut a, setup.client), Rag::Red);
    assert_eq!(b.resolve_items().unwrap().len(), 1);
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    assert!(b.resolve_items().unwrap().is_empty());
    assert_eq!(
        current_rag(&mut b, setup.client),
        Rag::Red,
        "the choice stands on both computers"
    );

    // Choosing again, on a page opened before the choice synced, changes
    // nothing and says why.
    let again = b
        .resolve(
            item.subject,
            &item.subject_id,
            &red,
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::InvalidInput);
    assert!(
        again.message.contains("already been resolved"),
        "{}",
        again.message
    );
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );
}

#[test]
fn changes_in_turn_or_that_agree_raise_no_resolve_item() {
    let setup = two_computers();
    let mut a = setup.unit.as_("kim");
    let mut b = setup.unit.as_at(&setup.second_folder, "kim");
    // In turn: the second computer saw the first's change before its own.
    review(&mut a, setup.client, "red", "Arrested for burglary");
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    review(
        &mut b,
        setup.client,
        "amber",
        "Released under investigation",
    );
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    assert!(a.resolve_items().unwrap().is_empty());
    assert!(b.resolve_items().unwrap().is_empty());
    // Apart, but both chose the same rating: no one need choose.
    review(&mut a, setup.client, "green", "Stable");
    review(&mut b, setup.client, "green", "Stable, in work");
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    assert!(a.resolve_items().unwrap().is_empty());
    assert!(b.resolve_items().unwrap().is_empty());
}

#[test]
fn a_safety_flag_ended_on_one_computer_and_reviewed_on_another_asks_a_person() {
    let setup = two_computers();
    let mut a = setup.unit.as_("kim");
    let flags = a
        .raise_safety_flag(
            setup.client,
            &SafetyFlagText {
                kind: "risk_to_staff",
                mappa_category: "",
                mappa_level: "",
                note: "Threatened staff at the office",
                review_by: &(chrono::Local::now().date_naive() + chrono::Days::new(30))
                    .format("%Y-%m-%d")
                    .to_string(),
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let flag = flags[0].id;
    let mut b = setup.unit.as_at(&setup.second_folder, "kim");
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    a.end_safety_flag(
        flag,
        "Threat withdrawn after apology",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let later = (chrono::Local::now().date_naive() + chrono::Days::new(60))
        .format("%Y-%m-%d")
        .to_string();
    b.review_safety_flag(
        flag,
        "Threat repeated by phone",
        &later,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    let items = a.resolve_items().unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items, b.resolve_items().unwrap());
    let ended: Vec<bool> = items[0]
        .options
        .iter()
        .map(|option| match &option.value {
            ContestedValue::SafetyFlag { ended, .. } => *ended,
            other => panic!("not a flag side: {other:?}"),
        })
        .collect();
    assert_eq!(ended, [false, true], "the later review first, then the end");

    // Whoever chooses keeps the flag active: the review stands everywhere.
    let keep = items[0].options[0].version_id.clone();
    b.resolve(
        ContestedSubject::SafetyFlag,
        &items[0].subject_id,
        &keep,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    assert!(a.resolve_items().unwrap().is_empty());
    for device in [&mut a, &mut b] {
        let record = full_record(device, setup.client);
        let flag = record.safety_flags.iter().find(|f| f.id == flag).unwrap();
        assert!(flag.is_active(), "the review was chosen over the end");
        assert_eq!(flag.note, "Threat repeated by phone");
    }
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );
}

#[test]
fn only_someone_with_full_access_may_choose_and_a_stale_choice_is_refused() {
    let setup = two_computers();
    let mut a = setup.unit.as_("kim");
    let mut b = setup.unit.as_at(&setup.second_folder, "kim");
    review(&mut a, setup.client, "red", "Arrested");
    review(&mut b, setup.client, "green", "In work");
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    let item = a.resolve_items().unwrap().remove(0);
    a.lock(&SystemClock, &mut OsEntropy);

    let mut lee = setup.unit.as_("lee");
    assert!(lee.resolve_items().unwrap().is_empty(), "not lee's client");
    let refused = lee
        .resolve(
            item.subject,
            &item.subject_id,
            &item.options[0].version_id,
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
    let not_a_side = lee
        .resolve(
            item.subject,
            &item.subject_id,
            "not-a-version",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(
        not_a_side.code,
        ErrorCode::Forbidden,
        "refused before anything is said about the value"
    );
    lee.lock(&SystemClock, &mut OsEntropy);

    // The manager sees every item in the unit and may choose.
    let mut manager = setup.unit.as_("admin");
    let seen = manager.resolve_items().unwrap();
    assert_eq!(seen.len(), 1);
    let not_a_side = manager
        .resolve(
            item.subject,
            &item.subject_id,
            "not-a-version",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(not_a_side.code, ErrorCode::InvalidInput);
    manager
        .resolve(
            item.subject,
            &item.subject_id,
            &item.options[1].version_id,
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert!(manager.resolve_items().unwrap().is_empty());
}

/// A client's resolve items show RAG reasons, flag notes and the
/// allocation: they are for those who may read the whole record, and
/// reading them is audited like opening it.
#[test]
fn a_clients_resolve_items_are_shown_only_to_those_who_may_read_the_record() {
    let setup = two_computers();
    let mut a = setup.unit.as_("kim");
    let mut b = setup.unit.as_at(&setup.second_folder, "kim");
    review(&mut a, setup.client, "red", "Arrested");
    review(&mut b, setup.client, "green", "In work");
    exchange(setup.share.path(), &mut [&mut a, &mut b]);
    let audited = |unit: &UnlockedUnit| unit.table_digests().unwrap()["audit_log"].rows;
    let before = audited(&a);
    let items = a
        .resolve_items_of_client(setup.client, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(audited(&a), before + 1, "the read is recorded");
    a.lock(&SystemClock, &mut OsEntropy);
    b.lock(&SystemClock, &mut OsEntropy);
    common::set_hide_others(&setup.unit, true);

    let refused = |username: &str| {
        let mut unit = setup.unit.as_(username);
        let before = unit.table_digests().unwrap();
        let error = unit
            .resolve_items_of_client(setup.client, &SystemClock, &mut OsEntropy)
            .unwrap_err();
        assert_eq!(unit.table_digests().unwrap(), before, "{username}");
        unit.lock(&SystemClock, &mut OsEntropy);
        error.code
    };
    assert_eq!(refused("pat"), ErrorCode::Forbidden, "a partner's summary");
    assert_eq!(refused("ira"), ErrorCode::Forbidden, "administration only");
    assert_eq!(
        refused("lee"),
        ErrorCode::ReasonRequired,
        "not lee's client"
    );

    // After opening the record with a reason, the keyworker sees them too.
    let mut lee = setup.unit.as_("lee");
    lee.open_client_with_reason(
        setup.client,
        "Police called about tonight's curfew",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    assert_eq!(
        lee.resolve_items_of_client(setup.client, &SystemClock, &mut OsEntropy)
            .unwrap(),
        items
    );
}
