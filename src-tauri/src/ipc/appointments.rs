//! Appointments and the diary: booking, the warnings before a booking,
//! moving, what happened, and the next appointment a partner sees. Kinds,
//! places and outcomes cross as the core's snake_case codes; the UI words
//! them.

use casebook_core::casework::appointments::{BookingWarnings, DiaryEntry};
use casebook_core::clients::client_records::NextAppointment;
use casebook_core::domain::appointments::Clash;
use casebook_core::store::appointments::Appointment;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::SafetyFlagDto;

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
