//! Changing the unit's settings: administrators only, recorded in the
//! audit trail with the names of the settings that changed.

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::unit_settings::UnitSettings;
use crate::error::CoreResult;
use crate::store::{self, audit::AuditRecord};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    pub fn change_unit_settings(
        &mut self,
        settings: UnitSettings,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<UnitSettings> {
        self.require_administrator("change the unit's settings")?;
        let stamp = self.stamp(clock);
        let (device, account) = (self.device, self.account.id);
        let tx = store::begin(&mut self.conn, "save the unit's settings")?;
        let changed = store::unit_settings::write(&tx, stamp, &settings)?;
        if changed.is_empty() {
            drop(tx);
            return Ok(self.settings);
        }
        let detail = serde_json::json!({ "changed": changed });
        // Which settings changed is known only inside the transaction, which
        // holds the connection, so the entry is built from copied fields.
        let audit = AuditRecord {
            id: new_uuid_v7(clock, entropy),
            at: clock.now(),
            device,
            account: Some(account),
            action: AuditAction::UnitSettingsChanged,
            client: None,
            detail: &detail,
        };
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the unit's settings",
        )?;
        self.settings = settings;
        Ok(settings)
    }
}
