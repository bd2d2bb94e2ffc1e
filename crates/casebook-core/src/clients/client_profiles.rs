//! The rest of a client's record as a signed-in person changes it: other
//! names, contact and place, access needs and equality monitoring. Only
//! those with full access change it; the audit trail names the fields that
//! changed, never their values.

use crate::clock::{Clock, Entropy};
use crate::domain::audit::AuditAction;
use crate::domain::client_profile::{ClientProfile, ClientProfileText};
use crate::domain::ids::ClientId;
use crate::error::CoreResult;
use crate::store;
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Saves the whole profile as entered; returns it as saved. Saving with
    /// nothing changed writes nothing.
    pub fn update_client_profile(
        &mut self,
        client: ClientId,
        entered: &ClientProfileText<'_>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<ClientProfile> {
        self.require_full_access_to(client, "change this client's details")?;
        let after = ClientProfile::parse(entered)?;
        let before = store::client_profiles::read(&self.conn, client)?;
        let changed = before.changed_fields(&after);
        if changed.is_empty() {
            return Ok(before);
        }
        let detail = serde_json::json!({ "fields": changed });
        let audit = self.audit_record(
            AuditAction::ClientUpdated,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let stamp = self.stamp(clock);
        let tx = store::begin(&mut self.conn, "save the client's details")?;
        store::client_profiles::write(&tx, stamp, client, self.account.id, &after)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the client's details",
        )?;
        Ok(after)
    }
}
