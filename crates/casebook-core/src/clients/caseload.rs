//! The caseload and search: the clients this account may see, as lines
//! with what the caseload shows of each (rating, flags, cohort, the open
//! episode's clock), a page at a time, filtered, sorted and counted here
//! rather than in the page; and the clients matching what was typed in the
//! search box. Both read the caseload index (`unit::caseload_index`), kept
//! current in memory. Access is asked of `domain::access` for every client,
//! as for one client's record in `client_records`, and filters see only
//! what the account may see of a line: a partner cannot find out through
//! the "open episodes" filter what their summary leaves out.

use std::cmp::{Ordering, Reverse};
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::clients::client_records::StaffMember;
use crate::clock::{Clock, Entropy};
use crate::domain::access::ClientAccess;
use crate::domain::assessments::{AssessmentDue, assessment_due};
use crate::domain::audit::AuditAction;
use crate::domain::client::Client;
use crate::domain::cohort::CohortFlag;
use crate::domain::ids::AccountId;
use crate::domain::names::PersonName;
use crate::domain::rag::Rag;
use crate::domain::referrals::{ClockStatus, PickUpTarget};
use crate::domain::safety_flags::SafetyFlagKind;
use crate::domain::search::{SearchQuery, score};
use crate::error::CoreResult;
use crate::store::{self, episodes::Episode};
use crate::unit::caseload_index::{CaseloadIndex, IndexedClient};
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

/// The most lines of the caseload in one page: enough to scan, few enough
/// that the page stays quick with a county's clients behind it.
pub const CASELOAD_PAGE_SIZE: usize = 50;

/// Whose clients the caseload shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    All,
    Mine,
    Unallocated,
    Keyworker(AccountId),
}

/// Which clients by their episodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpisodeFilter {
    /// Those with an open episode, and those never referred yet (a client
    /// just added waits for their first referral): the current work.
    Open,
    /// Those whose every episode has been closed or ended.
    Closed,
    Any,
}

/// Which clients by their current RAG rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RagFilter {
    Any,
    NotRated,
    Rated(Rag),
}

/// Which clients by their open referral's pick-up clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockFilter {
    Any,
    /// Not started, on track, amber or breached: not yet picked up.
    Running,
    AmberOrBreached,
    /// No open referral at all.
    NoReferral,
}

/// What the caseload's filters hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadFilter {
    pub whose: Whose,
    pub episodes: EpisodeFilter,
    pub rag: RagFilter,
    pub cohort: Option<CohortFlag>,
    pub clock: ClockFilter,
    /// A local authority area code.
    pub area: Option<String>,
}

impl CaseloadFilter {
    /// Everyone this account may see.
    pub const EVERYONE: CaseloadFilter = CaseloadFilter {
        whose: Whose::All,
        episodes: EpisodeFilter::Any,
        rag: RagFilter::Any,
        cohort: None,
        clock: ClockFilter::Any,
        area: None,
    };
}

/// The column the caseload is ordered by; ties, and the name column, go by
/// family name, given name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseloadSort {
    Name,
    /// Red first, then amber, green and not rated.
    Rag,
    /// Least time left on a running clock first; no running clock last.
    Clock,
    /// By the keyworker's name; unallocated last.
    Keyworker,
}

/// One page of the caseload asked for: filters, order and which page
/// (counting from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadQuery {
    pub filter: CaseloadFilter,
    pub sort: CaseloadSort,
    pub descending: bool,
    pub page: usize,
}

/// The caseload at a glance. `listed` counts everyone this account may
/// see; the rest count the clients the filters leave, on every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseloadCounts {
    pub listed: usize,
    pub matching: usize,
    pub red: usize,
    /// Referrals breached or due within seven days (any hour clock running).
    pub referrals_due_this_week: usize,
    pub breached: usize,
    /// RAG ratings past their next review date.
    pub rag_reviews_overdue: usize,
}

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

/// A client of the index as this account may see them now: what the
/// filters, the order and the counts read.
struct VisibleLine<'a> {
    indexed: &'a IndexedClient,
    access: ClientAccess,
    clock: Option<ClockStatus>,
}

