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

use std::path::{Path, PathBuf};

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::session_records::SessionForm;
use casebook_core::store::{self, OpenMode, change_log::Change};
use casebook_core::sync::bundle::{BundleWriter, seal_bundle};
use casebook_core::unit::unlocked::UnlockedUnit;
use casebook_core::vault::key_files::read_slots;
use common::{Unit, add_whitlock, join_as, password_of};
use sha2::{Digest, Sha256};

/// What a hostile person holds: their computer's unit folder and their
/// password.
struct HostileComputer {
    folder: PathBuf,
    username: &'static str,
}

impl HostileComputer {
    /// The computer's own database, opened with the unit key their slot and
    /// password give, as the `sqlcipher` shell would.
    fn database(&self) -> rusqlite::Connection {
        let slots = read_slots(&self.folder).unwrap();
        let unit_key = slots
            .for_username(self.username)
            .unwrap()
            .open(password_of(self.username))
            .unwrap();
        store::open(
            &self.folder.join(store::DATABASE_FILE),
            &unit_key.database_key(),
            OpenMode::ExistingOnly,
        )
        .unwrap()
    }

    /// A row of this computer's copy of a table, whole, as a change holds it.
    fn row(&self, table: &str, id: &str) -> serde_json::Value {
        let conn = self.database();
        let mut statement = conn
            .prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))
            .unwrap();
        let names: Vec<String> = statement
            .column_names()
            .iter()
            .map(|n| (*n).to_owned())
            .collect();
        statement
            .query_row([id], |row| {
                let mut object = serde_json::Map::new();
                for (i, name) in names.iter().enumerate() {
                    let value = match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => serde_json::Value::Null,
                        rusqlite::types::ValueRef::Integer(n) => n.into(),
                        rusqlite::types::ValueRef::Real(f) => f.into(),
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).into_owned().into()
                        }
                        rusqlite::types::ValueRef::Blob(_) => serde_json::Value::Null,
                    };
                    object.insert(name.clone(), value);
                }
                Ok(serde_json::Value::Object(object))
            })
            .unwrap()
    }

    /// This computer's own signing key, from its database.
    fn signing_key(&self) -> ed25519_dalek::SigningKey {
        let seed = store::sync_state::signing_key_seed(&self.database())
            .unwrap()
            .unwrap();
        ed25519_dalek::SigningKey::from_bytes(&seed)
    }

    /// Writes `changes` as the next bundle of a folder on the share, sealed
    /// with the unit's bundle key. By default the folder, the header and
    /// the signature are this computer's own; `forgery` says otherwise.
    fn write_bundle(&self, share: &Path, changes: &[Change], forgery: Forgery<'_>) {
        let conn = self.database();
        let slots = read_slots(&self.folder).unwrap();
        let unit_key = slots
            .for_username(self.username)
            .unwrap()
            .open(password_of(self.username))
            .unwrap();
        let own = store::unit_rows::this_device(&conn).unwrap().to_string();
        let signing_key = forgery.key.cloned().unwrap_or_else(|| self.signing_key());
        let folder = share.join("devices").join(forgery.folder.unwrap_or(&own));
        let mut numbered: Vec<(u64, PathBuf)> = std::fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let sequence = name.split('-').next()?.parse().ok()?;
                Some((sequence, entry.path()))
            })
            .collect();
        numbered.sort();
        let (sequence, previous) = numbered.last().map_or_else(
            || (1, store::change_log::NO_PREVIOUS.to_owned()),
            |(sequence, path)| {
                (
                    sequence + 1,
                    hex::encode(Sha256::digest(std::fs::read(path).unwrap())),
                )
            },
        );
        let body_key = unit_key.bundle_key();
        let header_device = forgery.header.or(forgery.folder).unwrap_or(&own);
        let writer = BundleWriter {
            unit: store::unit_rows::unit_id(&conn).unwrap(),
            device: casebook_core::domain::ids::DeviceId::parse(header_device).unwrap(),
            signing_key: &signing_key,
            body_key: &body_key,
            key_id: 1,
            acks: Default::default(),
        };
        let sealed = seal_bundle(&writer, sequence, &previous, changes, &mut OsEntropy).unwrap();
        std::fs::write(folder.join(sealed.file_name), sealed.bytes).unwrap();
    }

    /// Puts a `device.json` on the share for `device` naming `key`, as
    /// anyone who can write to the share can: over this computer's own, or
    /// for a new id.
    fn register(&self, share: &Path, device: &str, key: &ed25519_dalek::SigningKey) {
        let own = self.device();
        let mut file: serde_json::Value = serde_json::from_slice(
            &std::fs::read(share.join("devices").join(&own).join("device.json")).unwrap(),
        )
        .unwrap();
        file["device"] = device.into();
        file["public_key"] = hex::encode(key.verifying_key().as_bytes()).into();
        let folder = share.join("devices").join(device);
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("device.json");
        let _ = std::fs::remove_file(&path);
        std::fs::write(path, serde_json::to_vec(&file).unwrap()).unwrap();
    }

    fn device(&self) -> String {
        store::unit_rows::this_device(&self.database())
            .unwrap()
            .to_string()
    }
}

/// How a bundle is forged: which folder it goes in, which device its
/// header names, and which key signs it (by default, all the hostile
/// computer's own).
#[derive(Default, Clone, Copy)]
struct Forgery<'a> {
    folder: Option<&'a str>,
    header: Option<&'a str>,
    key: Option<&'a ed25519_dalek::SigningKey>,
}

/// A change as an honest computer would write it, stamped now.
fn change(
    device: &str,
    table: &str,
    row_id: &str,
    operation: &str,
    row: serde_json::Value,
) -> Change {
    Change {
        log_seq: 1,
        hlc: format!(
            "{}-000001-{device}",
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ")
        ),
        device: device.to_owned(),
        table: table.to_owned(),
        row_id: row_id.to_owned(),
        operation: operation.to_owned(),
        row,
        columns: None,
        audit_seq: None,
    }
}

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
    let form = SessionForm {
        held_on: chrono::Local::now().date_naive().to_string(),
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
