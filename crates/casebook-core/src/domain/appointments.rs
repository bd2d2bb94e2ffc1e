//! Appointments: their kinds, places and outcomes, the checks on booking
//! and on recording what happened, and clashes for a person, a room or the
//! client. Times are local wall-clock times, as people type and read them.

use crate::domain::dates::parse_local_moment;
use chrono::{NaiveDate, NaiveDateTime};

use super::free_text::parse_free_text;
use super::ids::AccountId;
use crate::error::{CoreError, CoreResult};

/// The longest an appointment can last: a whole working day and then some.
/// Anything longer is a typing mistake.
pub const MAX_APPOINTMENT_MINUTES: i64 = 12 * 60;

macro_rules! closed_list {
    ($(#[$doc:meta])* $name:ident, $message:literal, [$($variant:ident => $code:literal),+ $(,)?]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn parse(text: &str) -> CoreResult<$name> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str() == text.trim())
                    .ok_or_else(|| CoreError::invalid($message))
            }
        }
    };
}

pub(crate) use closed_list;

closed_list!(
    /// What an appointment is for.
    AppointmentKind,
    "Choose what kind of appointment this is.",
    [
        Assessment => "assessment",
        OneToOne => "one_to_one",
        Review => "review",
        AdviceAndBriefIntervention => "advice_and_brief_intervention",
        Group => "group",
        DrugTest => "drug_test",
        ThreeWayWithProbation => "three_way_with_probation",
        CustodyVisit => "custody_visit",
        PrisonInReach => "prison_in_reach",
    ]
);

closed_list!(
    /// Where an appointment happens.
    AppointmentPlace,
    "Choose where the appointment is.",
    [
        Office => "office",
        SatelliteSite => "satellite_site",
        HomeVisit => "home_visit",
        PoliceCustody => "police_custody",
        Prison => "prison",
        Phone => "phone",
        Video => "video",
    ]
);

closed_list!(
    /// What happened to an appointment.
    Outcome,
    "Choose what happened at the appointment.",
    [
        Attended => "attended",
        DidNotAttend => "did_not_attend",
        ArrivedLateAndSeen => "arrived_late_and_seen",
        CancelledByClient => "cancelled_by_client",
        CancelledByService => "cancelled_by_service",
        Rescheduled => "rescheduled",
    ]
);

impl Outcome {
    /// Whether the client missed the appointment, so that for a client on
    /// an order the absence must be judged acceptable or not.
    pub fn is_missed(self) -> bool {
        matches!(self, Outcome::DidNotAttend | Outcome::CancelledByClient)
    }

    /// Whether the outcome can be recorded before the appointment's time:
    /// only a cancellation or a move can.
    pub fn may_precede_start(self) -> bool {
        matches!(
            self,
            Outcome::CancelledByClient | Outcome::CancelledByService | Outcome::Rescheduled
        )
    }

    /// Whether recording this outcome needs a reason: cancellations and
    /// moves.
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            Outcome::CancelledByClient | Outcome::CancelledByService | Outcome::Rescheduled
        )
    }
}

closed_list!(
    /// Why a missed appointment is an acceptable absence.
    AcceptableReason,
    "Choose why the absence is acceptable.",
    [
        Medical => "medical",
        Work => "work",
        Court => "court",
        ChildcareOrFamily => "childcare_or_family",
        Religious => "religious",
        Other => "other",
    ]
);

/// The judgement on a missed appointment of a client on an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Absence {
    Acceptable {
        reason: AcceptableReason,
        note: Option<String>,
    },
    Unacceptable {
        note: Option<String>,
    },
}

