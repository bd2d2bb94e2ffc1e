//! Appointments, session records, tasks, compliance with orders, and the
//! client's timeline. Kinds, places, outcomes, pathways and interventions
//! cross as the core's snake_case codes; the UI words them.

use casebook_core::casework::appointments::{BookingWarnings, DiaryEntry};
use casebook_core::casework::session_records::{DraftListed, NoteFound};
use casebook_core::casework::tasks::TaskListed;
use casebook_core::clients::client_records::NextAppointment;
use casebook_core::clients::timeline::TimelineEntry;
use casebook_core::domain::appointments::Clash;
use casebook_core::domain::compliance::OrderStanding;
use casebook_core::domain::session_records::{ActionForm, SessionForm};
use casebook_core::store::appointments::Appointment;
use casebook_core::store::probation_notices::ProbationNotice;
use casebook_core::store::session_records::{SessionDraft, SessionRecord};
use casebook_core::store::session_templates::SessionTemplate;
use casebook_core::store::tasks::Task;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CohortFlagDto, SafetyFlagDto};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppointmentDto {
    pub id: String,
    pub client_id: String,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub ends_at: String,
    pub kind: String,
    pub place: String,
    pub room: Option<String>,
    pub staff_ids: Vec<String>,
    pub other_attendees: Option<String>,
    pub booked_by: Option<String>,
    pub outcome: Option<String>,
    pub outcome_reason: Option<String>,
    /// `acceptable` or `unacceptable`.
    pub absence: Option<String>,
    pub absence_reason: Option<String>,
    pub absence_note: Option<String>,
    pub rescheduled_to: Option<String>,
    pub outcome_by: Option<String>,
}

impl AppointmentDto {
    pub fn from_appointment(a: &Appointment) -> AppointmentDto {
        AppointmentDto {
            id: a.id.to_string(),
            client_id: a.client.to_string(),
            starts_at: a.times.starts.format("%Y-%m-%dT%H:%M").to_string(),
            ends_at: a.times.ends.format("%Y-%m-%dT%H:%M").to_string(),
            kind: a.kind.as_str().to_owned(),
            place: a.place.as_str().to_owned(),
            room: a.room.clone(),
            staff_ids: a.staff.iter().map(ToString::to_string).collect(),
            other_attendees: a.other_attendees.clone(),
            booked_by: a.booked_by.clone(),
            outcome: a.outcome.map(|o| o.as_str().to_owned()),
            outcome_reason: a.outcome_reason.clone(),
            absence: a.absence.clone(),
            absence_reason: a.absence_reason.clone(),
            absence_note: a.absence_note.clone(),
            rescheduled_to: a.rescheduled_to.map(|id| id.to_string()),
            outcome_by: a.outcome_by.clone(),
        }
    }
}

/// The next appointment as a partner's summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NextAppointmentDto {
    /// Local `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub ends_at: String,
    pub kind: String,
    pub place: String,
}

