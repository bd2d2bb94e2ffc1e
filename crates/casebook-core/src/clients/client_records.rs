//! Client records as a signed-in person reaches them: one client's record
//! or summary, adding a client and changing their details, probable
//! duplicates, and break-glass access to a client outside a keyworker's
//! reach. Every function asks `domain::access::client_access` what the
//! account may do with the client, and records what it did in the audit
//! trail in the same transaction.

use std::collections::HashMap;

use crate::clients::timeline::{TimelineEntry, TimelineParts, timeline};
use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::access::{ClientAccess, parse_break_glass_reason, same_sex_request_unmet};
use crate::domain::audit::AuditAction;
use crate::domain::client::{Client, ClientDetailsText, ClientIdentifiers, DateOfBirth, NewClient};
use crate::domain::client_profile::ClientProfile;
use crate::domain::cohort::CohortFlag;
use crate::domain::compliance::OrderStanding;
use crate::domain::duplicates::{DuplicateReason, duplicate_reason};
use crate::domain::ids::{AccountId, ClientId};
use crate::domain::names::PersonName;
use crate::domain::rag::Rag;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::risk::cohort_flags::Cohort;
use crate::store::appointments::Appointment;
use crate::store::probation_notices::ProbationNotice;
use crate::store::session_records::SessionRecord;
use crate::store::tasks::Task;
use crate::store::{
    self, consent_decisions::ConsentRecord, episodes::Episode, rag_reviews::RagReview,
    safety_flags::SafetyFlag,
};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

pub use crate::domain::account::StaffMember;

/// The whole client record (so far: identity and allocation; later work
/// adds flags, sessions and notes here, never to `ClientSummary`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRecord {
    pub client: Client,
    pub keyworker: Option<StaffMember>,
    pub co_worker: Option<StaffMember>,
    /// The client asked for a keyworker of the same sex and the allocated
    /// one may not be: a warning for whoever allocates.
    pub same_sex_warning: bool,
    /// Every RAG review, newest first; the first is the current status.
    pub rag_history: Vec<RagReview>,
    /// Every safety flag, active ones first.
    pub safety_flags: Vec<SafetyFlag>,
    pub cohort: Cohort,
    /// Every consent decision, newest first.
    pub consent: Vec<ConsentRecord>,
    /// Every episode, newest referral first.
    pub episodes: Vec<Episode>,
    /// Other names, contact and place, access needs, equality monitoring.
    pub profile: ClientProfile,
    /// Every appointment, latest first.
    pub appointments: Vec<Appointment>,
    /// Every signed session record with its addenda, latest first; a
    /// confidential one's notes are empty unless this account wrote it or
    /// manages.
    pub sessions: Vec<SessionRecord>,
    /// Every task, open ones first.
    pub tasks: Vec<Task>,
    /// For each order or licence the client is on: absences and standing.
    pub compliance: Vec<OrderStanding>,
    /// What was sent to probation, latest first.
    pub probation_notices: Vec<ProbationNotice>,
    /// Everything above in one list, newest first.
    pub timeline: Vec<TimelineEntry>,
    /// Seven pathways assessments, the support plan and what is due.
    pub pathways: crate::pathways::assessments::ClientPathways,
    /// `Full` or `ReadOnly`.
    pub access: ClientAccess,
    /// The reason given, when the record was opened through break-glass.
    pub break_glass_reason: Option<String>,
}

/// What a partner (police or probation staff in the unit) sees of a client:
/// identity and keyworker now; cohort flags, RAG, next appointment and
/// compliance join it as later work records them. It has no place for
/// session notes or anything confidential, so none can leak through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientSummary {
    pub id: ClientId,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub date_of_birth: DateOfBirth,
    pub identifiers: ClientIdentifiers,
    pub keyworker: Option<StaffMember>,
    /// The current RAG rating only: the reasons are case notes.
    pub rag: Option<Rag>,
    /// The active cohort flags.
    pub cohort_flags: Vec<CohortFlag>,
    /// When and where the client is next expected, without notes.
    pub next_appointment: Option<NextAppointment>,
    /// For each order or licence: absences counted and the standing.
    pub compliance: Vec<OrderStanding>,
}

/// The next appointment as a partner may see it: the slot, what it is and
/// where, never an outcome's reasons or notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextAppointment {
    pub times: crate::domain::appointments::AppointmentTimes,
    pub kind: crate::domain::appointments::AppointmentKind,
    pub place: crate::domain::appointments::AppointmentPlace,
}

