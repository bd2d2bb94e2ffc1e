//! Recording a client's consent decisions for partner agencies. Full access
//! to the client is needed (the allocated keyworker or co-worker, or a
//! manager); each decision is audited with the agency and the decision.

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::consent::NewConsentDecision;
use crate::domain::ids::ClientId;
use crate::error::CoreResult;
use crate::store::{self, consent_decisions::ConsentRecord};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

/// What a person typed for a consent decision, before any checking.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ConsentText<'a> {
    pub agency: &'a str,
    /// `given` or `withdrawn`.
    pub decision: &'a str,
    /// How consent was given; blank for a withdrawal.
    pub how: &'a str,
    /// `YYYY-MM-DD`.
    pub decided_on: &'a str,
}

impl UnlockedUnit {
    /// Records a decision; returns the client's whole consent history.
    pub fn record_consent(
        &mut self,
        client: ClientId,
        entered: &ConsentText<'_>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<ConsentRecord>> {
        let _found = self.client_with_full_access(
            client,
            "record consent for this client: it is allocated to another keyworker",
        )?;
        let decision = NewConsentDecision::parse(
            entered.agency,
            entered.decision,
            entered.how,
            entered.decided_on,
            clock.now().date_naive(),
        )?;
        let id = new_uuid_v7(clock, entropy);
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({
            "agency": decision.agency,
            "decision": decision.decision.as_str(),
        });
        let audit = self.audit_record(
            AuditAction::ConsentRecorded,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "save the consent decision")?;
        store::consent_decisions::insert(&tx, stamp, id, client, self.account.id, &decision)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the consent decision",
        )?;
        store::consent_decisions::history(&self.conn, client)
    }
}
