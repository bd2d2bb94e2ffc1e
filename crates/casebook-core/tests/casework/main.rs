//! Casework through the core: booking appointments (with clash and
//! home-visit warnings), recording what happened (with absences judged for
//! clients on an order), drafts that survive a lock or a crash, signing off
//! session records (read-only, with tasks and addenda), confidential notes,
//! the timeline, and all of it syncing between two computers. Real
//! encrypted units, and a real folder for the share.
//!
//! The crash test runs this same binary again as a child with only
//! `drafts::child_saves_a_draft_until_killed` selected and the unit folder in an
//! environment variable; without that variable that function returns at
//! once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod appointments;
#[path = "../common/mod.rs"]
mod common;
mod drafts;
mod sessions;
mod sync;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use casebook_core::casework::appointments::{DiaryOf, OutcomeText};
use casebook_core::casework::tasks::TaskChange;
use casebook_core::clients::client_records::{ClientRecord, ClientView};
use casebook_core::clients::timeline::TimelineKind;
use casebook_core::clock::{Clock, FixedClock, OsEntropy, SystemClock};
use casebook_core::domain::appointments::{AppointmentText, Clash, Outcome};
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::compliance::Standing;
use casebook_core::domain::ids::{AccountId, AppointmentId, ClientId};
use casebook_core::domain::referrals::NewReferral;
use casebook_core::domain::resolve_items::ContestedSubject;
use casebook_core::domain::safety_flags::{SafetyFlagKind, SafetyFlagText};
use casebook_core::domain::session_records::{ActionForm, SessionForm};
use casebook_core::error::{CoreError, ErrorCode};
use casebook_core::store::appointments::Appointment;
use casebook_core::store::session_records::SessionRecord;
use casebook_core::sync::resolve_items::ContestedValue;
use casebook_core::unit::unlocked::UnlockedUnit;
use chrono::{NaiveDate, NaiveDateTime};
use common::{Unit, add_whitlock, copy_folder, exchange_twice, password_of, sign_in};

/// A clock stopped at a local time written `YYYY-MM-DDTHH:MM` (the tests'
/// clocks say UTC and local alike).
fn at(time: &str) -> FixedClock {
    FixedClock(
        NaiveDateTime::parse_from_str(time, "%Y-%m-%dT%H:%M")
            .unwrap()
            .and_utc(),
    )
}

fn today() -> NaiveDate {
    SystemClock.local_now().date()
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The id of one of the unit's accounts.
fn account_id(unit: &Unit, username: &str) -> AccountId {
    let person = unit.as_(username);
    let id = person.account().id;
    person.lock(&SystemClock, &mut OsEntropy);
    id
}

fn record(unit: &mut UnlockedUnit, client: ClientId, clock: &dyn Clock) -> ClientRecord {
    match unit.view_client(client, clock, &mut OsEntropy).unwrap() {
        ClientView::Record(record) => *record,
        ClientView::Summary(_) => panic!("this account reads the whole record"),
    }
}

/// How many rows of each kind the unit holds: a refused change must leave
/// every count as it was (the change log and the audit trail included).
fn counts(unit: &UnlockedUnit) -> Vec<(&'static str, i64)> {
    [
        "appointments",
        "session_records",
        "session_addenda",
        "session_drafts",
        "tasks",
        "value_versions",
        "change_log",
        "audit_log",
    ]
    .into_iter()
    .map(|table| {
        let count = unit
            .connection()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .unwrap();
        (table, count)
    })
    .collect()
}

fn refused_with(result: Result<impl std::fmt::Debug, CoreError>, words: &str) {
    let error = result.expect_err("refused");
    assert_eq!(error.code, ErrorCode::InvalidInput, "{}", error.message);
    assert!(
        error.message.contains(words),
        "the message {:?} should say {words:?}",
        error.message
    );
}

#[allow(clippy::too_many_arguments)]
fn book(
    unit: &mut UnlockedUnit,
    client: ClientId,
    starts: &str,
    ends: &str,
    place: &str,
    room: &str,
    staff: &[AccountId],
    clock: &dyn Clock,
) -> Result<Appointment, CoreError> {
    let staff: Vec<String> = staff.iter().map(ToString::to_string).collect();
    let staff: Vec<&str> = staff.iter().map(String::as_str).collect();
    unit.book_appointment(
        client,
        &AppointmentText {
            starts_at: starts,
            ends_at: ends,
            kind: "one_to_one",
            place,
            room,
            other_attendees: "",
        },
        &staff,
        clock,
        &mut OsEntropy,
    )
}

/// An hour at the office from ten on `day` (`YYYY-MM-DD`), booked early in
/// March 2026.
fn book_at_the_office(
    unit: &mut UnlockedUnit,
    client: ClientId,
    day: &str,
    staff: AccountId,
) -> Appointment {
    book(
        unit,
        client,
        &format!("{day}T10:00"),
        &format!("{day}T11:00"),
        "office",
        "",
        &[staff],
        &at("2026-03-02T09:00"),
    )
    .unwrap()
}

fn outcome(
    unit: &mut UnlockedUnit,
    appointment: AppointmentId,
    entered: OutcomeText<'_>,
    clock: &dyn Clock,
) -> Result<(Appointment, Option<Appointment>), CoreError> {
    unit.record_appointment_outcome(appointment, &entered, clock, &mut OsEntropy)
}

fn session_form(held_on: &str, starts_at: &str, notes: &str) -> SessionForm {
    SessionForm {
        held_on: held_on.into(),
        starts_at: starts_at.into(),
        minutes: "50".into(),
        place: "office".into(),
        present: "Client and keyworker".into(),
        pathways: vec!["accommodation".into(), "health".into()],
        interventions: vec!["relapse_prevention".into()],
        notes: notes.into(),
        ..SessionForm::default()
    }
}

fn action(what: &str, due_on: &str) -> ActionForm {
    ActionForm {
        what: what.into(),
        who: "keyworker".into(),
        due_on: due_on.into(),
        ..ActionForm::default()
    }
}

/// Saves the form as a draft and signs it off.
fn sign(
    unit: &mut UnlockedUnit,
    client: ClientId,
    form: SessionForm,
    clock: &dyn Clock,
) -> SessionRecord {
    let draft = unit
        .save_session_draft(None, client, form, clock, &mut OsEntropy)
        .unwrap();
    unit.sign_session_record(draft.id, clock, &mut OsEntropy)
        .unwrap()
}
