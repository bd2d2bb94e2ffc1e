//! Sending: this device's changes, not yet in any bundle, written to its
//! own folder on the share as the next bundles in its sequence.
//!
//! A bundle is written whole or not at all (`write_once`), and recorded as
//! sent only after it is on the share. A crash between the two leaves a
//! bundle on the share that this device does not know it wrote; the next
//! send finds it under the next sequence number, checks it is this device's
//! own and follows on from the last one recorded, and adopts it instead of
//! writing a second, different bundle with the same number (a fork).

use std::fs;
use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};

use crate::clock::{Clock, Entropy};
use crate::domain::ids::UnitId;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::store::{self, sync_state::LastSent};
use crate::sync::bundle::{BundleWriter, open_bundle, seal_bundle};
use crate::unit::unlocked::UnlockedUnit;
use crate::write_once::write_new_file;

/// At most this many changes go in one bundle, so a device back from weeks
/// offline writes several modest files rather than one huge one.
pub const MAX_CHANGES_PER_BUNDLE: usize = 5_000;

/// What a device publishes about itself in its folder on the share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceFile {
    pub format: u16,
    pub unit: String,
    pub device: String,
    /// Hex of the Ed25519 public key that checks this device's bundles.
    pub public_key: String,
    /// The computer's name, for a manager deciding whether to approve it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The username of the person who first sent from it, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined_at: Option<String>,
}

impl DeviceFile {
    /// Whether two files describe the same device with the same key (the
    /// name and who joined are for people to read, not for checking).
    fn same_device(&self, other: &DeviceFile) -> bool {
        self.unit == other.unit
            && self.device == other.device
            && self.public_key == other.public_key
    }
}

/// What one send did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SendReport {
    pub bundles_written: usize,
    pub changes_sent: usize,
    /// Bundles found on the share that an interrupted send had written.
    pub bundles_adopted: usize,
}

/// This device's folder inside the unit's shared folder.
pub fn device_folder(share: &Path, device: &str) -> PathBuf {
    share.join("devices").join(device)
}

