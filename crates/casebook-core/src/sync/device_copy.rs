//! A unit copied to another computer (the way a device joins until joining
//! from a snapshot on the share is built) must not go on as the device it
//! was copied from: two devices writing bundles under one identity would
//! fork each other's sequence. The copy takes a new identity and a new
//! signing key, and counts what the original had sent as already received.
//! Joining from the shared folder (`joining.rs`) is the way a computer
//! joins; this remains for copies made by hand. A copy signed in to before
//! it takes its new identity has written audit entries under the original's
//! identity: they stay on the copy, and its check of the original's chain
//! reports them.

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::ids::DeviceId;
use crate::error::CoreResult;
use crate::store;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Gives this copy of the unit its own device identity.
    pub fn become_new_device(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<DeviceId> {
        self.require_own_password()?;
        let before = self.device;
        let after = DeviceId(new_uuid_v7(clock, entropy));
        let sent = store::sync_state::last_sent(&self.conn)?;
        let tx = store::begin(&mut self.conn, "register this computer as a new device")?;
        if sent.sequence > 0 {
            store::sync_apply::record_applied(
                &tx,
                &before.to_string(),
                sent.sequence,
                &sent.hash,
                clock.now(),
            )?;
        }
        store::sync_state::become_new_device(&tx, &after.to_string())?;
        store::commit(tx, "register this computer as a new device")?;
        self.device = after;
        Ok(after)
    }
}
