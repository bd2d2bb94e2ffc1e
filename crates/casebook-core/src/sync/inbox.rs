//! Receiving: other devices' bundles from their folders on the share,
//! checked, in order, and applied, each bundle with its version-vector entry
//! in one transaction, so a bundle applied twice or an import cut off part
//! way changes nothing the next receive does not finish.
//!
//! A device's bundles must run 1, 2, 3… with each naming the hash of the one
//! before. A missing number is a gap, two files with one number or a broken
//! hash link a fork; both are reported and reading stops there, since what
//! follows cannot be trusted to follow. A file that fails its checks is set
//! aside (reported, never deleted). Temporary files of a write in progress
//! are not bundles yet and are passed over.

use std::fs;
use std::path::Path;

use ed25519_dalek::VerifyingKey;

use rusqlite::Connection;

use crate::clock::{Clock, HlcStamp, HybridLogicalClock};
use crate::domain::computers::{ComputerStanding, Decision, may_apply, standing};
use crate::domain::ids::DeviceId;
use crate::error::{CoreError, CoreResult};
use crate::store;
use crate::sync::applying::{Applied, apply_changes, tables_of};
use crate::sync::bundle::{OpenedBundle, open_bundle};
use crate::sync::outbox::{DeviceFile, device_folder, share_error};
use crate::unit::unlocked::UnlockedUnit;
use crate::vault::keys::UnitKey;

/// What reading one device's folder found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceBundles {
    /// Bundles that passed every check, in sequence order.
    pub bundles: Vec<OpenedBundle>,
    /// Where reading stopped and why, in plain words, when it stopped early.
    pub stopped: Option<String>,
    /// Hex of the key the bundles were checked with (`device.json`'s).
    pub public_key: String,
}

/// How far a receive has got: bundles applied of those it found waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReceiveProgress {
    pub done: usize,
    pub total: usize,
}

/// Who hears how a receive goes, and whether it should stop after the
/// bundle in hand because someone is waiting for the unit.
pub(crate) struct ReceiveWatch<'a> {
    pub progress: &'a mut dyn FnMut(ReceiveProgress),
    pub pause: &'a dyn Fn() -> bool,
}

/// What one receive did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceiveReport {
    pub bundles_applied: usize,
    /// Changes that changed a row here (the rest were already outdone).
    pub changes_applied: usize,
    /// Plain-words problems: files set aside, gaps, forks, changes waiting
    /// for another device's.
    pub problems: Vec<String>,
    /// Changes refused because they break a rule of
    /// `domain::received_changes`: never applied, kept for administrators.
    pub changes_refused: usize,
    /// Stopped early because someone was waiting for the unit: bundles may
    /// remain for the next receive.
    pub paused: bool,
}

impl UnlockedUnit {
    /// Applies every bundle of every other device on the share that this
    /// device has not applied yet.
    pub fn receive_changes(
        &mut self,
        share: &Path,
        clock: &dyn Clock,
    ) -> CoreResult<ReceiveReport> {
        self.receive_changes_with_progress(share, clock, &mut |_| {}, &|| false)
    }

    /// As `receive_changes`, telling `progress` after each bundle applied
    /// how far the receive has got, and stopping after the bundle in hand
    /// when `pause` says someone is waiting for the unit (the report says
    /// so; the next receive goes on from there).
    pub fn receive_changes_with_progress(
        &mut self,
        share: &Path,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(ReceiveProgress),
        pause: &dyn Fn() -> bool,
    ) -> CoreResult<ReceiveReport> {
        self.require_own_password()?;
        let me = self.device;
        receive_into(
            &mut self.conn,
            &self.unit_key,
            me,
            &mut self.hlc,
            share,
            clock,
            ReceiveWatch { progress, pause },
        )
    }

    /// A digest of every synced row: equal on two devices that hold the
    /// same, for checking that sync converged.
    pub fn synced_rows_digest(&self) -> CoreResult<String> {
        store::sync_apply::synced_rows_digest(&self.conn)
    }

    /// How many rows of one synced table this device holds, shown or not
    /// (for checking that sync lost nothing).
    pub fn synced_rows_count(&self, table: &str) -> CoreResult<u64> {
        store::sync_apply::synced_rows_count(&self.conn, table)
    }

