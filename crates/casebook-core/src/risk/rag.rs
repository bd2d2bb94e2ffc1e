//! Reviewing a client's RAG status. Reviews are insert-only: the table is
//! the history, and the latest review is the current status.

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::ids::ClientId;
use crate::domain::rag::{NewRagReview, Rag};
use crate::domain::resolve_items::ContestedSubject;
use crate::error::CoreResult;
use crate::store::value_versions::{rag_value, record_value_version};
use crate::store::{self, rag_reviews::RagReview};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Records a RAG review of a client: full access only (the allocated
    /// keyworker or a manager). Returns the client's whole RAG history.
    pub fn review_rag(
        &mut self,
        id: ClientId,
        rating: &str,
        reason: &str,
        next_review: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<RagReview>> {
        let _client = self.client_with_full_access(
            id,
            "review this client's RAG status: it is allocated to another keyworker",
        )?;
        let review = NewRagReview::parse(rating, reason, next_review, clock.now().date_naive())?;
        let before = self.current_rag(id)?;
        let stamp = self.stamp(clock);
        let review_id = new_uuid_v7(clock, entropy);
        let version_id = new_uuid_v7(clock, entropy);
        let detail = serde_json::json!({
            "from": before.map(Rag::as_str),
            "to": review.rating.as_str(),
        });
        let audit = self.audit_record(AuditAction::RagReviewed, Some(id), &detail, clock, entropy);
        let tx = store::begin(&mut self.conn, "save the RAG status")?;
        store::rag_reviews::insert(&tx, stamp, review_id, id, self.account.id, &review)?;
        record_value_version(
            &tx,
            stamp,
            version_id,
            self.account.id,
            ContestedSubject::Rag,
            &id.to_string(),
            id,
            &rag_value(&review),
        )?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the RAG status",
        )?;
        store::rag_reviews::history(&self.conn, id)
    }

    pub(crate) fn current_rag(&self, id: ClientId) -> CoreResult<Option<Rag>> {
        Ok(store::rag_reviews::history(&self.conn, id)?
            .first()
            .map(|review| review.rating))
    }
}
