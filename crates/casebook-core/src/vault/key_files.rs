//! A unit's `keys/` folder: reading its slot files, adding one, and retiring
//! old ones.
//!
//! Slot files are never changed. A new password or recovery key gets a new
//! file, which is read back and opened with its secret before the old file
//! is removed, so a crash at any step leaves at least one slot that opens
//! the unit.

use std::fs;
use std::path::Path;

use crate::domain::ids::AccountId;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::vault::keys::UnitKey;
use crate::vault::slot::{KeySlot, SlotKind};
use crate::write_once::{sync_folder, write_new_file};

pub const KEYS_FOLDER: &str = "keys";

/// The readable slots, and how many slot files could not be read.
#[derive(Debug, Default)]
pub struct SlotFiles {
    pub slots: Vec<KeySlot>,
    pub damaged: usize,
}

impl SlotFiles {
    /// The newest slot of `username`. There is more than one only for the
    /// moment between a new slot being written and the old being retired.
    pub fn for_username(&self, username: &str) -> Option<&KeySlot> {
        self.slots
            .iter()
            .filter(|slot| slot.header.username.as_deref() == Some(username))
            .max_by(|a, b| a.header.slot_id.cmp(&b.header.slot_id))
    }

    pub fn recovery(&self) -> Option<&KeySlot> {
        self.slots
            .iter()
            .filter(|slot| slot.header.kind == SlotKind::Recovery)
            .max_by(|a, b| a.header.slot_id.cmp(&b.header.slot_id))
    }
}

/// Reads every slot file. A missing or empty keys folder is its own error,
/// because without slots the unit can never be opened.
pub fn read_slots(unit_folder: &Path) -> CoreResult<SlotFiles> {
    let keys = unit_folder.join(KEYS_FOLDER);
    let missing = || {
        CoreError::new(
            ErrorCode::KeyFileMissing,
            "This unit's key files are missing (the keys folder is empty or gone), so it cannot be opened. Nothing was changed. Restore the keys folder from a backup.",
        )
    };
    let entries = match fs::read_dir(&keys) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Err(missing()),
        Err(error) => return Err(CoreError::from_io(&error, "read the key files")),
    };
    let mut found = SlotFiles::default();
    for entry in entries {
        let path = entry
            .map_err(|e| CoreError::from_io(&e, "read the key files"))?
            .path();
        if path.extension().and_then(|e| e.to_str()) != Some("slot") {
            continue;
        }
        let read = fs::read(&path)
            .map_err(|e| CoreError::from_io(&e, "read the key files"))
            .and_then(|bytes| KeySlot::from_file_bytes(&bytes));
        match read {
            Ok(slot) => found.slots.push(slot),
            Err(error) if error.code == ErrorCode::KeyFileDamaged => found.damaged += 1,
            Err(error) => return Err(error),
        }
    }
    if found.slots.is_empty() && found.damaged == 0 {
        return Err(missing());
    }
    Ok(found)
}

/// Writes a new slot file, reads it back, and checks that `secret` opens it
/// to `unit_key`. On any failure the new file is removed again.
pub fn add_slot(
    unit_folder: &Path,
    slot: &KeySlot,
    secret: &str,
    unit_key: &UnitKey,
) -> CoreResult<()> {
    let keys = unit_folder.join(KEYS_FOLDER);
    let name = file_name(slot);
    let path = write_new_file(&keys, &name, &slot.to_file_bytes()?)
        .map_err(|e| CoreError::from_io(&e, "save the key file"))?;
    let verified = fs::read(&path)
        .map_err(|e| CoreError::from_io(&e, "check the new key file"))
        .and_then(|bytes| KeySlot::from_file_bytes(&bytes))
        .and_then(|read| read.open(secret))
        .map(|opened| opened.unit_key.as_bytes() == unit_key.as_bytes());
    match verified {
        Ok(true) => Ok(()),
        Ok(false) => {
            let _ = fs::remove_file(&path);
            Err(CoreError::internal(
                &"a new key file opened to a different key",
            ))
        }
        Err(error) => {
            let _ = fs::remove_file(&path);
            Err(error)
        }
    }
}

/// Removes every slot file of `account` except `keep`.
pub fn retire_account_slots(
    unit_folder: &Path,
    account: AccountId,
    keep: Option<&KeySlot>,
) -> CoreResult<()> {
    let account = account.to_string();
    retire(unit_folder, keep, |slot| {
        slot.header.account_id.as_deref() == Some(account.as_str())
    })
}