impl Absence {
    pub fn as_str(&self) -> &'static str {
        match self {
            Absence::Acceptable { .. } => "acceptable",
            Absence::Unacceptable { .. } => "unacceptable",
        }
    }

    /// `judgement` is `acceptable`, `unacceptable` or blank (not judged).
    pub fn parse(judgement: &str, reason: &str, note: &str) -> CoreResult<Option<Absence>> {
        let note = optional_text(note, 2000)?;
        match judgement.trim() {
            "" => Ok(None),
            "unacceptable" => Ok(Some(Absence::Unacceptable { note })),
            "acceptable" => {
                let reason = AcceptableReason::parse(reason)?;
                if reason == AcceptableReason::Other && note.is_none() {
                    return Err(CoreError::invalid(
                        "Say in a note why the absence is acceptable when the reason is \"other\".",
                    ));
                }
                Ok(Some(Absence::Acceptable { reason, note }))
            }
            _ => Err(CoreError::invalid(
                "Say whether the absence is acceptable or unacceptable.",
            )),
        }
    }
}

/// The first day of a diary as the page sends it (`YYYY-MM-DD`).
pub fn parse_diary_day(text: &str) -> CoreResult<NaiveDate> {
    crate::domain::dates::parse_day(text.trim())
        .map_err(|_| CoreError::invalid("Choose a real day for the diary."))
}

/// A local date and time as typed: `YYYY-MM-DDTHH:MM` (seconds allowed).
pub fn parse_local_time(text: &str, what: &str) -> CoreResult<NaiveDateTime> {
    let text = text.trim();
    parse_local_moment(text).map_err(|_| {
        CoreError::invalid(format!(
            "Enter the {what} as a real date and time, like 2026-03-14 09:30."
        ))
    })
}

/// How an appointment time is stored: sortable text, to the minute.
pub fn format_local_time(time: NaiveDateTime) -> String {
    time.format("%Y-%m-%dT%H:%M").to_string()
}

/// When an appointment starts and ends, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppointmentTimes {
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
}

impl AppointmentTimes {
    pub fn parse(starts: &str, ends: &str) -> CoreResult<AppointmentTimes> {
        let starts = parse_local_time(starts, "start")?;
        let ends = parse_local_time(ends, "end")?;
        if ends <= starts {
            return Err(CoreError::invalid(
                "The appointment ends before it starts. Check the start and end times.",
            ));
        }
        if (ends - starts).num_minutes() > MAX_APPOINTMENT_MINUTES {
            return Err(CoreError::invalid(
                "An appointment can last at most 12 hours. Check the start and end times.",
            ));
        }
        let earliest = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        if starts.date() < earliest {
            return Err(CoreError::invalid("Check the year of the appointment."));
        }
        Ok(AppointmentTimes { starts, ends })
    }

    pub fn overlaps(&self, other: &AppointmentTimes) -> bool {
        self.starts < other.ends && other.starts < self.ends
    }
}

/// What a person typed to book an appointment, before any checking.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppointmentText<'a> {
    pub starts_at: &'a str,
    pub ends_at: &'a str,
    pub kind: &'a str,
    pub place: &'a str,
    pub room: &'a str,
    pub other_attendees: &'a str,
}

/// An appointment as booked, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAppointment {
    pub times: AppointmentTimes,
    pub kind: AppointmentKind,
    pub place: AppointmentPlace,
    pub room: Option<String>,
    /// Casebook staff attending: at least one.
    pub staff: Vec<AccountId>,
    /// People from other agencies attending, as written.
    pub other_attendees: Option<String>,
}

impl NewAppointment {
    pub fn parse(entered: &AppointmentText<'_>, staff: &[&str]) -> CoreResult<NewAppointment> {
        let times = AppointmentTimes::parse(entered.starts_at, entered.ends_at)?;
        let kind = AppointmentKind::parse(entered.kind)?;
        let place = AppointmentPlace::parse(entered.place)?;
        let mut attending = Vec::new();
        for id in staff {
            let id = AccountId::parse(id)?;
            if !attending.contains(&id) {
                attending.push(id);
            }
        }
        if attending.is_empty() {
            return Err(CoreError::invalid(
                "Choose at least one member of staff to attend.",
            ));
        }
        Ok(NewAppointment {
            times,
            kind,
            place,
            room: optional_text(entered.room, 120)?,
            staff: attending,
            other_attendees: optional_text(entered.other_attendees, 500)?,
        })
    }
}