    /// The bundles `device` wrote after sequence `after` (whose hash was
    /// `after_hash`), checked against the device's published key, this
    /// unit's key and the device's hash chain.
    pub fn read_device_bundles(
        &self,
        share: &Path,
        device: DeviceId,
        after: u64,
        after_hash: &str,
    ) -> CoreResult<DeviceBundles> {
        self.require_own_password()?;
        read_bundles(&self.conn, &self.unit_key, share, device, after, after_hash)
    }
}

/// Receives into a unit database: for a signed-in unit, and for a device
/// joining from the share before anyone can sign in to it.
pub(crate) fn receive_into(
    conn: &mut Connection,
    unit_key: &UnitKey,
    me: DeviceId,
    hlc: &mut HybridLogicalClock,
    share: &Path,
    clock: &dyn Clock,
    watch: ReceiveWatch<'_>,
) -> CoreResult<ReceiveReport> {
    let ReceiveWatch { progress, pause } = watch;
    if !share.is_dir() {
        return Err(share_error(
            &std::io::Error::from(std::io::ErrorKind::NotFound),
            "receive changes",
        ));
    }
    // A share no device has sent to yet has nothing to receive.
    let devices_folder = share.join("devices");
    if !devices_folder.is_dir() {
        return Ok(ReceiveReport::default());
    }
    let mut devices: Vec<DeviceId> = fs::read_dir(&devices_folder)
        .map_err(|e| share_error(&e, "receive changes"))?
        .flatten()
        .filter_map(|entry| DeviceId::parse(&entry.file_name().to_string_lossy()).ok())
        .filter(|device| *device != me)
        .collect();
    devices.sort();
    let mut report = ReceiveReport::default();
    let mut waiting: Vec<DeviceId> = Vec::new();
    // How many bundles wait, from the folders' listings alone, so progress
    // can be told before the slow part (checking and applying) begins.
    let mut total = 0;
    for device in &devices {
        let (after, _) = store::sync_apply::applied(conn, &device.to_string())?;
        total += fs::read_dir(device_folder(share, &device.to_string()))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| {
                sequence_of(&entry.file_name().to_string_lossy()).is_some_and(|s| s > after)
            })
            .count();
    }
    progress(ReceiveProgress { done: 0, total });
    // A bundle may refer to rows another device made (a review of its
    // client); if that device's bundle is not applied yet, the bundle
    // waits, and another round runs while any bundle was applied.
    loop {
        let mut moved_on = false;
        waiting.clear();
        for device in &devices {
            let (after, after_hash) = store::sync_apply::applied(conn, &device.to_string())?;
            let read = match read_bundles(conn, unit_key, share, *device, after, &after_hash) {
                Ok(read) => read,
                Err(error) => {
                    push_once(&mut report.problems, error.message);
                    continue;
                }
            };
            // Decisions about computers arrive by sync too, so whether this
            // one's changes are taken is asked again every round.
            if let Some(refusal) = refusal_of_computer(conn, share, device, &read)? {
                push_once(&mut report.problems, refusal);
                continue;
            }
            if let Some(problem) = read.stopped {
                push_once(&mut report.problems, problem);
            }
            // The first time a computer's changes are taken here, its key is
            // pinned: a `device.json` naming another key later is refused.
            if !read.bundles.is_empty() {
                store::device_decisions::pin_key(
                    conn,
                    &device.to_string(),
                    &read.public_key,
                    &clock.now().to_rfc3339(),
                )?;
            }
            for bundle in read.bundles {
                match apply_bundle(conn, hlc, device, &bundle, clock)? {
                    Some(applied) => {
                        moved_on = true;
                        report.bundles_applied += 1;
                        report.changes_applied += applied.changed;
                        report.changes_refused += applied.refused;
                        progress(ReceiveProgress {
                            done: report.bundles_applied,
                            total: total.max(report.bundles_applied),
                        });
                        // Each bundle is whole in its own transaction, so
                        // stopping here leaves nothing half done.
                        if pause() {
                            report.paused = true;
                            return Ok(report);
                        }
                    }
                    None => {
                        waiting.push(*device);
                        break;
                    }
                }
            }
        }
        if !moved_on {
            break;
        }
    }
    if !waiting.is_empty() {
        // Bundles of two devices can wait on each other, each pointing at
        // rows the other brings (a client added on one, its keyworker's
        // account on the other). Everything readable is then applied in one
        // transaction, which stands only if it is whole.
        match apply_together(conn, unit_key, hlc, share, &devices, clock)? {
            Some((bundles, applied)) => {
                report.bundles_applied += bundles;
                report.changes_applied += applied.changed;
                report.changes_refused += applied.refused;
            }
            None => push_once(
                &mut report.problems,
                "Some changes wait for another device's changes that have not reached the shared folder yet."
                    .to_owned(),
            ),
        }
    }
    if report.changes_refused > 0 {
        push_once(
            &mut report.problems,
            format!(
                "{} broke the unit's rules and {} refused: nothing of {} was applied. An administrator can see {} under Settings, Refused changes.",
                if report.changes_refused == 1 {
                    "A change from another computer".to_owned()
                } else {
                    format!("{} changes from other computers", report.changes_refused)
                },
                if report.changes_refused == 1 {
                    "was"
                } else {
                    "were"
                },
                if report.changes_refused == 1 {
                    "it"
                } else {
                    "them"
                },
                if report.changes_refused == 1 {
                    "it"
                } else {
                    "them"
                },
            ),
        );
    }
    Ok(report)
}

