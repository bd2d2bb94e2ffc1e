//! The caseload a page at a time: the filters, order and page the caseload
//! screen asks for, and the page of lines with counts over every client the
//! filters leave. The lists of choices are typed, so a value the core does
//! not know cannot be sent; the keyworker's id is checked by the core.

use super::*;
use casebook_core::clients::caseload::{
    CaseloadCounts, CaseloadFilter, CaseloadPage, CaseloadQuery, CaseloadSort, ClockFilter,
    EpisodeFilter, RagFilter, Whose,
};
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::ids::AccountId;
use casebook_core::domain::rag::Rag;
use casebook_core::error::CoreResult;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whose clients: `keyworker` names one in `keyworkerId`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WhoseDto {
    All,
    Mine,
    Unallocated,
    Keyworker,
}

/// Clients by their episode: open (referred and not closed), closed, or any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EpisodeFilterDto {
    Open,
    Closed,
    Any,
}

/// Clients by their current rating; `none` is not rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RagFilterDto {
    Any,
    None,
    Red,
    Amber,
    Green,
}

/// Clients by their referral's pick-up clock; `none` has no open referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClockFilterDto {
    Any,
    Running,
    AmberOrBreached,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseloadSortDto {
    Name,
    Rag,
    Clock,
    Keyworker,
}

/// What the caseload screen asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseloadQueryDto {
    pub whose: WhoseDto,
    /// The keyworker's account id when `whose` is `keyworker`.
    pub keyworker_id: Option<String>,
    pub episodes: EpisodeFilterDto,
    pub rag: RagFilterDto,
    pub cohort: Option<CohortFlagDto>,
    pub clock: ClockFilterDto,
    /// A local authority area code.
    pub area: Option<String>,
    pub sort: CaseloadSortDto,
    pub descending: bool,
    /// Counting from 0.
    pub page: u32,
}

impl CaseloadQueryDto {
    pub fn to_query(&self) -> CoreResult<CaseloadQuery> {
        let whose = match self.whose {
            WhoseDto::All => Whose::All,
            WhoseDto::Mine => Whose::Mine,
            WhoseDto::Unallocated => Whose::Unallocated,
            WhoseDto::Keyworker => Whose::Keyworker(AccountId::parse(
                self.keyworker_id.as_deref().unwrap_or_default(),
            )?),
        };
        Ok(CaseloadQuery {
            filter: CaseloadFilter {
                whose,
                episodes: match self.episodes {
                    EpisodeFilterDto::Open => EpisodeFilter::Open,
                    EpisodeFilterDto::Closed => EpisodeFilter::Closed,
                    EpisodeFilterDto::Any => EpisodeFilter::Any,
                },
                rag: match self.rag {
                    RagFilterDto::Any => RagFilter::Any,
                    RagFilterDto::None => RagFilter::NotRated,
                    RagFilterDto::Red => RagFilter::Rated(Rag::Red),
                    RagFilterDto::Amber => RagFilter::Rated(Rag::Amber),
                    RagFilterDto::Green => RagFilter::Rated(Rag::Green),
                },
                cohort: self.cohort.map(CohortFlag::from),
                clock: match self.clock {
                    ClockFilterDto::Any => ClockFilter::Any,
                    ClockFilterDto::Running => ClockFilter::Running,
                    ClockFilterDto::AmberOrBreached => ClockFilter::AmberOrBreached,
                    ClockFilterDto::None => ClockFilter::NoReferral,
                },
                area: self.area.clone().filter(|area| !area.is_empty()),
            },
            sort: match self.sort {
                CaseloadSortDto::Name => CaseloadSort::Name,
                CaseloadSortDto::Rag => CaseloadSort::Rag,
                CaseloadSortDto::Clock => CaseloadSort::Clock,
                CaseloadSortDto::Keyworker => CaseloadSort::Keyworker,
            },
            descending: self.descending,
            page: usize::try_from(self.page).unwrap_or(usize::MAX),
        })
    }
}

/// The caseload at a glance: `listed` is everyone this person may see,
/// `matching` those the filters leave; the rest count those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseloadCountsDto {
    pub listed: u32,
    pub matching: u32,
    pub red: u32,
    pub referrals_due_this_week: u32,
    pub breached: u32,
    pub rag_reviews_overdue: u32,
}

fn count(number: usize) -> u32 {
    u32::try_from(number).unwrap_or(u32::MAX)
}

impl From<CaseloadCounts> for CaseloadCountsDto {
    fn from(counts: CaseloadCounts) -> CaseloadCountsDto {
        CaseloadCountsDto {
            listed: count(counts.listed),
            matching: count(counts.matching),
            red: count(counts.red),
            referrals_due_this_week: count(counts.referrals_due_this_week),
            breached: count(counts.breached),
            rag_reviews_overdue: count(counts.rag_reviews_overdue),
        }
    }
}

/// One page of the caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseloadPageDto {
    pub rows: Vec<ClientRowDto>,
    pub counts: CaseloadCountsDto,
    /// The page shown, counting from 0.
    pub page: u32,
    pub page_count: u32,
    pub page_size: u32,
    /// Keyworkers with a client this person may see, for the picker.
    pub keyworkers: Vec<StaffMemberDto>,
    /// Area codes some client this person may see is in.
    pub areas: Vec<String>,
}

impl CaseloadPageDto {
    /// `now` is local time, for the referral clocks.
    pub fn from_page(page: &CaseloadPage, now: NaiveDateTime) -> CaseloadPageDto {
        CaseloadPageDto {
            rows: page
                .entries
                .iter()
                .map(|entry| ClientRowDto::from_entry(entry, now))
                .collect(),
            counts: page.counts.into(),
            page: count(page.page),
            page_count: count(page.page_count),
            page_size: count(casebook_core::clients::caseload::CASELOAD_PAGE_SIZE),
            keyworkers: page
                .keyworkers
                .iter()
                .map(StaffMemberDto::from_staff)
                .collect(),
            areas: page.areas.clone(),
        }
    }
}
