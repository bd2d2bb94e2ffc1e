//! Where a client on an order or licence stands on absences: unacceptable
//! absences in the last 12 months of each order, against the unit's
//! thresholds. Casebook never decides enforcement: it keeps the facts and
//! the clock, and says what the unit agreed comes next.

use chrono::{Months, NaiveDate};

use super::cohort::CohortFlag;
use crate::error::{CoreError, CoreResult};

/// The cohort flags that are orders or licences with appointments to keep.
pub const ORDERS: [CohortFlag; 4] = [
    CohortFlag::Drr,
    CohortFlag::Atr,
    CohortFlag::CommunityOrder,
    CohortFlag::LicenceDtcDac,
];

pub fn is_order(flag: CohortFlag) -> bool {
    ORDERS.contains(&flag)
}

/// The unit's thresholds: at how many unacceptable absences in 12 months a
/// warning is due, and at how many a referral to the responsible officer
/// for breach is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbsenceThresholds {
    pub warning_at: u32,
    pub breach_referral_at: u32,
}

impl Default for AbsenceThresholds {
    /// The national standard for community orders: a warning at the first
    /// unacceptable absence, and breach action at the second.
    fn default() -> AbsenceThresholds {
        AbsenceThresholds {
            warning_at: 1,
            breach_referral_at: 2,
        }
    }
}

impl AbsenceThresholds {
    pub fn parse(warning_at: u32, breach_referral_at: u32) -> CoreResult<AbsenceThresholds> {
        if !(1..=10).contains(&warning_at) || !(1..=10).contains(&breach_referral_at) {
            return Err(CoreError::invalid(
                "Absence thresholds are between 1 and 10 unacceptable absences.",
            ));
        }
        if breach_referral_at <= warning_at {
            return Err(CoreError::invalid(
                "The referral for breach must come after the warning: give it a higher number.",
            ));
        }
        Ok(AbsenceThresholds {
            warning_at,
            breach_referral_at,
        })
    }
}

/// What the unit agreed comes next, by the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Compliant,
    WarningDue,
    BreachReferralDue,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Compliant => "compliant",
            Standing::WarningDue => "warning_due",
            Standing::BreachReferralDue => "breach_referral_due",
        }
    }
}

/// One order's count and standing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderStanding {
    pub order: CohortFlag,
    pub since: NaiveDate,
    pub unacceptable: u32,
    pub standing: Standing,
    /// When the oldest absence counted leaves the 12-month window, so the
    /// count falls: the clock a keyworker watches.
    pub count_falls_on: Option<NaiveDate>,
}

/// The standing of one order, recorded on `order_from`, given the dates of
/// the client's unacceptable absences. Every unacceptable absence in the
/// last 12 months counts, including those before the order was recorded:
/// the flag's date is when someone entered it, often after the order
/// began, and an absence must never drop out of sight because a flag was
/// entered late.
pub fn order_standing(
    order: CohortFlag,
    order_from: NaiveDate,
    unacceptable_on: &[NaiveDate],
    thresholds: AbsenceThresholds,
    today: NaiveDate,
) -> OrderStanding {
    let year_ago = today
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let mut counted: Vec<NaiveDate> = unacceptable_on
        .iter()
        .copied()
        .filter(|day| *day > year_ago && *day <= today)
        .collect();
    counted.sort();
    let unacceptable = u32::try_from(counted.len()).unwrap_or(u32::MAX);
    let standing = if unacceptable >= thresholds.breach_referral_at {
        Standing::BreachReferralDue
    } else if unacceptable >= thresholds.warning_at {
        Standing::WarningDue
    } else {
        Standing::Compliant
    };
    OrderStanding {
        order,
        since: order_from,
        unacceptable,
        standing,
        count_falls_on: counted
            .first()
            .and_then(|oldest| oldest.checked_add_months(Months::new(12))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_day;

    fn day(text: &str) -> NaiveDate {
        parse_day(text).unwrap()
    }

    #[test]
    fn absences_count_within_twelve_months_even_before_the_order_was_entered() {
        let today = day("2026-06-01");
        let absences = [
            day("2025-05-31"), // more than 12 months ago
            day("2025-09-01"), // before the order was entered
            day("2026-01-10"),
        ];
        let standing = order_standing(
            CohortFlag::Drr,
            day("2025-12-01"),
            &absences,
            AbsenceThresholds::default(),
            today,
        );
        assert_eq!(standing.unacceptable, 2);
        assert_eq!(standing.standing, Standing::BreachReferralDue);
        assert_eq!(standing.count_falls_on, Some(day("2026-09-01")));
    }

    #[test]
    fn the_standing_follows_the_thresholds() {
        let today = day("2026-06-01");
        let one = [day("2026-05-01")];
        let defaults = AbsenceThresholds::default();
        let at = |absences: &[NaiveDate], thresholds| {
            order_standing(
                CohortFlag::Atr,
                day("2026-01-01"),
                absences,
                thresholds,
                today,
            )
            .standing
        };
        assert_eq!(at(&[], defaults), Standing::Compliant);
        assert_eq!(at(&one, defaults), Standing::WarningDue);
        let lenient = AbsenceThresholds::parse(2, 3).unwrap();
        assert_eq!(at(&one, lenient), Standing::Compliant);
    }

    #[test]
    fn thresholds_must_rise() {
        assert!(AbsenceThresholds::parse(2, 2).is_err());
        assert!(AbsenceThresholds::parse(0, 2).is_err());
        assert!(AbsenceThresholds::parse(1, 11).is_err());
        assert!(AbsenceThresholds::parse(1, 3).is_ok());
    }
}