/// One bundle's changes and its version-vector entry, in one transaction;
/// returns how many rows it changed, or `None` (and changes nothing) when
/// it points at rows not received yet.
fn apply_bundle(
    conn: &mut Connection,
    hlc: &mut HybridLogicalClock,
    device: &DeviceId,
    bundle: &OpenedBundle,
    clock: &dyn Clock,
) -> CoreResult<Option<Applied>> {
    // Rows may arrive before the rows they point at within a bundle;
    // foreign keys are checked when the bundle is whole.
    let tx = store::begin_with_deferred_foreign_keys(conn, "apply the received changes")?;
    let applied = apply_changes(&tx, device, bundle, clock)?;
    if store::sync_apply::points_at_missing_rows(&tx, &tables_of(&[bundle]))? {
        // Dropping the transaction undoes the bundle's changes.
        return Ok(None);
    }
    store::change_log::record_observed(&tx, applied.latest)?;
    store::commit(tx, "apply the received changes")?;
    // Only what was committed moves the clock.
    hlc.observe(applied.latest);
    Ok(Some(applied))
}

/// Every readable bundle of every device not applied yet, in one
/// transaction that commits only if no row points at a row missing after
/// all of them. Returns how many bundles and changed rows, or `None`.
fn apply_together(
    conn: &mut Connection,
    unit_key: &UnitKey,
    hlc: &mut HybridLogicalClock,
    share: &Path,
    devices: &[DeviceId],
    clock: &dyn Clock,
) -> CoreResult<Option<(usize, Applied)>> {
    let mut read = Vec::new();
    for device in devices {
        let (after, after_hash) = store::sync_apply::applied(conn, &device.to_string())?;
        if let Ok(found) = read_bundles(conn, unit_key, share, *device, after, &after_hash)
            && refusal_of_computer(conn, share, device, &found)?.is_none()
        {
            read.push((*device, found.bundles));
        }
    }
    let tx = store::begin_with_deferred_foreign_keys(conn, "apply the received changes")?;
    let (mut bundles, mut changed, mut refused, mut latest) = (0, 0, 0, HlcStamp::default());
    for (device, found) in &read {
        for bundle in found {
            let applied = apply_changes(&tx, device, bundle, clock)?;
            bundles += 1;
            changed += applied.changed;
            refused += applied.refused;
            latest = latest.max(applied.latest);
        }
    }
    let all: Vec<&OpenedBundle> = read.iter().flat_map(|(_, found)| found).collect();
    if bundles == 0 || store::sync_apply::points_at_missing_rows(&tx, &tables_of(&all))? {
        return Ok(None);
    }
    store::change_log::record_observed(&tx, latest)?;
    store::commit(tx, "apply the received changes")?;
    hlc.observe(latest);
    Ok(Some((
        bundles,
        Applied {
            changed,
            refused,
            latest,
        },
    )))
}

