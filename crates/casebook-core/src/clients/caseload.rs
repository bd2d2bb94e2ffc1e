//! The caseload and search: every client this account may see, as lines
//! with what the caseload shows of each (rating, flags, cohort, the open
//! episode's clock), and the clients matching what was typed in the search
//! box. Access is asked of `domain::access` for every client, as for one
//! client's record in `client_records`.

use std::collections::HashMap;

use crate::clients::client_records::StaffMember;
use crate::clock::{Clock, Entropy};
use crate::domain::access::ClientAccess;
use crate::domain::assessments::{AssessmentDue, assessment_due};
use crate::domain::audit::AuditAction;
use crate::domain::client::Client;
use crate::domain::cohort::CohortFlag;
use crate::domain::ids::ClientId;
use crate::domain::rag::Rag;
use crate::domain::safety_flags::SafetyFlagKind;
use crate::domain::search::{SearchExtras, SearchQuery, score};
use crate::error::CoreResult;
use crate::store::{self, episodes::Episode};
use crate::unit::unlocked::UnlockedUnit;

/// One line of the caseload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadEntry {
    pub client: Client,
    pub keyworker: Option<StaffMember>,
    /// The latest RAG review's rating, if any.
    pub rag: Option<Rag>,
    /// When the latest RAG review said to look again.
    pub rag_review_due: Option<chrono::NaiveDate>,
    /// The local authority area code from the client's profile.
    pub local_authority: Option<String>,
    /// The kinds of the client's active safety flags.
    pub active_flags: Vec<SafetyFlagKind>,
    /// The client's active cohort flags.
    pub cohort_flags: Vec<CohortFlag>,
    /// The client's open episode, whose referral clock the caseload shows.
    pub open_episode: Option<Episode>,
    /// The seven pathways assessment the open episode waits for, on the
    /// caseload's day; none in a search result or a partner's line.
    pub assessment_due: Option<AssessmentDue>,
    /// What the signed-in account may do with this client.
    pub access: ClientAccess,
}

impl CaseloadEntry {
    /// A partner's line holds no more than their summary of the client:
    /// no referral, no review dates, no area from the profile.
    fn limited_to_access(mut self) -> CaseloadEntry {
        if self.access == ClientAccess::Summary {
            self.open_episode = None;
            self.rag_review_due = None;
            self.local_authority = None;
            self.assessment_due = None;
        }
        self
    }
}

/// The most results a search returns.
pub const SEARCH_LIMIT: usize = 20;

impl UnlockedUnit {
    /// A client as a caseload line for this account: its keyworker's name
    /// and what this account may do with it.
    pub fn caseload_entry(&self, client: Client) -> CoreResult<CaseloadEntry> {
        let latest = store::rag_reviews::history(&self.conn, client.id)?
            .into_iter()
            .next();
        Ok(CaseloadEntry {
            keyworker: self.keyworker_of(&client)?,
            rag: latest.as_ref().map(|review| review.rating),
            rag_review_due: latest.and_then(|review| review.next_review),
            local_authority: store::client_profiles::read(&self.conn, client.id)?.local_authority,
            active_flags: Vec::new(),
            cohort_flags: self.cohort_of(client.id)?.active(),
            open_episode: store::episodes::for_client(&self.conn, client.id)?
                .into_iter()
                .find(Episode::is_open),
            assessment_due: None,
            access: self.access_to(&client),
            client,
        }
        .limited_to_access())
    }

    /// The clients this account may see, by family name. Looking is
    /// recorded in the audit trail first: if the record cannot be written,
    /// nothing is shown.
    pub fn view_caseload(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<CaseloadEntry>> {
        self.require_case_role()?;
        let detail = serde_json::json!({});
        let audit = self.audit_record(AuditAction::ViewedCaseload, None, &detail, clock, entropy);
        let tx = store::begin(&mut self.conn, "open the caseload")?;
        store::audit::append(&tx, &audit)?;
        let clients = store::clients::list(&tx)?;
        let ratings = store::rag_reviews::current_for_all(&tx)?;
        let mut areas = store::client_profiles::areas(&tx)?;
        let mut flags: HashMap<ClientId, Vec<SafetyFlagKind>> = HashMap::new();
        for flag in store::safety_flags::active(&tx)? {
            flags.entry(flag.client).or_default().push(flag.kind);
        }
        let mut cohorts: HashMap<ClientId, Vec<CohortFlag>> = HashMap::new();
        for entry in store::cohort_flags::active(&tx)? {
            cohorts.entry(entry.client).or_default().push(entry.flag);
        }
        let mut episodes: HashMap<ClientId, Episode> = store::episodes::open(&tx)?
            .into_iter()
            .map(|episode| (episode.client, episode))
            .collect();
        let last_assessed = store::assessments::latest_of_open_episodes(&tx)?;
        store::commit(tx, "open the caseload")?;
        let staff = self.staff_names()?;
        let withdrawn = self.clients_withdrawn_from_my_agency()?;
        let today = clock.local_now().date();
        let schedule = self.settings.assessment_schedule;
        Ok(clients
            .into_iter()
            .filter_map(|client| {
                let access = self.access_given(&client, withdrawn.contains(&client.id));
                access.is_listed().then(|| {
                    CaseloadEntry {
                        keyworker: client.keyworker.and_then(|k| staff.get(&k).cloned()),
                        rag: ratings.get(&client.id).map(|current| current.rating),
                        rag_review_due: ratings
                            .get(&client.id)
                            .and_then(|current| current.next_review),
                        local_authority: areas.remove(&client.id),
                        active_flags: flags.get(&client.id).cloned().unwrap_or_default(),
                        cohort_flags: cohorts.get(&client.id).cloned().unwrap_or_default(),
                        assessment_due: episodes.get(&client.id).and_then(|episode| {
                            assessment_due(
                                schedule,
                                episode.picked_up_at.map(|at| at.date()),
                                last_assessed.get(&episode.id).copied(),
                                today,
                            )
                        }),
                        open_episode: episodes.remove(&client.id),
                        client,
                        access,
                    }
                    .limited_to_access()
                })
            })
            .collect())
    }

    /// The clients this account may see that match what was typed in the
    /// search box, best first (at most `SEARCH_LIMIT`). Searching is not
    /// recorded: it shows no more than the caseload, whose viewing is, and
    /// opening a client from the results is.
    pub fn search_clients(&self, text: &str) -> CoreResult<Vec<CaseloadEntry>> {
        self.require_case_role()?;
        let Some(query) = SearchQuery::parse(text) else {
            return Ok(Vec::new());
        };
        let withdrawn = self.clients_withdrawn_from_my_agency()?;
        let extras = store::client_profiles::search_extras(&self.conn)?;
        let none = SearchExtras::default();
        let mut hits: Vec<(f64, Client)> = store::clients::list(&self.conn)?
            .into_iter()
            .filter(|client| {
                self.access_given(client, withdrawn.contains(&client.id))
                    .is_listed()
            })
            .filter_map(|client| {
                score(&query, &client, extras.get(&client.id).unwrap_or(&none)).map(|s| (s, client))
            })
            .collect();
        // Best score first; the list was in name order, which a stable sort keeps for ties.
        hits.sort_by(|a, b| b.0.total_cmp(&a.0));
        hits.into_iter()
            .take(SEARCH_LIMIT)
            .map(|(_, client)| self.caseload_entry(client))
            .collect()
    }
}