impl VisibleLine<'_> {
    /// A partner's summary shows no episode, review date or area, so the
    /// filters and counts do not read them either.
    fn full(&self) -> bool {
        self.access != ClientAccess::Summary
    }

    fn open_episode(&self) -> Option<&Episode> {
        self.indexed.open_episode.as_ref().filter(|_| self.full())
    }

    fn area(&self) -> Option<&str> {
        self.indexed
            .local_authority
            .as_deref()
            .filter(|_| self.full())
    }

    fn rag(&self) -> Option<Rag> {
        self.indexed.rag.as_ref().map(|current| current.rating)
    }

    fn running(&self) -> bool {
        matches!(
            self.clock,
            Some(
                ClockStatus::NotStarted
                    | ClockStatus::OnTrack
                    | ClockStatus::Amber
                    | ClockStatus::Breached
            )
        )
    }

    /// Hours left on a running clock (a day clock's days as 24 hours each).
    fn hours_left(&self, now: NaiveDateTime) -> Option<i64> {
        let clock = self.open_episode()?.clock?;
        self.running().then(|| match clock.target {
            PickUpTarget::Days(_) => clock.days_left(now) * 24,
            PickUpTarget::Hours(_) => clock.hours_left(now),
        })
    }

    fn due_this_week(&self, now: NaiveDateTime) -> bool {
        let Some(clock) = self.open_episode().and_then(|episode| episode.clock) else {
            return false;
        };
        match self.clock {
            Some(ClockStatus::Breached) => true,
            Some(ClockStatus::OnTrack | ClockStatus::Amber) => match clock.target {
                PickUpTarget::Hours(_) => true,
                PickUpTarget::Days(_) => clock.days_left(now) <= 7,
            },
            _ => false,
        }
    }

    fn matches(&self, filter: &CaseloadFilter, me: AccountId) -> bool {
        let keyworker = self.indexed.client.keyworker;
        let whose = match filter.whose {
            Whose::All => true,
            Whose::Mine => keyworker == Some(me),
            Whose::Unallocated => keyworker.is_none(),
            Whose::Keyworker(id) => keyworker == Some(id),
        };
        // A partner's summary says nothing of episodes, so only "any" holds it.
        let closed = self.indexed.ever_referred && self.indexed.open_episode.is_none();
        let episodes = match filter.episodes {
            EpisodeFilter::Any => true,
            EpisodeFilter::Open => self.full() && !closed,
            EpisodeFilter::Closed => self.full() && closed,
        };
        let rag = match filter.rag {
            RagFilter::Any => true,
            RagFilter::NotRated => self.rag().is_none(),
            RagFilter::Rated(rating) => self.rag() == Some(rating),
        };
        let cohort = filter
            .cohort
            .is_none_or(|flag| self.indexed.cohort_flags.contains(&flag));
        let area = filter
            .area
            .as_deref()
            .is_none_or(|area| self.area() == Some(area));
        let clock = match filter.clock {
            ClockFilter::Any => true,
            ClockFilter::Running => self.running(),
            ClockFilter::AmberOrBreached => {
                matches!(self.clock, Some(ClockStatus::Amber | ClockStatus::Breached))
            }
            ClockFilter::NoReferral => self.open_episode().is_none(),
        };
        whose && episodes && rag && cohort && area && clock
    }
}

fn rag_order(rating: Option<Rag>) -> u8 {
    match rating {
        Some(Rag::Red) => 0,
        Some(Rag::Amber) => 1,
        Some(Rag::Green) => 2,
        None => 3,
    }
}

/// Orders the lines in place. The index is in name order and the sort is
/// stable, so ties stay in name order whichever way the column runs.
fn sort_lines(
    lines: &mut [VisibleLine<'_>],
    sort: CaseloadSort,
    descending: bool,
    staff_names: &HashMap<AccountId, PersonName>,
    now: NaiveDateTime,
) {
    let flip = |order: Ordering| if descending { order.reverse() } else { order };
    match sort {
        CaseloadSort::Name => {
            if descending {
                lines.reverse();
            }
        }
        CaseloadSort::Rag => {
            lines.sort_by(|a, b| flip(rag_order(a.rag()).cmp(&rag_order(b.rag()))))
        }
        CaseloadSort::Clock => {
            let left = |line: &VisibleLine<'_>| line.hours_left(now).unwrap_or(i64::MAX);
            if descending {
                lines.sort_by_cached_key(|line| Reverse(left(line)));
            } else {
                lines.sort_by_cached_key(left);
            }
        }
        CaseloadSort::Keyworker => {
            // Unallocated clients sort after every name, as U+FFFF does.
            let name = |line: &VisibleLine<'_>| {
                line.indexed
                    .client
                    .keyworker
                    .and_then(|id| staff_names.get(&id))
                    .map_or_else(
                        || String::from('\u{ffff}'),
                        |name| name.as_str().to_lowercase(),
                    )
            };
            lines.sort_by(|a, b| flip(name(a).cmp(&name(b))));
        }
    }
}

fn counts_of(lines: &[VisibleLine<'_>], listed: usize, now: NaiveDateTime) -> CaseloadCounts {
    let today = now.date();
    CaseloadCounts {
        listed,
        matching: lines.len(),
        red: lines
            .iter()
            .filter(|line| line.rag() == Some(Rag::Red))
            .count(),
        referrals_due_this_week: lines.iter().filter(|line| line.due_this_week(now)).count(),
        breached: lines
            .iter()
            .filter(|line| line.clock == Some(ClockStatus::Breached))
            .count(),
        rag_reviews_overdue: lines
            .iter()
            .filter(|line| {
                line.full()
                    && line
                        .indexed
                        .rag
                        .as_ref()
                        .and_then(|current| current.next_review)
                        .is_some_and(|due| due < today)
            })
            .count(),
    }
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
            assessment_due: today.zip(indexed.open_episode.as_ref()).and_then(
                |(today, episode)| {
                    assessment_due(
                        schedule,
                        episode.picked_up_at.map(|at| at.date()),
                        indexed.last_assessed,
                        today,
                    )
                },
            ),
            open_episode: indexed.open_episode.clone(),
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