/// The bundles `device` wrote after sequence `after`, checked and in order.
fn read_bundles(
    conn: &Connection,
    unit_key: &UnitKey,
    share: &Path,
    device: DeviceId,
    after: u64,
    after_hash: &str,
) -> CoreResult<DeviceBundles> {
    let unit = store::unit_rows::unit_id(conn)?;
    let folder = device_folder(share, &device.to_string());
    let device_key = read_device_key(&folder, &device.to_string(), &unit.to_string())?;
    let key_hex = hex::encode(device_key.as_bytes());
    if store::device_decisions::pinned_key(conn, &device.to_string())?
        .is_some_and(|pinned| pinned != key_hex)
    {
        return Err(CoreError::invalid(
            "A computer's registration on the shared folder names another key than the one its changes came with before, so its files were set aside. Nothing was applied; ask your administrator.",
        ));
    }
    let mut numbered: Vec<(u64, String)> = Vec::new();
    for entry in fs::read_dir(&folder).map_err(|e| share_error(&e, "read the shared folder"))? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(sequence) = sequence_of(&name)
            && sequence > after
        {
            numbered.push((sequence, name));
        }
    }
    numbered.sort();
    let body_key = unit_key.bundle_key();
    let mut found = DeviceBundles {
        public_key: key_hex,
        ..DeviceBundles::default()
    };
    let mut previous = after_hash.to_owned();
    for (expected, (index, (sequence, name))) in (after + 1..).zip(numbered.iter().enumerate()) {
        if numbered
            .get(index + 1)
            .is_some_and(|(next, _)| next == sequence)
        {
            found.stopped = Some(format!(
                "Two files claim to be bundle {sequence} of one device (a fork). Reading stopped there; ask your administrator."
            ));
            break;
        }
        if *sequence != expected {
            found.stopped = Some(format!(
                "Bundle {expected} of one device is missing from the shared folder (a gap); later ones wait until it arrives."
            ));
            break;
        }
        let bytes = match fs::read(folder.join(name)) {
            Ok(bytes) => bytes,
            Err(error) => {
                found.stopped = Some(share_error(&error, "read the shared folder").message);
                break;
            }
        };
        let opened = match open_bundle(&bytes, unit, &device_key, &body_key) {
            Ok(opened) => opened,
            Err(error) => {
                found.stopped = Some(error.message);
                break;
            }
        };
        if opened.header.device != device.to_string() {
            found.stopped = Some(
                "A bundle in one computer's folder names another computer, so it was set aside. Nothing was applied from it; ask your administrator."
                    .to_owned(),
            );
            break;
        }
        if opened.header.sequence != *sequence || opened.header.previous != previous {
            found.stopped = Some(format!(
                "Bundle {sequence} of one device does not follow on from the one before it (a fork). Reading stopped there; ask your administrator."
            ));
            break;
        }
        previous = opened.hash.clone();
        found.bundles.push(opened);
    }
    Ok(found)
}

