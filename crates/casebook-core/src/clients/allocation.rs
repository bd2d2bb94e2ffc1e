//! Allocating clients to a keyworker and a co-worker: managers only; a
//! move from one keyworker to another needs a reason, and every change is
//! audited with the names of the staff involved.

use crate::clients::client_records::{ClientRecord, StaffMember};
use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::access::ClientAccess;
use crate::domain::account::{Account, CaseRole};
use crate::domain::audit::AuditAction;
use crate::domain::client::Client;
use crate::domain::ids::{AccountId, ClientId};
use crate::domain::resolve_items::ContestedSubject;
use crate::error::{CoreError, CoreResult};
use crate::store;
use crate::store::value_versions::{allocation_value, record_value_version};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Staff a manager can allocate clients to: enabled keyworkers and
    /// managers.
    pub fn allocatable_staff(&self) -> CoreResult<Vec<StaffMember>> {
        self.require_manager("allocate clients")?;
        Ok(store::accounts::list(&self.conn)?
            .into_iter()
            .filter(can_hold_a_caseload)
            .map(|a| StaffMember {
                id: a.id,
                full_name: a.full_name,
            })
            .collect())
    }

    /// Allocates a client to a keyworker and, if wanted, a co-worker; `None`
    /// takes an allocation away. Moving a client from one keyworker to
    /// another is a transfer and needs a reason. Managers only.
    pub fn allocate_client(
        &mut self,
        id: ClientId,
        keyworker: Option<AccountId>,
        co_worker: Option<AccountId>,
        reason: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<ClientRecord> {
        self.require_manager("allocate clients")?;
        let before = self.find_client(id)?;
        for account in [keyworker, co_worker].into_iter().flatten() {
            let account = store::accounts::find(&self.conn, account)?;
            if !account.as_ref().is_some_and(can_hold_a_caseload) {
                return Err(CoreError::invalid(
                    "Clients can be allocated only to an enabled keyworker or manager.",
                ));
            }
        }
        if co_worker.is_some() && co_worker == keyworker {
            return Err(CoreError::invalid(
                "The co-worker must be someone other than the keyworker.",
            ));
        }
        let transfer =
            before.keyworker.is_some() && keyworker.is_some() && before.keyworker != keyworker;
        let reason = reason.trim();
        if transfer && reason.chars().count() < 5 {
            return Err(CoreError::invalid(
                "Say why the client moves to another keyworker (at least 5 characters).",
            ));
        }
        let after = Client {
            keyworker,
            co_worker,
            ..before.clone()
        };
        if after.keyworker != before.keyworker || after.co_worker != before.co_worker {
            let stamp = self.stamp(clock);
            // Staff names make the entry readable; the ids keep it exact.
            let name_of = |account: Option<AccountId>| -> CoreResult<Option<String>> {
                Ok(match account {
                    Some(id) => store::accounts::find(&self.conn, id)?
                        .map(|a| a.full_name.as_str().to_owned()),
                    None => None,
                })
            };
            let detail = serde_json::json!({
                "from": name_of(before.keyworker)?,
                "to": name_of(keyworker)?,
                "co_worker": name_of(co_worker)?,
                "reason": (!reason.is_empty()).then_some(reason),
                "from_id": before.keyworker.map(|k| k.to_string()),
                "to_id": keyworker.map(|k| k.to_string()),
                "co_worker_id": co_worker.map(|k| k.to_string()),
            });
            let audit = self.audit_record(
                AuditAction::ClientAllocated,
                Some(id),
                &detail,
                clock,
                entropy,
            );
            let version_id = new_uuid_v7(clock, entropy);
            let tx = store::begin(&mut self.conn, "allocate the client")?;
            store::clients::update(&tx, stamp, &after)?;
            record_value_version(
                &tx,
                stamp,
                version_id,
                self.account.id,
                ContestedSubject::Allocation,
                &id.to_string(),
                id,
                &allocation_value(keyworker, co_worker),
            )?;
            store::audit::append(&tx, &audit)?;
            authorship::commit_as_author(
                tx,
                self.account.id,
                self.account_keys.as_ref(),
                "allocate the client",
            )?;
        }
        self.record_of(after, ClientAccess::Full, None, clock.local_now().date())
    }
}

fn can_hold_a_caseload(account: &Account) -> bool {
    !account.disabled
        && matches!(
            account.case_role,
            Some(CaseRole::Keyworker | CaseRole::Manager)
        )
}
