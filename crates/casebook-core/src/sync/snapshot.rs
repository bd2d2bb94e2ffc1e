//! Snapshots: every synced row a device holds, sealed and signed like a
//! bundle, with the version vector it covers. A joining device starts from
//! the newest snapshot it can verify and then applies only the bundles
//! after it, rather than replaying every bundle since the unit began; and
//! because a snapshot covers them, old bundles can one day be removed.
//!
//! A snapshot is written by a device after it has sent its own changes, so
//! what it holds is exactly its own bundles up to its last and every other
//! device's up to its version vector. Each row carries its field stamps, so
//! changes after the snapshot merge field by field just as on the writer.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::clock::{Clock, Entropy, HlcStamp};
use crate::domain::ids::{DeviceId, UnitId};
use crate::error::{CoreError, CoreResult};
use crate::store::{self, snapshots::SnapshotRow};
use crate::sync::bundle::{SealedHeader, open_file, read_unverified_header, seal_file};
use crate::sync::inbox::read_device_key;
use crate::sync::outbox::{device_folder, share_error};
use crate::unit::unlocked::UnlockedUnit;
use crate::vault::keys::UnitKey;
use crate::write_once::write_new_file;

pub const SNAPSHOT_MAGIC: &[u8; 8] = b"CBSNAPSH";
pub const SNAPSHOTS_FOLDER: &str = "snapshots";
/// A device writes a new snapshot when the newest on the share is this many
/// bundles behind what it holds: often enough that joining never replays
/// much, rarely enough that snapshots are a small part of the share.
pub const SNAPSHOT_AFTER_BUNDLES: u64 = 50;

/// How far one device's bundles are in a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Covered {
    pub sequence: u64,
    pub hash: String,
}

/// A snapshot's header: authenticated, readable without the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotHeader {
    pub unit: String,
    /// The device that wrote it.
    pub device: String,
    /// Every device's bundles it holds, the writer's own included.
    pub covers: BTreeMap<String, Covered>,
    pub key_id: u32,
    pub nonce: String,
    pub rows: u64,
    pub taken_at: String,
}

impl SealedHeader for SnapshotHeader {
    fn unit(&self) -> &str {
        &self.unit
    }
    fn nonce(&self) -> &str {
        &self.nonce
    }
}

/// How many bundles a version vector covers in all: a snapshot's place in
/// its file name, so the newest sorts last.
fn total(covers: &BTreeMap<String, Covered>) -> u64 {
    covers.values().map(|c| c.sequence).sum()
}