/// One client as the signed-in account may see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientView {
    /// Both boxed: the two differ a lot in size, and a view is moved
    /// around whole.
    Record(Box<ClientRecord>),
    Summary(Box<ClientSummary>),
}

/// Someone already in the unit who is probably the person being added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateMatch {
    pub client: Client,
    pub keyworker: Option<StaffMember>,
    pub reason: DuplicateReason,
}

/// A client found by family name and date of birth, for a keyworker to
/// open through break-glass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientMatch {
    pub id: ClientId,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub date_of_birth: DateOfBirth,
}

impl UnlockedUnit {
    pub(crate) fn staff_names(&self) -> CoreResult<HashMap<AccountId, StaffMember>> {
        Ok(store::accounts::list(&self.conn)?
            .into_iter()
            .map(|a| {
                (
                    a.id,
                    StaffMember {
                        id: a.id,
                        full_name: a.full_name,
                    },
                )
            })
            .collect())
    }

    /// Checks what was typed and adds the client, in one transaction. A
    /// keyworker's new client is allocated to them; a manager's waits for
    /// allocation.
    pub fn add_client(
        &mut self,
        entered: &ClientDetailsText<'_>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Client> {
        self.require_keyworker_or_manager("add clients")?;
        let new_client = NewClient::parse(entered, clock.now().date_naive())?;
        if !entered.confirmed_new_person && !self.duplicates_of(&new_client)?.is_empty() {
            return Err(CoreError::new(
                ErrorCode::ProbableDuplicate,
                "This looks like someone already in the unit (the same identifier, or the same date of birth and a similar name). Check them first; if this is a different person, confirm it and add again.",
            ));
        }
        let keyworker = self.is_keyworker().then_some(self.account.id);
        let id = ClientId(new_uuid_v7(clock, entropy));
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({
            "fields": filled_fields(&new_client),
            "keyworker_id": keyworker.map(|k| k.to_string()),
        });
        let audit = self.audit_record(
            AuditAction::ClientCreated,
            Some(id),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "save the client")?;
        let client =
            store::clients::insert(&tx, stamp, id, self.account.id, keyworker, &new_client)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the client",
        )?;
        Ok(client)
    }

    pub(crate) fn duplicates_of(&self, new_client: &NewClient) -> CoreResult<Vec<DuplicateMatch>> {
        let mut found = Vec::new();
        for client in store::clients::duplicate_candidates(&self.conn, new_client)? {
            if let Some(reason) = duplicate_reason(new_client, &client) {
                found.push(DuplicateMatch {
                    keyworker: self.keyworker_of(&client)?,
                    client,
                    reason,
                });
            }
        }
        Ok(found)
    }

    /// Who already in the unit is probably the person about to be added.
    /// For those who add clients; the check is recorded (how many matched,
    /// not who).
    pub fn find_probable_duplicates(
        &mut self,
        entered: &ClientDetailsText<'_>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<DuplicateMatch>> {
        self.require_keyworker_or_manager("add clients")?;
        let new_client = NewClient::parse(entered, clock.now().date_naive())?;
        let found = self.duplicates_of(&new_client)?;
        let detail = serde_json::json!({ "purpose": "duplicate_check", "matches": found.len() });
        self.audit_alone(AuditAction::SearchedUnit, &detail, clock, entropy)?;
        Ok(found)
    }

    /// One client, as much as this account may see, recorded as a view. A
    /// keyworker asking for a client outside their access is refused with
    /// `reason_required`: `open_client_with_reason` is the way in.
    pub fn view_client(
        &mut self,
        id: ClientId,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<ClientView> {
        self.require_case_role()?;
        let client = self.find_client(id)?;
        let access = self.access_to(&client);
        if access == ClientAccess::Withheld {
            return Err(CoreError::forbidden(
                "see this client: they have withdrawn consent to share information with your agency",
            ));
        }
        if access == ClientAccess::NeedsReason {
            return Err(CoreError::new(
                ErrorCode::ReasonRequired,
                "This client is not allocated to you. To open the record, say why: the reason is kept in the audit trail and your manager can see it.",
            ));
        }
        let detail = serde_json::json!({ "access": access.as_str() });
        self.record_client_view(AuditAction::ViewedClient, id, &detail, clock, entropy)?;
        let keyworker = self.keyworker_of(&client)?;
        Ok(match access {
            ClientAccess::Summary => ClientView::Summary(Box::new(ClientSummary {
                next_appointment: store::appointments::for_client(&self.conn, client.id)?
                    .into_iter()
                    .filter(|a| a.is_open() && a.times.starts >= clock.local_now())
                    .min_by_key(|a| a.times.starts)
                    .map(|a| NextAppointment {
                        times: a.times,
                        kind: a.kind,
                        place: a.place,
                    }),
                compliance: self.compliance_of(client.id, clock.local_now().date())?,
                rag: self.current_rag(client.id)?,
                cohort_flags: self.cohort_of(client.id)?.active(),
                id: client.id,
                given_name: client.given_name,
                family_name: client.family_name,
                date_of_birth: client.date_of_birth,
                identifiers: client.identifiers,
                keyworker,
            })),
            _ => ClientView::Record(Box::new(self.record_of(
                client,
                access,
                None,
                clock.local_now().date(),
            )?)),
        })
    }

    /// Break-glass: a keyworker opens a client outside their access,
    /// giving a reason. The record opens read-only, and the opening is
    /// recorded with the reason for a manager to review.
    pub fn open_client_with_reason(
        &mut self,
        id: ClientId,
        reason: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<ClientRecord> {
        self.require_keyworker(
            "open a record with a reason (it is for keyworkers, for clients outside their caseload)",
        )?;
        let client = self.find_client(id)?;
        if self.access_to(&client) != ClientAccess::NeedsReason {
            return Err(CoreError::invalid(
                "You can open this record without giving a reason.",
            ));
        }
        let reason = parse_break_glass_reason(reason)?;
        let detail = serde_json::json!({ "reason": reason });
        self.record_client_view(AuditAction::BrokeGlass, id, &detail, clock, entropy)?;
        self.record_of(
            client,
            ClientAccess::ReadOnly,
            Some(reason),
            clock.local_now().date(),
        )
    }

    /// Clients outside this keyworker's caseload with exactly this family
    /// name and date of birth: what someone knows before asking to open a
    /// record, so the unit cannot be browsed this way. The search is
    /// recorded (how many matched, not who).
    pub fn find_clients_outside_caseload(
        &mut self,
        family_name: &str,
        date_of_birth: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<ClientMatch>> {
        self.require_keyworker(
            "search outside a caseload (managers and partners see the whole unit already)",
        )?;
        let family_name = PersonName::parse(family_name, "family name")?;
        let date_of_birth = DateOfBirth::parse(date_of_birth, clock.now().date_naive())?;
        let matches: Vec<ClientMatch> =
            store::clients::find_by_family_name_and_birth(&self.conn, &family_name, date_of_birth)?
                .into_iter()
                .filter(|c| self.access_to(c) == ClientAccess::NeedsReason)
                .map(|c| ClientMatch {
                    id: c.id,
                    given_name: c.given_name,
                    family_name: c.family_name,
                    date_of_birth: c.date_of_birth,
                })
                .collect();
        let detail = serde_json::json!({ "matches": matches.len() });
        self.audit_alone(AuditAction::SearchedUnit, &detail, clock, entropy)?;
        Ok(matches)
    }

    /// Changes a client's names or date of birth. Only with full access
    /// (the allocated keyworker or a manager). The audit entry names the
    /// fields that changed, not their values.
    pub fn update_client_details(
        &mut self,
        id: ClientId,
        entered: &ClientDetailsText<'_>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Client> {
        let before = self.client_with_full_access(
            id,
            "change this client's record: it is allocated to another keyworker",
        )?;
        let entered = NewClient::parse(entered, clock.now().date_naive())?;
        let after = Client {
            given_name: entered.given_name,
            family_name: entered.family_name,
            date_of_birth: entered.date_of_birth,
            identifiers: entered.identifiers,
            gender: entered.gender,
            wants_same_sex_keyworker: entered.wants_same_sex_keyworker,
            ..before.clone()
        };
        let fields = changed_fields(&before, &after);
        if fields.is_empty() {
            return Ok(before);
        }
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({ "fields": fields });
        let audit = self.audit_record(
            AuditAction::ClientUpdated,
            Some(id),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "save the client")?;
        store::clients::update(&tx, stamp, &after)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the client",
        )?;
        Ok(after)
    }

    /// The whole record of a client, as `access` allows it to be read.
    pub(crate) fn record_of(
        &self,
        client: Client,
        access: ClientAccess,
        break_glass_reason: Option<String>,
        today: chrono::NaiveDate,
    ) -> CoreResult<ClientRecord> {
        let keyworker_account = match client.keyworker {
            Some(id) => store::accounts::find(&self.conn, id)?,
            None => None,
        };
        let same_sex_warning = keyworker_account.is_some()
            && same_sex_request_unmet(
                client.wants_same_sex_keyworker,
                client.gender.as_deref(),
                keyworker_account.as_ref().and_then(|a| a.gender.as_deref()),
            );
        let staff = |account: Option<crate::domain::account::Account>| {
            account.map(|a| StaffMember {
                id: a.id,
                full_name: a.full_name,
            })
        };
        let co_worker = match client.co_worker {
            Some(id) => staff(store::accounts::find(&self.conn, id)?),
            None => None,
        };
        let rag_history = store::rag_reviews::history(&self.conn, client.id)?;
        let safety_flags = store::safety_flags::for_client(&self.conn, client.id)?;
        let episodes = store::episodes::for_client(&self.conn, client.id)?;
        let appointments = store::appointments::for_client(&self.conn, client.id)?;
        let sessions = self.session_records_for(client.id)?;
        let tasks = self.tasks_for(client.id)?;
        let timeline = timeline(&TimelineParts {
            episodes: &episodes,
            appointments: &appointments,
            sessions: &sessions,
            safety_flags: &safety_flags,
            rag_history: &rag_history,
            tasks: &tasks,
        });
        Ok(ClientRecord {
            pathways: self.pathways_of(client.id, &episodes, today)?,
            compliance: self.compliance_of(client.id, today)?,
            probation_notices: store::probation_notices::for_client(&self.conn, client.id)?,
            appointments,
            sessions,
            tasks,
            timeline,
            keyworker: staff(keyworker_account),
            co_worker,
            same_sex_warning,
            rag_history,
            safety_flags,
            cohort: self.cohort_of(client.id)?,
            consent: store::consent_decisions::history(&self.conn, client.id)?,
            episodes,
            profile: store::client_profiles::read(&self.conn, client.id)?,
            client,
            access,
            break_glass_reason,
        })
    }

    pub(crate) fn keyworker_of(&self, client: &Client) -> CoreResult<Option<StaffMember>> {
        let Some(id) = client.keyworker else {
            return Ok(None);
        };
        Ok(store::accounts::find(&self.conn, id)?.map(|a| StaffMember {
            id: a.id,
            full_name: a.full_name,
        }))
    }

    fn record_client_view(
        &mut self,
        action: AuditAction,
        client: ClientId,
        detail: &serde_json::Value,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let audit = self.audit_record(action, Some(client), detail, clock, entropy);
        let tx = store::begin(&mut self.conn, "open the client's record")?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "open the client's record",
        )
    }
}

