//! Merging two records of one person: a manager finds the probable
//! duplicates of a client and merges one into the other. Every entry of the
//! merged record (RAG reviews, flags, OGRS scores, consent, episodes) moves
//! to the record kept; identifiers and profile fill the kept record's gaps;
//! the merged record's name becomes one of the kept record's other names;
//! and the merged record itself is kept, marked, out of every list. The
//! merge is one transaction and is recorded against both clients.

use crate::clients::client_records::{ClientRecord, DuplicateMatch};
use crate::clock::{Clock, Entropy};
use crate::domain::access::ClientAccess;
use crate::domain::audit::AuditAction;
use crate::domain::duplicates::{as_new_client, merged_identity};
use crate::domain::free_text::parse_free_text;
use crate::domain::ids::ClientId;
use crate::error::{CoreError, CoreResult};
use crate::store;
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Other records in the unit that are probably the same person as
    /// `client`. Managers only: only they can merge.
    pub fn duplicates_of_client(&self, client: ClientId) -> CoreResult<Vec<DuplicateMatch>> {
        self.require_manager("merge client records")?;
        let client = self.find_client(client)?;
        Ok(self
            .duplicates_of(&as_new_client(&client))?
            .into_iter()
            .filter(|found| found.client.id != client.id)
            .collect())
    }

    /// Merges `merged` into `kept`, with the reason a manager gives.
    /// Returns the kept record as it now is.
    pub fn merge_clients(
        &mut self,
        kept: ClientId,
        merged: ClientId,
        reason: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<ClientRecord> {
        self.require_manager("merge client records")?;
        let reason = parse_free_text(
            reason,
            10,
            1000,
            "Say why these are the same person (at least 10 characters): the reason is kept with the merge.",
        )?;
        let kept_client = self.find_client(kept)?;
        let merged_client = self.find_client(merged)?;
        let identity = merged_identity(&kept_client, &merged_client)?;
        let open_episodes = [kept, merged]
            .into_iter()
            .map(|id| store::episodes::for_client(&self.conn, id))
            .collect::<CoreResult<Vec<_>>>()?
            .into_iter()
            .filter(|episodes| episodes.iter().any(|e| e.is_open()))
            .count();
        if open_episodes > 1 {
            return Err(CoreError::invalid(
                "Both records have an open episode. Record the outcome of one, or close it, before merging.",
            ));
        }
        let merged_name = format!(
            "{} {}",
            merged_client.given_name.as_str(),
            merged_client.family_name.as_str()
        );
        let kept_name = format!(
            "{} {}",
            kept_client.given_name.as_str(),
            kept_client.family_name.as_str()
        );
        let detail_kept = serde_json::json!({ "merged": merged.to_string(), "reason": reason });
        let detail_merged =
            serde_json::json!({ "merged_into": kept.to_string(), "reason": reason });
        let audit_kept = self.audit_record(
            AuditAction::ClientsMerged,
            Some(kept),
            &detail_kept,
            clock,
            entropy,
        );
        let audit_merged = self.audit_record(
            AuditAction::ClientsMerged,
            Some(merged),
            &detail_merged,
            clock,
            entropy,
        );
        let stamp = self.stamp(clock);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "merge the records")?;
        store::client_merges::move_rows(&tx, stamp, merged, kept)?;
        store::client_profiles::move_to_client(&tx, stamp, merged, kept, me)?;
        if merged_name != kept_name {
            store::client_profiles::add_other_names(&tx, stamp, kept, me, &[merged_name])?;
        }
        if identity != kept_client {
            store::clients::update(&tx, stamp, &identity)?;
        }
        store::client_merges::mark_merged(&tx, stamp, merged, kept)?;
        store::session_records::move_drafts(&tx, merged, kept)?;
        store::audit::append(&tx, &audit_kept)?;
        store::audit::append(&tx, &audit_merged)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "merge the records",
        )?;
        self.record_of(identity, ClientAccess::Full, None, clock.local_now().date())
    }
}
