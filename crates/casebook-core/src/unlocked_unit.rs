//! A unit that is signed in to: the open database, the unit key, and who is
//! signed in. Every action a person takes on records goes through here, as
//! one transaction each.
//!
//! Dropping an `UnlockedUnit` closes the connection and wipes the unit key's
//! bytes from memory; `lock` records the lock in the audit trail first.

use rusqlite::Connection;

use crate::clock::{Clock, Entropy, HybridLogicalClock, new_uuid_v7};
use crate::domain::account::Account;
use crate::domain::audit::{AuditAction, ChainVerdict, verify_chains};
use crate::domain::client::{Client, NewClient};
use crate::domain::ids::{ClientId, DeviceId};
use crate::error::CoreResult;
use crate::store::{self, audit::AuditRecord, change_log::WriteStamp};
use crate::unit_folder::UnitDescription;
use crate::vault::keys::UnitKey;

#[derive(Debug)]
pub struct UnlockedUnit {
    conn: Connection,
    // Held for the bundle and export keys that later work derives from it;
    // wiped on drop.
    #[allow(dead_code)]
    unit_key: UnitKey,
    description: UnitDescription,
    account: Account,
    device: DeviceId,
    hlc: HybridLogicalClock,
}

impl UnlockedUnit {
    pub(crate) fn new(
        conn: Connection,
        unit_key: UnitKey,
        description: UnitDescription,
        account: Account,
        device: DeviceId,
        hlc: HybridLogicalClock,
    ) -> UnlockedUnit {
        UnlockedUnit {
            conn,
            unit_key,
            description,
            account,
            device,
            hlc,
        }
    }

    pub fn description(&self) -> &UnitDescription {
        &self.description
    }

    /// Who is signed in.
    pub fn account(&self) -> &Account {
        &self.account
    }

    /// Checks what was typed and adds the client, in one transaction.
    pub fn add_client(
        &mut self,
        given_name: &str,
        family_name: &str,
        date_of_birth: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Client> {
        let now = clock.now();
        let new_client =
            NewClient::parse(given_name, family_name, date_of_birth, now.date_naive())?;
        let id = ClientId(new_uuid_v7(clock, entropy));
        let stamp = WriteStamp {
            hlc: self.hlc.stamp(now),
            device: self.device,
            at: now,
        };
        let detail =
            serde_json::json!({ "fields": ["given_name", "family_name", "date_of_birth"] });
        let audit = self.audit_record(
            AuditAction::ClientCreated,
            Some(id),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "save the client")?;
        let client = store::clients::insert(&tx, stamp, id, self.account.id, &new_client)?;
        store::audit::append(&tx, &audit)?;
        store::commit(tx, "save the client")?;
        Ok(client)
    }

    /// The caseload, by family name. Looking at it is recorded in the audit
    /// trail first: if the record cannot be written, nothing is shown.
    pub fn view_caseload(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<Client>> {
        let detail = serde_json::json!({});
        let audit = self.audit_record(AuditAction::ViewedCaseload, None, &detail, clock, entropy);
        let tx = store::begin(&mut self.conn, "open the caseload")?;
        store::audit::append(&tx, &audit)?;
        let clients = store::clients::list(&tx)?;
        store::commit(tx, "open the caseload")?;
        Ok(clients)
    }

    /// Checks every device's audit chain and reports the first broken link.
    pub fn verify_audit_trail(&self) -> CoreResult<ChainVerdict> {
        Ok(verify_chains(&store::audit::all(&self.conn)?))
    }

    fn audit_record<'a>(
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

    /// Records the sign-in. Called once, by `unit_folder::unlock`.
    pub(crate) fn record_sign_in(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let detail = serde_json::json!({});
        let audit = self.audit_record(AuditAction::SignedIn, None, &detail, clock, entropy);
        let tx = store::begin(&mut self.conn, "sign in")?;
        store::audit::append(&tx, &audit)?;
        store::commit(tx, "sign in")
    }

    /// Read-only access to the database, for sync and reports in later work
    /// and for tests that check what was written.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Locks the unit: records the lock, then closes the database and wipes
    /// the key. The unit locks even when the record cannot be written (a
    /// full disk), because staying open would be worse; the failure is logged.
    pub fn lock(mut self, clock: &dyn Clock, entropy: &mut dyn Entropy) {
        let detail = serde_json::json!({});
        let audit = self.audit_record(AuditAction::Locked, None, &detail, clock, entropy);
        let recorded = store::begin(&mut self.conn, "lock").and_then(|tx| {
            store::audit::append(&tx, &audit).and_then(|()| store::commit(tx, "lock"))
        });
        if let Err(error) = recorded {
            tracing::warn!(
                code = error.code.as_str(),
                "the lock could not be recorded in the audit trail"
            );
        }
        drop(self);
    }
}