/// The names of the identity fields that hold something, for the audit
/// entry of a new client (names, never values).
fn filled_fields(client: &NewClient) -> Vec<&'static str> {
    let ids = &client.identifiers;
    let mut fields = vec!["given_name", "family_name", "date_of_birth"];
    for (name, filled) in [
        ("crn", ids.crn.is_some()),
        ("pnc_id", ids.pnc_id.is_some()),
        ("nhs_number", ids.nhs_number.is_some()),
    ] {
        if filled {
            fields.push(name);
        }
    }
    fields
}

/// The names of the identity fields that differ, for the audit entry of a
/// change (names, never values).
fn changed_fields(before: &Client, after: &Client) -> Vec<&'static str> {
    let (a, b) = (&before.identifiers, &after.identifiers);
    [
        ("given_name", before.given_name != after.given_name),
        ("family_name", before.family_name != after.family_name),
        ("date_of_birth", before.date_of_birth != after.date_of_birth),
        ("crn", a.crn != b.crn),
        ("pnc_id", a.pnc_id != b.pnc_id),
        ("nhs_number", a.nhs_number != b.nhs_number),
        ("gender", before.gender != after.gender),
        (
            "wants_same_sex_keyworker",
            before.wants_same_sex_keyworker != after.wants_same_sex_keyworker,
        ),
    ]
    .into_iter()
    .filter_map(|(name, changed)| changed.then_some(name))
    .collect()
}