impl UnlockedUnit {
    /// Writes every change made on this device since the last send to the
    /// unit's shared folder `share`. Sending again with nothing new writes
    /// nothing.
    pub fn send_changes(
        &mut self,
        share: &Path,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<SendReport> {
        self.require_own_password()?;
        let signing_key = self.device_signing_key(entropy)?;
        let unit = store::unit_rows::unit_id(&self.conn)?;
        let device = self.device.to_string();
        let folder = device_folder(share, &device);
        if !share.is_dir() {
            return Err(share_error(
                &std::io::Error::from(std::io::ErrorKind::NotFound),
                "send changes",
            ));
        }
        fs::create_dir_all(&folder).map_err(|e| share_error(&e, "send changes"))?;
        self.publish_device_file(&folder, unit, &signing_key, clock)?;
        self.approve_own_computer_if_allowed(
            &hex::encode(signing_key.verifying_key().as_bytes()),
            clock,
            entropy,
        )?;
        let body_key = self.unit_key.bundle_key();
        let writer = BundleWriter {
            unit,
            device: self.device,
            signing_key: &signing_key,
            body_key: &body_key,
            key_id: 1,
            acks: store::sync_apply::all_applied(&self.conn)?
                .into_iter()
                .map(|(device, sequence, _)| (device, sequence))
                .collect(),
        };
        let mut report = SendReport::default();
        loop {
            let last = store::sync_state::last_sent(&self.conn)?;
            if let Some(adopted) =
                self.written_but_not_recorded(&folder, unit, &last, &signing_key)?
            {
                let tx = store::begin(&mut self.conn, "record the sent changes")?;
                store::sync_state::record_sent(&tx, &adopted.0, &adopted.1, clock.now())?;
                store::commit(tx, "record the sent changes")?;
                report.bundles_adopted += 1;
                continue;
            }
            let mut changes = store::sync_state::pending_changes(
                &self.conn,
                &device,
                last.last_change,
                MAX_CHANGES_PER_BUNDLE,
            )?;
            // The audit trail goes after the changes it records.
            let audit = store::sync_state::pending_audit(
                &self.conn,
                &device,
                last.last_audit,
                MAX_CHANGES_PER_BUNDLE - changes.len(),
            )?;
            if changes.is_empty() && audit.is_empty() {
                return Ok(report);
            }
            let last_change = changes.last().map_or(last.last_change, |c| c.log_seq);
            let last_audit = audit
                .last()
                .and_then(|c| c.audit_seq)
                .unwrap_or(last.last_audit);
            let counted = changes.len();
            changes.extend(audit);
            let sequence = last.sequence + 1;
            let sealed = seal_bundle(&writer, sequence, &last.hash, &changes, entropy)?;
            write_new_file(&folder, &sealed.file_name, &sealed.bytes)
                .map_err(|e| share_error(&e, "send changes"))?;
            let sent = LastSent {
                sequence,
                hash: sealed.hash,
                last_change,
                last_audit,
            };
            let tx = store::begin(&mut self.conn, "record the sent changes")?;
            store::sync_state::record_sent(&tx, &sent, &sealed.file_name, clock.now())?;
            store::commit(tx, "record the sent changes")?;
            report.bundles_written += 1;
            report.changes_sent += counted;
        }
    }

    /// This device's signing key, made the first time it is needed.
    pub(crate) fn device_signing_key(
        &mut self,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<SigningKey> {
        if let Some(seed) = store::sync_state::signing_key_seed(&self.conn)? {
            return Ok(SigningKey::from_bytes(&seed));
        }
        let mut seed = zeroize::Zeroizing::new([0u8; 32]);
        entropy.fill(seed.as_mut());
        let tx = store::begin(&mut self.conn, "make this device's sync key")?;
        store::sync_state::set_signing_key_seed(&tx, &seed)?;
        store::commit(tx, "make this device's sync key")?;
        Ok(SigningKey::from_bytes(&seed))
    }

    /// Writes `device.json` once; a folder that already has one must name
    /// this device's key, or another installation is using this device's id.
    fn publish_device_file(
        &self,
        folder: &Path,
        unit: UnitId,
        key: &SigningKey,
        clock: &dyn Clock,
    ) -> CoreResult<()> {
        let ours = DeviceFile {
            format: 1,
            unit: unit.to_string(),
            device: self.device.to_string(),
            public_key: hex::encode(key.verifying_key().as_bytes()),
            name: Some(computer_name()),
            joined_by: Some(self.account.username.as_str().to_owned()),
            joined_at: Some(clock.now().to_rfc3339()),
        };
        let path = folder.join("device.json");
        match fs::read(&path) {
            Ok(bytes) => {
                let theirs: Option<DeviceFile> = serde_json::from_slice(&bytes).ok();
                if theirs.is_some_and(|theirs| theirs.same_device(&ours)) {
                    Ok(())
                } else {
                    Err(CoreError::invalid(
                        "The shared folder already holds another device with this device's identity. \
                         Nothing was sent; ask your administrator to check the unit's devices.",
                    ))
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let bytes =
                    serde_json::to_vec_pretty(&ours).map_err(|e| CoreError::internal(&e))?;
                write_new_file(folder, "device.json", &bytes)
                    .map(drop)
                    .map_err(|e| share_error(&e, "send changes"))
            }
            Err(error) => Err(share_error(&error, "send changes")),
        }
    }

    /// A bundle under the next sequence number that this device wrote (its
    /// signature) after the last one recorded (its `previous`), with the
    /// record to make of it.
    fn written_but_not_recorded(
        &self,
        folder: &Path,
        unit: UnitId,
        last: &LastSent,
        key: &SigningKey,
    ) -> CoreResult<Option<(LastSent, String)>> {
        let prefix = format!("{:010}-", last.sequence + 1);
        let entries = fs::read_dir(folder).map_err(|e| share_error(&e, "send changes"))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.starts_with(&prefix) || !name.ends_with(".bundle") {
                continue;
            }
            let bytes = fs::read(entry.path()).map_err(|e| share_error(&e, "send changes"))?;
            let opened = open_bundle(
                &bytes,
                unit,
                &key.verifying_key(),
                &self.unit_key.bundle_key(),
            )?;
            if opened.header.previous != last.hash {
                return Err(CoreError::invalid(
                    "This device's bundles on the shared folder do not follow on from what it \
                     last sent (its copy of the unit may have been restored from a backup). \
                     Nothing was sent; ask your administrator.",
                ));
            }
            let last_change = opened
                .changes
                .iter()
                .filter(|c| c.audit_seq.is_none())
                .map(|c| c.log_seq)
                .max()
                .unwrap_or(last.last_change);
            let last_audit = opened
                .changes
                .iter()
                .filter_map(|c| c.audit_seq)
                .max()
                .unwrap_or(last.last_audit);
            return Ok(Some((
                LastSent {
                    sequence: last.sequence + 1,
                    hash: opened.hash,
                    last_change,
                    last_audit,
                },
                name,
            )));
        }
        Ok(None)
    }
}

/// This computer's name as the system knows it, for the list of the
/// unit's computers; a plain description where the system does not say.
fn computer_name() -> String {
    let named = std::env::var("COMPUTERNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|name| name.trim().chars().take(64).collect::<String>())
        .filter(|name| !name.is_empty());
    named.unwrap_or_else(|| "A computer with no name".to_owned())
}

/// A failed operation on the shared folder, in the words a keyworker would
/// use for it. Nothing about a person is in `what`.
pub fn share_error(error: &std::io::Error, what: &str) -> CoreError {
    use std::io::ErrorKind as Kind;
    match error.kind() {
        Kind::PermissionDenied | Kind::ReadOnlyFilesystem => CoreError::new(
            ErrorCode::StorageReadOnly,
            format!(
                "Casebook could not {what}: the shared folder is read-only. Your changes are kept on this computer and will be sent later."
            ),
        ),
        Kind::StorageFull | Kind::QuotaExceeded | Kind::FileTooLarge => CoreError::new(
            ErrorCode::StorageFull,
            format!(
                "Casebook could not {what}: the shared drive is full. Your changes are kept on this computer and will be sent later."
            ),
        ),
        _ => CoreError::new(
            ErrorCode::StorageUnavailable,
            format!(
                "Casebook could not {what}: the shared folder cannot be reached. Your changes are kept on this computer and will be sent when it can."
            ),
        ),
    }
}
