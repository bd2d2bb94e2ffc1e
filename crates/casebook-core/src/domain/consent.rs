//! Consent to share information with each partner agency under the unit's
//! information-sharing agreement: given (and how) or withdrawn, on a date.
//! Each decision is kept; the latest for an agency is the one that holds.
//! With no decision recorded the agreement applies as it stands.

use crate::domain::dates::parse_day;
use chrono::NaiveDate;

use crate::error::{CoreError, CoreResult};

/// The agencies whose staff a client's consent is asked for: every agency
/// that shares the unit's workstations apart from the service itself.
pub const PARTNER_AGENCIES: [&str; 4] = ["Police", "Probation", "Council", "Other"];

/// How consent was given.
pub const CONSENT_WAYS: [&str; 3] = ["in writing", "verbally", "electronically"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentDecision {
    Given,
    Withdrawn,
}

impl ConsentDecision {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentDecision::Given => "given",
            ConsentDecision::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> CoreResult<ConsentDecision> {
        match text.trim() {
            "given" => Ok(ConsentDecision::Given),
            "withdrawn" => Ok(ConsentDecision::Withdrawn),
            _ => Err(CoreError::invalid(
                "Choose whether consent was given or withdrawn.",
            )),
        }
    }
}

/// A decision as entered, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsentDecision {
    pub agency: String,
    pub decision: ConsentDecision,
    /// How consent was given; none for a withdrawal.
    pub how: Option<String>,
    pub decided_on: NaiveDate,
}

impl NewConsentDecision {
    pub fn parse(
        agency: &str,
        decision: &str,
        how: &str,
        decided_on: &str,
        today: NaiveDate,
    ) -> CoreResult<NewConsentDecision> {
        let agency = agency.trim();
        if !PARTNER_AGENCIES.contains(&agency) {
            return Err(CoreError::invalid(format!(
                "Choose the partner agency: {}.",
                PARTNER_AGENCIES.join(", ")
            )));
        }
        let decision = ConsentDecision::parse(decision)?;
        let how = match (decision, how.trim()) {
            (ConsentDecision::Withdrawn, _) => None,
            (ConsentDecision::Given, way) if CONSENT_WAYS.contains(&way) => Some(way.to_owned()),
            (ConsentDecision::Given, _) => {
                return Err(CoreError::invalid(format!(
                    "Say how consent was given: {}.",
                    CONSENT_WAYS.join(", ")
                )));
            }
        };
        let decided_on = parse_day(decided_on.trim())
            .map_err(|_| CoreError::invalid("Enter the date of the decision."))?;
        if decided_on > today {
            return Err(CoreError::invalid(
                "The date of the decision cannot be in the future.",
            ));
        }
        Ok(NewConsentDecision {
            agency: agency.to_owned(),
            decision,
            how,
            decided_on,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn a_decision_names_a_partner_agency_a_way_and_a_past_day() {
        let given =
            NewConsentDecision::parse("Police", "given", "in writing", "2026-11-20", today())
                .unwrap();
        assert_eq!(given.how.as_deref(), Some("in writing"));
        let withdrawn =
            NewConsentDecision::parse("Probation", "withdrawn", "", "2026-11-26", today()).unwrap();
        assert_eq!(withdrawn.how, None);
        for (agency, decision, how, on) in [
            (
                "Casebook charity service",
                "given",
                "verbally",
                "2026-11-20",
            ),
            ("MI5", "given", "verbally", "2026-11-20"),
            ("Police", "maybe", "verbally", "2026-11-20"),
            ("Police", "given", "", "2026-11-20"),
            ("Police", "given", "by pigeon", "2026-11-20"),
            ("Police", "given", "verbally", "2026-11-27"),
            ("Police", "given", "verbally", "yesterday"),
        ] {
            assert!(
                NewConsentDecision::parse(agency, decision, how, on, today()).is_err(),
                "{agency} {decision} {how} {on}"
            );
        }
    }
}
