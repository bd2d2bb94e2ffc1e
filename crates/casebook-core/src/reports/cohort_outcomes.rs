//! The cohort page's figures: for the episodes a manager's filters choose,
//! the average initial and termination need on each pathway, the change on
//! each and the overall improvement, with how many episodes were counted
//! and how many were left out for want of a termination assessment.
//!
//! It is one aggregate query over the assessments' score columns
//! (`store/cohort_outcomes.rs`), so a county's ten years of assessments are
//! averaged inside SQLite rather than read out row by row.

use crate::clock::{Clock, Entropy};
use crate::domain::audit::AuditAction;
use crate::domain::cohort::CohortFlag;
use crate::domain::referrals::ReferralRoute;
use crate::error::CoreResult;
pub use crate::store::cohort_outcomes::{CohortFilter, CohortOutcomes, cohort_outcomes_in};
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// A cohort's figures, for managers: what leaves the unit for
    /// commissioners is aggregate, and choosing cohorts is theirs. Each
    /// look is audited with the filters used (no personal data in them
    /// but a keyworker's id).
    pub fn cohort_outcomes(
        &mut self,
        filter: &CohortFilter,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<CohortOutcomes> {
        self.require_manager("see cohort outcomes (they are for managers)")?;
        filter.check_period()?;
        let outcomes = cohort_outcomes_in(&self.conn, filter)?;
        let detail = serde_json::json!({
            "route": filter.route.map(ReferralRoute::as_str),
            "cohortFlag": filter.cohort_flag.map(CohortFlag::as_str),
            "order": filter.order.map(CohortFlag::as_str),
            "closedFrom": filter.closed_from.map(|d| d.to_string()),
            "closedTo": filter.closed_to.map(|d| d.to_string()),
        });
        self.audit_alone(AuditAction::ViewedCohortOutcomes, &detail, clock, entropy)?;
        Ok(outcomes)
    }
}
