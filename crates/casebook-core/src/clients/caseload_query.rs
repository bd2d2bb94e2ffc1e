//! The caseload's question and its answer worked out over the index: the
//! filters, the orders and the counts, as pure functions of the lines this
//! account may see. `caseload.rs` asks them, after the access checks and
//! the audit entry; kept apart so the rules of the question read alone.

use std::cmp::{Ordering, Reverse};
use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::domain::access::ClientAccess;
use crate::domain::cohort::CohortFlag;
use crate::domain::ids::AccountId;
use crate::domain::names::PersonName;
use crate::domain::rag::Rag;
use crate::domain::referrals::{ClockStatus, PickUpTarget};
use crate::store::episodes::Episode;
use crate::unit::caseload_index::IndexedClient;

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

/// A client of the index as this account may see them now: what the
/// filters, the order and the counts read.
pub(crate) struct VisibleLine<'a> {
    pub(crate) indexed: &'a IndexedClient,
    pub(crate) access: ClientAccess,
    pub(crate) clock: Option<ClockStatus>,
}

impl VisibleLine<'_> {
    /// A partner's summary shows no episode, review date or area, so the
    /// filters and counts do not read them either.
    pub(crate) fn full(&self) -> bool {
        self.access != ClientAccess::Summary
    }

    pub(crate) fn open_episode(&self) -> Option<&Episode> {
        self.indexed.open_episode.as_deref().filter(|_| self.full())
    }

    pub(crate) fn area(&self) -> Option<&str> {
        self.indexed
            .local_authority
            .as_deref()
            .filter(|_| self.full())
    }

    pub(crate) fn rag(&self) -> Option<Rag> {
        self.indexed.rag.as_ref().map(|current| current.rating)
    }

    pub(crate) fn running(&self) -> bool {
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
    pub(crate) fn hours_left(&self, now: NaiveDateTime) -> Option<i64> {
        let clock = self.open_episode()?.clock?;
        self.running().then(|| match clock.target {
            PickUpTarget::Days(_) => clock.days_left(now) * 24,
            PickUpTarget::Hours(_) => clock.hours_left(now),
        })
    }

    pub(crate) fn due_this_week(&self, now: NaiveDateTime) -> bool {
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

    pub(crate) fn matches(&self, filter: &CaseloadFilter, me: AccountId) -> bool {
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
pub(crate) fn sort_lines(
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

pub(crate) fn counts_of(
    lines: &[VisibleLine<'_>],
    listed: usize,
    now: NaiveDateTime,
) -> CaseloadCounts {
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