impl UnlockedUnit {
    /// Sends this device's changes, then writes a snapshot of everything it
    /// holds to the share's `snapshots/` folder. Returns the file's name, or
    /// `None` when there is nothing to snapshot or the same snapshot is
    /// there already.
    pub fn write_snapshot(
        &mut self,
        share: &Path,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Option<String>> {
        self.require_own_password()?;
        self.send_changes(share, clock, entropy)?;
        let signing_key = self.device_signing_key(entropy)?;
        let unit = store::unit_rows::unit_id(&self.conn)?;
        // One read transaction, so the rows and the vector agree.
        let (own, vector, rows) = {
            let tx = store::begin(&mut self.conn, "write a snapshot")?;
            let own = store::sync_state::last_sent(&tx)?;
            let vector = store::sync_apply::all_applied(&tx)?;
            let rows = store::snapshots::every_synced_row(&tx)?;
            (own, vector, rows)
        };
        let mut covers: BTreeMap<String, Covered> = vector
            .into_iter()
            .map(|(device, sequence, hash)| (device, Covered { sequence, hash }))
            .collect();
        if own.sequence > 0 {
            covers.insert(
                self.device.to_string(),
                Covered {
                    sequence: own.sequence,
                    hash: own.hash,
                },
            );
        }
        if covers.is_empty() {
            return Ok(None);
        }
        let mut nonce = [0u8; 24];
        entropy.fill(&mut nonce);
        let header = SnapshotHeader {
            unit: unit.to_string(),
            device: self.device.to_string(),
            covers,
            key_id: 1,
            nonce: hex::encode(nonce),
            rows: rows.len() as u64,
            taken_at: clock.now().to_rfc3339(),
        };
        let plain = serde_json::to_vec(&rows).map_err(|e| CoreError::internal(&e))?;
        let bytes = seal_file(
            SNAPSHOT_MAGIC,
            &header,
            &plain,
            &self.unit_key.bundle_key(),
            &signing_key,
        )?;
        // Named by what it covers and who wrote it: the same device covering
        // the same bundles writes the same name, which is never replaced.
        let name = format!("{:012}-{}.snapshot", total(&header.covers), self.device);
        let folder = share.join(SNAPSHOTS_FOLDER);
        fs::create_dir_all(&folder).map_err(|e| share_error(&e, "write a snapshot"))?;
        match write_new_file(&folder, &name, &bytes) {
            Ok(_) => Ok(Some(name)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(None),
            Err(error) => Err(share_error(&error, "write a snapshot")),
        }
    }

    /// Whether the share's newest snapshot is far enough behind what this
    /// device holds that it should write one.
    pub(crate) fn snapshot_is_due(&self, share: &Path) -> CoreResult<bool> {
        let own = store::sync_state::last_sent(&self.conn)?.sequence;
        let applied: u64 = store::sync_apply::all_applied(&self.conn)?
            .iter()
            .map(|(_, sequence, _)| sequence)
            .sum();
        let newest = snapshot_names(share)
            .iter()
            .filter_map(|name| name.split('-').next()?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        Ok((own + applied).saturating_sub(newest) >= SNAPSHOT_AFTER_BUNDLES)
    }
}

/// The snapshot files on the share, newest (most bundles covered) first.
fn snapshot_names(share: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(share.join(SNAPSHOTS_FOLDER))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".snapshot") && !name.starts_with('.'))
        .collect();
    names.sort();
    names.reverse();
    names
}

/// Loads the newest snapshot on the share that passes every check into an
/// empty unit database, with the version vector it covers, in one
/// transaction. Returns the problems met with snapshots set aside (a
/// damaged or unverifiable one is passed over for the next newest), and
/// whether one was loaded; with none, the caller replays every bundle.
pub(crate) fn start_from_snapshot(
    conn: &mut Connection,
    unit_key: &UnitKey,
    share: &Path,
    me: DeviceId,
    clock: &dyn Clock,
) -> CoreResult<(bool, Vec<String>)> {
    let unit: UnitId = store::unit_rows::unit_id(conn)?;
    let key = unit_key.bundle_key();
    let mut problems = Vec::new();
    for name in snapshot_names(share) {
        let opened = open_snapshot(share, &name, unit, &key);
        let (header, rows) = match opened {
            Ok(opened) => opened,
            Err(error) => {
                problems.push(error.message);
                continue;
            }
        };
        let tx = store::begin_with_deferred_foreign_keys(conn, "join the unit")?;
        store::snapshots::load_rows(&tx, &rows)?;
        let now = clock.now();
        for (device, covered) in &header.covers {
            if *device != me.to_string() {
                store::sync_apply::record_applied(
                    &tx,
                    device,
                    covered.sequence,
                    &covered.hash,
                    now,
                )?;
            }
        }
        let latest = rows
            .iter()
            .filter_map(|row| row.row.get("hlc")?.as_str().and_then(HlcStamp::decode))
            .max()
            .unwrap_or_default();
        store::change_log::record_observed(&tx, latest)?;
        match store::commit(tx, "join the unit") {
            Ok(()) => return Ok((true, problems)),
            // Rows pointing at rows the snapshot lacks: it is not whole.
            Err(_) => problems.push(damaged().message),
        }
    }
    Ok((false, problems))
}

/// Reads and checks one snapshot file: the writer's signature against its
/// registered key, the unit, the AEAD and the row count.
fn open_snapshot(
    share: &Path,
    name: &str,
    unit: UnitId,
    key: &crate::vault::keys::BundleKey,
) -> CoreResult<(SnapshotHeader, Vec<SnapshotRow>)> {
    let bytes = fs::read(share.join(SNAPSHOTS_FOLDER).join(name))
        .map_err(|e| share_error(&e, "read a snapshot"))?;
    let writer = read_unverified_header::<SnapshotHeader>(&bytes, SNAPSHOT_MAGIC)?.device;
    let device_key = read_device_key(&device_folder(share, &writer), &writer, &unit.to_string())?;
    let (header, plain): (SnapshotHeader, Vec<u8>) =
        open_file(&bytes, SNAPSHOT_MAGIC, unit, &device_key, key)?;
    let rows: Vec<SnapshotRow> = serde_json::from_slice(&plain).map_err(|_| damaged())?;
    if rows.len() as u64 != header.rows || header.device != writer {
        return Err(damaged());
    }
    Ok((header, rows))
}

/// The header of the newest snapshot on the share that passes every check.
pub(crate) fn newest_good_snapshot(
    share: &Path,
    unit_key: &UnitKey,
    unit: UnitId,
) -> Option<SnapshotHeader> {
    let key = unit_key.bundle_key();
    snapshot_names(share)
        .iter()
        .find_map(|name| open_snapshot(share, name, unit, &key).ok())
        .map(|(header, _)| header)
}

fn damaged() -> CoreError {
    CoreError::invalid(
        "A snapshot on the shared folder is damaged, so it was set aside (not deleted). Joining uses the bundles instead.",
    )
}
