//! Tasks, compliance with orders, notices to probation, the client's
//! timeline, and the casework part of a client's record that holds them
//! with appointments and sessions (absent from a partner's summary).

use casebook_core::casework::tasks::TaskListed;
use casebook_core::clients::timeline::TimelineEntry;
use casebook_core::domain::compliance::OrderStanding;
use casebook_core::store::probation_notices::ProbationNotice;
use casebook_core::store::tasks::Task;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AppointmentDto, CohortFlagDto, SessionRecordDto};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskDto {
    pub id: String,
    pub client_id: String,
    pub session_id: Option<String>,
    /// The support plan goal it works toward, if it came from one.
    pub goal_id: Option<String>,
    pub what: String,
    /// `client`, `keyworker` or `partner_agency`.
    pub who: String,
    pub partner_agency: Option<String>,
    pub owner_id: String,
    pub owner_name: Option<String>,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    /// `open`, `done` or `cancelled`.
    pub status: String,
    pub status_reason: Option<String>,
    pub closed_by: Option<String>,
}

impl TaskDto {
    pub fn from_task(t: &Task) -> TaskDto {
        TaskDto {
            id: t.id.to_string(),
            client_id: t.client.to_string(),
            session_id: t.session.map(|s| s.to_string()),
            goal_id: t.goal.map(|g| g.to_string()),
            what: t.what.clone(),
            who: t.who.clone(),
            partner_agency: t.partner_agency.clone(),
            owner_id: t.owner.to_string(),
            owner_name: t.owner_name.clone(),
            due_on: t.due_on.format("%Y-%m-%d").to_string(),
            status: t.status.clone(),
            status_reason: t.status_reason.clone(),
            closed_by: t.closed_by.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskListedDto {
    pub task: TaskDto,
    pub given_name: String,
    pub family_name: String,
    pub overdue: bool,
}

impl TaskListedDto {
    pub fn from_listed(t: &TaskListed) -> TaskListedDto {
        TaskListedDto {
            task: TaskDto::from_task(&t.task),
            given_name: t.given_name.as_str().to_owned(),
            family_name: t.family_name.as_str().to_owned(),
            overdue: t.overdue,
        }
    }
}

/// What happens to a task: a closed list, so the page can send nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "TaskChangeKind")]
pub enum TaskChangeKindDto {
    Done,
    Cancelled,
    /// To the account in `to_account_id`.
    Reassigned,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeTaskRequest {
    pub task_id: String,
    pub change: TaskChangeKindDto,
    pub reason: String,
    /// For `reassigned`.
    pub to_account_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrderStandingDto {
    pub order: CohortFlagDto,
    /// `YYYY-MM-DD`.
    pub since: String,
    pub unacceptable: u32,
    /// `compliant`, `warning_due` or `breach_referral_due`.
    pub standing: String,
    pub count_falls_on: Option<String>,
}

impl OrderStandingDto {
    pub fn from_standing(s: &OrderStanding) -> OrderStandingDto {
        OrderStandingDto {
            order: s.order.into(),
            since: s.since.format("%Y-%m-%d").to_string(),
            unacceptable: s.unacceptable,
            standing: s.standing.as_str().to_owned(),
            count_falls_on: s.count_falls_on.map(|d| d.format("%Y-%m-%d").to_string()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProbationNoticeDto {
    pub order_flag: String,
    /// `warning`, `breach_referral` or `other`.
    pub what: String,
    pub sent_on: String,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
}

impl ProbationNoticeDto {
    pub fn from_notice(n: &ProbationNotice) -> ProbationNoticeDto {
        ProbationNoticeDto {
            order_flag: n.order_flag.clone(),
            what: n.what.clone(),
            sent_on: n.sent_on.clone(),
            note: n.note.clone(),
            recorded_by: n.recorded_by.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProbationNoticeRequest {
    pub client_id: String,
    pub order_flag: String,
    pub what: String,
    pub sent_on: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntryDto {
    /// Local `YYYY-MM-DDTHH:MM`.
    pub at: String,
    /// `referral`, `appointment`, `session`, `safety_flag`, `rag` or `task`.
    pub kind: String,
    pub event: String,
    pub detail: String,
    pub id: String,
}

impl TimelineEntryDto {
    pub fn from_entry(e: &TimelineEntry) -> TimelineEntryDto {
        TimelineEntryDto {
            at: e.at.clone(),
            kind: e.kind.as_str().to_owned(),
            event: e.event.to_owned(),
            detail: e.detail.clone(),
            id: e.id.clone(),
        }
    }
}

/// Appointments, sessions, tasks, compliance and the timeline of one
/// client: absent from a partner's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseworkDto {
    pub appointments: Vec<AppointmentDto>,
    pub sessions: Vec<SessionRecordDto>,
    pub tasks: Vec<TaskDto>,
    pub compliance: Vec<OrderStandingDto>,
    pub probation_notices: Vec<ProbationNoticeDto>,
    pub timeline: Vec<TimelineEntryDto>,
    /// Seven pathways assessments and the support plan.
    pub pathways: super::PathwaysDto,
}
