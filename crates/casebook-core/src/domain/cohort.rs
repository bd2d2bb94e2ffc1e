//! Cohort and eligibility flags: why a client is in the IOM cohort and on
//! what footing. A client can carry several at once. Casebook proposes
//! flags from facts entered (an OGRS score of 75 or more proposes statutory
//! IOM); a person confirms each one, and removing one needs a reason.

use crate::domain::dates::parse_day;
use chrono::NaiveDate;

use super::free_text::parse_free_text;
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CohortFlag {
    /// Prolific and priority offender.
    Ppo,
    /// Statutory IOM: OGRS of 75 or more.
    StatutoryIom,
    /// Serious acquisitive crime.
    Sac,
    /// Violence against the person.
    Vap,
    /// A woman on a licence of under 12 months.
    WomanShortLicence,
    /// Eligible for a tagging (electronic monitoring) order.
    Eto,
    /// Neighbourhood crime: burglary, robbery, vehicle crime, theft
    /// excluding shoplifting.
    NeighbourhoodCrime,
    DomesticAbuse,
    /// Drug rehabilitation requirement.
    Drr,
    /// Alcohol treatment requirement.
    Atr,
    /// Licence with a drug testing or drug appointment condition.
    LicenceDtcDac,
    CommunityOrder,
    /// On the service without an order.
    Voluntary,
}

impl CohortFlag {
    pub const ALL: [CohortFlag; 13] = [
        CohortFlag::Ppo,
        CohortFlag::StatutoryIom,
        CohortFlag::Sac,
        CohortFlag::Vap,
        CohortFlag::WomanShortLicence,
        CohortFlag::Eto,
        CohortFlag::NeighbourhoodCrime,
        CohortFlag::DomesticAbuse,
        CohortFlag::Drr,
        CohortFlag::Atr,
        CohortFlag::LicenceDtcDac,
        CohortFlag::CommunityOrder,
        CohortFlag::Voluntary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CohortFlag::Ppo => "ppo",
            CohortFlag::StatutoryIom => "statutory_iom",
            CohortFlag::Sac => "sac",
            CohortFlag::Vap => "vap",
            CohortFlag::WomanShortLicence => "woman_short_licence",
            CohortFlag::Eto => "eto",
            CohortFlag::NeighbourhoodCrime => "neighbourhood_crime",
            CohortFlag::DomesticAbuse => "domestic_abuse",
            CohortFlag::Drr => "drr",
            CohortFlag::Atr => "atr",
            CohortFlag::LicenceDtcDac => "licence_dtc_dac",
            CohortFlag::CommunityOrder => "community_order",
            CohortFlag::Voluntary => "voluntary",
        }
    }

    pub fn parse(text: &str) -> CoreResult<CohortFlag> {
        CohortFlag::ALL
            .into_iter()
            .find(|flag| flag.as_str() == text.trim())
            .ok_or_else(|| CoreError::invalid("Choose a cohort flag from the list."))
    }
}

/// The OGRS score at or above which statutory IOM applies.
pub const STATUTORY_IOM_OGRS: u8 = 75;

/// An OGRS (Offender Group Reconviction Scale) score, 0 to 99, and the day it
/// was calculated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OgrsScore {
    pub score: u8,
    pub scored_on: NaiveDate,
}

impl OgrsScore {
    pub fn parse(score: &str, scored_on: &str, today: NaiveDate) -> CoreResult<OgrsScore> {
        let score = score
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|s| *s <= 99)
            .ok_or_else(|| CoreError::invalid("An OGRS score is a whole number from 0 to 99."))?;
        let scored_on = parse_day(scored_on.trim())
            .map_err(|_| CoreError::invalid("Enter the date the OGRS score was calculated."))?;
        if scored_on > today {
            return Err(CoreError::invalid("The OGRS date cannot be in the future."));
        }
        Ok(OgrsScore { score, scored_on })
    }
}

/// Flags the facts suggest and the client does not have yet. A person
/// confirms each; nothing is set on its own.
pub fn proposed_flags(ogrs: Option<OgrsScore>, active: &[CohortFlag]) -> Vec<CohortFlag> {
    let mut proposed = Vec::new();
    if ogrs.is_some_and(|o| o.score >= STATUTORY_IOM_OGRS)
        && !active.contains(&CohortFlag::StatutoryIom)
    {
        proposed.push(CohortFlag::StatutoryIom);
    }
    proposed
}

/// Why a flag is removed, for whoever reads the record later.
pub fn parse_removal_reason(text: &str) -> CoreResult<String> {
    parse_free_text(
        text,
        5,
        1000,
        "Say why this flag is removed (at least 5 characters).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn ogrs_is_0_to_99_on_a_past_day() {
        assert!(OgrsScore::parse("100", "2026-11-01", today()).is_err());
        assert!(OgrsScore::parse("-1", "2026-11-01", today()).is_err());
        assert!(OgrsScore::parse("seventy", "2026-11-01", today()).is_err());
        assert!(OgrsScore::parse("80", "2026-11-27", today()).is_err());
        assert!(OgrsScore::parse("80", "", today()).is_err());
        assert_eq!(
            OgrsScore::parse(" 0 ", "2026-11-26", today())
                .unwrap()
                .score,
            0
        );
    }

    #[test]
    fn an_ogrs_of_75_or_more_proposes_statutory_iom_once() {
        let score = |s| Some(OgrsScore::parse(s, "2026-11-01", today()).unwrap());
        assert_eq!(proposed_flags(score("80"), &[]), [CohortFlag::StatutoryIom]);
        assert_eq!(proposed_flags(score("75"), &[]), [CohortFlag::StatutoryIom]);
        assert!(proposed_flags(score("74"), &[]).is_empty());
        assert!(proposed_flags(None, &[]).is_empty());
        assert!(proposed_flags(score("90"), &[CohortFlag::StatutoryIom]).is_empty());
    }

    #[test]
    fn flag_names_round_trip() {
        for flag in CohortFlag::ALL {
            assert_eq!(CohortFlag::parse(flag.as_str()).unwrap(), flag);
        }
        assert!(CohortFlag::parse("vip").is_err());
    }
}