/// Removes every recovery slot file except `keep`.
pub fn retire_recovery_slots(unit_folder: &Path, keep: Option<&KeySlot>) -> CoreResult<()> {
    retire(unit_folder, keep, |slot| {
        slot.header.kind == SlotKind::Recovery
    })
}

fn retire(
    unit_folder: &Path,
    keep: Option<&KeySlot>,
    matches: impl Fn(&KeySlot) -> bool,
) -> CoreResult<()> {
    let keys = unit_folder.join(KEYS_FOLDER);
    for slot in read_slots(unit_folder)?.slots {
        let kept = keep.is_some_and(|k| k.header.slot_id == slot.header.slot_id);
        if matches(&slot) && !kept {
            fs::remove_file(keys.join(file_name(&slot)))
                .map_err(|e| CoreError::from_io(&e, "remove the old key file"))?;
        }
    }
    sync_folder(&keys);
    Ok(())
}

/// The SHA-256 (hex) of a slot's file, as written and as copied to the
/// share byte for byte.
pub fn file_sha256(slot: &KeySlot) -> CoreResult<String> {
    use sha2::{Digest, Sha256};
    Ok(hex::encode(Sha256::digest(slot.to_file_bytes()?)))
}

/// Brings this computer's key files in line with the accounts as synced:
/// a disabled account's key files are removed; an account whose current key
/// file (by its SHA-256, which arrived in a signed and sealed bundle) is not
/// here takes it from the share's `keys/`, checked byte for byte, and then
/// its older key files here are removed, so an old password stops opening
/// the unit on this computer too. A file on the share that matches no
/// account's current key file is never taken. Returns how many files came.
pub fn adopt_current_key_files(
    unit_folder: &Path,
    share: &Path,
    accounts: &[(String, Option<String>, bool)],
) -> CoreResult<usize> {
    use sha2::{Digest, Sha256};
    let local = read_slots(unit_folder)?.slots;
    let mut shared: Option<Vec<(Vec<u8>, KeySlot)>> = None;
    let mut adopted = 0;
    for (account, key_file, disabled) in accounts {
        let Ok(id) = AccountId::parse(account) else {
            continue;
        };
        let of_account: Vec<&KeySlot> = local
            .iter()
            .filter(|slot| slot.header.account_id.as_deref() == Some(account.as_str()))
            .collect();
        if *disabled {
            if !of_account.is_empty() {
                retire_account_slots(unit_folder, id, None)?;
            }
            continue;
        }
        let Some(key_file) = key_file else {
            continue;
        };
        let mut current = None;
        for slot in &of_account {
            if file_sha256(slot)? == *key_file {
                current = Some((*slot).clone());
            }
        }
        if current.is_none() {
            let on_share = shared.get_or_insert_with(|| read_share_slots(share));
            if let Some((bytes, slot)) = on_share
                .iter()
                .find(|(bytes, _)| hex::encode(Sha256::digest(bytes)) == *key_file)
            {
                let keys = unit_folder.join(KEYS_FOLDER);
                match write_new_file(&keys, &file_name(slot), bytes) {
                    Ok(_) => {}
                    Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
                    Err(error) => return Err(CoreError::from_io(&error, "save the key file")),
                }
                let written = fs::read(keys.join(file_name(slot)))
                    .map_err(|e| CoreError::from_io(&e, "check the key file"))?;
                if hex::encode(Sha256::digest(&written)) == *key_file {
                    current = Some(slot.clone());
                    adopted += 1;
                }
            }
        }
        if let Some(current) = current
            && of_account
                .iter()
                .any(|slot| slot.header.slot_id != current.header.slot_id)
        {
            retire_account_slots(unit_folder, id, Some(&current))?;
        }
    }
    Ok(adopted)
}

/// Every readable slot file in the share's `keys/`, with its bytes.
fn read_share_slots(share: &Path) -> Vec<(Vec<u8>, KeySlot)> {
    let Ok(entries) = fs::read_dir(share.join(KEYS_FOLDER)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().and_then(|e| e.to_str()) == Some("slot"))
        .filter_map(|path| fs::read(path).ok())
        .filter_map(|bytes| {
            KeySlot::from_file_bytes(&bytes)
                .ok()
                .map(|slot| (bytes, slot))
        })
        .collect()
}

fn file_name(slot: &KeySlot) -> String {
    format!("{}.slot", slot.header.slot_id)
}
