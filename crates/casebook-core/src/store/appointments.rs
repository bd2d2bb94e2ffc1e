//! Appointments: booked, moved and given an outcome by updating the row.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::appointments::{
    Absence, AppointmentKind, AppointmentPlace, AppointmentTimes, BookedSlot, NewAppointment,
    Outcome, RecordedOutcome, format_local_time, parse_local_time,
};
use crate::domain::ids::{AccountId, AppointmentId, ClientId};
use crate::error::{CoreError, CoreResult};

/// An appointment as stored, with the names of who booked it and who
/// recorded its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appointment {
    pub id: AppointmentId,
    pub client: ClientId,
    pub times: AppointmentTimes,
    pub kind: AppointmentKind,
    pub place: AppointmentPlace,
    pub room: Option<String>,
    pub staff: Vec<AccountId>,
    pub other_attendees: Option<String>,
    pub booked_by: Option<String>,
    pub booked_at: String,
    pub outcome: Option<Outcome>,
    pub outcome_reason: Option<String>,
    /// `acceptable` or `unacceptable`, for a missed appointment.
    pub absence: Option<String>,
    pub absence_reason: Option<String>,
    pub absence_note: Option<String>,
    pub rescheduled_to: Option<AppointmentId>,
    pub outcome_by: Option<String>,
    pub outcome_at: Option<String>,
}

impl Appointment {
    /// Whether it still stands to happen (no outcome yet).
    pub fn is_open(&self) -> bool {
        self.outcome.is_none()
    }

    pub fn slot(&self) -> BookedSlot {
        BookedSlot {
            id: self.id.to_string(),
            client: self.client.to_string(),
            times: self.times,
            room: self.room.clone(),
            staff: self.staff.clone(),
        }
    }
}

fn failed(e: rusqlite::Error) -> CoreError {
    CoreError::from_sql(&e, "read the appointments")
}

fn staff_json(staff: &[AccountId]) -> String {
    serde_json::Value::from(staff.iter().map(ToString::to_string).collect::<Vec<_>>()).to_string()
}

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: AppointmentId,
    client: ClientId,
    booked_by: AccountId,
    appointment: &NewAppointment,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO appointments (id, client_id, starts_at, ends_at, kind, place, room, staff,
                                   other_attendees, booked_by, booked_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id.to_string(),
            client.to_string(),
            format_local_time(appointment.times.starts),
            format_local_time(appointment.times.ends),
            appointment.kind.as_str(),
            appointment.place.as_str(),
            appointment.room,
            staff_json(&appointment.staff),
            appointment.other_attendees,
            booked_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "book the appointment"))?;
    change_log::append(
        tx,
        stamp,
        "appointments",
        &id.to_string(),
        Operation::Insert,
    )
}

/// Moves an appointment to new times (and room).
pub fn move_to(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: AppointmentId,
    times: AppointmentTimes,
    room: Option<&str>,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "appointments", &id.to_string())?;
    tx.execute(
        "UPDATE appointments SET starts_at = ?2, ends_at = ?3, room = ?4, hlc = ?5, device_id = ?6
         WHERE id = ?1",
        params![
            id.to_string(),
            format_local_time(times.starts),
            format_local_time(times.ends),
            room,
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "move the appointment"))?;
    before.append(tx, stamp)
}

/// What a person records about what happened, as kept in a value version
/// (so two computers recording different outcomes apart make a resolve
/// item, and the choice can be put back exactly).
pub fn outcome_state(
    outcome: &RecordedOutcome,
    rescheduled_to: Option<AppointmentId>,
    by: AccountId,
    at: &str,
) -> serde_json::Value {
    let (absence, reason, note) = match &outcome.absence {
        None => (None, None, None),
        Some(Absence::Unacceptable { note }) => (Some("unacceptable"), None, note.clone()),
        Some(Absence::Acceptable { reason, note }) => {
            (Some("acceptable"), Some(reason.as_str()), note.clone())
        }
    };
    serde_json::json!({
        "outcome": outcome.outcome.as_str(),
        "outcome_reason": outcome.reason,
        "absence": absence,
        "absence_reason": reason,
        "absence_note": note,
        "rescheduled_to": rescheduled_to.map(|id| id.to_string()),
        "outcome_by": by.to_string(),
        "outcome_at": at,
    })
}

