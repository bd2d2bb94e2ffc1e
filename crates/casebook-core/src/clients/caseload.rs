//! The caseload and search: the clients this account may see, as lines
//! with what the caseload shows of each (rating, flags, cohort, the open
//! episode's clock), a page at a time, filtered, sorted and counted here
//! rather than in the page; and the clients matching what was typed in the
//! search box. Both read the caseload index (`unit::caseload_index`), kept
//! current in memory. Access is asked of `domain::access` for every client,
//! as for one client's record in `client_records`, and filters see only
//! what the account may see of a line: a partner cannot find out through
//! the "open episodes" filter what their summary leaves out.

use chrono::{NaiveDate, NaiveDateTime};

pub use crate::clients::caseload_query::{
    CASELOAD_PAGE_SIZE, CaseloadCounts, CaseloadFilter, CaseloadQuery, CaseloadSort, ClockFilter,
    EpisodeFilter, RagFilter, Whose,
};
use crate::clients::caseload_query::{VisibleLine, counts_of, sort_lines};
use crate::clients::client_records::StaffMember;
use crate::clock::{Clock, Entropy};
use crate::domain::access::ClientAccess;
use crate::domain::assessments::{AssessmentDue, assessment_due};
use crate::domain::audit::AuditAction;
use crate::domain::client::Client;
use crate::domain::cohort::CohortFlag;
use crate::domain::rag::Rag;
use crate::domain::safety_flags::SafetyFlagKind;
use crate::domain::search::{SearchQuery, score};
use crate::error::CoreResult;
use crate::store::{self, episodes::Episode};
use crate::unit::caseload_index::CaseloadIndex;
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

