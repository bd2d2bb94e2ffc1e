//! Referrals, episodes and their pick-up clocks.

use casebook_core::domain::referrals::{ClockStatus, ExitReason, PickUpTarget, ReferralRoute};
use casebook_core::store::episodes::Episode;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ReferralRoute")]
pub enum ReferralRouteDto {
    PoliceCustody,
    Court,
    Prison,
    Probation,
    IomPanel,
    Housing,
    OtherAgency,
    #[serde(rename = "self")]
    SelfReferral,
}

impl From<ReferralRoute> for ReferralRouteDto {
    fn from(route: ReferralRoute) -> ReferralRouteDto {
        match route {
            ReferralRoute::PoliceCustody => ReferralRouteDto::PoliceCustody,
            ReferralRoute::Court => ReferralRouteDto::Court,
            ReferralRoute::Prison => ReferralRouteDto::Prison,
            ReferralRoute::Probation => ReferralRouteDto::Probation,
            ReferralRoute::IomPanel => ReferralRouteDto::IomPanel,
            ReferralRoute::Housing => ReferralRouteDto::Housing,
            ReferralRoute::OtherAgency => ReferralRouteDto::OtherAgency,
            ReferralRoute::SelfReferral => ReferralRouteDto::SelfReferral,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ClockStatus")]
pub enum ClockStatusDto {
    NotStarted,
    OnTrack,
    Amber,
    Breached,
    PickedUpInTime,
    PickedUpLate,
    Stopped,
}

impl From<ClockStatus> for ClockStatusDto {
    fn from(status: ClockStatus) -> ClockStatusDto {
        match status {
            ClockStatus::NotStarted => ClockStatusDto::NotStarted,
            ClockStatus::OnTrack => ClockStatusDto::OnTrack,
            ClockStatus::Amber => ClockStatusDto::Amber,
            ClockStatus::Breached => ClockStatusDto::Breached,
            ClockStatus::PickedUpInTime => ClockStatusDto::PickedUpInTime,
            ClockStatus::PickedUpLate => ClockStatusDto::PickedUpLate,
            ClockStatus::Stopped => ClockStatusDto::Stopped,
        }
    }
}

/// A referral's pick-up clock as it stands now (local time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReferralClockDto {
    pub status: ClockStatusDto,
    /// `YYYY-MM-DDTHH:MM`, local time.
    pub starts: String,
    /// `YYYY-MM-DDTHH:MM`, local time: the last minute in time.
    pub due: String,
    /// Whether the target is counted in hours (custody screening) rather
    /// than days.
    pub in_hours: bool,
    /// The length of the target, in days or hours.
    pub target: u32,
    /// Days (or hours) left: negative once breached.
    pub left: i32,
}

impl ReferralClockDto {
    pub fn from_episode(episode: &Episode, now: NaiveDateTime) -> Option<ReferralClockDto> {
        let clock = episode.clock?;
        let status = episode.clock_status(now)?;
        let (in_hours, target, left) = match clock.target {
            PickUpTarget::Days(days) => (false, days, clock.days_left(now)),
            PickUpTarget::Hours(hours) => (true, hours, clock.hours_left(now)),
        };
        Some(ReferralClockDto {
            status: status.into(),
            starts: clock.starts.format("%Y-%m-%dT%H:%M").to_string(),
            due: clock.due.format("%Y-%m-%dT%H:%M").to_string(),
            in_hours,
            target,
            left: i32::try_from(left).unwrap_or(if left < 0 { i32::MIN } else { i32::MAX }),
        })
    }
}

/// One episode with its referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EpisodeDto {
    pub id: String,
    pub route: ReferralRouteDto,
    pub referrer: String,
    /// `YYYY-MM-DDTHH:MM`, local time.
    pub received_at: String,
    pub reason: Option<String>,
    /// `YYYY-MM-DD`, prison referrals only.
    pub release_date: Option<String>,
    pub clock: Option<ReferralClockDto>,
    /// `YYYY-MM-DDTHH:MM`: the first attended face-to-face contact.
    pub picked_up_at: Option<String>,
    /// `accepted`, `not_eligible`, `declined`, `did_not_engage` or
    /// `onward_referral`; absent while awaiting pick-up.
    pub outcome: Option<String>,
    /// The reason (not eligible) or the agency (onward referral).
    pub outcome_note: Option<String>,
    /// `YYYY-MM-DD`; absent while open.
    pub ended_on: Option<String>,
    pub exit_reason: Option<String>,
    pub exit_note: Option<String>,
    pub opened_by: Option<String>,
    pub open: bool,
}

impl EpisodeDto {
    pub fn from_episode(episode: &Episode, now: NaiveDateTime) -> EpisodeDto {
        EpisodeDto {
            id: episode.id.to_string(),
            route: episode.route.into(),
            referrer: episode.referrer.clone(),
            received_at: episode.received_at.format("%Y-%m-%dT%H:%M").to_string(),
            reason: episode.reason.clone(),
            release_date: episode
                .release_date
                .map(|d| d.format("%Y-%m-%d").to_string()),
            clock: ReferralClockDto::from_episode(episode, now),
            picked_up_at: episode
                .picked_up_at
                .map(|t| t.format("%Y-%m-%dT%H:%M").to_string()),
            outcome: episode.outcome.as_ref().map(|o| o.as_str().to_owned()),
            outcome_note: episode
                .outcome
                .as_ref()
                .and_then(|o| o.note().map(str::to_owned)),
            ended_on: episode.ended_on.map(|d| d.format("%Y-%m-%d").to_string()),
            exit_reason: episode
                .exit_reason
                .map(|r| ExitReason::as_str(r).to_owned()),
            exit_note: episode.exit_note.clone(),
            opened_by: episode.opened_by.clone(),
            open: episode.is_open(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReferralRequest {
    pub client_id: String,
    /// A `ReferralRoute` value.
    pub route: String,
    pub referrer: String,
    /// `YYYY-MM-DD`.
    pub received_date: String,
    /// `HH:MM`, 24-hour; blank for midnight.
    pub received_time: String,
    pub reason: String,
    /// `YYYY-MM-DD`; prison referrals only, and required for them.
    pub release_date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PickUpRequest {
    pub episode_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReferralOutcomeRequest {
    pub episode_id: String,
    /// `not_eligible`, `declined`, `did_not_engage` or `onward_referral`.
    pub outcome: String,
    /// The reason (not eligible) or the agency (onward referral).
    pub note: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CloseEpisodeRequest {
    pub episode_id: String,
    /// `planned_completion`, `transferred`, `disengaged`, `custody`,
    /// `moved_away`, `deceased` or `other`.
    pub exit_reason: String,
    /// Required for `other`.
    pub note: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}
