//! Referrals, the episodes they open, and the clocks commissioners measure
//! them by.
//!
//! A client's time with the service is an episode. It opens when a referral
//! is received and the referral's clock starts: a prison release must be
//! picked up (the first attended face-to-face contact) within 21 days of the
//! release or the referral, whichever is later; a referral from the
//! community criminal justice system within 42 days; a police custody
//! screening request within the number of hours the unit agreed. A referral
//! that is not taken on ends with its outcome; one that is taken on ends,
//! later, with an exit reason. An ended episode never changes again.

use crate::domain::dates::{parse_day, parse_time_of_day};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::free_text::parse_free_text;
use crate::error::{CoreError, CoreResult};

// The clocks are a module of their own; referrals start them.
pub use super::pick_up_clocks::{
    COMMUNITY_PICK_UP_DAYS, ClockStatus, PRISON_PICK_UP_DAYS, PickUpClock, PickUpTarget,
};

/// Where a referral came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReferralRoute {
    /// Police custody arrest referral: a screening request.
    PoliceCustody,
    Court,
    /// Prison release, Through the Gate.
    Prison,
    Probation,
    IomPanel,
    Housing,
    OtherAgency,
    SelfReferral,
}

impl ReferralRoute {
    pub const ALL: [ReferralRoute; 8] = [
        ReferralRoute::PoliceCustody,
        ReferralRoute::Court,
        ReferralRoute::Prison,
        ReferralRoute::Probation,
        ReferralRoute::IomPanel,
        ReferralRoute::Housing,
        ReferralRoute::OtherAgency,
        ReferralRoute::SelfReferral,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReferralRoute::PoliceCustody => "police_custody",
            ReferralRoute::Court => "court",
            ReferralRoute::Prison => "prison",
            ReferralRoute::Probation => "probation",
            ReferralRoute::IomPanel => "iom_panel",
            ReferralRoute::Housing => "housing",
            ReferralRoute::OtherAgency => "other_agency",
            ReferralRoute::SelfReferral => "self",
        }
    }

    pub fn parse(text: &str) -> CoreResult<ReferralRoute> {
        ReferralRoute::ALL
            .into_iter()
            .find(|route| route.as_str() == text.trim())
            .ok_or_else(|| CoreError::invalid("Choose where the referral came from."))
    }

    /// The pick-up target that applies to referrals by this route. Housing,
    /// other agencies and self-referrals are not criminal justice routes and
    /// commissioners set no target for them.
    pub fn target(self, custody_screening_hours: u32) -> Option<PickUpTarget> {
        match self {
            ReferralRoute::Prison => Some(PickUpTarget::Days(PRISON_PICK_UP_DAYS)),
            ReferralRoute::Court | ReferralRoute::Probation | ReferralRoute::IomPanel => {
                Some(PickUpTarget::Days(COMMUNITY_PICK_UP_DAYS))
            }
            ReferralRoute::PoliceCustody => Some(PickUpTarget::Hours(custody_screening_hours)),
            ReferralRoute::Housing | ReferralRoute::OtherAgency | ReferralRoute::SelfReferral => {
                None
            }
        }
    }
}

/// How a referral ended when it was not taken on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralOutcome {
    /// Picked up: the episode goes on until an exit.
    Accepted,
    NotEligible {
        reason: String,
    },
    Declined,
    DidNotEngage,
    OnwardReferral {
        to: String,
    },
}

