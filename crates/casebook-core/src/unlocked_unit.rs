//! A unit that is signed in to: the open database, the unit key, and who is
//! signed in. Every action a person takes on records goes through here, as
//! one transaction each.
//!
//! Dropping an `UnlockedUnit` is locking it: the connection closes and the
//! unit key's bytes are wiped from memory.

use rusqlite::Connection;

use crate::clock::{Clock, Entropy, HybridLogicalClock, new_uuid_v7};
use crate::domain::account::Account;
use crate::domain::client::{Client, NewClient};
use crate::domain::ids::{ClientId, DeviceId};
use crate::error::CoreResult;
use crate::store::{self, change_log::WriteStamp};
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
        let tx = store::begin(&mut self.conn, "save the client")?;
        let client = store::clients::insert(&tx, stamp, id, self.account.id, &new_client)?;
        store::commit(tx, "save the client")?;
        Ok(client)
    }

    /// The caseload, by family name.
    pub fn clients(&self) -> CoreResult<Vec<Client>> {
        store::clients::list(&self.conn)
    }

    /// Read-only access to the database, for sync and reports in later work
    /// and for tests that check what was written.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Locks the unit. Same as dropping it; named for the call sites.
    pub fn lock(self) {
        drop(self);
    }
}
