//! A unit on disk: its folder, and creating and unlocking it.
//!
//! ```text
//! <data folder>/unit/          the unit (demo/ holds the demo unit, same layout)
//!     unit.json                name and id: not secret, shown on the lock screen
//!     keys/<slot id>.slot      key slots, written once and never rewritten
//!     casebook.db (-wal, -shm) the SQLCipher database
//! ```
//!
//! A new unit is built whole in a hidden staging folder beside its final
//! place and renamed into place at the end, so a failure part-way (a full
//! disk, a read-only folder, a crash) leaves no unit rather than half of one.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::clock::{Clock, Entropy, HybridLogicalClock, new_uuid_v7};
use crate::domain::account::{Account, CaseRole};
use crate::domain::audit::AuditAction;
use crate::domain::client::NewClient;
use crate::domain::ids::{AccountId, ClientId, DeviceId, SlotId, UnitId};
use crate::domain::names::{PersonName, UnitName, Username};
use crate::domain::password::NewPassword;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::store::{self, OpenMode, change_log::WriteStamp};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;
use crate::vault::account_keys::AccountKeys;
use crate::vault::key_files;
use crate::vault::keys::UnitKey;
use crate::vault::recovery::RecoveryKey;
use crate::vault::sign_in_attempts::SignInAttempts;
use crate::vault::slot::{KdfCost, KeySlot, SlotOwner};
use crate::write_once::{sync_folder, write_new_file};

pub const DESCRIPTION_FILE: &str = "unit.json";
pub use crate::vault::key_files::KEYS_FOLDER;
const DESCRIPTION_FORMAT: &str = "casebook-unit";
const DESCRIPTION_VERSION: u32 = 1;

/// Which of the two units a data folder can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// The unit with real records.
    Real,
    /// The demo unit: made-up people, clearly marked, kept apart.
    Demo,
}

/// Where the unit of `kind` lives inside the data folder.
pub fn unit_folder(data_folder: &Path, kind: UnitKind) -> PathBuf {
    data_folder.join(match kind {
        UnitKind::Real => "unit",
        UnitKind::Demo => "demo",
    })
}

/// The unit's public description, `unit.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDescription {
    pub format: String,
    pub version: u32,
    pub unit_id: String,
    pub name: String,
    pub demo: bool,
    pub created_at: String,
}

/// Reads `unit.json`; `None` when the folder holds no unit.
pub fn describe(folder: &Path) -> CoreResult<Option<UnitDescription>> {
    let bytes = match fs::read(folder.join(DESCRIPTION_FILE)) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(CoreError::from_io(&error, "read the unit")),
    };
    let description: UnitDescription =
        serde_json::from_slice(&bytes).map_err(|_| damaged_description())?;
    if description.format != DESCRIPTION_FORMAT || UnitId::parse(&description.unit_id).is_err() {
        return Err(damaged_description());
    }
    if description.version > DESCRIPTION_VERSION {
        return Err(CoreError::new(
            ErrorCode::KeyFileDamaged,
            "This unit was made by a newer version of Casebook. Update Casebook on this computer to open it.",
        ));
    }
    Ok(Some(description))
}

fn damaged_description() -> CoreError {
    CoreError::new(
        ErrorCode::KeyFileDamaged,
        "The unit's description file (unit.json) is damaged. Nothing was changed. Restore it from a backup, or ask your administrator.",
    )
}

/// What a person enters to create a unit, checked.
#[derive(Debug, Clone)]
pub struct NewUnit {
    pub name: UnitName,
    pub username: Username,
    pub full_name: PersonName,
    pub password: NewPassword,
}

impl NewUnit {
    pub fn parse(
        unit_name: &str,
        username: &str,
        full_name: &str,
        password: &str,
    ) -> CoreResult<NewUnit> {
        let name = UnitName::parse(unit_name)?;
        let username = Username::parse(username)?;
        let full_name = PersonName::parse(full_name, "full name")?;
        let password = NewPassword::parse(password, Some(username.as_str()))?;
        Ok(NewUnit {
            name,
            username,
            full_name,
            password,
        })
    }
}

/// What creating a unit needs besides the form: how hard to make the key
/// derivation, whether it is the demo unit, and any clients to start with.
#[derive(Debug)]
pub struct CreationPlan<'a> {
    pub kdf_cost: KdfCost,
    pub demo: bool,
    pub initial_clients: &'a [NewClient],
}