impl ReferralOutcome {
    pub fn as_str(&self) -> &'static str {
        match self {
            ReferralOutcome::Accepted => "accepted",
            ReferralOutcome::NotEligible { .. } => "not_eligible",
            ReferralOutcome::Declined => "declined",
            ReferralOutcome::DidNotEngage => "did_not_engage",
            ReferralOutcome::OnwardReferral { .. } => "onward_referral",
        }
    }

    /// The note kept with the outcome: the reason, or to whom.
    pub fn note(&self) -> Option<&str> {
        match self {
            ReferralOutcome::NotEligible { reason } => Some(reason),
            ReferralOutcome::OnwardReferral { to } => Some(to),
            _ => None,
        }
    }

    /// An outcome other than acceptance, as a person chose it. `note` is
    /// the reason for "not eligible" and the agency for "onward referral".
    pub fn parse_ending(kind: &str, note: &str) -> CoreResult<ReferralOutcome> {
        match kind.trim() {
            "not_eligible" => Ok(ReferralOutcome::NotEligible {
                reason: parse_free_text(
                    note,
                    5,
                    1000,
                    "Say why the client is not eligible, so the referrer can be told.",
                )?,
            }),
            "declined" => Ok(ReferralOutcome::Declined),
            "did_not_engage" => Ok(ReferralOutcome::DidNotEngage),
            "onward_referral" => Ok(ReferralOutcome::OnwardReferral {
                to: parse_free_text(note, 2, 200, "Say who the client was referred on to.")?,
            }),
            "accepted" => Err(CoreError::invalid(
                "A referral is accepted by recording when the client was picked up.",
            )),
            _ => Err(CoreError::invalid(
                "Choose an outcome: not eligible, declined, did not engage or onward referral.",
            )),
        }
    }

    /// An outcome as stored; `None` for a row that does not make sense.
    pub fn from_stored(kind: &str, note: Option<String>) -> Option<ReferralOutcome> {
        Some(match kind {
            "accepted" => ReferralOutcome::Accepted,
            "not_eligible" => ReferralOutcome::NotEligible {
                reason: note.unwrap_or_default(),
            },
            "declined" => ReferralOutcome::Declined,
            "did_not_engage" => ReferralOutcome::DidNotEngage,
            "onward_referral" => ReferralOutcome::OnwardReferral {
                to: note.unwrap_or_default(),
            },
            _ => return None,
        })
    }
}

/// Why an episode that was taken on ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitReason {
    PlannedCompletion,
    Transferred,
    Disengaged,
    Custody,
    MovedAway,
    Deceased,
    Other,
}

impl ExitReason {
    pub const ALL: [ExitReason; 7] = [
        ExitReason::PlannedCompletion,
        ExitReason::Transferred,
        ExitReason::Disengaged,
        ExitReason::Custody,
        ExitReason::MovedAway,
        ExitReason::Deceased,
        ExitReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExitReason::PlannedCompletion => "planned_completion",
            ExitReason::Transferred => "transferred",
            ExitReason::Disengaged => "disengaged",
            ExitReason::Custody => "custody",
            ExitReason::MovedAway => "moved_away",
            ExitReason::Deceased => "deceased",
            ExitReason::Other => "other",
        }
    }

    pub fn parse(text: &str) -> CoreResult<ExitReason> {
        ExitReason::ALL
            .into_iter()
            .find(|reason| reason.as_str() == text.trim())
            .ok_or_else(|| CoreError::invalid("Choose why the episode ended."))
    }

    /// Whether the exit was planned: commissioners count unplanned exits.
    pub fn is_planned(self) -> bool {
        matches!(
            self,
            ExitReason::PlannedCompletion | ExitReason::Transferred
        )
    }
}

/// A referral as a person entered it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReferral {
    pub route: ReferralRoute,
    pub referrer: String,
    pub received_at: NaiveDateTime,
    pub reason: Option<String>,
    pub release_date: Option<NaiveDate>,
}

/// How far ahead a prison release may be: referrals come in before release,
/// but not years before.
const MAX_DAYS_TO_RELEASE: i64 = 366;
/// The oldest referral Casebook takes: records moved from paper may be old,
/// but not older than the service's records.
const MAX_YEARS_BACK: i64 = 20;

impl NewReferral {
    /// `received_date` is `YYYY-MM-DD`, `received_time` `HH:MM`,
    /// `release_date` `YYYY-MM-DD` or blank; `now` is local time.
    pub fn parse(
        route: &str,
        referrer: &str,
        received_date: &str,
        received_time: &str,
        reason: &str,
        release_date: &str,
        now: NaiveDateTime,
    ) -> CoreResult<NewReferral> {
        let route = ReferralRoute::parse(route)?;
        let referrer = parse_free_text(
            referrer,
            2,
            200,
            "Say who made the referral: a person, a team or the client themself.",
        )?;
        let received_at = parse_local_time(received_date, received_time, "received")?;
        if received_at > now {
            return Err(CoreError::invalid(
                "The referral's date and time are in the future. Enter when it was received.",
            ));
        }
        if received_at < now - Duration::days(365 * MAX_YEARS_BACK) {
            return Err(CoreError::invalid(
                "The referral's date is more than 20 years ago. Check the year.",
            ));
        }
        let reason = reason.trim();
        let reason = if reason.is_empty() {
            None
        } else {
            Some(parse_free_text(reason, 1, 2000, "")?)
        };
        let release_date = match (route, release_date.trim()) {
            (ReferralRoute::Prison, "") => {
                return Err(CoreError::invalid(
                    "Enter the release date: a prison referral's 21 days run from the release.",
                ));
            }
            (ReferralRoute::Prison, text) => {
                let date = parse_date(text, "release")?;
                if (date - now.date()).num_days() > MAX_DAYS_TO_RELEASE {
                    return Err(CoreError::invalid(
                        "The release date is more than a year away. Check the year.",
                    ));
                }
                Some(date)
            }
            (_, "") => None,
            (_, _) => {
                return Err(CoreError::invalid(
                    "A release date is only for a referral from prison. Clear it, or choose the prison route.",
                ));
            }
        };
        Ok(NewReferral {
            route,
            referrer,
            received_at,
            reason,
            release_date,
        })
    }
}