/// One page of the caseload, with what the filters offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadPage {
    pub entries: Vec<CaseloadEntry>,
    pub counts: CaseloadCounts,
    /// The page shown, counting from 0: the one asked for, or the last
    /// page if the filters now leave fewer.
    pub page: usize,
    /// At least 1, so an empty caseload is "page 1 of 1".
    pub page_count: usize,
    /// Keyworkers with a client this account may see, by name.
    pub keyworkers: Vec<StaffMember>,
    /// Local authority areas some client this account may see is in.
    pub areas: Vec<String>,
}

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

    /// The caseload index, read again if anything was written since it was
    /// last read. Taken out of the unit while a query uses it and put back
    /// after, so a failed query only costs reading it again.
    fn take_current_caseload_index(&mut self) -> CoreResult<CaseloadIndex> {
        match self.caseload_index.take() {
            Some(index) if index.is_current(&self.conn)? => Ok(index),
            _ => CaseloadIndex::read(&self.conn),
        }
    }

    /// Records looking at the caseload in the audit trail. If the record
    /// cannot be written, nothing is shown.
    fn record_caseload_viewed(
        &mut self,
        index: &mut CaseloadIndex,
        detail: &serde_json::Value,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        self.audit_alone(AuditAction::ViewedCaseload, detail, clock, entropy)?;
        // The audit entry changes nothing the caseload shows.
        index.still_current_after_own_write(&self.conn)
    }

    /// The lines of the index this account may see, in name order, with
    /// their clocks as they stand at `now` (none without a time: search
    /// reads no clock).
    fn visible_lines<'a>(
        &self,
        index: &'a CaseloadIndex,
        now: Option<NaiveDateTime>,
    ) -> Vec<VisibleLine<'a>> {
        let agency = &self.account.agency;
        index
            .clients
            .iter()
            .filter_map(|indexed| {
                let withdrawn = index
                    .withdrawn
                    .get(&indexed.client.id)
                    .is_some_and(|agencies| agencies.contains(agency));
                let access = self.access_given(&indexed.client, withdrawn);
                access.is_listed().then(|| {
                    let mut line = VisibleLine {
                        indexed,
                        access,
                        clock: None,
                    };
                    line.clock = now.and_then(|now| {
                        line.open_episode()
                            .and_then(|episode| episode.clock_status(now))
                    });
                    line
                })
            })
            .collect()
    }

    /// A visible line as the caseload shows it; with the assessment due on
    /// `today` if given (a search result shows none).
    fn entry_of(
        &self,
        line: &VisibleLine<'_>,
        index: &CaseloadIndex,
        today: Option<NaiveDate>,
    ) -> CaseloadEntry {
        let indexed = line.indexed;
        let schedule = self.settings.assessment_schedule;
        CaseloadEntry {
            keyworker: indexed.client.keyworker.and_then(|id| {
                index.staff_names.get(&id).map(|name| StaffMember {
                    id,
                    full_name: name.clone(),
                })
            }),
            rag: line.rag(),
            rag_review_due: indexed.rag.as_ref().and_then(|current| current.next_review),
            local_authority: indexed.local_authority.clone(),
            active_flags: indexed.active_flags.clone(),
            cohort_flags: indexed.cohort_flags.clone(),
            assessment_due: today.zip(indexed.open_episode.as_deref()).and_then(
                |(today, episode)| {
                    assessment_due(
                        schedule,
                        episode.picked_up_at.map(|at| at.date()),
                        indexed.last_assessed,
                        today,
                    )
                },
            ),
            open_episode: indexed.open_episode.as_deref().cloned(),
            client: indexed.client.clone(),
            access: line.access,
        }
        .limited_to_access()
    }

    /// One page of the clients this account may see, filtered and sorted
    /// as asked, with counts over every client the filters leave. Looking
    /// is recorded in the audit trail first: if the record cannot be
    /// written, nothing is shown.
    pub fn view_caseload_page(
        &mut self,
        query: &CaseloadQuery,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<CaseloadPage> {
        self.require_case_role()?;
        let mut index = self.take_current_caseload_index()?;
        let detail = serde_json::json!({ "page": query.page + 1 });
        self.record_caseload_viewed(&mut index, &detail, clock, entropy)?;
        let now = clock.local_now();
        let visible = self.visible_lines(&index, Some(now));
        let listed = visible.len();
        let mut keyworkers: Vec<StaffMember> = Vec::new();
        let mut areas: Vec<String> = Vec::new();
        for line in &visible {
            if let Some(id) = line.indexed.client.keyworker
                && !keyworkers.iter().any(|known| known.id == id)
                && let Some(name) = index.staff_names.get(&id)
            {
                keyworkers.push(StaffMember {
                    id,
                    full_name: name.clone(),
                });
            }
            if let Some(area) = line.area()
                && !areas.iter().any(|known| known == area)
            {
                areas.push(area.to_owned());
            }
        }
        keyworkers.sort_by_key(|staff| staff.full_name.as_str().to_lowercase());
        areas.sort();
        let me = self.account.id;
        let mut matching: Vec<VisibleLine<'_>> = visible
            .into_iter()
            .filter(|line| line.matches(&query.filter, me))
            .collect();
        let counts = counts_of(&matching, listed, now);
        sort_lines(
            &mut matching,
            query.sort,
            query.descending,
            &index.staff_names,
            now,
        );
        let page_count = matching.len().div_ceil(CASELOAD_PAGE_SIZE).max(1);
        let page = query.page.min(page_count - 1);
        let entries = matching
            .iter()
            .skip(page * CASELOAD_PAGE_SIZE)
            .take(CASELOAD_PAGE_SIZE)
            .map(|line| self.entry_of(line, &index, Some(now.date())))
            .collect();
        drop(matching);
        self.caseload_index = Some(index);
        Ok(CaseloadPage {
            entries,
            counts,
            page,
            page_count,
            keyworkers,
            areas,
        })
    }

    /// Every client this account may see, by family name: the whole
    /// caseload in one list, for the demo unit and for tests. Looking is
    /// recorded as for a page.
    pub fn view_caseload(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<CaseloadEntry>> {
        self.require_case_role()?;
        let mut index = self.take_current_caseload_index()?;
        self.record_caseload_viewed(&mut index, &serde_json::json!({}), clock, entropy)?;
        let now = clock.local_now();
        let entries = self
            .visible_lines(&index, Some(now))
            .iter()
            .map(|line| self.entry_of(line, &index, Some(now.date())))
            .collect();
        self.caseload_index = Some(index);
        Ok(entries)
    }

    /// The clients this account may see that match what was typed in the
    /// search box, best first (at most `SEARCH_LIMIT`). Searching is not
    /// recorded: it shows no more than the caseload, whose viewing is, and
    /// opening a client from the results is. Closed and ended clients are
    /// found as well as open ones.
    pub fn search_clients(&mut self, text: &str) -> CoreResult<Vec<CaseloadEntry>> {
        self.require_case_role()?;
        let Some(query) = SearchQuery::parse(text) else {
            return Ok(Vec::new());
        };
        let index = self.take_current_caseload_index()?;
        let mut hits: Vec<(f64, VisibleLine<'_>)> = self
            .visible_lines(&index, None)
            .into_iter()
            .filter_map(|line| {
                score(&query, &line.indexed.client, &line.indexed.search_extras).map(|s| (s, line))
            })
            .collect();
        // Best score first; the lines were in name order, which a stable sort keeps for ties.
        hits.sort_by(|a, b| b.0.total_cmp(&a.0));
        let entries = hits
            .iter()
            .take(SEARCH_LIMIT)
            .map(|(_, line)| self.entry_of(line, &index, None))
            .collect();
        drop(hits);
        self.caseload_index = Some(index);
        Ok(entries)
    }
}