/// What happened, checked against when the appointment was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedOutcome {
    pub outcome: Outcome,
    pub reason: Option<String>,
    pub absence: Option<Absence>,
}

impl RecordedOutcome {
    /// `on_order` says whether the client is on an order or licence, so a
    /// missed appointment must be judged; `now` is the local time.
    pub fn parse(
        outcome: &str,
        reason: &str,
        absence: Option<Absence>,
        starts: NaiveDateTime,
        now: NaiveDateTime,
        on_order: bool,
    ) -> CoreResult<RecordedOutcome> {
        let outcome = Outcome::parse(outcome)?;
        if starts > now && !outcome.may_precede_start() {
            return Err(CoreError::invalid(
                "This appointment has not happened yet. Record what happened after it starts, or cancel or move it.",
            ));
        }
        let reason = optional_text(reason, 1000)?;
        if outcome.needs_reason() && reason.is_none() {
            return Err(CoreError::invalid(
                "Give a reason for the cancellation or the move.",
            ));
        }
        let absence = if outcome.is_missed() {
            if on_order && absence.is_none() {
                return Err(CoreError::invalid(
                    "This client is on an order: say whether the absence is acceptable or unacceptable.",
                ));
            }
            absence
        } else {
            None
        };
        Ok(RecordedOutcome {
            outcome,
            reason,
            absence,
        })
    }
}

/// An appointment as clash checks need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookedSlot {
    pub id: String,
    pub client: String,
    pub times: AppointmentTimes,
    pub room: Option<String>,
    pub staff: Vec<AccountId>,
}

/// Why a booking clashes with another appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// A member of staff is booked elsewhere at the same time.
    Staff {
        appointment: String,
        staff: AccountId,
    },
    /// The room is taken.
    Room { appointment: String },
    /// The client has another appointment at the same time.
    Client { appointment: String },
}

/// The clashes of a booking with the appointments already booked (those
/// still to happen: cancelled and moved ones should not be passed in).
/// Rooms match ignoring case and spaces at the ends.
pub fn clashes(booking: &BookedSlot, booked: &[BookedSlot]) -> Vec<Clash> {
    let same_room = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
        _ => false,
    };
    let mut found = Vec::new();
    for other in booked
        .iter()
        .filter(|o| o.id != booking.id && o.times.overlaps(&booking.times))
    {
        if other.client == booking.client {
            found.push(Clash::Client {
                appointment: other.id.clone(),
            });
        }
        for staff in booking.staff.iter().filter(|s| other.staff.contains(s)) {
            found.push(Clash::Staff {
                appointment: other.id.clone(),
                staff: *staff,
            });
        }
        if same_room(&booking.room, &other.room) {
            found.push(Clash::Room {
                appointment: other.id.clone(),
            });
        }
    }
    found
}