/// When a referral was picked up: not before it was received, not in the
/// future.
pub fn parse_pick_up(
    date: &str,
    time: &str,
    received_at: NaiveDateTime,
    now: NaiveDateTime,
) -> CoreResult<NaiveDateTime> {
    let picked_up = parse_local_time(date, time, "contact")?;
    if picked_up > now {
        return Err(CoreError::invalid(
            "The contact is in the future. Record it once the client has been seen.",
        ));
    }
    if picked_up < received_at {
        return Err(CoreError::invalid(
            "The client cannot have been picked up before the referral was received. Check the date and time.",
        ));
    }
    Ok(picked_up)
}

/// When an episode ended: not before the referral, not in the future.
pub fn parse_end_date(
    date: &str,
    received_at: NaiveDateTime,
    today: NaiveDate,
) -> CoreResult<NaiveDate> {
    let ended = parse_date(date, "end")?;
    if ended > today {
        return Err(CoreError::invalid(
            "The end date is in the future. Close the episode on or after the day it ends.",
        ));
    }
    if ended < received_at.date() {
        return Err(CoreError::invalid(
            "The end date is before the referral was received. Check the date.",
        ));
    }
    Ok(ended)
}

fn parse_date(text: &str, what: &str) -> CoreResult<NaiveDate> {
    parse_day(text.trim())
        .map_err(|_| CoreError::invalid(format!("The {what} date is not a real date.")))
}