/// Sets an appointment's outcome from a state made by [`outcome_state`].
pub fn set_outcome(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: AppointmentId,
    state: &serde_json::Value,
) -> CoreResult<()> {
    let text = |name: &str| state.get(name).and_then(serde_json::Value::as_str);
    if text("outcome").is_none() {
        return Err(CoreError::internal(&"malformed appointment outcome"));
    }
    let before = change_log::before_update(tx, "appointments", &id.to_string())?;
    tx.execute(
        "UPDATE appointments SET outcome = ?2, outcome_reason = ?3, absence = ?4, absence_reason = ?5,
                                 absence_note = ?6, rescheduled_to = ?7, outcome_by = ?8, outcome_at = ?9,
                                 hlc = ?10, device_id = ?11
         WHERE id = ?1",
        params![
            id.to_string(),
            text("outcome"),
            text("outcome_reason"),
            text("absence"),
            text("absence_reason"),
            text("absence_note"),
            text("rescheduled_to"),
            text("outcome_by"),
            text("outcome_at"),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save what happened"))?;
    before.append(tx, stamp)
}

const SELECT: &str =
    "SELECT p.id, p.client_id, p.starts_at, p.ends_at, p.kind, p.place, p.room, p.staff,
        p.other_attendees, booker.full_name, p.booked_at, p.outcome, p.outcome_reason, p.absence,
        p.absence_reason, p.absence_note, p.rescheduled_to, recorder.full_name, p.outcome_at
     FROM appointments p
     LEFT JOIN accounts booker ON booker.id = p.booked_by
     LEFT JOIN accounts recorder ON recorder.id = p.outcome_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Appointment> {
    let bad = |what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("stored appointment {what}").into(),
        )
    };
    let text = |i: usize| row.get::<_, String>(i);
    let time = |i: usize| -> rusqlite::Result<NaiveDateTime> {
        parse_local_time(&text(i)?, "time").map_err(|_| bad("time"))
    };
    let staff: Vec<String> = serde_json::from_str(&text(7)?).map_err(|_| bad("staff"))?;
    Ok(Appointment {
        id: AppointmentId::parse(&text(0)?).map_err(|_| bad("id"))?,
        client: ClientId::parse(&text(1)?).map_err(|_| bad("client"))?,
        times: AppointmentTimes {
            starts: time(2)?,
            ends: time(3)?,
        },
        kind: AppointmentKind::parse(&text(4)?).map_err(|_| bad("kind"))?,
        place: AppointmentPlace::parse(&text(5)?).map_err(|_| bad("place"))?,
        room: row.get(6)?,
        staff: staff
            .iter()
            .filter_map(|id| AccountId::parse(id).ok())
            .collect(),
        other_attendees: row.get(8)?,
        booked_by: row.get(9)?,
        booked_at: text(10)?,
        outcome: row
            .get::<_, Option<String>>(11)?
            .map(|o| Outcome::parse(&o).map_err(|_| bad("outcome")))
            .transpose()?,
        outcome_reason: row.get(12)?,
        absence: row.get(13)?,
        absence_reason: row.get(14)?,
        absence_note: row.get(15)?,
        rescheduled_to: row
            .get::<_, Option<String>>(16)?
            .and_then(|id| AppointmentId::parse(&id).ok()),
        outcome_by: row.get(17)?,
        outcome_at: row.get(18)?,
    })
}

pub fn find(conn: &Connection, id: AppointmentId) -> CoreResult<Option<Appointment>> {
    conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))
        .and_then(|mut statement| statement.query_row([id.to_string()], from_row).optional())
        .map_err(failed)
}

pub fn no_such_appointment() -> CoreError {
    CoreError::invalid("That appointment is not in this unit any more. Look at the diary again.")
}

/// One client's appointments, latest first.
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<Appointment>> {
    let mut statement = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE p.client_id = ?1 ORDER BY p.starts_at DESC, p.id"
        ))
        .map_err(failed)?;
    let rows = statement
        .query_map([client.to_string()], from_row)
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// Every appointment starting from `from` up to (not including) `until`,
/// of clients whose records stand, in time order.
pub fn starting_between(
    conn: &Connection,
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> CoreResult<Vec<Appointment>> {
    let mut statement = conn
        .prepare_cached(&format!(
            "{SELECT} JOIN clients c ON c.id = p.client_id
             WHERE p.starts_at >= ?1 AND p.starts_at < ?2 AND c.merged_into IS NULL
               AND p.client_id NOT IN (SELECT client_id FROM deleted_clients)
             ORDER BY p.starts_at, p.id"
        ))
        .map_err(failed)?;
    let rows = statement
        .query_map(
            params![format_local_time(from), format_local_time(until)],
            from_row,
        )
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// Appointments still to happen that overlap `times`, for clash checks.
/// An appointment lasts at most 12 hours, so only those starting in the
/// 12 hours before can reach into it.
pub fn open_overlapping(
    conn: &Connection,
    times: AppointmentTimes,
) -> CoreResult<Vec<Appointment>> {
    let from = times.starts - chrono::Duration::hours(12);
    Ok(starting_between(conn, from, times.ends)?
        .into_iter()
        .filter(|a| a.is_open() && a.times.overlaps(&times))
        .collect())
}

/// The dates of a client's unacceptable absences.
pub fn unacceptable_absence_dates(
    conn: &Connection,
    client: ClientId,
) -> CoreResult<Vec<chrono::NaiveDate>> {
    Ok(for_client(conn, client)?
        .into_iter()
        .filter(|a| a.absence.as_deref() == Some("unacceptable"))
        .map(|a| a.times.starts.date())
        .collect())
}