fn optional_text(text: &str, max: usize) -> CoreResult<Option<String>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_free_text(text, 1, max, "").map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        parse_local_time(text, "time").unwrap()
    }

    #[test]
    fn an_appointment_must_end_after_it_starts_and_last_at_most_twelve_hours() {
        let backwards = AppointmentTimes::parse("2026-03-14T10:00", "2026-03-14T09:00");
        assert!(
            backwards
                .unwrap_err()
                .message
                .contains("ends before it starts")
        );
        assert!(AppointmentTimes::parse("2026-03-14T10:00", "2026-03-14T10:00").is_err());
        let long = AppointmentTimes::parse("2026-03-14T08:00", "2026-03-14T20:01");
        assert!(long.unwrap_err().message.contains("12 hours"));
        assert!(AppointmentTimes::parse("2026-03-14T08:00", "2026-03-14T20:00").is_ok());
        assert!(AppointmentTimes::parse("2026-02-30T08:00", "2026-02-30T09:00").is_err());
        assert!(AppointmentTimes::parse("14/03/2026 8am", "2026-03-14T09:00").is_err());
    }

    #[test]
    fn an_outcome_cannot_be_recorded_before_the_appointment_unless_it_is_a_cancellation() {
        let starts = at("2026-03-14T10:00");
        let before = at("2026-03-14T09:59");
        let refused = RecordedOutcome::parse("attended", "", None, starts, before, false);
        assert!(refused.unwrap_err().message.contains("not happened yet"));
        assert!(
            RecordedOutcome::parse(
                "cancelled_by_service",
                "Staff ill",
                None,
                starts,
                before,
                false
            )
            .is_ok()
        );
        assert!(
            RecordedOutcome::parse("cancelled_by_service", " ", None, starts, before, false)
                .is_err()
        );
        assert!(RecordedOutcome::parse("attended", "", None, starts, starts, false).is_ok());
    }

    #[test]
    fn a_missed_appointment_on_an_order_must_be_judged() {
        let starts = at("2026-03-14T10:00");
        let after = at("2026-03-14T12:00");
        let unjudged = RecordedOutcome::parse("did_not_attend", "", None, starts, after, true);
        assert!(unjudged.unwrap_err().message.contains("on an order"));
        let judged = Absence::parse("unacceptable", "", "").unwrap();
        let outcome =
            RecordedOutcome::parse("did_not_attend", "", judged, starts, after, true).unwrap();
        assert_eq!(outcome.absence, Some(Absence::Unacceptable { note: None }));
        // Off an order, no judgement is asked; an attended one never keeps one.
        assert!(RecordedOutcome::parse("did_not_attend", "", None, starts, after, false).is_ok());
        let kept = Absence::parse("unacceptable", "", "").unwrap();
        let attended = RecordedOutcome::parse("attended", "", kept, starts, after, true).unwrap();
        assert_eq!(attended.absence, None);
    }

    #[test]
    fn an_acceptable_absence_needs_a_reason_and_other_needs_a_note() {
        assert!(Absence::parse("acceptable", "", "").is_err());
        assert!(Absence::parse("acceptable", "other", "").is_err());
        assert!(Absence::parse("acceptable", "other", "Funeral").is_ok());
        assert!(Absence::parse("acceptable", "medical", "").is_ok());
        assert!(Absence::parse("maybe", "", "").is_err());
        assert_eq!(Absence::parse("", "", "").unwrap(), None);
    }

    #[test]
    fn clashes_are_found_for_staff_rooms_and_the_client() {
        let ann = AccountId(uuid::Uuid::from_u128(1));
        let bob = AccountId(uuid::Uuid::from_u128(2));
        let slot =
            |id: &str, client: &str, from: &str, to: &str, room: Option<&str>, staff| BookedSlot {
                id: id.to_owned(),
                client: client.to_owned(),
                times: AppointmentTimes::parse(from, to).unwrap(),
                room: room.map(str::to_owned),
                staff,
            };
        let booking = slot(
            "new",
            "c1",
            "2026-03-14T10:00",
            "2026-03-14T11:00",
            Some("Room 2"),
            vec![ann],
        );
        let booked = vec![
            // Ends as the booking starts: no clash.
            slot(
                "a",
                "c2",
                "2026-03-14T09:00",
                "2026-03-14T10:00",
                Some("Room 2"),
                vec![ann],
            ),
            slot(
                "b",
                "c2",
                "2026-03-14T10:30",
                "2026-03-14T11:30",
                None,
                vec![ann, bob],
            ),
            slot(
                "c",
                "c3",
                "2026-03-14T10:45",
                "2026-03-14T11:15",
                Some(" room 2 "),
                vec![bob],
            ),
            slot(
                "d",
                "c1",
                "2026-03-14T10:15",
                "2026-03-14T10:30",
                None,
                vec![bob],
            ),
        ];
        let found = clashes(&booking, &booked);
        assert_eq!(
            found,
            vec![
                Clash::Staff {
                    appointment: "b".to_owned(),
                    staff: ann
                },
                Clash::Room {
                    appointment: "c".to_owned()
                },
                Clash::Client {
                    appointment: "d".to_owned()
                },
            ]
        );
    }
}
