//! Booking, moving and recording what happened at appointments, the
//! warnings before a booking (clashes, and for a home visit the client's
//! safety flags), and the diary by day or week. Booking and recording need
//! full access to the client; every change is audited without its text.

use chrono::{NaiveDate, NaiveDateTime};

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::appointments::{
    Absence, AppointmentPlace, AppointmentText, AppointmentTimes, BookedSlot, Clash,
    NewAppointment, Outcome, RecordedOutcome, clashes,
};
use crate::domain::audit::AuditAction;
use crate::domain::compliance::is_order;
use crate::domain::ids::{AccountId, AppointmentId, ClientId};
use crate::domain::names::PersonName;
use crate::domain::resolve_items::ContestedSubject;
use crate::domain::safety_flags::SafetyFlagKind;
use crate::error::{CoreError, CoreResult};
use crate::store::value_versions::record_value_version;
use crate::store::{self, appointments::Appointment, safety_flags::SafetyFlag};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

const APPOINTMENTS_FORBIDDEN: &str =
    "book or change this client's appointments: it is allocated to another keyworker";

/// What someone booking should know first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingWarnings {
    pub clashes: Vec<Clash>,
    /// For a home visit: the client's active safety flags.
    pub safety_flags: Vec<SafetyFlag>,
    /// A home visit to a client with an active "lone visit not advised"
    /// flag (or any flag of risk to staff): go with a colleague.
    pub lone_visit_not_advised: bool,
}

/// One appointment in a diary, with the client's name and, for a home
/// visit, the safety warnings again on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiaryEntry {
    pub appointment: Appointment,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub safety_flags: Vec<SafetyFlag>,
    pub lone_visit_not_advised: bool,
}

/// Whose diary to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiaryOf {
    Me,
    Staff(AccountId),
    WholeUnit,
}

/// What a person entered about an appointment's outcome.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutcomeText<'a> {
    pub outcome: &'a str,
    pub reason: &'a str,
    /// `acceptable`, `unacceptable` or blank.
    pub absence: &'a str,
    pub absence_reason: &'a str,
    pub absence_note: &'a str,
    /// For a rescheduled appointment: the new times.
    pub new_starts_at: &'a str,
    pub new_ends_at: &'a str,
}

impl UnlockedUnit {
    fn staff_exist(&self, staff: &[AccountId]) -> CoreResult<()> {
        for id in staff {
            match store::accounts::find(&self.conn, *id)? {
                Some(account) if !account.disabled => {}
                _ => {
                    return Err(CoreError::invalid(
                        "One of the staff chosen is not an account of this unit any more. Choose again.",
                    ));
                }
            }
        }
        Ok(())
    }

    fn home_visit_flags(&self, client: ClientId) -> CoreResult<(Vec<SafetyFlag>, bool)> {
        let active: Vec<SafetyFlag> = store::safety_flags::for_client(&self.conn, client)?
            .into_iter()
            .filter(SafetyFlag::is_active)
            .collect();
        let lone = active.iter().any(|flag| {
            matches!(
                flag.kind,
                SafetyFlagKind::LoneVisitNotAdvised | SafetyFlagKind::RiskToStaff
            )
        });
        Ok((active, lone))
    }

    /// The warnings for a booking, before it is made (and for a move).
    pub fn booking_warnings(
        &self,
        client: ClientId,
        entered: &AppointmentText<'_>,
        staff: &[&str],
        moving: Option<AppointmentId>,
    ) -> CoreResult<BookingWarnings> {
        self.require_full_access_to(client, APPOINTMENTS_FORBIDDEN)?;
        let booking = NewAppointment::parse(entered, staff)?;
        let slot = BookedSlot {
            id: moving.map(|id| id.to_string()).unwrap_or_default(),
            client: client.to_string(),
            times: booking.times,
            room: booking.room.clone(),
            staff: booking.staff.clone(),
        };
        let booked: Vec<BookedSlot> =
            store::appointments::open_overlapping(&self.conn, booking.times)?
                .iter()
                .map(Appointment::slot)
                .collect();
        let (safety_flags, lone_visit_not_advised) = if booking.place == AppointmentPlace::HomeVisit
        {
            self.home_visit_flags(client)?
        } else {
            (Vec::new(), false)
        };
        Ok(BookingWarnings {
            clashes: clashes(&slot, &booked),
            safety_flags,
            lone_visit_not_advised,
        })
    }