/// Creates a unit in `folder`, which must not hold one, and returns its
/// recovery key, to be shown once. Everything is made in a staging folder
/// and renamed into place, so on any error nothing is left.
pub fn create(
    folder: &Path,
    new_unit: &NewUnit,
    plan: CreationPlan<'_>,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
) -> CoreResult<RecoveryKey> {
    if describe(folder)?.is_some() {
        return Err(CoreError::new(
            ErrorCode::UnitExists,
            "There is already a unit here. Sign in to it instead.",
        ));
    }
    let parent = folder
        .parent()
        .ok_or_else(|| CoreError::internal(&"unit folder has no parent"))?;
    fs::create_dir_all(parent).map_err(|e| CoreError::from_io(&e, "create the unit"))?;
    let staging = parent.join(format!(
        ".creating-{}",
        new_uuid_v7(clock, entropy).simple()
    ));
    let built = fs::create_dir(&staging)
        .map_err(|e| CoreError::from_io(&e, "create the unit"))
        .and_then(|()| build_unit(&staging, new_unit, &plan, clock, entropy))
        .and_then(|key| move_into_place(&staging, folder).map(|()| key));
    if built.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    built
}

fn build_unit(
    staging: &Path,
    new_unit: &NewUnit,
    plan: &CreationPlan<'_>,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
) -> CoreResult<RecoveryKey> {
    let now = clock.now();
    let unit_id = UnitId(new_uuid_v7(clock, entropy));
    let device = DeviceId(new_uuid_v7(clock, entropy));
    let account = Account {
        id: AccountId(new_uuid_v7(clock, entropy)),
        username: new_unit.username.clone(),
        full_name: new_unit.full_name.clone(),
        agency: "Casebook charity service".to_owned(),
        // The first account sets the unit up and, as issue 2 promised, sees
        // and keeps the caseload: a manager who is also the administrator.
        case_role: Some(CaseRole::Manager),
        administrator: true,
        gender: None,
        must_change_password: false,
        disabled: false,
    };
    let unit_key = UnitKey::generate(entropy);
    // The first administrator's own keys are the root the unit's other
    // endorsements start from: nobody is there to endorse them but
    // themselves.
    let account_keys = AccountKeys::generate(entropy);
    let endorsement = account_keys.endorse(account.id, account.id, &account_keys.public());

    let description = UnitDescription {
        format: DESCRIPTION_FORMAT.to_owned(),
        version: DESCRIPTION_VERSION,
        unit_id: unit_id.to_string(),
        name: new_unit.name.as_str().to_owned(),
        demo: plan.demo,
        created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    };
    let description_bytes =
        serde_json::to_vec_pretty(&description).map_err(|e| CoreError::internal(&e))?;
    write_new_file(staging, DESCRIPTION_FILE, &description_bytes)
        .map_err(|e| CoreError::from_io(&e, "create the unit"))?;

    let keys = staging.join(KEYS_FOLDER);
    fs::create_dir(&keys).map_err(|e| CoreError::from_io(&e, "create the unit"))?;
    let slot_id = SlotId(new_uuid_v7(clock, entropy));
    let owner = SlotOwner {
        unit_id,
        account_id: account.id,
        username: &account.username,
    };
    let slot = KeySlot::seal_for_password(
        &unit_key,
        &account_keys,
        owner,
        new_unit.password.as_str(),
        plan.kdf_cost,
        slot_id,
        now,
        entropy,
    )?;
    write_new_file(&keys, &format!("{slot_id}.slot"), &slot.to_file_bytes()?)
        .map_err(|e| CoreError::from_io(&e, "save the key file"))?;
    let recovery_key = RecoveryKey::generate(entropy);
    let recovery_slot = KeySlot::seal_for_recovery(
        &unit_key,
        unit_id,
        &recovery_key,
        plan.kdf_cost,
        SlotId(new_uuid_v7(clock, entropy)),
        now,
        entropy,
    )?;
    key_files::add_slot(
        staging,
        &recovery_slot,
        recovery_key.secret_for_sealing(),
        &unit_key,
    )?;

    let mut conn = store::open(
        &staging.join(store::DATABASE_FILE),
        &unit_key.database_key(),
        OpenMode::CreateNew,
    )?;
    let mut hlc = HybridLogicalClock::default();
    let tx = store::begin(&mut conn, "create the unit")?;
    store::unit_rows::insert_unit(&tx, unit_id, &new_unit.name, now)?;
    store::unit_rows::insert_this_device(&tx, device, now)?;
    store::audit::append(
        &tx,
        &store::audit::AuditRecord {
            id: new_uuid_v7(clock, entropy),
            at: now,
            device,
            account: Some(account.id),
            action: AuditAction::UnitCreated,
            client: None,
            detail: &serde_json::json!({ "demo": plan.demo, "initial_clients": plan.initial_clients.len() }),
        },
    )?;
    // Each write takes the next stamp of the new unit's clock.
    let mut next_stamp = || WriteStamp {
        hlc: hlc.stamp(clock.now()),
        device,
        at: now,
    };
    store::accounts::insert(&tx, next_stamp(), &account)?;
    store::accounts::set_public_keys(
        &tx,
        next_stamp(),
        account.id,
        &account_keys.public(),
        &endorsement,
    )?;
    // A new unit's computers wait for a manager's approval: only a manager
    // or an administrator approves their own computer by signing in on it.
    // A unit made before this kept what it had (the setting is off where
    // no row says otherwise).
    store::unit_settings::write(
        &tx,
        next_stamp(),
        &crate::domain::unit_settings::UnitSettings {
            new_computers_need_approval: true,
            ..store::unit_settings::read(&tx)?
        },
    )?;
    for client in plan.initial_clients {
        store::clients::insert(
            &tx,
            next_stamp(),
            ClientId(new_uuid_v7(clock, entropy)),
            account.id,
            None,
            client,
        )?;
    }
    authorship::commit_as_author(tx, account.id, Some(&account_keys), "create the unit")?;
    // Fold the WAL into the main file so the unit folder is complete before
    // it is moved into place.
    store::checkpoint(&conn)?;
    drop(conn);
    sync_folder(staging);
    Ok(recovery_key)
}

