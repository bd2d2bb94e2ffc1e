//! Which episodes a cohort holds, as a manager chooses them on the outcomes
//! page, checked: each filter is empty (no filter) or one of its closed
//! list, and the period's days are real days in order.

use chrono::NaiveDate;

use super::cohort::CohortFlag;
use super::dates::parse_day;
use super::ids::AccountId;
use super::referrals::ReferralRoute;
use crate::error::{CoreError, CoreResult};

/// Which episodes a cohort holds. Every filter left empty lets all through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CohortFilter {
    pub route: Option<ReferralRoute>,
    /// A cohort flag the client holds now (IOM, PPO, …).
    pub cohort_flag: Option<CohortFlag>,
    /// An order or licence the client is on now (DRR, ATR, …).
    pub order: Option<CohortFlag>,
    pub gender: Option<String>,
    /// The client's local authority, as on their profile.
    pub area: Option<String>,
    pub keyworker: Option<AccountId>,
    /// The episode ended on or after this day.
    pub closed_from: Option<NaiveDate>,
    /// The episode ended on or before this day.
    pub closed_to: Option<NaiveDate>,
}

/// The filters as the page sends them: an empty field is no filter.
#[derive(Debug, Clone, Copy, Default)]
pub struct CohortFilterText<'a> {
    pub route: &'a str,
    pub cohort_flag: &'a str,
    pub order: &'a str,
    pub gender: &'a str,
    pub area: &'a str,
    pub keyworker: &'a str,
    pub closed_from: &'a str,
    pub closed_to: &'a str,
}

impl CohortFilter {
    /// Checks the filters as typed.
    pub fn parse(text: &CohortFilterText<'_>) -> CoreResult<CohortFilter> {
        let day = |text: &str| {
            parse_day(text).map_err(|_| {
                CoreError::invalid("Enter the period's dates as real dates, like 2026-03-14.")
            })
        };
        let filter = CohortFilter {
            route: chosen(text.route, ReferralRoute::parse)?,
            cohort_flag: chosen(text.cohort_flag, CohortFlag::parse)?,
            order: chosen(text.order, CohortFlag::parse)?,
            gender: chosen(text.gender, |g| Ok(g.to_owned()))?,
            area: chosen(text.area, |a| Ok(a.to_owned()))?,
            keyworker: chosen(text.keyworker, AccountId::parse)?,
            closed_from: chosen(text.closed_from, day)?,
            closed_to: chosen(text.closed_to, day)?,
        };
        filter.check_period()?;
        Ok(filter)
    }

    /// Refuses a period that starts after it ends: asked when the filters
    /// are typed, and again by the cohort figures for a filter built in
    /// code.
    pub fn check_period(&self) -> CoreResult<()> {
        match (self.closed_from, self.closed_to) {
            (Some(from), Some(to)) if from > to => Err(CoreError::invalid(
                "The period starts after it ends. Check the two dates.",
            )),
            _ => Ok(()),
        }
    }
}

/// An empty field is no filter.
fn chosen<T>(text: &str, parse: impl Fn(&str) -> CoreResult<T>) -> CoreResult<Option<T>> {
    match text.trim() {
        "" => Ok(None),
        text => parse(text).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_are_no_filter_and_bad_ones_are_refused_in_plain_words() {
        let none = CohortFilter::parse(&CohortFilterText::default()).unwrap();
        assert_eq!(none, CohortFilter::default());
        let court = CohortFilter::parse(&CohortFilterText {
            route: "court",
            closed_from: "2026-01-01",
            closed_to: " 2026-12-31 ",
            ..CohortFilterText::default()
        })
        .unwrap();
        assert_eq!(court.route, Some(ReferralRoute::Court));
        assert_eq!(court.closed_to, NaiveDate::from_ymd_opt(2026, 12, 31));
        for bad in [
            CohortFilterText {
                closed_from: "2026-02-30",
                ..CohortFilterText::default()
            },
            CohortFilterText {
                route: "carrier pigeon",
                ..CohortFilterText::default()
            },
            CohortFilterText {
                closed_from: "2026-06-01",
                closed_to: "2026-05-01",
                ..CohortFilterText::default()
            },
        ] {
            let refused = CohortFilter::parse(&bad).unwrap_err();
            assert_eq!(refused.code, crate::error::ErrorCode::InvalidInput);
        }
    }
}
