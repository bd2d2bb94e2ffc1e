//! Raising, reviewing and ending a client's safety flags, and the list of
//! reviews that are due. Changing flags needs full access to the client (the
//! allocated keyworker or a manager); every change is audited with the kind
//! of flag, never its note.

use chrono::NaiveDate;

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::access::ClientAccess;
use crate::domain::audit::AuditAction;
use crate::domain::ids::{ClientId, SafetyFlagId};
use crate::domain::names::PersonName;
use crate::domain::resolve_items::ContestedSubject;
use crate::domain::safety_flags::{
    NewSafetyFlag, SafetyFlagText, parse_end_reason, parse_note, parse_review_date,
};
use crate::error::CoreResult;
use crate::store::value_versions::record_value_version;
use crate::store::{self, safety_flags::SafetyFlag};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

/// How far ahead a review counts as due.
pub const DUE_WITHIN_DAYS: i64 = 7;

/// An active flag whose review is due within a week or overdue, with the
/// client's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReview {
    pub flag: SafetyFlag,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub overdue: bool,
}

const SAFETY_FLAGS_FORBIDDEN: &str =
    "change this client's safety flags: it is allocated to another keyworker";

impl UnlockedUnit {
    fn active_flag(&self, id: SafetyFlagId) -> CoreResult<SafetyFlag> {
        store::safety_flags::find(&self.conn, id)?
            .filter(SafetyFlag::is_active)
            .ok_or_else(store::safety_flags::no_such_active_flag)
    }

    /// Raises a flag; returns the client's flags.
    pub fn raise_safety_flag(
        &mut self,
        client: ClientId,
        entered: &SafetyFlagText<'_>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<SafetyFlag>> {
        self.require_full_access_to(client, SAFETY_FLAGS_FORBIDDEN)?;
        let flag = NewSafetyFlag::parse(entered, clock.now().date_naive())?;
        let id = SafetyFlagId(new_uuid_v7(clock, entropy));
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "kind": flag.kind.as_str() });
        let audit = self.audit_record(
            AuditAction::SafetyFlagRaised,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "save the safety flag")?;
        store::safety_flags::insert(&tx, stamp, id, client, self.account.id, &flag)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the safety flag",
        )?;
        store::safety_flags::for_client(&self.conn, client)
    }

    /// Reviews an active flag: what is known now, and the next review date.
    pub fn review_safety_flag(
        &mut self,
        id: SafetyFlagId,
        note: &str,
        review_by: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<SafetyFlag>> {
        let flag = self.active_flag(id)?;
        self.require_full_access_to(flag.client, SAFETY_FLAGS_FORBIDDEN)?;
        let note = parse_note(note)?;
        let review_by = parse_review_date(review_by, clock.now().date_naive())?;
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "kind": flag.kind.as_str() });
        let audit = self.audit_record(
            AuditAction::SafetyFlagReviewed,
            Some(flag.client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "save the review")?;
        store::safety_flags::review(&tx, stamp, id, self.account.id, &note, review_by)?;
        keep_flag_version(
            &tx,
            stamp,
            new_uuid_v7(clock, entropy),
            self.account.id,
            &flag,
        )?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the review",
        )?;
        store::safety_flags::for_client(&self.conn, flag.client)
    }

    /// Ends an active flag with a reason; it stays in the record.
    pub fn end_safety_flag(
        &mut self,
        id: SafetyFlagId,
        reason: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<SafetyFlag>> {
        let flag = self.active_flag(id)?;
        self.require_full_access_to(flag.client, SAFETY_FLAGS_FORBIDDEN)?;
        let reason = parse_end_reason(reason)?;
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "kind": flag.kind.as_str() });
        let audit = self.audit_record(
            AuditAction::SafetyFlagEnded,
            Some(flag.client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "end the safety flag")?;
        store::safety_flags::end(&tx, stamp, id, self.account.id, &reason)?;
        keep_flag_version(
            &tx,
            stamp,
            new_uuid_v7(clock, entropy),
            self.account.id,
            &flag,
        )?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "end the safety flag",
        )?;
        store::safety_flags::for_client(&self.conn, flag.client)
    }

    /// Active flags due for review within a week, or overdue, on clients
    /// this account can change (its own caseload; the whole unit for a
    /// manager), soonest first.
    pub fn safety_reviews_due(&self, today: NaiveDate) -> CoreResult<Vec<DueReview>> {
        self.require_case_role()?;
        let horizon = today + chrono::Duration::days(DUE_WITHIN_DAYS);
        let mut due = Vec::new();
        for flag in store::safety_flags::active(&self.conn)? {
            if flag.review_by > horizon {
                break;
            }
            let client = self.find_client(flag.client)?;
            if self.access_to(&client) != ClientAccess::Full {
                continue;
            }
            due.push(DueReview {
                overdue: flag.review_by < today,
                given_name: client.given_name,
                family_name: client.family_name,
                flag,
            });
        }
        Ok(due)
    }
}

/// Keeps a flag's state just written as a value version, in the same
/// transaction, so that two computers changing it apart raise a resolve item.
fn keep_flag_version(
    tx: &rusqlite::Transaction<'_>,
    stamp: crate::store::change_log::WriteStamp,
    version_id: uuid::Uuid,
    by: crate::domain::ids::AccountId,
    flag: &SafetyFlag,
) -> CoreResult<()> {
    let state = store::safety_flags::state(tx, flag.id)?;
    record_value_version(
        tx,
        stamp,
        version_id,
        by,
        ContestedSubject::SafetyFlag,
        &flag.id.to_string(),
        flag.client,
        &state,
    )
}
