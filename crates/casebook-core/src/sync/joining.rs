//! Connecting a unit to a shared folder, and joining it from there on
//! another computer.
//!
//! Connecting puts the unit's public files on the share (`unit.json` and the
//! password-wrapped key files, which are useless without a password) and
//! sends every change made so far. Joining reads them back: the password
//! opens the unit key from the person's own key file, a new local database
//! is made with a device identity of its own, every device's bundles are
//! applied to it, and only then, when the person's account has arrived, is
//! the new unit moved into place and signed in to. A join that fails at any
//! point leaves nothing behind on this computer.

use std::fs;
use std::path::Path;

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{AccountId, DeviceId, UnitId};
use crate::domain::names::{UnitName, Username};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::store::{self, OpenMode};
use crate::sync::inbox::{ReceiveWatch, receive_into};
use crate::sync::outbox::share_error;
use crate::sync::snapshot::start_from_snapshot;
use crate::sync::sync_now::SyncReport;
use crate::unit::folder::{
    self as unit_folder, DESCRIPTION_FILE, UnitKind, check_slot_belongs, move_into_place,
};
use crate::unit::unlocked::UnlockedUnit;
use crate::vault::key_files::{self, KEYS_FOLDER};
use crate::vault::slot::KeySlot;
use crate::write_once::write_new_file;