impl NextAppointmentDto {
    pub fn from_next(n: &NextAppointment) -> NextAppointmentDto {
        NextAppointmentDto {
            starts_at: n.times.starts.format("%Y-%m-%dT%H:%M").to_string(),
            ends_at: n.times.ends.format("%Y-%m-%dT%H:%M").to_string(),
            kind: n.kind.as_str().to_owned(),
            place: n.place.as_str().to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BookAppointmentRequest {
    pub client_id: String,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub ends_at: String,
    pub kind: String,
    pub place: String,
    pub room: String,
    pub other_attendees: String,
    pub staff_ids: Vec<String>,
    /// For warnings about a move: the appointment being moved, which
    /// cannot clash with itself.
    pub moving_appointment_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClashDto {
    /// `staff`, `room` or `client`.
    pub with: String,
    pub appointment_id: String,
    pub staff_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BookingWarningsDto {
    pub clashes: Vec<ClashDto>,
    pub safety_flags: Vec<SafetyFlagDto>,
    pub lone_visit_not_advised: bool,
}

impl BookingWarningsDto {
    pub fn from_warnings(w: &BookingWarnings) -> BookingWarningsDto {
        BookingWarningsDto {
            clashes: w
                .clashes
                .iter()
                .map(|clash| match clash {
                    Clash::Staff { appointment, staff } => ClashDto {
                        with: "staff".into(),
                        appointment_id: appointment.clone(),
                        staff_id: Some(staff.to_string()),
                    },
                    Clash::Room { appointment } => ClashDto {
                        with: "room".into(),
                        appointment_id: appointment.clone(),
                        staff_id: None,
                    },
                    Clash::Client { appointment } => ClashDto {
                        with: "client".into(),
                        appointment_id: appointment.clone(),
                        staff_id: None,
                    },
                })
                .collect(),
            safety_flags: w
                .safety_flags
                .iter()
                .map(SafetyFlagDto::from_flag)
                .collect(),
            lone_visit_not_advised: w.lone_visit_not_advised,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveAppointmentRequest {
    pub appointment_id: String,
    pub starts_at: String,
    pub ends_at: String,
    pub room: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordOutcomeRequest {
    pub appointment_id: String,
    pub outcome: String,
    pub reason: String,
    /// `acceptable`, `unacceptable` or blank.
    pub absence: String,
    pub absence_reason: String,
    pub absence_note: String,
    /// For `rescheduled`: the new appointment's times.
    pub new_starts_at: String,
    pub new_ends_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeRecordedDto {
    pub appointment: AppointmentDto,
    pub rebooked: Option<AppointmentDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiaryRequest {
    /// `YYYY-MM-DD`.
    pub first_day: String,
    /// 1 for a day, 7 for a week.
    pub days: u32,
    /// Someone else's diary (managers); absent for mine.
    pub staff_id: Option<String>,
    /// The whole unit's (managers).
    pub whole_unit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiaryEntryDto {
    pub appointment: AppointmentDto,
    pub given_name: String,
    pub family_name: String,
    pub safety_flags: Vec<SafetyFlagDto>,
    pub lone_visit_not_advised: bool,
}

impl DiaryEntryDto {
    pub fn from_entry(e: &DiaryEntry) -> DiaryEntryDto {
        DiaryEntryDto {
            appointment: AppointmentDto::from_appointment(&e.appointment),
            given_name: e.given_name.as_str().to_owned(),
            family_name: e.family_name.as_str().to_owned(),
            safety_flags: e
                .safety_flags
                .iter()
                .map(SafetyFlagDto::from_flag)
                .collect(),
            lone_visit_not_advised: e.lone_visit_not_advised,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionFormDto {
    pub what: String,
    /// `client`, `keyworker` or `partner_agency`.
    pub who: String,
    pub partner_agency: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

/// The session form as typed: every field text, so a draft holds anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionFormDto {
    pub appointment_id: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// `HH:MM`.
    pub starts_at: String,
    pub minutes: String,
    pub place: String,
    pub present: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    pub notes: String,
    pub concerns: String,
    pub confidential: bool,
    pub actions: Vec<ActionFormDto>,
}

impl SessionFormDto {
    pub fn from_form(f: &SessionForm) -> SessionFormDto {
        SessionFormDto {
            appointment_id: f.appointment_id.clone(),
            held_on: f.held_on.clone(),
            starts_at: f.starts_at.clone(),
            minutes: f.minutes.clone(),
            place: f.place.clone(),
            present: f.present.clone(),
            pathways: f.pathways.clone(),
            interventions: f.interventions.clone(),
            notes: f.notes.clone(),
            concerns: f.concerns.clone(),
            confidential: f.confidential,
            actions: f
                .actions
                .iter()
                .map(|a| ActionFormDto {
                    what: a.what.clone(),
                    who: a.who.clone(),
                    partner_agency: a.partner_agency.clone(),
                    due_on: a.due_on.clone(),
                })
                .collect(),
        }
    }

    pub fn to_form(&self) -> SessionForm {
        SessionForm {
            appointment_id: self.appointment_id.clone(),
            held_on: self.held_on.clone(),
            starts_at: self.starts_at.clone(),
            minutes: self.minutes.clone(),
            place: self.place.clone(),
            present: self.present.clone(),
            pathways: self.pathways.clone(),
            interventions: self.interventions.clone(),
            notes: self.notes.clone(),
            concerns: self.concerns.clone(),
            confidential: self.confidential,
            actions: self
                .actions
                .iter()
                .map(|a| ActionForm {
                    what: a.what.clone(),
                    who: a.who.clone(),
                    partner_agency: a.partner_agency.clone(),
                    due_on: a.due_on.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveDraftRequest {
    /// Absent for a new draft; the UI may also make the id itself.
    pub draft_id: Option<String>,
    pub client_id: String,
    pub form: SessionFormDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionDraftDto {
    pub id: String,
    pub client_id: String,
    pub form: SessionFormDto,
    /// RFC 3339.
    pub started_at: String,
    pub saved_at: String,
}

impl SessionDraftDto {
    pub fn from_draft(d: &SessionDraft) -> SessionDraftDto {
        SessionDraftDto {
            id: d.id.to_string(),
            client_id: d.client.to_string(),
            form: SessionFormDto::from_form(&d.form),
            started_at: d.started_at.clone(),
            saved_at: d.saved_at.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftListedDto {
    pub draft: SessionDraftDto,
    pub given_name: String,
    pub family_name: String,
    pub author_id: String,
    pub author_name: Option<String>,
    /// Waiting more than 7 days to be signed off.
    pub stale: bool,
}

impl DraftListedDto {
    pub fn from_listed(d: &DraftListed) -> DraftListedDto {
        DraftListedDto {
            draft: SessionDraftDto::from_draft(&d.draft),
            given_name: d.given_name.as_str().to_owned(),
            family_name: d.family_name.as_str().to_owned(),
            author_id: d.draft.author.to_string(),
            author_name: d.author_name.clone(),
            stale: d.stale,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddendumDto {
    pub text: String,
    pub written_by: Option<String>,
    /// RFC 3339.
    pub written_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionRecordDto {
    pub id: String,
    pub client_id: String,
    pub appointment_id: Option<String>,
    pub held_on: String,
    pub starts_at: String,
    pub minutes: u32,
    pub place: String,
    pub present: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    /// Empty when the record is confidential and this account may not
    /// read it (`withheld`).
    pub notes: String,
    pub concerns: Option<String>,
    pub confidential: bool,
    pub withheld: bool,
    pub author_name: Option<String>,
    /// RFC 3339.
    pub signed_at: String,
    pub addenda: Vec<AddendumDto>,
}

impl SessionRecordDto {
    pub fn from_record(r: &SessionRecord) -> SessionRecordDto {
        SessionRecordDto {
            id: r.id.to_string(),
            client_id: r.client.to_string(),
            appointment_id: r.appointment.map(|a| a.to_string()),
            held_on: r.held_on.clone(),
            starts_at: r.starts_at.clone(),
            minutes: r.minutes,
            place: r.place.clone(),
            present: r.present.clone(),
            pathways: r.pathways.clone(),
            interventions: r.interventions.clone(),
            notes: r.notes.clone(),
            concerns: r.concerns.clone(),
            confidential: r.confidential,
            withheld: r.confidential && r.notes.is_empty(),
            author_name: r.author_name.clone(),
            signed_at: r.signed_at.clone(),
            addenda: r
                .addenda
                .iter()
                .map(|a| AddendumDto {
                    text: a.text.clone(),
                    written_by: a.written_by.clone(),
                    written_at: a.written_at.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignSessionRequest {
    pub draft_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddendumRequest {
    pub session_id: String,
    pub text: String,
}

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchNotesRequest {
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteFoundDto {
    pub session_id: String,
    pub client_id: String,
    pub given_name: String,
    pub family_name: String,
    pub held_on: String,
}

impl NoteFoundDto {
    pub fn from_found(n: &NoteFound) -> NoteFoundDto {
        NoteFoundDto {
            session_id: n.session.to_string(),
            client_id: n.client.to_string(),
            given_name: n.given_name.as_str().to_owned(),
            family_name: n.family_name.as_str().to_owned(),
            held_on: n.held_on.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionTemplateDto {
    pub id: String,
    pub name: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    pub notes: String,
}

impl SessionTemplateDto {
    pub fn from_template(t: &SessionTemplate) -> SessionTemplateDto {
        SessionTemplateDto {
            id: t.id.to_string(),
            name: t.name.clone(),
            pathways: t.pathways.clone(),
            interventions: t.interventions.clone(),
            notes: t.notes.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveTemplateRequest {
    /// Absent for a new template.
    pub template_id: Option<String>,
    pub name: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    pub notes: String,
    pub retired: bool,
}