    /// Books an appointment. Clashes and safety flags are warnings shown
    /// first ([`Self::booking_warnings`]); they do not stop a booking.
    pub fn book_appointment(
        &mut self,
        client: ClientId,
        entered: &AppointmentText<'_>,
        staff: &[&str],
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Appointment> {
        self.require_full_access_to(client, APPOINTMENTS_FORBIDDEN)?;
        let booking = NewAppointment::parse(entered, staff)?;
        self.staff_exist(&booking.staff)?;
        let id = AppointmentId(new_uuid_v7(clock, entropy));
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({
            "kind": booking.kind.as_str(),
            "place": booking.place.as_str(),
        });
        let audit = self.audit_record(
            AuditAction::AppointmentBooked,
            Some(client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "book the appointment")?;
        store::appointments::insert(&tx, stamp, id, client, self.account.id, &booking)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "book the appointment",
        )?;
        store::appointments::find(&self.conn, id)?
            .ok_or_else(|| CoreError::internal(&"a booking that did not save"))
    }

    fn open_appointment(&self, id: AppointmentId) -> CoreResult<Appointment> {
        let appointment = store::appointments::find(&self.conn, id)?
            .ok_or_else(store::appointments::no_such_appointment)?;
        self.require_full_access_to(appointment.client, APPOINTMENTS_FORBIDDEN)?;
        Ok(appointment)
    }

    /// Moves an appointment that has not happened yet to new times.
    pub fn move_appointment(
        &mut self,
        id: AppointmentId,
        starts_at: &str,
        ends_at: &str,
        room: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Appointment> {
        let appointment = self.open_appointment(id)?;
        if !appointment.is_open() {
            return Err(CoreError::invalid(
                "What happened at this appointment is already recorded, so it cannot be moved. Book a new one instead.",
            ));
        }
        let times = AppointmentTimes::parse(starts_at, ends_at)?;
        let room = Some(room.trim()).filter(|r| !r.is_empty());
        let stamp = self.stamp(clock);
        let detail = serde_json::json!({});
        let audit = self.audit_record(
            AuditAction::AppointmentMoved,
            Some(appointment.client),
            &detail,
            clock,
            entropy,
        );
        let tx = store::begin(&mut self.conn, "move the appointment")?;
        store::appointments::move_to(&tx, stamp, id, times, room)?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "move the appointment",
        )?;
        store::appointments::find(&self.conn, id)?
            .ok_or_else(store::appointments::no_such_appointment)
    }

    /// Records what happened: attended, did not attend, late and seen,
    /// cancelled by either side (which can be before the time), or
    /// rescheduled, which books the new appointment and links the two. For
    /// a client on an order, a missed appointment must be judged acceptable
    /// or not. Returns the appointment (and the new one, if rescheduled).
    pub fn record_appointment_outcome(
        &mut self,
        id: AppointmentId,
        entered: &OutcomeText<'_>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<(Appointment, Option<Appointment>)> {
        let appointment = self.open_appointment(id)?;
        let on_order = self
            .cohort_of(appointment.client)?
            .active()
            .into_iter()
            .any(is_order);
        let absence = Absence::parse(
            entered.absence,
            entered.absence_reason,
            entered.absence_note,
        )?;
        let recorded = RecordedOutcome::parse(
            entered.outcome,
            entered.reason,
            absence,
            appointment.times.starts,
            clock.local_now(),
            on_order,
        )?;
        if appointment.rescheduled_to.is_some() {
            return Err(CoreError::invalid(
                "This appointment was already moved to a new one. Record what happens there instead.",
            ));
        }
        let rebooking = if recorded.outcome == Outcome::Rescheduled {
            let times = AppointmentTimes::parse(entered.new_starts_at, entered.new_ends_at)?;
            Some(NewAppointment {
                times,
                kind: appointment.kind,
                place: appointment.place,
                room: appointment.room.clone(),
                staff: appointment.staff.clone(),
                other_attendees: appointment.other_attendees.clone(),
            })
        } else {
            None
        };
        let new_id = rebooking
            .as_ref()
            .map(|_| AppointmentId(new_uuid_v7(clock, entropy)));
        let stamp = self.stamp(clock);
        let state = store::appointments::outcome_state(
            &recorded,
            new_id,
            self.account.id,
            &stamp.at.to_rfc3339(),
        );
        let detail = serde_json::json!({
            "outcome": recorded.outcome.as_str(),
            "absence": recorded.absence.as_ref().map(Absence::as_str),
        });
        let audit = self.audit_record(
            AuditAction::AppointmentOutcomeRecorded,
            Some(appointment.client),
            &detail,
            clock,
            entropy,
        );
        let version_id = new_uuid_v7(clock, entropy);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save what happened")?;
        if let (Some(new_id), Some(rebooking)) = (new_id, &rebooking) {
            store::appointments::insert(&tx, stamp, new_id, appointment.client, me, rebooking)?;
        }
        store::appointments::set_outcome(&tx, stamp, id, &state)?;
        record_value_version(
            &tx,
            stamp,
            version_id,
            me,
            ContestedSubject::AppointmentOutcome,
            &id.to_string(),
            appointment.client,
            &state,
        )?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save what happened",
        )?;
        let updated = store::appointments::find(&self.conn, id)?
            .ok_or_else(store::appointments::no_such_appointment)?;
        let new = match new_id {
            Some(new_id) => store::appointments::find(&self.conn, new_id)?,
            None => None,
        };
        Ok((updated, new))
    }