impl UnlockedUnit {
    /// Puts the unit's public files in `share`, remembers it as this
    /// computer's shared folder, and syncs (sends every change so far,
    /// receives any other device's). Managers and administrators only.
    /// Connecting again adds key files made since (new accounts, changed
    /// passwords).
    pub fn connect_share(
        &mut self,
        share: &Path,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<SyncReport> {
        self.require_computer_decider("connect the unit to a shared folder")?;
        if !share.is_dir() {
            return Err(share_error(
                &std::io::Error::from(std::io::ErrorKind::NotFound),
                "connect the shared folder",
            ));
        }
        match unit_folder::describe(share) {
            Ok(Some(there)) if there.unit_id != self.description.unit_id => {
                return Err(CoreError::invalid(
                    "That folder already holds another unit. Choose an empty folder, or this unit's own.",
                ));
            }
            Ok(Some(_)) => {}
            Ok(None) => {
                let bytes = fs::read(self.folder.join(DESCRIPTION_FILE))
                    .map_err(|e| CoreError::from_io(&e, "connect the shared folder"))?;
                write_new_file(share, DESCRIPTION_FILE, &bytes)
                    .map_err(|e| share_error(&e, "connect the shared folder"))?;
            }
            Err(error) => return Err(error),
        }
        self.publish_key_files(share)?;
        let tx = store::begin(&mut self.conn, "save where the shared folder is")?;
        store::sync_state::set_share_folder(&tx, &share.to_string_lossy())?;
        store::commit(tx, "save where the shared folder is")?;
        self.audit_alone(
            AuditAction::SharedFolderConnected,
            &serde_json::json!({}),
            clock,
            entropy,
        )?;
        self.sync_now(clock, entropy)
    }
}

impl UnlockedUnit {
    /// Brings the share's key files up to date with what this computer
    /// knows. Each file is the unit key wrapped by one password, useless
    /// without it, written once and never replaced. A key file this computer
    /// holds goes to the share if it is the newest for its account (an
    /// account added, or a password changed, here), so the person can join
    /// from the share elsewhere; a file on the share is removed when a newer
    /// one for the same account is there (an old password no longer joins)
    /// or when its account is disabled. Recovery key files follow the same
    /// rule among themselves.
    pub(crate) fn publish_key_files(&self, share: &Path) -> CoreResult<()> {
        let shared_keys = share.join(KEYS_FOLDER);
        fs::create_dir_all(&shared_keys).map_err(|e| share_error(&e, "share the key files"))?;
        let local = key_files::read_slots(&self.folder)?.slots;
        let on_share = key_files::read_slots(share)
            .map(|found| found.slots)
            .unwrap_or_default();
        // Whose key file a slot is: an account, or the recovery key.
        let owner = |slot: &KeySlot| slot.header.account_id.clone().unwrap_or_default();
        let mut newest: std::collections::HashMap<String, String> =
            std::collections::HashMap::new();
        for slot in local.iter().chain(&on_share) {
            let entry = newest.entry(owner(slot)).or_default();
            if slot.header.slot_id > *entry {
                entry.clone_from(&slot.header.slot_id);
            }
        }
        let disabled = |slot: &KeySlot| -> CoreResult<bool> {
            let Some(account) = slot.header.account_id.as_deref() else {
                return Ok(false);
            };
            let Ok(id) = AccountId::parse(account) else {
                return Ok(false);
            };
            Ok(store::accounts::find(&self.conn, id)?.is_some_and(|a| a.disabled))
        };
        for slot in &local {
            let name = format!("{}.slot", slot.header.slot_id);
            let is_newest = newest.get(&owner(slot)) == Some(&slot.header.slot_id);
            if !is_newest || disabled(slot)? || shared_keys.join(&name).exists() {
                continue;
            }
            let bytes = fs::read(self.folder.join(KEYS_FOLDER).join(&name))
                .map_err(|e| CoreError::from_io(&e, "share the key files"))?;
            match write_new_file(&shared_keys, &name, &bytes) {
                Ok(_) => {}
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(error) => return Err(share_error(&error, "share the key files")),
            }
        }
        for slot in &on_share {
            let is_newest = newest.get(&owner(slot)) == Some(&slot.header.slot_id);
            if is_newest && !disabled(slot)? {
                continue;
            }
            match fs::remove_file(shared_keys.join(format!("{}.slot", slot.header.slot_id))) {
                Ok(()) => {}
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => return Err(share_error(&error, "retire old key files")),
            }
        }
        Ok(())
    }
}

/// Joins the unit in `share` on this computer as a new device, signed in as
/// `username`. Refused, with nothing left behind, when this computer has a
/// unit already, when the folder holds no unit, when the password does not
/// open the person's key file, and when the person's account has not
/// reached the share yet.
pub fn join_from_share(
    share: &Path,
    data_folder: &Path,
    username: &str,
    password: &str,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
) -> CoreResult<UnlockedUnit> {
    let local = unit_folder::unit_folder(data_folder, UnitKind::Real);
    if unit_folder::describe(&local)?.is_some() {
        return Err(CoreError::new(
            ErrorCode::UnitExists,
            "This computer already holds a unit. Casebook keeps one real unit a computer.",
        ));
    }
    let description = unit_folder::describe(share)?.ok_or_else(|| {
        CoreError::invalid(
            "That folder holds no Casebook unit. Choose the folder your manager connected the unit to.",
        )
    })?;
    let slots = key_files::read_slots(share)?;
    let wanted = Username::parse(username).map_err(|_| CoreError::wrong_credentials())?;
    let slot = slots
        .for_username(wanted.as_str())
        .ok_or_else(CoreError::wrong_credentials)?;
    check_slot_belongs(slot, &description)?;
    let unit_key = slot.open(password)?.unit_key;
    let unit_id = UnitId::parse(&description.unit_id)?;
    let name = UnitName::parse(&description.name)?;

    fs::create_dir_all(data_folder).map_err(|e| CoreError::from_io(&e, "join the unit"))?;
    let staging = data_folder.join(format!(".joining-{}", new_uuid_v7(clock, entropy)));
    let built = (|| -> CoreResult<()> {
        fs::create_dir(&staging).map_err(|e| CoreError::from_io(&e, "join the unit"))?;
        let description_bytes =
            fs::read(share.join(DESCRIPTION_FILE)).map_err(|e| share_error(&e, "join the unit"))?;
        write_new_file(&staging, DESCRIPTION_FILE, &description_bytes)
            .map_err(|e| CoreError::from_io(&e, "join the unit"))?;
        let keys = staging.join(KEYS_FOLDER);
        fs::create_dir(&keys).map_err(|e| CoreError::from_io(&e, "join the unit"))?;
        for entry in fs::read_dir(share.join(KEYS_FOLDER))
            .map_err(|e| share_error(&e, "join the unit"))?
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".slot") {
                let bytes = fs::read(entry.path()).map_err(|e| share_error(&e, "join the unit"))?;
                write_new_file(&keys, &name, &bytes)
                    .map_err(|e| CoreError::from_io(&e, "join the unit"))?;
            }
        }
        let mut conn = store::open(
            &staging.join(store::DATABASE_FILE),
            &unit_key.database_key(),
            OpenMode::CreateNew,
        )?;
        let device = DeviceId(new_uuid_v7(clock, entropy));
        let tx = store::begin(&mut conn, "join the unit")?;
        store::unit_rows::insert_unit(&tx, unit_id, &name, clock.now())?;
        store::unit_rows::insert_this_device(&tx, device, clock.now())?;
        store::commit(tx, "join the unit")?;
        // Start from the newest snapshot when there is one that checks out,
        // then apply only the bundles after it.
        start_from_snapshot(&mut conn, &unit_key, share, device, clock)?;
        let mut hlc = store::change_log::resume_clock(&conn)?;
        receive_into(
            &mut conn,
            &unit_key,
            device,
            &mut hlc,
            share,
            clock,
            ReceiveWatch {
                progress: &mut |_| {},
                pause: &|| false,
            },
        )?;
        let tx = store::begin(&mut conn, "join the unit")?;
        store::sync_state::set_share_folder(&tx, &share.to_string_lossy())?;
        store::commit(tx, "join the unit")?;
        if store::accounts::find_by_username(&conn, &wanted)?.is_none() {
            return Err(CoreError::invalid(
                "Your account has not reached the shared folder yet. Ask your manager to sync on their computer, then try again.",
            ));
        }
        store::checkpoint(&conn)?;
        drop(conn);
        move_into_place(&staging, &local)
    })();
    if let Err(error) = built {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    let mut unit = unit_folder::unlock(&local, username, password, clock, entropy)?;
    unit.audit_alone(
        AuditAction::JoinedFromSharedFolder,
        &serde_json::json!({}),
        clock,
        entropy,
    )?;
    // Register at once on the share (device.json, and a first bundle saying
    // what this computer holds), so no computer removes bundles it might
    // still need. If the share refuses now, the next sync does it; the join
    // itself is done.
    let _ = unit.send_changes(share, clock, entropy);
    Ok(unit)
}
