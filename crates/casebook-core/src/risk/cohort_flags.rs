//! A client's cohort and eligibility flags and OGRS score: setting a flag
//! (perhaps on Casebook's proposal), removing one with a reason, recording
//! a score. Full access to the client is needed (the allocated keyworker or
//! a manager); every change is audited.

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::cohort::{CohortFlag, OgrsScore, parse_removal_reason, proposed_flags};
use crate::domain::ids::{ClientId, CohortFlagId};
use crate::error::{CoreError, CoreResult};
use crate::store::{self, cohort_flags::CohortFlagEntry};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

/// A client's cohort: every flag (active first), the latest OGRS score, and
/// the flags the facts suggest that are not set yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cohort {
    pub flags: Vec<CohortFlagEntry>,
    pub ogrs: Option<OgrsScore>,
    pub proposed: Vec<CohortFlag>,
}

impl Cohort {
    pub fn active(&self) -> Vec<CohortFlag> {
        self.flags
            .iter()
            .filter(|f| f.is_active())
            .map(|f| f.flag)
            .collect()
    }
}

impl UnlockedUnit {
    pub(crate) fn cohort_of(&self, client: ClientId) -> CoreResult<Cohort> {
        let flags = store::cohort_flags::for_client(&self.conn, client)?;
        let ogrs = store::cohort_flags::latest_ogrs(&self.conn, client)?;
        let active: Vec<CohortFlag> = flags
            .iter()
            .filter(|f| f.is_active())
            .map(|f| f.flag)
            .collect();
        Ok(Cohort {
            proposed: proposed_flags(ogrs, &active),
            flags,
            ogrs,
        })
    }

    /// Sets a flag (a person confirming it, on a proposal or not).
    pub fn set_cohort_flag(
        &mut self,
        client: ClientId,
        flag: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Cohort> {
        self.require_full_access_to(
            client,
            "change this client's cohort flags: it is allocated to another keyworker",
        )?;
        let flag = CohortFlag::parse(flag)?;
        if self.cohort_of(client)?.active().contains(&flag) {
            return Err(CoreError::invalid("That cohort flag is set already."));
        }
        let id = CohortFlagId(new_uuid_v7(clock, entropy));
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "flag": flag.as_str() });
        let audit = self.audit_record(
            AuditAction::CohortFlagSet,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "save the cohort flag")?;
        store::cohort_flags::insert(&tx, stamp, id, client, flag, self.account.id)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the cohort flag",
        )?;
        self.cohort_of(client)
    }

    /// Removes a flag, saying why; the flag stays in the record as removed.
    pub fn remove_cohort_flag(
        &mut self,
        id: CohortFlagId,
        reason: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Cohort> {
        let entry = store::cohort_flags::find(&self.conn, id)?
            .filter(CohortFlagEntry::is_active)
            .ok_or_else(store::cohort_flags::no_such_active_flag)?;
        self.require_full_access_to(
            entry.client,
            "change this client's cohort flags: it is allocated to another keyworker",
        )?;
        let reason = parse_removal_reason(reason)?;
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "flag": entry.flag.as_str() });
        let audit = self.audit_record(
            AuditAction::CohortFlagRemoved,
            Some(entry.client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "remove the cohort flag")?;
        store::cohort_flags::remove(&tx, stamp, id, self.account.id, &reason)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "remove the cohort flag",
        )?;
        self.cohort_of(entry.client)
    }

    /// Records an OGRS score; the answer carries any flag it proposes.
    pub fn record_ogrs(
        &mut self,
        client: ClientId,
        score: &str,
        scored_on: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Cohort> {
        self.require_full_access_to(
            client,
            "record this client's OGRS score: it is allocated to another keyworker",
        )?;
        let ogrs = OgrsScore::parse(score, scored_on, clock.now().date_naive())?;
        let id = new_uuid_v7(clock, entropy);
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({});
        let audit = self.audit_record(
            AuditAction::OgrsRecorded,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "save the OGRS score")?;
        store::cohort_flags::insert_ogrs(&tx, stamp, id, client, self.account.id, ogrs)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the OGRS score",
        )?;
        self.cohort_of(client)
    }
}