pub(crate) fn move_into_place(staging: &Path, folder: &Path) -> CoreResult<()> {
    // An empty folder left where the unit goes (made by hand, or by an older
    // failed attempt) is removed first; a non-empty one is never touched.
    if folder.exists() {
        fs::remove_dir(folder).map_err(|_| {
            CoreError::new(
                ErrorCode::UnitExists,
                "The folder for the unit already holds other files, so Casebook left it alone. Move them away and try again.",
            )
        })?;
    }
    fs::rename(staging, folder).map_err(|e| CoreError::from_io(&e, "create the unit"))?;
    if let Some(parent) = folder.parent() {
        sync_folder(parent);
    }
    Ok(())
}

/// Signs in to the unit in `folder`. A wrong password, and a username that
/// has no slot, get the same answer after the same amount of work, so the
/// lock screen does not reveal which usernames exist. Failures are counted
/// (see `sign_in_attempts`) and copied into the audit trail at the next
/// successful sign-in.
pub fn unlock(
    folder: &Path,
    username: &str,
    password: &str,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
) -> CoreResult<UnlockedUnit> {
    let description = describe(folder)?.ok_or_else(no_unit)?;
    let mut attempts = SignInAttempts::load(folder);
    attempts.check_allowed(username, clock.now())?;
    let slots = key_files::read_slots(folder)?;
    let wanted = Username::parse(username).ok();
    let slot = wanted
        .as_ref()
        .and_then(|wanted| slots.for_username(wanted.as_str()));
    let Some(slot) = slot else {
        if slots.damaged > 0 {
            return Err(CoreError::new(
                ErrorCode::KeyFileDamaged,
                "A key file of this unit is damaged (cut short or altered), so Casebook cannot check your password against it. Nothing was changed. Restore the unit's keys folder from a backup, or ask your administrator.",
            ));
        }
        if let Some(any) = slots.slots.first() {
            any.waste_equal_time(password);
        }
        return Err(failed(&mut attempts, username, clock));
    };
    check_slot_belongs(slot, &description)?;
    let contents = match slot.open(password) {
        Ok(contents) => contents,
        Err(error) if error.code == ErrorCode::WrongCredentials => {
            return Err(failed(&mut attempts, username, clock));
        }
        Err(error) => return Err(error),
    };
    let account_id = slot
        .header
        .account_id
        .as_deref()
        .map(AccountId::parse)
        .transpose()?
        .ok_or_else(|| {
            CoreError::new(
                ErrorCode::KeyFileDamaged,
                "This account's key file names no account.",
            )
        })?;
    let mut unit = open_as(
        folder,
        description,
        contents.unit_key,
        SignInAs::Account(account_id),
    )?;
    if unit.account().disabled {
        return Err(failed(&mut attempts, username, clock));
    }
    // The keys the slot seals are signed with only while the account's row
    // holds them: an older slot, or one the row has moved on from, still
    // signs the person in, but signs nothing.
    let recorded = store::accounts::public_keys(&unit.conn, account_id)?.map(|(keys, _)| keys);
    let needs_keys = match contents.account_keys {
        Some(keys) if recorded == Some(keys.public()) => {
            unit.account_keys = Some(keys);
            false
        }
        Some(_) => {
            tracing::warn!("a key file holds keys its account's row does not name");
            false
        }
        // A slot from before accounts had keys, for an account that has
        // none yet: it gets them once signed in, while its password is at
        // hand.
        None => recorded.is_none(),
    };
    unit.record_sign_in(&attempts.unaudited(), clock, entropy)?;
    if needs_keys {
        // If that fails the sign-in still stands (nothing is lost) and it
        // is tried at the next.
        let made = slot
            .cost()
            .and_then(|cost| unit.give_account_its_own_keys(password, cost, clock, entropy));
        if let Err(error) = made {
            tracing::warn!(
                code = error.code.as_str(),
                "an account's own keys could not be made at sign-in"
            );
        }
    }
    attempts.record_success(username);
    attempts.save()?;
    Ok(unit)
}

