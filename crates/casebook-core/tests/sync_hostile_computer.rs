//! A hostile computer: one that holds a real key slot and its password,
//! and so the unit key, its own device's signing key and the bundle key,
//! and writes well-formed, correctly signed bundles by hand. What it writes
//! that no honest computer would is refused on the honest computers:
//! nothing of it is applied, and each refused change is kept and listed
//! for administrators in plain words.
//!
//! These are the rules a change can be judged by alone
//! (`domain::received_changes`); who may write what (roles) comes with
//! each account's own signing key.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::session_records::SessionForm;
use casebook_core::store::change_log::Change;
use casebook_core::unit::unlocked::UnlockedUnit;
use common::hostile::{Forgery, HostileComputer, change};
use common::{Unit, add_whitlock, join_as};

/// The honest computer A (kim's records, the administrator's sync), the
/// share, and lee's computer B joined from it, which turns hostile.
struct Scene {
    unit: Unit,
    share: tempfile::TempDir,
    _b: tempfile::TempDir,
    hostile: HostileComputer,
    review: String,
    session: String,
}

fn scene() -> Scene {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut kim = unit.as_("kim");
    let jordan = add_whitlock(&mut kim, "Jordan");
    kim.review_rag(
        jordan,
        "amber",
        "Missed an appointment",
        "",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    // Held yesterday, so the 10:00 start is in the past whatever the hour
    // the test runs at.
    let form = SessionForm {
        held_on: (chrono::Local::now().date_naive() - chrono::Days::new(1)).to_string(),
        starts_at: "10:00".into(),
        minutes: "50".into(),
        place: "office".into(),
        pathways: vec!["accommodation".into()],
        interventions: vec!["relapse_prevention".into()],
        notes: "Talked about housing.".into(),
        ..SessionForm::default()
    };
    let draft = kim
        .save_session_draft(None, jordan, form, &SystemClock, &mut OsEntropy)
        .unwrap();
    let session = kim
        .sign_session_record(draft.id, &SystemClock, &mut OsEntropy)
        .unwrap()
        .id
        .to_string();
    kim.lock(&SystemClock, &mut OsEntropy);
    let mut admin = unit.as_("admin");
    admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
    let b = tempfile::tempdir().unwrap();
    let mut lee = join_as(share.path(), b.path(), "lee");
    // Lee's computer sends once honestly, so it has a folder and a key.
    add_whitlock(&mut lee, "Sam");
    lee.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    lee.lock(&SystemClock, &mut OsEntropy);
    let folder = casebook_core::unit::folder::unit_folder(
        b.path(),
        casebook_core::unit::folder::UnitKind::Real,
    );
    let hostile = HostileComputer {
        folder,
        username: "lee",
    };
    let review = {
        let conn = hostile.database();
        conn.query_row("SELECT id FROM rag_reviews LIMIT 1", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap()
    };
    Scene {
        unit,
        share,
        _b: b,
        hostile,
        review,
        session,
    }
}

fn this_computer(unit: &UnlockedUnit) -> String {
    unit.computers()
        .unwrap()
        .into_iter()
        .find(|line| line.this_computer)
        .unwrap()
        .device
}

fn receive(unit: &mut UnlockedUnit, share: &Path) -> casebook_core::sync::inbox::ReceiveReport {
    unit.receive_changes(share, &SystemClock).unwrap()
}

#[test]
fn changes_no_honest_computer_writes_are_refused_kept_and_listed() {
    let scene = scene();
    let mut admin = scene.unit.as_("admin");
    // The honest bundle of lee's computer (Sam) arrives first.
    receive(&mut admin, scene.share.path());
    let before = admin.synced_rows_digest().unwrap();
    let honest = this_computer(&admin);
    let b = scene.hostile.device();

    let mut forged_review = scene.hostile.row("rag_reviews", &scene.review);
    forged_review["rating"] = "green".into();
    let mut rating_changed = change(
        &b,
        "rag_reviews",
        &scene.review,
        "update",
        forged_review.clone(),
    );
    rating_changed.columns = Some(vec!["rating".into()]);
    let mut session = scene.hostile.row("session_records", &scene.session);
    session["notes"] = "Rewritten after signing.".into();
    let mut note_rewritten = change(&b, "session_records", &scene.session, "update", session);
    note_rewritten.columns = Some(vec!["notes".into()]);
    let review_removed = change(
        &b,
        "rag_reviews",
        &scene.review,
        "delete",
        forged_review.clone(),
    );
    let mut new_review = forged_review.clone();
    new_review["id"] = "01a25150-0000-7000-8000-00000000beef".into();
    let in_honest_name = change(
        &honest,
        "rag_reviews",
        "01a25150-0000-7000-8000-00000000beef",
        "insert",
        new_review,
    );
    let audit = serde_json::json!({
        "id": "01a25150-0000-7000-8000-00000000a0d1",
        "at": chrono::Utc::now().to_rfc3339(),
        "device_id": honest,
        "account_id": null,
        "action": "signed_in",
        "client_id": null,
        "detail": "{}",
        "previous_hash": "0".repeat(64),
        "hash": "0".repeat(64),
    });
    let audit_of_another = change(
        &b,
        "audit_log",
        "01a25150-0000-7000-8000-00000000a0d1",
        "insert",
        audit,
    );
    scene.hostile.write_bundle(
        scene.share.path(),
        &[
            rating_changed,
            note_rewritten,
            review_removed,
            in_honest_name,
            audit_of_another,
        ],
        Forgery::default(),
    );

    let report = receive(&mut admin, scene.share.path());
    assert_eq!(report.bundles_applied, 1, "{:?}", report.problems);
    assert_eq!(report.changes_refused, 5);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("5 changes from other computers")),
        "{:?}",
        report.problems
    );
    assert_eq!(
        admin.synced_rows_digest().unwrap(),
        before,
        "nothing refused was applied"
    );
    let refused = admin.refused_changes(&SystemClock, &mut OsEntropy).unwrap();
    let reasons: Vec<&str> = refused.iter().map(|line| line.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "insert_only_changed",
            "insert_only_changed",
            "removed",
            "names_another_computer",
            "audit_entry_of_another_computer"
        ]
    );
    assert!(refused.iter().all(|line| line.device == b));
    assert_eq!(
        refused[1].sentence,
        "A change to session records from computer vm was refused: records of this kind are only ever added to, never changed."
            .replace("vm", &refused[1].computer)
    );
    // Received again (a second sync), nothing is kept twice.
    receive(&mut admin, scene.share.path());
    assert_eq!(
        admin
            .refused_changes(&SystemClock, &mut OsEntropy)
            .unwrap()
            .len(),
        5
    );
    // Only administrators read the list.
    admin.lock(&SystemClock, &mut OsEntropy);
    let mut kim = scene.unit.as_("kim");
    assert!(kim.refused_changes(&SystemClock, &mut OsEntropy).is_err());
}

