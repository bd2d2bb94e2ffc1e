//! Deleting a client record entered in error (a test record, a referral
//! keyed into the wrong unit). A manager gives the reason; the record is
//! kept, marked, and left out of every list, as a merged one is, and the
//! deletion syncs. A change made to the record on another computer that
//! had not heard of the deletion brings it back (see
//! `domain::client_deletions`), so nothing anyone entered is lost.

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::free_text::parse_free_text;
use crate::domain::ids::ClientId;
use crate::error::CoreResult;
use crate::store;
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Deletes `client`'s record, with the reason a manager gives.
    pub fn delete_client(
        &mut self,
        client: ClientId,
        reason: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        self.require_manager("delete client records")?;
        let reason = parse_free_text(
            reason,
            10,
            1000,
            "Say why this record was entered in error (at least 10 characters): the reason is kept with the deletion.",
        )?;
        let client = self.find_client(client)?.id;
        let detail = serde_json::json!({ "reason": reason });
        let audit = self.audit_record(
            AuditAction::ClientDeleted,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let id = new_uuid_v7(clock, entropy);
        let stamp = self.stamp(clock);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "delete the record")?;
        store::client_deletions::insert(&tx, stamp, id, client, me, &reason)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "delete the record",
        )
    }
}
