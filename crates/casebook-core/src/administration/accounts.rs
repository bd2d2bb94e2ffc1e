//! What an administrator does with accounts, and what every account does
//! with its own password. Each change to a key slot writes the new slot file
//! and checks that it opens before the database records the change, and
//! retires old slot files only after that, so a failure at any step leaves a
//! slot that opens the unit.
//!
//! Every account has keys of its own (`vault::account_keys`), sealed in its
//! slot. An administrator who makes an account, or enables one again with
//! a one-time password, gives it new keys and endorses them; changing one's
//! own password keeps one's keys; an account made before accounts had keys
//! gets them at its next sign-in and endorses them itself, as does an
//! administrator who regains access with the recovery key.

use zeroize::Zeroizing;

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::account::{Account, CaseRole, NewAccount};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{AccountId, SlotId, UnitId};
use crate::domain::names::Username;
use crate::domain::password::{NewPassword, generate_one_time_password};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::store;
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;
use crate::vault::account_keys::{AccountKeys, AccountPublicKeys, Endorsement};
use crate::vault::key_files;
use crate::vault::recovery::RecoveryKey;
use crate::vault::sign_in_attempts::SignInAttempts;
use crate::vault::slot::{KdfCost, KeySlot, SlotOwner};

impl UnlockedUnit {
    /// Every account, for administrators.
    pub fn list_accounts(&self) -> CoreResult<Vec<Account>> {
        self.require_administrator("manage accounts")?;
        store::accounts::list(&self.conn)
    }

    /// An account's own public keys and the endorsement that vouches for
    /// them; `None` until it has keys. They are not secret: every computer
    /// reads them to check what the account signed.
    pub fn account_public_keys(
        &self,
        id: AccountId,
    ) -> CoreResult<Option<(AccountPublicKeys, Endorsement)>> {
        store::accounts::public_keys(&self.conn, id)
    }

    /// The signed-in account's own public keys, from its key slot.
    pub fn own_public_keys(&self) -> Option<AccountPublicKeys> {
        self.account_keys.as_ref().map(AccountKeys::public)
    }

    /// Adds an account with a one-time password, returned once to be handed
    /// over in person; the new user must choose their own at first sign-in.
    pub fn add_account(
        &mut self,
        new_account: &NewAccount,
        kdf_cost: KdfCost,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<(Account, Zeroizing<String>)> {
        self.require_administrator("add accounts")?;
        if key_files::read_slots(&self.folder)?
            .for_username(new_account.username.as_str())
            .is_some()
        {
            return Err(CoreError::invalid(
                "There is already an account with that username. Choose another.",
            ));
        }
        let account = Account {
            id: AccountId(new_uuid_v7(clock, entropy)),
            username: new_account.username.clone(),
            full_name: new_account.full_name.clone(),
            agency: new_account.agency.clone(),
            case_role: new_account.case_role,
            administrator: new_account.administrator,
            gender: new_account.gender.clone(),
            must_change_password: true,
            disabled: false,
        };
        let one_time = generate_one_time_password(entropy);
        let detail = serde_json::json!({
            "account": account.id.to_string(),
            "username": account.username.as_str(),
            "role": account.case_role.map(|r| r.as_str()),
            "administrator": account.administrator,
        });
        let stamp = self.stamp(clock);
        let audit = self.audit_record(AuditAction::AccountCreated, None, &detail, clock, entropy);
        let (keys, endorsement) = self.new_keys_endorsed(account.id, entropy)?;
        let slot = self.seal_slot(&account, &keys, &one_time, kdf_cost, clock, entropy)?;
        let tx = store::begin(&mut self.conn, "add the account")?;
        store::accounts::insert(&tx, stamp, &account)?;
        store::accounts::set_key_file(&tx, stamp, account.id, &key_files::file_sha256(&slot)?)?;
        store::accounts::set_public_keys(&tx, stamp, account.id, &keys.public(), &endorsement)?;
        store::audit::append(&tx, &audit)?;
        key_files::add_slot(&self.folder, &slot, &one_time, &self.unit_key)?;
        if let Err(error) = authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "add the account",
        ) {
            let _ = key_files::retire_account_slots(&self.folder, account.id, None);
            return Err(error);
        }
        Ok((account, one_time))
    }

