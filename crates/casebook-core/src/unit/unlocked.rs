//! A unit that is signed in to: the open database, the unit key, and who is
//! signed in. Every action a person takes on records goes through here (and
//! its siblings `account_administration` and `audit_views`), one transaction
//! each, checked against the signed-in account's role and recorded in the
//! audit trail in the same transaction.
//!
//! Dropping an `UnlockedUnit` closes the connection and wipes the unit key's
//! bytes from memory; `lock` records the lock in the audit trail first.

use crate::unit::authorship;
use crate::unit::caseload_index::CaseloadIndex;
use std::path::PathBuf;

use rusqlite::Connection;

use crate::clock::{Clock, Entropy, HybridLogicalClock, new_uuid_v7};
use crate::domain::account::Account;
use crate::domain::audit::AuditAction;
use crate::domain::ids::{ClientId, DeviceId};
use crate::domain::unit_settings::UnitSettings;
use crate::error::CoreResult;
use crate::store::{self, audit::AuditRecord, change_log::WriteStamp};
use crate::unit::folder::UnitDescription;
use crate::vault::account_keys::AccountKeys;
use crate::vault::keys::UnitKey;
use crate::vault::sign_in_attempts::UnauditedFailure;

#[derive(Debug)]
pub struct UnlockedUnit {
    pub(crate) conn: Connection,
    /// Read at sign-in and kept current by `change_unit_settings`.
    pub(crate) settings: UnitSettings,
    pub(crate) folder: PathBuf,
    pub(crate) unit_key: UnitKey,
    /// The signed-in account's own keys, from its key slot. `None` only
    /// while an account made before accounts had keys is being given them
    /// (and if that failed, until its next sign-in).
    pub(crate) account_keys: Option<AccountKeys>,
    pub(crate) description: UnitDescription,
    pub(crate) account: Account,
    pub(crate) device: DeviceId,
    pub(crate) hlc: HybridLogicalClock,
    /// The caseload's clients in memory, read again after any write; see
    /// `caseload_index`.
    pub(crate) caseload_index: Option<CaseloadIndex>,
}

impl UnlockedUnit {
    pub fn description(&self) -> &UnitDescription {
        &self.description
    }

    /// Who is signed in.
    pub fn account(&self) -> &Account {
        &self.account
    }

    /// The unit's settings.
    pub fn settings(&self) -> UnitSettings {
        self.settings
    }

    pub(crate) fn stamp(&mut self, clock: &dyn Clock) -> WriteStamp {
        let now = clock.now();
        WriteStamp {
            hlc: self.hlc.stamp(now),
            device: self.device,
            at: now,
        }
    }

    pub(crate) fn audit_record<'a>(
        &self,
        action: AuditAction,
        client: Option<ClientId>,
        detail: &'a serde_json::Value,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> AuditRecord<'a> {
        AuditRecord {
            id: new_uuid_v7(clock, entropy),
            at: clock.now(),
            device: self.device,
            account: Some(self.account.id),
            action,
            client,
            detail,
        }
    }

    /// Writes one audit entry in a transaction of its own.
    pub(crate) fn audit_alone(
        &mut self,
        action: AuditAction,
        detail: &serde_json::Value,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let audit = self.audit_record(action, None, detail, clock, entropy);
        let tx = store::begin(&mut self.conn, "record the action")?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "record the action",
        )
    }

    /// Records the sign-in, after the failed sign-ins that came before it.
    /// Called by `unit_folder::unlock` and `recover` only.
    pub(crate) fn record_sign_in(
        &mut self,
        failures: &[UnauditedFailure],
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let details: Vec<serde_json::Value> = failures
            .iter()
            .map(|f| serde_json::json!({ "username": f.username, "failed_at": f.at.to_rfc3339() }))
            .collect();
        let empty = serde_json::json!({});
        // Each failure is recorded at the time it happened, not at this
        // sign-in, and with no account: nobody was signed in.
        let mut records: Vec<AuditRecord<'_>> = details
            .iter()
            .zip(failures)
            .map(|(detail, failure)| AuditRecord {
                account: None,
                at: failure.at,
                ..self.audit_record(AuditAction::SignInFailed, None, detail, clock, entropy)
            })
            .collect();
        records.push(self.audit_record(AuditAction::SignedIn, None, &empty, clock, entropy));
        let tx = store::begin(&mut self.conn, "sign in")?;
        for record in &records {
            store::audit::append(&tx, record)?;
        }
        authorship::commit_as_author(tx, self.account.id, self.account_keys.as_ref(), "sign in")
    }

    /// Read-only access to the database, for sync and reports in later work
    /// and for tests that check or tamper with what was written.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Locks the unit: records the lock, then closes the database and wipes
    /// the key. The unit locks even when the record cannot be written (a
    /// full disk), because staying open would be worse; the failure is logged.
    pub fn lock(mut self, clock: &dyn Clock, entropy: &mut dyn Entropy) {
        if let Err(error) =
            self.audit_alone(AuditAction::Locked, &serde_json::json!({}), clock, entropy)
        {
            tracing::warn!(
                code = error.code.as_str(),
                "the lock could not be recorded in the audit trail"
            );
        }
        drop(self);
    }
}