/// Why a computer's bundles are not applied here, if they are not: its
/// access was withdrawn, or the unit wants new computers approved and no
/// one has approved it. A computer approved by a manager in its own first
/// changes (a manager's new computer) is taken.
fn refusal_of_computer(
    conn: &Connection,
    share: &Path,
    device: &DeviceId,
    read: &DeviceBundles,
) -> CoreResult<Option<String>> {
    let name = device.to_string();
    let Ok(file) = read_device_file(&device_folder(share, &name)) else {
        // An unreadable registration is reported by reading its bundles.
        return Ok(None);
    };
    let decisions = store::device_decisions::about(conn, &name)?;
    let withdrawn_keys = store::device_decisions::withdrawn_keys(conn)?;
    let approval_needed = store::unit_settings::read(conn)?.new_computers_need_approval;
    // Judged by the key the bundles were checked with, not by a second
    // read of `device.json`, which may have changed in between.
    let key = if read.public_key.is_empty() {
        file.public_key.clone()
    } else {
        read.public_key.clone()
    };
    let standing = standing(&decisions, &withdrawn_keys, &key);
    if may_apply(&standing, approval_needed) {
        return Ok(None);
    }
    if standing == ComputerStanding::Withdrawn {
        return Ok(Some(
            "Changes from a computer whose access was withdrawn were set aside, not applied (and not deleted)."
                .to_owned(),
        ));
    }
    let approved_by_a_manager_in_its_first_changes = read.bundles.first().is_some_and(|bundle| {
        bundle.changes.iter().any(|change| {
            let field = |field: &str| change.row.get(field).and_then(serde_json::Value::as_str);
            change.table == "device_decisions"
                && field("device") == Some(name.as_str())
                && field("decision") == Some(Decision::Approved.as_str())
                && field("public_key").map(str::to_ascii_lowercase).as_deref() == Some(key.as_str())
                && field("decided_by")
                    .and_then(|id| crate::domain::ids::AccountId::parse(id).ok())
                    .and_then(|id| store::accounts::find(conn, id).ok().flatten())
                    .is_some_and(|account| {
                        !account.disabled
                            && (account.administrator
                                || account.case_role
                                    == Some(crate::domain::account::CaseRole::Manager))
                    })
        })
    });
    if approved_by_a_manager_in_its_first_changes {
        return Ok(None);
    }
    Ok(Some(
        "A new computer is waiting for a manager's approval (Settings, Computers). Its changes will be applied once it is approved."
            .to_owned(),
    ))
}

fn push_once(problems: &mut Vec<String>, problem: String) {
    if !problems.contains(&problem) {
        problems.push(problem);
    }
}

/// The sequence number in a bundle's file name, or `None` for anything
/// else (a temporary file, a stray copy).
pub fn sequence_of(name: &str) -> Option<u64> {
    let stem = name.strip_suffix(".bundle")?;
    let (number, hash) = stem.split_once('-')?;
    let well_formed = number.len() == 10
        && number.bytes().all(|b| b.is_ascii_digit())
        && hash.len() == 16
        && hash.bytes().all(|b| b.is_ascii_hexdigit());
    if well_formed {
        number.parse().ok()
    } else {
        None
    }
}

fn read_device_file(folder: &Path) -> CoreResult<DeviceFile> {
    let bytes = fs::read(folder.join("device.json")).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound && folder.is_dir() {
            CoreError::invalid(
                "Files on the shared folder come from a computer that never registered there, so they were set aside. Nothing was applied from them, and they were not deleted.",
            )
        } else {
            share_error(&e, "read the shared folder")
        }
    })?;
    let mut file: DeviceFile = serde_json::from_slice(&bytes).map_err(|_| unreadable())?;
    // One spelling of a key everywhere it is compared (withdrawn keys,
    // approvals, pins): hex in upper case names the same key.
    file.public_key = file.public_key.to_ascii_lowercase();
    Ok(file)
}

pub(crate) fn read_device_key(folder: &Path, device: &str, unit: &str) -> CoreResult<VerifyingKey> {
    let file = read_device_file(folder)?;
    if file.device != device || file.unit != unit {
        return Err(unreadable());
    }
    let key: [u8; 32] = hex::decode(&file.public_key)
        .ok()
        .and_then(|k| k.try_into().ok())
        .ok_or_else(unreadable)?;
    VerifyingKey::from_bytes(&key).map_err(|_| unreadable())
}

fn unreadable() -> CoreError {
    CoreError::invalid(
        "A device's registration on the shared folder cannot be read, so its files were set aside. Nothing was applied.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_bundle_names_have_a_sequence() {
        assert_eq!(sequence_of("0000000042-0123456789abcdef.bundle"), Some(42));
        for other in [
            ".0000000042-0123456789abcdef.bundle.partial",
            "0000000042-0123456789abcdef.bundle.partial",
            "42-0123456789abcdef.bundle",
            "0000000042-0123.bundle",
            "device.json",
            "0000000042-0123456789abcdeg.bundle",
        ] {
            assert_eq!(sequence_of(other), None, "{other}");
        }
    }
}