fn parse_local_time(date: &str, time: &str, what: &str) -> CoreResult<NaiveDateTime> {
    let date = parse_date(date, what)?;
    let time = match time.trim() {
        "" => NaiveTime::MIN,
        text => parse_time_of_day(text).map_err(|_| {
            CoreError::invalid(format!(
                "The {what} time is not a time of day. Use the 24-hour clock, like 14:30."
            ))
        })?,
    };
    Ok(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        parse_day(text).unwrap()
    }

    #[test]
    fn a_prison_clock_runs_21_days_from_the_release_or_the_referral_whichever_is_later() {
        let before_release = PickUpClock::for_referral(
            ReferralRoute::Prison,
            at("2026-11-02 10:00"),
            Some(day("2026-11-10")),
            24,
        )
        .unwrap();
        assert_eq!(before_release.due, at("2026-12-01 23:59"));
        assert_eq!(
            before_release.status(at("2026-11-05 09:00"), None),
            ClockStatus::NotStarted
        );
        let after_release = PickUpClock::for_referral(
            ReferralRoute::Prison,
            at("2026-11-20 10:00"),
            Some(day("2026-11-10")),
            24,
        )
        .unwrap();
        assert_eq!(after_release.due, at("2026-12-11 23:59"));
        assert_eq!(after_release.days_left(at("2026-11-26 12:00")), 15);
    }

    #[test]
    fn a_clock_turns_amber_at_three_quarters_and_red_when_breached() {
        let clock =
            PickUpClock::for_referral(ReferralRoute::Probation, at("2026-10-01 00:00"), None, 24)
                .unwrap();
        assert_eq!(clock.target, PickUpTarget::Days(42));
        assert_eq!(
            clock.status(at("2026-10-20 12:00"), None),
            ClockStatus::OnTrack
        );
        assert_eq!(
            clock.status(at("2026-11-03 12:00"), None),
            ClockStatus::Amber
        );
        assert_eq!(
            clock.status(at("2026-11-13 00:00"), None),
            ClockStatus::Breached
        );
        assert_eq!(clock.days_left(at("2026-11-13 00:00")), -1);
        assert_eq!(
            clock.status(at("2026-12-01 00:00"), Some(at("2026-11-12 16:00"))),
            ClockStatus::PickedUpInTime
        );
        assert_eq!(
            clock.status(at("2026-12-01 00:00"), Some(at("2026-11-13 09:00"))),
            ClockStatus::PickedUpLate
        );
    }

    #[test]
    fn custody_screening_runs_in_hours_the_unit_sets_and_other_routes_have_no_clock() {
        let clock = PickUpClock::for_referral(
            ReferralRoute::PoliceCustody,
            at("2026-11-26 09:00"),
            None,
            24,
        )
        .unwrap();
        assert_eq!(clock.due, at("2026-11-27 09:00"));
        assert_eq!(clock.hours_left(at("2026-11-26 21:00")), 12);
        assert_eq!(
            clock.status(at("2026-11-27 03:00"), None),
            ClockStatus::Amber
        );
        assert!(
            PickUpClock::for_referral(
                ReferralRoute::SelfReferral,
                at("2026-11-26 09:00"),
                None,
                24
            )
            .is_none()
        );
    }

    #[test]
    fn a_referral_is_refused_with_a_plain_reason_for_each_fault() {
        let now = at("2026-11-26 12:00");
        let parse = |route, referrer, date, time, release| {
            NewReferral::parse(route, referrer, date, time, "", release, now)
        };
        for (route, referrer, date, time, release, says) in [
            (
                "prison",
                "HMP Winchester",
                "2026-11-20",
                "10:00",
                "",
                "release date",
            ),
            (
                "court",
                "Magistrates",
                "2026-11-20",
                "10:00",
                "2026-12-01",
                "only for a referral from prison",
            ),
            ("court", "Magistrates", "2026-11-27", "10:00", "", "future"),
            ("court", "Magistrates", "2026-11-26", "13:00", "", "future"),
            (
                "court",
                "Magistrates",
                "2026-02-30",
                "10:00",
                "",
                "not a real date",
            ),
            (
                "court",
                "Magistrates",
                "2026-11-20",
                "25:00",
                "",
                "24-hour clock",
            ),
            (
                "court",
                "",
                "2026-11-20",
                "10:00",
                "",
                "who made the referral",
            ),
            (
                "bus",
                "Magistrates",
                "2026-11-20",
                "10:00",
                "",
                "where the referral came from",
            ),
            (
                "prison",
                "HMP Winchester",
                "2026-11-20",
                "10:00",
                "2028-01-01",
                "more than a year",
            ),
        ] {
            let error = parse(route, referrer, date, time, release).unwrap_err();
            assert!(
                error.message.contains(says),
                "{route} {date} {time}: {}",
                error.message
            );
        }
        let prison = parse(
            "prison",
            "HMP Winchester",
            "2026-11-20",
            "10:00",
            "2026-12-01",
        )
        .unwrap();
        assert_eq!(prison.release_date, Some(day("2026-12-01")));
    }

    #[test]
    fn a_pick_up_and_an_end_fall_between_the_referral_and_now() {
        let received = at("2026-11-20 10:00");
        let now = at("2026-11-26 12:00");
        assert!(parse_pick_up("2026-11-20", "09:00", received, now).is_err());
        assert!(parse_pick_up("2026-11-27", "09:00", received, now).is_err());
        assert!(parse_pick_up("2026-11-21", "09:00", received, now).is_ok());
        assert!(parse_end_date("2026-11-19", received, now.date()).is_err());
        assert!(parse_end_date("2026-11-27", received, now.date()).is_err());
        assert!(parse_end_date("2026-11-20", received, now.date()).is_ok());
    }

    #[test]
    fn outcomes_other_than_acceptance_say_why_or_to_whom() {
        assert!(ReferralOutcome::parse_ending("not_eligible", "").is_err());
        assert!(ReferralOutcome::parse_ending("onward_referral", " ").is_err());
        assert!(ReferralOutcome::parse_ending("accepted", "").is_err());
        assert_eq!(
            ReferralOutcome::parse_ending("onward_referral", "Inclusion Recovery")
                .unwrap()
                .note(),
            Some("Inclusion Recovery")
        );
        assert_eq!(
            ReferralOutcome::parse_ending("declined", "").unwrap(),
            ReferralOutcome::Declined
        );
    }
}