    /// Disables an account: its key slots are removed, so it can no longer
    /// sign in; the account and its history stay.
    pub fn disable_account(
        &mut self,
        id: AccountId,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Account> {
        self.require_administrator("disable accounts")?;
        let mut target = self.target_account(id)?;
        if target.id == self.account.id {
            return Err(CoreError::invalid(
                "You cannot disable the account you are signed in with.",
            ));
        }
        if target.disabled {
            return Ok(target);
        }
        let active_administrators = store::accounts::list(&self.conn)?
            .iter()
            .filter(|a| a.administrator && !a.disabled)
            .count();
        if target.administrator && active_administrators <= 1 {
            return Err(CoreError::invalid(
                "That is the unit's last administrator. Make another account an administrator first.",
            ));
        }
        target.disabled = true;
        let detail = serde_json::json!({ "account": target.id.to_string(), "username": target.username.as_str() });
        self.save_account_status(
            &target,
            None,
            AuditAction::AccountDisabled,
            &detail,
            clock,
            entropy,
        )?;
        key_files::retire_account_slots(&self.folder, target.id, None)?;
        Ok(target)
    }

    /// Changes an account's case role and administrator flag. Nobody
    /// changes their own (another administrator must), so the administrator
    /// making the change always remains one: this can never leave the unit
    /// without an administrator.
    pub fn change_account_role(
        &mut self,
        id: AccountId,
        case_role: Option<CaseRole>,
        administrator: bool,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Account> {
        self.require_administrator("change roles")?;
        let mut target = self.target_account(id)?;
        if target.id == self.account.id {
            return Err(CoreError::invalid(
                "Ask another administrator to change your own role.",
            ));
        }
        if case_role.is_none() && !administrator {
            return Err(CoreError::invalid(
                "An account needs a case role, or to be an administrator, or both.",
            ));
        }
        if target.case_role == case_role && target.administrator == administrator {
            return Ok(target);
        }
        let words = |role: Option<CaseRole>| role.map_or("none", CaseRole::as_str);
        let detail = serde_json::json!({
            "account": target.id.to_string(),
            "username": target.username.as_str(),
            "from": words(target.case_role),
            "to": words(case_role),
            "administrator": administrator,
        });
        target.case_role = case_role;
        target.administrator = administrator;
        self.save_account_status(
            &target,
            None,
            AuditAction::RoleChanged,
            &detail,
            clock,
            entropy,
        )?;
        Ok(target)
    }

    /// Enables a disabled account, or resets another's password, with a new
    /// one-time password; either way the account gets new keys, endorsed
    /// by the administrator. Nobody does this to their own account (they
    /// change their password instead): their session would go on signing
    /// with keys their row no longer holds.
    pub fn enable_account(
        &mut self,
        id: AccountId,
        kdf_cost: KdfCost,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<(Account, Zeroizing<String>)> {
        self.require_administrator("enable accounts")?;
        let mut target = self.target_account(id)?;
        if target.id == self.account.id {
            return Err(CoreError::invalid(
                "You are signed in with that account. Change your own password under Settings instead.",
            ));
        }
        target.disabled = false;
        target.must_change_password = true;
        let one_time = generate_one_time_password(entropy);
        let (keys, endorsement) = self.new_keys_endorsed(target.id, entropy)?;
        let slot = self.seal_slot(&target, &keys, &one_time, kdf_cost, clock, entropy)?;
        key_files::add_slot(&self.folder, &slot, &one_time, &self.unit_key)?;
        let detail = serde_json::json!({ "account": target.id.to_string(), "username": target.username.as_str() });
        if let Err(error) = self.save_account_status(
            &target,
            Some(NewKeyFile {
                slot: &slot,
                endorsement: Some(&endorsement),
            }),
            AuditAction::AccountEnabled,
            &detail,
            clock,
            entropy,
        ) {
            let _ = key_files::retire_account_slots(&self.folder, target.id, None);
            return Err(error);
        }
        key_files::retire_account_slots(&self.folder, target.id, Some(&slot))?;
        Ok((target, one_time))
    }

    /// Changes the signed-in account's password: a new slot wraps the same
    /// unit key, so nothing else is re-encrypted.
    pub fn change_password(
        &mut self,
        current: &str,
        new: &str,
        kdf_cost: KdfCost,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let slots = key_files::read_slots(&self.folder)?;
        let own = slots
            .for_username(self.account.username.as_str())
            .ok_or_else(|| {
                CoreError::new(
                    ErrorCode::KeyFileMissing,
                    "Your key file is missing, so your password cannot be changed.",
                )
            })?;
        own.open(current).map_err(|error| match error.code {
            ErrorCode::WrongCredentials => CoreError::new(
                ErrorCode::WrongCredentials,
                "Your current password is not right. Nothing was changed.",
            ),
            _ => error,
        })?;
        if new == current {
            return Err(CoreError::new(
                ErrorCode::PasswordRejected,
                "That is the password you have now. Choose a new one.",
            ));
        }
        let password = NewPassword::parse(new, Some(self.account.username.as_str()))?;
        let mut updated = self.account.clone();
        updated.must_change_password = false;
        // The account keeps its keys, so everything it signed, and every
        // endorsement of others it made, still stands.
        self.replace_own_slot(
            password.as_str(),
            None,
            updated,
            kdf_cost,
            AuditAction::PasswordChanged,
            clock,
            entropy,
        )
    }

    /// Gives the signed-in account, made before accounts had keys of their
    /// own, its keys: sealed in a new slot under the password it has just
    /// signed in with, at the cost its old slot was made with, and
    /// endorsed by itself. Nothing else about the account changes.
    pub(crate) fn give_account_its_own_keys(
        &mut self,
        password: &str,
        kdf_cost: KdfCost,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let unchanged = self.account.clone();
        self.replace_own_slot(
            password,
            Some(AccountKeys::generate(entropy)),
            unchanged,
            kdf_cost,
            AuditAction::AccountKeysMade,
            clock,
            entropy,
        )
    }

    /// After the recovery key opened the unit: the administrator chooses a
    /// new password, and the account is enabled again.
    pub(crate) fn restore_access_after_recovery(
        &mut self,
        password: &NewPassword,
        kdf_cost: KdfCost,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let mut updated = self.account.clone();
        updated.disabled = false;
        updated.must_change_password = false;
        // The recovery slot holds no account keys, so the administrator's
        // old keys are out of reach: they get new ones, endorsed by
        // themselves.
        self.replace_own_slot(
            password.as_str(),
            Some(AccountKeys::generate(entropy)),
            updated,
            kdf_cost,
            AuditAction::RecoveredWithKey,
            clock,
            entropy,
        )
    }

    /// Seals the signed-in account's keys (or `new_keys`, which it then
    /// endorses itself) under `password` in a new slot, records it (with
    /// `updated`, and new keys' endorsement), and retires
    /// the account's other slots. New keys are in force from the record of
    /// them on, so that record is signed with them. On failure the old slot
    /// still opens and the keys held in memory are those it holds.
    #[allow(clippy::too_many_arguments)]
    fn replace_own_slot(
        &mut self,
        password: &str,
        new_keys: Option<AccountKeys>,
        updated: Account,
        kdf_cost: KdfCost,
        action: AuditAction,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let account = self.account.clone();
        // `None` keeps the keys the account has. Only an account whose
        // keys could not be made at sign-in has none to keep: it gets them
        // now.
        let new_keys = match new_keys {
            None if self.account_keys.is_none() => Some(AccountKeys::generate(entropy)),
            other => other,
        };
        let installing = new_keys.is_some();
        // Kept keys are written again beside the new key file, with the
        // endorsement they have, so that wherever rows merge field by field
        // the key file and the keys it seals come from the same change.
        let endorsement = match &new_keys {
            Some(keys) => Some(keys.endorse(account.id, account.id, &keys.public())),
            None => store::accounts::public_keys(&self.conn, account.id)?
                .map(|(_, endorsement)| endorsement),
        };
        let sealing = match (&new_keys, &self.account_keys) {
            (Some(keys), _) | (None, Some(keys)) => keys,
            (None, None) => return Err(CoreError::internal(&"no keys to seal")),
        };
        let slot = self.seal_slot(&account, sealing, password, kdf_cost, clock, entropy)?;
        key_files::add_slot(&self.folder, &slot, password, &self.unit_key)?;
        let detail = serde_json::json!({ "account": account.id.to_string() });
        let new_key_file = NewKeyFile {
            slot: &slot,
            endorsement: endorsement.as_ref(),
        };
        let previous = match new_keys {
            Some(keys) => self.account_keys.replace(keys),
            None => None,
        };
        if let Err(error) = self.save_account_status(
            &updated,
            Some(new_key_file),
            action,
            &detail,
            clock,
            entropy,
        ) {
            if installing {
                self.account_keys = previous;
            }
            // The old slot is still there and still opens; drop the new one.
            let _ = std::fs::remove_file(
                self.folder
                    .join(key_files::KEYS_FOLDER)
                    .join(format!("{}.slot", slot.header.slot_id)),
            );
            return Err(error);
        }
        self.account = updated;
        key_files::retire_account_slots(&self.folder, account.id, Some(&slot))
    }

    /// Issues a new recovery key; the old one stops working.
    pub fn issue_recovery_key(
        &mut self,
        kdf_cost: KdfCost,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<RecoveryKey> {
        self.require_administrator("issue a recovery key")?;
        let key = RecoveryKey::generate(entropy);
        let unit_id = UnitId::parse(&self.description.unit_id)?;
        let slot = KeySlot::seal_for_recovery(
            &self.unit_key,
            unit_id,
            &key,
            kdf_cost,
            SlotId(new_uuid_v7(clock, entropy)),
            clock.now(),
            entropy,
        )?;
        key_files::add_slot(
            &self.folder,
            &slot,
            key.secret_for_sealing(),
            &self.unit_key,
        )?;
        if let Err(error) = self.audit_alone(
            AuditAction::RecoveryKeyIssued,
            &serde_json::json!({}),
            clock,
            entropy,
        ) {
            let _ =
                key_files::retire_recovery_slots(&self.folder, None).and(Ok::<(), CoreError>(()));
            return Err(error);
        }
        key_files::retire_recovery_slots(&self.folder, Some(&slot))?;
        Ok(key)
    }

    /// Clears the failed sign-ins of `username`, releasing a lock-out.
    pub fn release_sign_in(
        &mut self,
        username: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        self.require_administrator("release locked sign-ins")?;
        let username = Username::parse(username)?;
        let mut attempts = SignInAttempts::load(&self.folder);
        attempts.release(username.as_str());
        attempts.save()?;
        self.audit_alone(
            AuditAction::SignInReleased,
            &serde_json::json!({ "username": username.as_str() }),
            clock,
            entropy,
        )
    }

    fn target_account(&self, id: AccountId) -> CoreResult<Account> {
        store::accounts::find(&self.conn, id)?
            .ok_or_else(|| CoreError::invalid("There is no such account in this unit."))
    }

    /// New keys for `account`, endorsed by the signed-in administrator.
    fn new_keys_endorsed(
        &self,
        account: AccountId,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<(AccountKeys, Endorsement)> {
        let mine = self.account_keys.as_ref().ok_or_else(|| {
            CoreError::new(
                ErrorCode::Forbidden,
                "Your own keys could not be made when you signed in, so you cannot vouch for another account's. Lock Casebook, sign in again and try once more.",
            )
        })?;
        let keys = AccountKeys::generate(entropy);
        let endorsement = mine.endorse(self.account.id, account, &keys.public());
        Ok((keys, endorsement))
    }

    fn seal_slot(
        &self,
        account: &Account,
        keys: &AccountKeys,
        secret: &str,
        kdf_cost: KdfCost,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<KeySlot> {
        let owner = SlotOwner {
            unit_id: UnitId::parse(&self.description.unit_id)?,
            account_id: account.id,
            username: &account.username,
        };
        KeySlot::seal_for_password(
            &self.unit_key,
            keys,
            owner,
            secret,
            kdf_cost,
            SlotId(new_uuid_v7(clock, entropy)),
            clock.now(),
            entropy,
        )
    }

    /// Saves an account's status and, when it has a new key file, that
    /// file's SHA-256 (so other computers take it from the share) and, when
    /// the file holds new keys, their public halves and endorsement.
    fn save_account_status(
        &mut self,
        account: &Account,
        new_key_file: Option<NewKeyFile<'_>>,
        action: AuditAction,
        detail: &serde_json::Value,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let stamp = self.stamp(clock);
        let audit = self.audit_record(action, None, detail, clock, entropy);
        let key_file = new_key_file
            .map(|new| key_files::file_sha256(new.slot))
            .transpose()?;
        let new_keys = match new_key_file.and_then(|new| new.endorsement.map(|e| (new.slot, e))) {
            Some((slot, endorsement)) => {
                let public = slot.header.public_keys()?.ok_or_else(|| {
                    CoreError::internal(&"a new key file for new keys holds no keys")
                })?;
                Some((public, *endorsement))
            }
            None => None,
        };
        let tx = store::begin(&mut self.conn, "save the account")?;
        store::accounts::update_status(&tx, stamp, account)?;
        if let Some(key_file) = key_file {
            store::accounts::set_key_file(&tx, stamp, account.id, &key_file)?;
        }
        if let Some((public, endorsement)) = new_keys {
            store::accounts::set_public_keys(&tx, stamp, account.id, &public, &endorsement)?;
        }
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the account",
        )
    }
}

/// A new key file for an account, and the endorsement of the new keys it
/// holds (`None` when it seals the keys the account already had).
#[derive(Clone, Copy)]
struct NewKeyFile<'a> {
    slot: &'a KeySlot,
    endorsement: Option<&'a Endorsement>,
}