    /// The diary from `first_day` for `days` days (1 for a day, 7 for a
    /// week). A keyworker sees their own; a manager anyone's or the whole
    /// unit's.
    pub fn diary(
        &self,
        whose: DiaryOf,
        first_day: NaiveDate,
        days: u32,
    ) -> CoreResult<Vec<DiaryEntry>> {
        self.require_case_role()?;
        if !(1..=31).contains(&days) {
            return Err(CoreError::invalid(
                "Show between 1 and 31 days of the diary.",
            ));
        }
        let manager = self.is_manager();
        let staff = match whose {
            DiaryOf::Me => Some(self.account.id),
            DiaryOf::Staff(id) if id == self.account.id || manager => Some(id),
            DiaryOf::WholeUnit if manager => None,
            _ => {
                return Err(CoreError::forbidden(
                    "see other people's diaries (managers can)",
                ));
            }
        };
        let from: NaiveDateTime = first_day.and_time(chrono::NaiveTime::MIN);
        let until = from + chrono::Duration::days(i64::from(days));
        let mut entries = Vec::new();
        for mut appointment in store::appointments::starting_between(&self.conn, from, until)? {
            if staff.is_some_and(|s| !appointment.staff.contains(&s)) {
                continue;
            }
            let Some(client) = store::clients::find(&self.conn, appointment.client)? else {
                continue;
            };
            // A partner booked on a joint appointment sees the slot, not the
            // case notes on its outcome; and nothing of a client who
            // withdrew consent to share with their agency.
            match self.access_to(&client) {
                crate::domain::access::ClientAccess::Withheld => continue,
                crate::domain::access::ClientAccess::Summary => {
                    appointment.outcome_reason = None;
                    appointment.absence_reason = None;
                    appointment.absence_note = None;
                }
                _ => {}
            }
            let (safety_flags, lone_visit_not_advised) =
                if appointment.place == AppointmentPlace::HomeVisit {
                    self.home_visit_flags(client.id)?
                } else {
                    (Vec::new(), false)
                };
            entries.push(DiaryEntry {
                appointment,
                given_name: client.given_name,
                family_name: client.family_name,
                safety_flags,
                lone_visit_not_advised,
            });
        }
        Ok(entries)
    }
}