#[test]
fn a_bundle_whose_header_names_another_computer_is_set_aside() {
    let scene = scene();
    let mut admin = scene.unit.as_("admin");
    receive(&mut admin, scene.share.path());
    let before = admin.synced_rows_digest().unwrap();
    let honest = this_computer(&admin);
    let b = scene.hostile.device();
    let mut review = scene.hostile.row("rag_reviews", &scene.review);
    review["id"] = "01a25150-0000-7000-8000-00000000cafe".into();
    let forged = change(
        &honest,
        "rag_reviews",
        "01a25150-0000-7000-8000-00000000cafe",
        "insert",
        review,
    );
    // Signed with lee's computer's key, in its folder, claiming computer A.
    scene.hostile.write_bundle(
        scene.share.path(),
        &[forged],
        Forgery {
            header: Some(&honest),
            ..Forgery::default()
        },
    );
    let report = receive(&mut admin, scene.share.path());
    assert_eq!(report.bundles_applied, 0);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("names another computer")),
        "{:?}",
        report.problems
    );
    assert_eq!(admin.synced_rows_digest().unwrap(), before);
    assert_ne!(b, honest);
}

#[test]
fn this_computer_refuses_to_change_or_remove_an_insert_only_row_whatever_writes_to_the_file() {
    let scene = scene();
    let conn = scene.hostile.database();
    let changed = conn.execute(
        "UPDATE session_records SET notes = 'Rewritten' WHERE id = ?1",
        [&scene.session],
    );
    assert!(changed.unwrap_err().to_string().contains("only ever added"));
    let removed = conn.execute("DELETE FROM rag_reviews WHERE id = ?1", [&scene.review]);
    assert!(removed.unwrap_err().to_string().contains("only ever added"));
    // Following a merge, a row moves to the client kept: allowed.
    let moved = conn.execute(
        "UPDATE rag_reviews SET client_id = client_id WHERE id = ?1",
        [&scene.review],
    );
    assert_eq!(moved.unwrap(), 1);
}

/// A new review of Jordan, as the hostile computer would add it.
fn new_review(scene: &Scene, id: &str) -> Change {
    let mut review = scene.hostile.row("rag_reviews", &scene.review);
    review["id"] = id.into();
    change(&scene.hostile.device(), "rag_reviews", id, "insert", review)
}

