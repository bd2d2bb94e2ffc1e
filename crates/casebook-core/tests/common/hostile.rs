//! A hostile computer, for tests that try to break sync: one that holds a
//! real key slot and its password, and so the unit key, its own device's
//! signing key and the bundle key, and writes well-formed, correctly signed
//! bundles by hand, holding whatever it likes.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use casebook_core::clock::OsEntropy;
use casebook_core::store::{self, OpenMode, change_log::Change};
use casebook_core::sync::bundle::{BundleWriter, seal_bundle};
use casebook_core::vault::key_files::read_slots;
use sha2::{Digest, Sha256};

use super::password_of;

/// What a hostile person holds: their computer's unit folder and their
/// password.
pub struct HostileComputer {
    pub folder: PathBuf,
    pub username: &'static str,
}

impl HostileComputer {
    /// The computer's own database, opened with the unit key their slot and
    /// password give, as the `sqlcipher` shell would.
    pub fn database(&self) -> rusqlite::Connection {
        let slots = read_slots(&self.folder).unwrap();
        let unit_key = slots
            .for_username(self.username)
            .unwrap()
            .open(password_of(self.username))
            .unwrap()
            .unit_key;
        store::open(
            &self.folder.join(store::DATABASE_FILE),
            &unit_key.database_key(),
            OpenMode::ExistingOnly,
        )
        .unwrap()
    }

    /// A row of this computer's copy of a table, whole, as a change holds it.
    pub fn row(&self, table: &str, id: &str) -> serde_json::Value {
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
    pub fn signing_key(&self) -> ed25519_dalek::SigningKey {
        let seed = store::sync_state::signing_key_seed(&self.database())
            .unwrap()
            .unwrap();
        ed25519_dalek::SigningKey::from_bytes(&seed)
    }

    /// Writes `changes` as the next bundle of a folder on the share, sealed
    /// with the unit's bundle key. By default the folder, the header and
    /// the signature are this computer's own; `forgery` says otherwise.
    pub fn write_bundle(&self, share: &Path, changes: &[Change], forgery: Forgery<'_>) {
        let conn = self.database();
        let slots = read_slots(&self.folder).unwrap();
        let unit_key = slots
            .for_username(self.username)
            .unwrap()
            .open(password_of(self.username))
            .unwrap()
            .unit_key;
        let own = store::unit_rows::this_device(&conn).unwrap().to_string();
        let signing_key = forgery.key.cloned().unwrap_or_else(|| self.signing_key());
        let folder = share.join("devices").join(forgery.folder.unwrap_or(&own));
        let last = store::sync_state::last_sent(&conn).unwrap();
        // In its own folder the bundle follows on from what the computer
        // last sent, and carries that place in its change log, so the
        // computer's next honest send takes it for its own and goes on
        // after it; in another folder it follows the files there.
        let own_folder = forgery.folder.is_none_or(|f| f == own);
        let changes: Vec<Change> = changes
            .iter()
            .cloned()
            .map(|change| Change {
                log_seq: last.last_change,
                audit_seq: None,
                ..change
            })
            .collect();
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
        let (sequence, previous) = if own_folder {
            (last.sequence + 1, last.hash.clone())
        } else {
            numbered.last().map_or_else(
                || (1, store::change_log::NO_PREVIOUS.to_owned()),
                |(sequence, path)| {
                    (
                        sequence + 1,
                        hex::encode(Sha256::digest(std::fs::read(path).unwrap())),
                    )
                },
            )
        };
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
        let sealed = seal_bundle(&writer, sequence, &previous, &changes, &mut OsEntropy).unwrap();
        std::fs::write(folder.join(sealed.file_name), sealed.bytes).unwrap();
    }

    /// Puts a `device.json` on the share for `device` naming `key`, as
    /// anyone who can write to the share can: over this computer's own, or
    /// for a new id.
    pub fn register(&self, share: &Path, device: &str, key: &ed25519_dalek::SigningKey) {
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

    /// Every change in this computer's own bundles on the share, in order,
    /// opened as any computer of the unit opens them.
    pub fn sent_changes(&self, share: &Path) -> Vec<Change> {
        let unit_key = read_slots(&self.folder)
            .unwrap()
            .for_username(self.username)
            .unwrap()
            .open(password_of(self.username))
            .unwrap()
            .unit_key;
        let unit = store::unit_rows::unit_id(&self.database()).unwrap();
        let folder = share.join("devices").join(self.device());
        let mut names: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".bundle"))
            .collect();
        names.sort();
        let key = self.signing_key().verifying_key();
        names
            .iter()
            .flat_map(|name| {
                let bytes = std::fs::read(folder.join(name)).unwrap();
                casebook_core::sync::bundle::open_bundle(&bytes, unit, &key, &unit_key.bundle_key())
                    .unwrap()
                    .changes
            })
            .collect()
    }

    pub fn device(&self) -> String {
        store::unit_rows::this_device(&self.database())
            .unwrap()
            .to_string()
    }
}

/// How a bundle is forged: which folder it goes in, which device its
/// header names, and which key signs it (by default, all the hostile
/// computer's own).
#[derive(Default, Clone, Copy)]
pub struct Forgery<'a> {
    pub folder: Option<&'a str>,
    pub header: Option<&'a str>,
    pub key: Option<&'a ed25519_dalek::SigningKey>,
}

/// A change as an honest computer would write it, stamped now.
pub fn change(
    device: &str,
    table: &str,
    row_id: &str,
    operation: &str,
    row: serde_json::Value,
) -> Change {
    Change {
        log_seq: 1,
        hlc: format!("{:015}.000001", chrono::Utc::now().timestamp_millis()),
        device: device.to_owned(),
        table: table.to_owned(),
        row_id: row_id.to_owned(),
        operation: operation.to_owned(),
        row,
        columns: None,
        audit_seq: None,
        author: None,
        author_signature: None,
    }
}
