//! Two devices of one unit exchanging changes through a shared folder, on
//! real encrypted files: each sees what the other did, the later write of a
//! row wins on both, and receiving twice changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clients::client_records::ClientView;
use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::ids::ClientId;
use casebook_core::domain::rag::Rag;
use casebook_core::unit::unlocked::UnlockedUnit;
use common::{Unit, copy_folder, exchange_twice, join_as};

fn add(unit: &mut UnlockedUnit, given: &str, born: &str) -> ClientId {
    unit.add_client(
        &ClientDetailsText {
            confirmed_new_person: true,
            ..ClientDetailsText::named(given, "Whitlock", born)
        },
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap()
    .id
}

/// A client's whole record, as someone with full access sees it.
fn whole_record(
    unit: &mut UnlockedUnit,
    id: ClientId,
) -> casebook_core::clients::client_records::ClientRecord {
    match unit.view_client(id, &SystemClock, &mut OsEntropy).unwrap() {
        ClientView::Record(record) => *record,
        ClientView::Summary(_) => panic!("this account sees the whole record"),
    }
}

/// What a device shows: every client with their rating, by id.
fn state(unit: &mut UnlockedUnit) -> Vec<(ClientId, String, Option<Rag>)> {
    let mut lines: Vec<_> = unit
        .view_caseload(&SystemClock, &mut OsEntropy)
        .unwrap()
        .into_iter()
        .map(|e| (e.client.id, e.client.given_name.as_str().to_owned(), e.rag))
        .collect();
    lines.sort_by_key(|line| line.0);
    lines
}

#[test]
fn two_devices_converge_through_the_shared_folder() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let folder_b = second.path().join("unit");

    let mut a = unit.as_("kim");
    let jordan = add(&mut a, "Jordan", "1990-05-17");
    a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    a.lock(&SystemClock, &mut OsEntropy);

    // The second computer starts from a copy and takes its own identity.
    copy_folder(unit.folder(), &folder_b);
    let mut b = unit.as_at(&folder_b, "kim");
    b.become_new_device(&SystemClock, &mut OsEntropy).unwrap();
    let sam = add(&mut b, "Sam", "1985-01-02");
    b.review_rag(
        jordan,
        "amber",
        "Missed an appointment",
        "",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    b.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let nothing_yet = b.receive_changes(share.path(), &SystemClock).unwrap();
    assert_eq!(
        nothing_yet.bundles_applied, 0,
        "the copy already holds the original's first bundle"
    );

    let mut a = unit.as_("kim");
    let received = a.receive_changes(share.path(), &SystemClock).unwrap();
    assert_eq!(received.bundles_applied, 1, "{:?}", received.problems);
    assert!(received.problems.is_empty(), "{:?}", received.problems);
    assert!(state(&mut a).iter().any(|(id, _, _)| *id == sam));

    // Both change Jordan's name while apart; the later change wins on both.
    let rename = |unit: &mut UnlockedUnit, given: &str| {
        unit.update_client_details(
            jordan,
            &ClientDetailsText::named(given, "Whitlock", "1990-05-17"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    };
    rename(&mut a, "Jordi");
    a.review_rag(
        jordan,
        "red",
        "Arrested for burglary",
        "",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    rename(&mut b, "Jordan-Lee");
    a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    b.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    a.receive_changes(share.path(), &SystemClock).unwrap();
    b.receive_changes(share.path(), &SystemClock).unwrap();

    let seen_by_a = state(&mut a);
    let seen_by_b = state(&mut b);
    assert_eq!(seen_by_a, seen_by_b, "the two devices hold the same");
    let jordan_line = seen_by_a.iter().find(|(id, _, _)| *id == jordan).unwrap();
    assert_eq!(jordan_line.1, "Jordan-Lee", "the later rename wins");
    assert_eq!(
        jordan_line.2,
        Some(Rag::Red),
        "the latest review is the current rating"
    );

    // Receiving again applies nothing twice.
    let again = a.receive_changes(share.path(), &SystemClock).unwrap();
    assert_eq!(again.bundles_applied, 0);
    assert_eq!(state(&mut a), seen_by_b);
}

#[test]
fn changes_to_different_fields_of_one_record_made_apart_are_both_kept() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let folder_b = second.path().join("unit");
    let mut a = unit.as_("kim");
    let jordan = add(&mut a, "Jordan", "1990-05-17");
    a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    a.lock(&SystemClock, &mut OsEntropy);
    copy_folder(unit.folder(), &folder_b);
    let mut b = unit.as_at(&folder_b, "kim");
    b.become_new_device(&SystemClock, &mut OsEntropy).unwrap();
    let mut a = unit.as_("kim");

    // The first computer corrects the given name; the second, later and
    // still holding the old name, records the gender. Each form sends
    // every field, but only the field each person changed counts.
    a.update_client_details(
        jordan,
        &ClientDetailsText::named("Jordi", "Whitlock", "1990-05-17"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.update_client_details(
        jordan,
        &ClientDetailsText {
            gender: "man",
            ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
        },
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    exchange_twice(share.path(), &mut a, &mut b);
    for device in [&mut a, &mut b] {
        let record = whole_record(device, jordan);
        assert_eq!(
            record.client.given_name.as_str(),
            "Jordi",
            "the rename is kept"
        );
        assert_eq!(
            record.client.gender.as_deref(),
            Some("man"),
            "the gender is kept"
        );
    }
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );
}

/// The system clock, a fixed time off: a laptop whose clock is wrong.
struct SkewedClock(chrono::Duration);

impl casebook_core::clock::Clock for SkewedClock {
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now() + self.0
    }
}

#[test]
fn a_laptop_a_day_slow_and_offline_for_a_month_still_orders_its_edits_after_what_it_read() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let folder_b = second.path().join("unit");
    let mut a = unit.as_("kim");
    let jordan = add(&mut a, "Jordan", "1990-05-17");
    a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    a.lock(&SystemClock, &mut OsEntropy);
    copy_folder(unit.folder(), &folder_b);
    let mut b = unit.as_at(&folder_b, "kim");
    b.become_new_device(&SystemClock, &mut OsEntropy).unwrap();
    b.lock(&SystemClock, &mut OsEntropy);

    // The office computer renames the client; the laptop, whose clock is a
    // day slow, receives that, is shut down, and a month later (by its own
    // slow clock) renames the client again while offline.
    let mut a = unit.as_("kim");
    a.update_client_details(
        jordan,
        &ClientDetailsText::named("Jordi", "Whitlock", "1990-05-17"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let slow = SkewedClock(chrono::Duration::hours(-24));
    let mut b = unit.as_at(&folder_b, "kim");
    b.receive_changes(share.path(), &slow).unwrap();
    b.lock(&slow, &mut OsEntropy);
    let mut b = casebook_core::unit::folder::unlock(
        &folder_b,
        "kim",
        "heron quilt marble sky",
        &slow,
        &mut OsEntropy,
    )
    .unwrap();
    b.update_client_details(
        jordan,
        &ClientDetailsText::named("Jordan-Lee", "Whitlock", "1990-05-17"),
        &slow,
        &mut OsEntropy,
    )
    .unwrap();
    b.send_changes(share.path(), &slow, &mut OsEntropy).unwrap();
    a.receive_changes(share.path(), &SystemClock).unwrap();
    for device in [&mut a, &mut b] {
        let record = whole_record(device, jordan);
        assert_eq!(
            record.client.given_name.as_str(),
            "Jordan-Lee",
            "the laptop's later edit wins though its clock is a day slow"
        );
    }
}

#[test]
fn each_computers_audit_trail_reaches_the_others_and_every_chain_still_checks() {
    use casebook_core::domain::audit::{AuditFilter, ChainVerdict};
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let mut a = unit.as_("admin");
    a.connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let mut b = join_as(share.path(), second.path(), "admin");
    add(&mut a, "Jordan", "1990-05-17");
    add(&mut b, "Sam", "1985-01-02");
    exchange_twice(share.path(), &mut a, &mut b);
    for device in [&mut a, &mut b] {
        let created: Vec<String> = device
            .audit_trail(
                &AuditFilter::parse(None, None, Some("client_created"), None, None).unwrap(),
                &SystemClock,
                &mut OsEntropy,
            )
            .unwrap()
            .into_iter()
            .map(|view| view.entry.device_id)
            .collect();
        assert_eq!(
            created.len(),
            2,
            "both computers' additions are in the trail"
        );
        assert_ne!(created[0], created[1], "made on two computers");
        let verdict = device
            .verify_audit_trail(&SystemClock, &mut OsEntropy)
            .unwrap();
        assert!(
            matches!(verdict, ChainVerdict::Intact { .. }),
            "{verdict:?}"
        );
    }
}

/// A unit on two computers, the first having sent three bundles (a client
/// each) that the second has not received: the unit, the share and the
/// second's data folder (kept for the test's length), and both computers.
fn three_bundles_waiting() -> (
    Unit,
    tempfile::TempDir,
    tempfile::TempDir,
    UnlockedUnit,
    UnlockedUnit,
) {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let mut a = unit.as_("admin");
    a.connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let b = join_as(share.path(), second.path(), "admin");
    for given in ["Jordan", "Sam", "Ali"] {
        add(&mut a, given, "1990-05-17");
        a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
            .unwrap();
    }
    (unit, share, second, a, b)
}

#[test]
fn a_receive_tells_how_far_it_has_got() {
    use casebook_core::sync::inbox::ReceiveProgress;
    let (_unit, share, _second, _a, mut b) = three_bundles_waiting();
    let mut seen: Vec<ReceiveProgress> = Vec::new();
    b.receive_changes_with_progress(share.path(), &SystemClock, &mut |p| seen.push(p), &|| false)
        .unwrap();
    assert_eq!(seen.first(), Some(&ReceiveProgress { done: 0, total: 3 }));
    assert_eq!(seen.last(), Some(&ReceiveProgress { done: 3, total: 3 }));
    assert!(seen.windows(2).all(|w| w[0].done < w[1].done));
}

#[test]
fn a_receive_stops_after_the_bundle_in_hand_when_someone_waits_and_the_next_goes_on() {
    let (_unit, share, _second, mut a, mut b) = three_bundles_waiting();
    // Someone asks for the unit (to save, or to lock) as the first bundle
    // is applied: the receive stops there, whole.
    let first = b
        .receive_changes_with_progress(share.path(), &SystemClock, &mut |_| {}, &|| true)
        .unwrap();
    assert!(first.paused);
    assert_eq!(first.bundles_applied, 1);
    assert_eq!(state(&mut b).len(), 1);
    let rest = b.receive_changes(share.path(), &SystemClock).unwrap();
    assert!(!rest.paused);
    assert_eq!(rest.bundles_applied, 2);
    assert_eq!(state(&mut b), state(&mut a));
}

#[test]
fn a_review_added_apart_to_a_record_merged_elsewhere_follows_the_merge() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let mut office = unit.as_("admin");
    let kept = add(&mut office, "Jordan", "1990-05-17");
    let duplicate = add(&mut office, "Jordon", "1990-05-17");
    office
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let mut laptop = common::join_as(share.path(), second.path(), "admin");
    office.receive_changes(share.path(), &SystemClock).unwrap();

    // Apart: the office merges the duplicate into the kept record; the
    // laptop, not knowing, reviews the duplicate.
    office
        .merge_clients(
            kept,
            duplicate,
            "Same person: a typing slip at the referral",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    laptop
        .review_rag(
            duplicate,
            "red",
            "Arrested last night",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    exchange_twice(share.path(), &mut office, &mut laptop);
    for device in [&mut office, &mut laptop] {
        let record = whole_record(device, kept);
        assert_eq!(
            record.rag_history[0].reason.as_deref(),
            Some("Arrested last night"),
            "the review is on the kept record"
        );
    }
    assert_eq!(
        office.synced_rows_digest().unwrap(),
        laptop.synced_rows_digest().unwrap()
    );
}

#[test]
fn two_records_merged_into_each_other_apart_end_as_one_record_on_both() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let mut office = unit.as_("admin");
    let jordan = add(&mut office, "Jordan", "1990-05-17");
    let jordon = add(&mut office, "Jordon", "1990-05-17");
    office
        .review_rag(
            jordan,
            "amber",
            "Missed two appointments",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    office
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let mut laptop = common::join_as(share.path(), second.path(), "admin");
    office.receive_changes(share.path(), &SystemClock).unwrap();

    // Apart, each merges the records the other way round, and the laptop
    // reviews the record it keeps.
    office
        .merge_clients(
            jordan,
            jordon,
            "Same person: a typing slip at the referral",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    laptop
        .merge_clients(
            jordon,
            jordan,
            "Same person: a typing slip at the referral",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    laptop
        .review_rag(
            jordon,
            "red",
            "Arrested last night",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    exchange_twice(share.path(), &mut office, &mut laptop);

    // The laptop's merge (Jordan into Jordon) was the later, so it is undone
    // on both: Jordan, the record it merged away, is the one kept, holding
    // every review, the laptop's included.
    for device in [&mut office, &mut laptop] {
        let shown = state(device);
        assert_eq!(
            shown.len(),
            1,
            "one record, not none and not two: {shown:?}"
        );
        assert_eq!(shown[0].0, jordan);
        let reasons: Vec<_> = whole_record(device, jordan)
            .rag_history
            .iter()
            .map(|review| review.reason.clone().unwrap_or_default())
            .collect();
        assert!(
            reasons.contains(&"Missed two appointments".to_owned()),
            "{reasons:?}"
        );
        assert!(
            reasons.contains(&"Arrested last night".to_owned()),
            "{reasons:?}"
        );
    }
    assert_eq!(
        office.synced_rows_digest().unwrap(),
        laptop.synced_rows_digest().unwrap()
    );
}
