//! The pick-up clock of a referral: when it starts, when it is due, and
//! where it stands at a given moment (on track, amber at three quarters of
//! the time, breached, picked up in time or late). Worked out once when a
//! referral arrives and stored with the episode, so a later change of the
//! unit's custody hours moves no running clock.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::referrals::ReferralRoute;

pub const PRISON_PICK_UP_DAYS: u32 = 21;
pub const COMMUNITY_PICK_UP_DAYS: u32 = 42;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickUpTarget {
    /// Picked up by the end of the day this many days after the start.
    Days(u32),
    /// Picked up within this many hours of the referral.
    Hours(u32),
}

/// When a referral's clock runs: from `starts` to `due`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PickUpClock {
    pub starts: NaiveDateTime,
    pub due: NaiveDateTime,
    pub target: PickUpTarget,
}

/// Where a clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockStatus {
    /// A prison referral made before the release: the clock starts then.
    NotStarted,
    OnTrack,
    /// Three quarters of the time or more has gone.
    Amber,
    Breached,
    PickedUpInTime,
    PickedUpLate,
    /// The referral ended without a pick-up (not eligible, declined, did
    /// not engage, referred on). Its clock no longer runs.
    Stopped,
}

impl ClockStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClockStatus::NotStarted => "not_started",
            ClockStatus::OnTrack => "on_track",
            ClockStatus::Amber => "amber",
            ClockStatus::Breached => "breached",
            ClockStatus::PickedUpInTime => "picked_up_in_time",
            ClockStatus::PickedUpLate => "picked_up_late",
            ClockStatus::Stopped => "stopped",
        }
    }
}

/// The share of the time after which a running clock turns amber.
const AMBER_FROM: f64 = 0.75;

impl PickUpClock {
    /// The clock for a referral received at `received_at`, with the
    /// prisoner's `release_date` for a prison referral.
    pub fn for_referral(
        route: ReferralRoute,
        received_at: NaiveDateTime,
        release_date: Option<NaiveDate>,
        custody_screening_hours: u32,
    ) -> Option<PickUpClock> {
        let target = route.target(custody_screening_hours)?;
        Some(match target {
            PickUpTarget::Days(days) => {
                let start_day = match release_date {
                    Some(release) => release.max(received_at.date()),
                    None => received_at.date(),
                };
                let starts = if start_day == received_at.date() {
                    received_at
                } else {
                    start_day.and_time(NaiveTime::MIN)
                };
                // Due by the end of the last day: the last minute of it.
                let last_day = start_day + Duration::days(i64::from(days));
                let due =
                    last_day.and_time(NaiveTime::MIN) + Duration::days(1) - Duration::minutes(1);
                PickUpClock {
                    starts,
                    due,
                    target,
                }
            }
            PickUpTarget::Hours(hours) => PickUpClock {
                starts: received_at,
                due: received_at + Duration::hours(i64::from(hours)),
                target,
            },
        })
    }

    /// Where the clock stands at `now` (local time), given when the client
    /// was picked up, if they were.
    pub fn status(&self, now: NaiveDateTime, picked_up_at: Option<NaiveDateTime>) -> ClockStatus {
        if let Some(picked_up) = picked_up_at {
            return if picked_up <= self.due {
                ClockStatus::PickedUpInTime
            } else {
                ClockStatus::PickedUpLate
            };
        }
        if now < self.starts {
            return ClockStatus::NotStarted;
        }
        if now > self.due {
            return ClockStatus::Breached;
        }
        let whole = (self.due - self.starts).num_minutes().max(1) as f64;
        let gone = (now - self.starts).num_minutes() as f64;
        if gone / whole >= AMBER_FROM {
            ClockStatus::Amber
        } else {
            ClockStatus::OnTrack
        }
    }

    /// Whole days left until the due day (negative once breached), as the
    /// caseload shows them.
    pub fn days_left(&self, now: NaiveDateTime) -> i64 {
        (self.due.date() - now.date()).num_days()
    }

    /// Whole hours left (negative once breached), for hour clocks.
    pub fn hours_left(&self, now: NaiveDateTime) -> i64 {
        (self.due - now).num_hours()
    }
}
