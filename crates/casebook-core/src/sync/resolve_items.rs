//! Resolve items in a unit: finding the safety-critical values two
//! computers changed while apart, showing both sides, and recording the
//! value a person chooses. The rules are in `domain::resolve_items`; here
//! they meet the store, access and the audit trail.

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::access::ClientAccess;
use crate::domain::account::StaffMember;
use crate::domain::appointments::Outcome;
use crate::domain::audit::AuditAction;
use crate::domain::dates::parse_day;
use crate::domain::ids::{AccountId, AppointmentId, ClientId, SafetyFlagId};
use crate::domain::names::PersonName;
use crate::domain::rag::{NewRagReview, Rag};
use crate::domain::resolve_items::{ContestedSubject, ValueVersion, heads, is_contested};
use crate::domain::safety_flags::SafetyFlagKind;
use crate::error::{CoreError, CoreResult};
use crate::store::value_versions::{NewVersion, StoredVersion};
use crate::store::{self};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

/// One value two computers changed apart, with each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveItem {
    pub subject: ContestedSubject,
    pub subject_id: String,
    pub client: ClientId,
    pub given_name: PersonName,
    pub family_name: PersonName,
    /// The sides, latest first; the first is the one in effect until a
    /// person chooses (the later change, as everywhere else in sync).
    pub options: Vec<ResolveOption>,
}

/// One side of a resolve item: the value, who set it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveOption {
    pub version_id: String,
    pub value: ContestedValue,
    pub made_by: Option<String>,
    pub made_at: String,
    pub in_effect: bool,
}

/// A value as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContestedValue {
    Rag {
        rating: Rag,
        reason: Option<String>,
    },
    Allocation {
        keyworker: Option<StaffMember>,
        co_worker: Option<StaffMember>,
    },
    SafetyFlag {
        kind: SafetyFlagKind,
        note: String,
        review_by: String,
        ended: bool,
        end_reason: Option<String>,
    },
    AppointmentOutcome {
        outcome: Outcome,
        reason: Option<String>,
        absence: Option<String>,
        absence_reason: Option<String>,
    },
}

const RESOLVE_FORBIDDEN: &str =
    "choose between these changes: the client is allocated to another keyworker";

impl UnlockedUnit {
    /// Every resolve item on clients this account has full access to (its
    /// own caseload; the whole unit for a manager), for the caseload.
    pub fn resolve_items(&self) -> CoreResult<Vec<ResolveItem>> {
        self.require_case_role()?;
        let versions = store::value_versions::of_subjects_with_several_heads(&self.conn)?;
        let mut items = Vec::new();
        for item in self.items_from(versions)? {
            let client = store::clients::find(&self.conn, item.client)?;
            if client.is_some_and(|c| self.access_to(&c) == ClientAccess::Full) {
                items.push(item);
            }
        }
        Ok(items)
    }

    /// One client's resolve items, for their page. They show case notes
    /// (RAG reasons, flag notes, the allocation), so they are for those who
    /// may read the whole record, as `view_client` decides: not a partner's
    /// summary, and for a keyworker outside their access only after they
    /// opened the record with a reason today. Only full access may choose.
    /// Reading them is recorded as a view of the client.
    pub fn resolve_items_of_client(
        &mut self,
        client: ClientId,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<ResolveItem>> {
        self.require_case_role()?;
        let found = self.find_client(client)?;
        let access = match self.access_to(&found) {
            ClientAccess::NeedsReason if self.broke_glass_today(client, clock)? => {
                ClientAccess::ReadOnly
            }
            ClientAccess::NeedsReason => {
                return Err(CoreError::new(
                    crate::error::ErrorCode::ReasonRequired,
                    "This client is not allocated to you. To open the record, say why: the reason is kept in the audit trail and your manager can see it.",
                ));
            }
            access @ (ClientAccess::Full | ClientAccess::ReadOnly) => access,
            ClientAccess::Summary | ClientAccess::Withheld | ClientAccess::None => {
                return Err(CoreError::forbidden("see this client's record"));
            }
        };
        let versions = store::value_versions::of_client(&self.conn, client)?;
        let items = self.items_from(versions)?;
        let detail = serde_json::json!({ "access": access.as_str(), "part": "resolve_items" });
        let audit = self.audit_record(
            AuditAction::ViewedClient,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "open the client's record")?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "open the client's record",
        )?;
        Ok(items)
    }