#[test]
fn a_withdrawn_computer_cannot_come_back_under_a_new_id_with_its_old_key() {
    let scene = scene();
    let mut admin = scene.unit.as_("admin");
    receive(&mut admin, scene.share.path());
    let b = scene.hostile.device();
    admin
        .withdraw_computer(
            &b,
            "The laptop was not returned",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let before = admin.synced_rows_digest().unwrap();
    // The same key registered under a new id, with a bundle of its own.
    let new_id = "01a25150-0000-7000-8000-0000000000b2";
    let key = scene.hostile.signing_key();
    scene.hostile.register(scene.share.path(), new_id, &key);
    // Spelled in capitals, as hex may be: still the same key.
    let file = scene
        .share
        .path()
        .join("devices")
        .join(new_id)
        .join("device.json");
    let text = std::fs::read_to_string(&file).unwrap();
    let key_hex = hex::encode(key.verifying_key().as_bytes());
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, text.replace(&key_hex, &key_hex.to_ascii_uppercase())).unwrap();
    let mut review = new_review(&scene, "01a25150-0000-7000-8000-00000000f00d");
    review.device = new_id.to_owned();
    scene.hostile.write_bundle(
        scene.share.path(),
        &[review],
        Forgery {
            folder: Some(new_id),
            ..Forgery::default()
        },
    );
    let report = receive(&mut admin, scene.share.path());
    assert_eq!(report.bundles_applied, 0);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("access was withdrawn")),
        "{:?}",
        report.problems
    );
    assert_eq!(admin.synced_rows_digest().unwrap(), before);
}

#[test]
fn a_computer_s_key_swapped_on_the_share_after_its_changes_were_taken_is_refused() {
    let scene = scene();
    let mut admin = scene.unit.as_("admin");
    // Lee's computer's changes are taken here once: its key is pinned.
    let first = receive(&mut admin, scene.share.path());
    assert!(first.bundles_applied >= 1, "{:?}", first.problems);
    let before = admin.synced_rows_digest().unwrap();
    // Someone who can write to the share puts a key of their own in lee's
    // computer's registration and signs its next bundle with it.
    let b = scene.hostile.device();
    let theirs = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    scene.hostile.register(scene.share.path(), &b, &theirs);
    scene.hostile.write_bundle(
        scene.share.path(),
        &[new_review(&scene, "01a25150-0000-7000-8000-00000000d00d")],
        Forgery {
            key: Some(&theirs),
            ..Forgery::default()
        },
    );
    let report = receive(&mut admin, scene.share.path());
    assert_eq!(report.bundles_applied, 0);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("names another key")),
        "{:?}",
        report.problems
    );
    assert_eq!(admin.synced_rows_digest().unwrap(), before);
}

#[test]
fn an_old_bundle_replayed_under_a_new_number_is_set_aside() {
    let scene = scene();
    let mut admin = scene.unit.as_("admin");
    receive(&mut admin, scene.share.path());
    let before = admin.synced_rows_digest().unwrap();
    // Lee's computer's first bundle, copied as if it were the next one.
    let folder = scene
        .share
        .path()
        .join("devices")
        .join(scene.hostile.device());
    let mut bundles: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".bundle"))
        .collect();
    bundles.sort();
    let first = bundles.first().unwrap();
    let next = format!("{:010}-{}", bundles.len() + 1, &first[11..]);
    std::fs::copy(folder.join(first), folder.join(next)).unwrap();
    let report = receive(&mut admin, scene.share.path());
    assert_eq!(report.bundles_applied, 0);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("does not follow on")),
        "{:?}",
        report.problems
    );
    assert_eq!(admin.synced_rows_digest().unwrap(), before);
}

#[test]
fn a_change_with_a_stamp_casebook_never_writes_is_refused() {
    let scene = scene();
    let mut admin = scene.unit.as_("admin");
    receive(&mut admin, scene.share.path());
    let before = admin.synced_rows_digest().unwrap();
    let b = scene.hostile.device();
    let jordan: String = scene
        .hostile
        .database()
        .query_row(
            "SELECT id FROM clients WHERE given_name = 'Jordan'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    let mut renamed = scene.hostile.row("clients", &jordan);
    renamed["given_name"] = "Jordan-Forever".into();
    // As text, "~" sorts after every real stamp: it would win every later
    // edit of the name on every computer.
    let mut for_ever = change(&b, "clients", &jordan, "update", renamed);
    for_ever.hlc = "~".to_owned();
    for_ever.columns = Some(vec!["given_name".to_owned()]);
    scene
        .hostile
        .write_bundle(scene.share.path(), &[for_ever], Forgery::default());
    let report = receive(&mut admin, scene.share.path());
    assert_eq!(report.changes_refused, 1, "{:?}", report.problems);
    assert_eq!(admin.synced_rows_digest().unwrap(), before);
    let refused = admin.refused_changes(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(refused[0].reason, "bad_stamp");
}