/// Regains an administrator's access with the recovery key: the account
/// gets a new password slot (its old ones are retired), is enabled and
/// released from any lock-out, and is signed in.
pub fn recover(
    folder: &Path,
    typed_key: &str,
    username: &str,
    new_password: &str,
    kdf_cost: KdfCost,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
) -> CoreResult<UnlockedUnit> {
    let description = describe(folder)?.ok_or_else(no_unit)?;
    let recovery_key = RecoveryKey::parse(typed_key)?;
    let wanted = Username::parse(username)?;
    let password = NewPassword::parse(new_password, Some(wanted.as_str()))?;
    let slots = key_files::read_slots(folder)?;
    let slot = slots.recovery().ok_or_else(|| {
        CoreError::new(
            ErrorCode::KeyFileMissing,
            "This unit has no recovery key file, so a recovery key cannot open it. Restore the keys folder from a backup.",
        )
    })?;
    check_slot_belongs(slot, &description)?;
    let contents = slot.open(recovery_key.secret_for_sealing()).map_err(|error| match error.code {
        ErrorCode::WrongCredentials => CoreError::new(
            ErrorCode::WrongCredentials,
            "That recovery key does not open this unit. Check it against the paper copy, group by group.",
        ),
        _ => error,
    })?;
    let mut unit = open_as(
        folder,
        description,
        contents.unit_key,
        SignInAs::Administrator(&wanted),
    )?;
    unit.restore_access_after_recovery(&password, kdf_cost, clock, entropy)?;
    let mut attempts = SignInAttempts::load(folder);
    attempts.release(wanted.as_str());
    unit.record_sign_in(&attempts.unaudited(), clock, entropy)?;
    attempts.record_success(wanted.as_str());
    attempts.save()?;
    Ok(unit)
}

fn no_unit() -> CoreError {
    CoreError::new(
        ErrorCode::NoUnit,
        "There is no unit here yet. Create one first.",
    )
}

fn failed(attempts: &mut SignInAttempts, username: &str, clock: &dyn Clock) -> CoreError {
    attempts.record_failure(username, clock.now());
    if let Err(error) = attempts.save() {
        tracing::warn!(
            code = error.code.as_str(),
            "a failed sign-in could not be counted"
        );
    }
    CoreError::wrong_credentials()
}

pub(crate) fn check_slot_belongs(slot: &KeySlot, description: &UnitDescription) -> CoreResult<()> {
    if slot.header.unit_id == description.unit_id {
        return Ok(());
    }
    Err(CoreError::new(
        ErrorCode::KeyFileDamaged,
        "A key file in this unit's keys folder belongs to another unit. Nothing was changed. Restore the keys folder from a backup.",
    ))
}

/// Whom a sign-in is for: the account a password slot names, or, with the
/// recovery key, an administrator named by username.
enum SignInAs<'a> {
    Account(AccountId),
    Administrator(&'a Username),
}

/// Opens the database with the unit key and signs in.
fn open_as(
    folder: &Path,
    description: UnitDescription,
    unit_key: UnitKey,
    who: SignInAs<'_>,
) -> CoreResult<UnlockedUnit> {
    let conn = store::open(
        &folder.join(store::DATABASE_FILE),
        &unit_key.database_key(),
        OpenMode::ExistingOnly,
    )?;
    if store::unit_rows::unit_id(&conn)?.to_string() != description.unit_id {
        return Err(CoreError::new(
            ErrorCode::DatabaseUnreadable,
            "The unit's database belongs to another unit than its key files. Nothing was changed.",
        ));
    }
    let account = match who {
        SignInAs::Account(id) => store::accounts::find(&conn, id)?.ok_or_else(|| {
            CoreError::new(ErrorCode::KeyFileDamaged, "This account's key file names an account the unit does not have.")
        })?,
        SignInAs::Administrator(username) => store::accounts::find_by_username(&conn, username)?
            .filter(|account| account.administrator)
            .ok_or_else(|| {
                CoreError::new(
                    ErrorCode::Forbidden,
                    "The recovery key restores an administrator's access, and that username is not an administrator of this unit.",
                )
            })?,
    };
    let device = store::unit_rows::this_device(&conn)?;
    let hlc = store::change_log::resume_clock(&conn)?;
    let settings = store::unit_settings::read(&conn)?;
    Ok(UnlockedUnit {
        conn,
        settings,
        folder: folder.to_path_buf(),
        unit_key,
        account_keys: None,
        description,
        account,
        device,
        hlc,
        caseload_index: None,
    })
}