    /// Whether this account opened the client's record with a reason
    /// today (break-glass lasts the day it was given).
    fn broke_glass_today(&self, client: ClientId, clock: &dyn Clock) -> CoreResult<bool> {
        let filter = crate::domain::audit::AuditFilter {
            account: Some(self.account.id),
            client: Some(client),
            action: Some(AuditAction::BrokeGlass),
            from: Some(clock.now().date_naive()),
            to: None,
        };
        let first = store::audit::AuditWindow { skip: 0, take: 1 };
        Ok(!store::audit::filtered(&self.conn, &filter, first)?.is_empty())
    }

    /// Records the value a person chose: it is written again with a new
    /// clock stamp, so it stands on every computer, and its version
    /// replaces every side, so the item closes everywhere once it syncs.
    pub fn resolve(
        &mut self,
        subject: ContestedSubject,
        subject_id: &str,
        chosen: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        // A partner has full access to no client: refused before anything
        // about the value is said (whether it is still contested).
        self.require_keyworker_or_manager(
            "choose between these changes (partners see a summary only)",
        )?;
        let versions: Vec<StoredVersion> =
            store::value_versions::of_subject(&self.conn, subject, subject_id)?;
        // Access first, so that someone without it learns nothing of the
        // value (not even whether it is still contested).
        if let Some(version) = versions.first() {
            self.require_full_access_to(version.client, RESOLVE_FORBIDDEN)?;
        }
        let plain: Vec<ValueVersion> = versions.iter().map(|v| v.version.clone()).collect();
        let sides = heads(&plain);
        if !is_contested(&sides) {
            return Err(CoreError::invalid(
                "This has already been resolved, perhaps on another computer. Nothing was changed.",
            ));
        }
        let Some(choice) = sides.iter().find(|side| side.id == chosen) else {
            return Err(CoreError::invalid(
                "That is no longer one of the values to choose from. Nothing was changed; look at the client's page again.",
            ));
        };
        let client = versions
            .first()
            .map(|v| v.client)
            .ok_or_else(|| CoreError::internal(&"a contested value without versions"))?;
        self.require_full_access_to(client, RESOLVE_FORBIDDEN)?;
        let chosen_version = versions
            .iter()
            .find(|v| v.version.id == choice.id)
            .ok_or_else(|| CoreError::internal(&"a head without its version"))?;
        let decisive: serde_json::Value =
            serde_json::from_str(&choice.value).map_err(|e| CoreError::internal(&e))?;
        let value = chosen_version.detail.clone();
        let replaces: Vec<String> = sides.iter().map(|side| side.id.clone()).collect();
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "what": subject.as_str() });
        let audit = self.audit_record(
            AuditAction::ChangesResolved,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let version_id = new_uuid_v7(clock, entropy);
        let review_id = new_uuid_v7(clock, entropy);
        let before = self.find_client(client)?;
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save your choice")?;
        match subject {
            ContestedSubject::Rag => {
                let review = rag_review_of(&value)?;
                store::rag_reviews::insert(&tx, stamp, review_id, client, me, &review)?;
            }
            ContestedSubject::Allocation => {
                let (keyworker, co_worker) = allocation_of(&value)?;
                let after = crate::domain::client::Client {
                    keyworker,
                    co_worker,
                    ..before
                };
                store::clients::update(&tx, stamp, &after)?;
            }
            ContestedSubject::SafetyFlag => {
                let flag = SafetyFlagId::parse(subject_id).map_err(|e| CoreError::internal(&e))?;
                store::safety_flags::restore(&tx, stamp, flag, &value)?;
            }
            ContestedSubject::AppointmentOutcome => {
                let appointment =
                    AppointmentId::parse(subject_id).map_err(|e| CoreError::internal(&e))?;
                store::appointments::set_outcome(&tx, stamp, appointment, &value)?;
            }
        }
        store::value_versions::insert(
            &tx,
            stamp,
            &NewVersion {
                id: version_id,
                subject,
                subject_id,
                client,
                value: &decisive,
                detail: &value,
                replaces: &replaces,
                resolves: true,
                made_by: me,
            },
        )?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save your choice",
        )
    }

    fn items_from(
        &self,
        versions: Vec<(ContestedSubject, String, StoredVersion)>,
    ) -> CoreResult<Vec<ResolveItem>> {
        let mut by_subject: std::collections::BTreeMap<
            (ContestedSubject, String),
            Vec<StoredVersion>,
        > = std::collections::BTreeMap::new();
        for (subject, subject_id, version) in versions {
            by_subject
                .entry((subject, subject_id))
                .or_default()
                .push(version);
        }
        let staff = self.staff_names()?;
        let mut items = Vec::new();
        for ((subject, subject_id), versions) in by_subject {
            let plain: Vec<ValueVersion> = versions.iter().map(|v| v.version.clone()).collect();
            let sides = heads(&plain);
            if !is_contested(&sides) {
                continue;
            }
            let Some(client) = store::clients::find(&self.conn, versions[0].client)? else {
                // A record merged into another leaves every list, and
                // its old values with it.
                continue;
            };
            let mut options = Vec::new();
            for (index, side) in sides.iter().enumerate() {
                let Some(stored) = versions.iter().find(|v| v.version.id == side.id) else {
                    continue;
                };
                let value = &stored.detail;
                let value = match subject {
                    ContestedSubject::Rag => {
                        let review = rag_review_of(value)?;
                        ContestedValue::Rag {
                            rating: review.rating,
                            reason: review.reason,
                        }
                    }
                    ContestedSubject::Allocation => {
                        let (keyworker, co_worker) = allocation_of(value)?;
                        let named =
                            |id: Option<AccountId>| id.and_then(|id| staff.get(&id).cloned());
                        ContestedValue::Allocation {
                            keyworker: named(keyworker),
                            co_worker: named(co_worker),
                        }
                    }
                    ContestedSubject::SafetyFlag => {
                        let flag = SafetyFlagId::parse(&subject_id)
                            .map_err(|e| CoreError::internal(&e))?;
                        let Some(found) = store::safety_flags::find(&self.conn, flag)? else {
                            continue;
                        };
                        let text = |name: &str| {
                            value
                                .get(name)
                                .and_then(serde_json::Value::as_str)
                                .map(str::to_owned)
                        };
                        ContestedValue::SafetyFlag {
                            kind: found.kind,
                            note: text("note").unwrap_or_default(),
                            review_by: text("review_by").unwrap_or_default(),
                            ended: text("ended_at").is_some(),
                            end_reason: text("end_reason"),
                        }
                    }
                    ContestedSubject::AppointmentOutcome => {
                        let text = |name: &str| {
                            value
                                .get(name)
                                .and_then(serde_json::Value::as_str)
                                .map(str::to_owned)
                        };
                        let Some(Ok(outcome)) = text("outcome").map(|o| Outcome::parse(&o)) else {
                            continue;
                        };
                        ContestedValue::AppointmentOutcome {
                            outcome,
                            reason: text("outcome_reason"),
                            absence: text("absence"),
                            absence_reason: text("absence_reason"),
                        }
                    }
                };
                options.push(ResolveOption {
                    version_id: side.id.clone(),
                    value,
                    made_by: stored.made_by.clone(),
                    made_at: stored.made_at.clone(),
                    in_effect: index == 0,
                });
            }
            items.push(ResolveItem {
                subject,
                subject_id,
                client: client.id,
                given_name: client.given_name,
                family_name: client.family_name,
                options,
            });
        }
        Ok(items)
    }
}

fn rag_review_of(value: &serde_json::Value) -> CoreResult<NewRagReview> {
    let malformed = || CoreError::internal(&"malformed RAG version");
    let text = |name: &str| value.get(name).and_then(serde_json::Value::as_str);
    Ok(NewRagReview {
        rating: Rag::parse(text("rating").ok_or_else(malformed)?).map_err(|_| malformed())?,
        reason: text("reason").map(str::to_owned),
        next_review: text("next_review")
            .map(parse_day)
            .transpose()
            .map_err(|_| malformed())?,
    })
}

fn allocation_of(value: &serde_json::Value) -> CoreResult<(Option<AccountId>, Option<AccountId>)> {
    let account = |name: &str| -> CoreResult<Option<AccountId>> {
        value
            .get(name)
            .and_then(serde_json::Value::as_str)
            .map(|id| AccountId::parse(id).map_err(|e| CoreError::internal(&e)))
            .transpose()
    };
    Ok((account("keyworker")?, account("co_worker")?))
}
