//! Casework through the core: booking appointments (with clash and
//! home-visit warnings), recording what happened (with absences judged for
//! clients on an order), drafts that survive a lock or a crash, signing off
//! session records (read-only, with tasks and addenda), confidential notes,
//! the timeline, and all of it syncing between two computers. Real
//! encrypted units, and a real folder for the share.
//!
//! The crash test runs this same binary again as a child with only
//! `child_saves_a_draft_until_killed` selected and the unit folder in an
//! environment variable; without that variable that function returns at
//! once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use casebook_core::appointment_records::{DiaryOf, OutcomeText};
use casebook_core::client_records::{ClientRecord, ClientView};
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
use casebook_core::resolve_items::ContestedValue;
use casebook_core::store::appointments::Appointment;
use casebook_core::store::session_records::SessionRecord;
use casebook_core::task_records::TaskChange;
use casebook_core::timeline::TimelineKind;
use casebook_core::unlocked_unit::UnlockedUnit;
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

#[test]
fn booking_warns_of_clashes_and_of_a_home_visit_not_to_make_alone() {
    let unit = Unit::new();
    let lee = account_id(&unit, "lee");
    let mut kim = unit.as_("kim");
    let me = kim.account().id;
    let dana = add_whitlock(&mut kim, "Dana");
    let jordan = add_whitlock(&mut kim, "Jordan");
    let now = at("2026-03-10T09:00");
    let first = book(
        &mut kim,
        dana,
        "2026-03-14T10:00",
        "2026-03-14T11:00",
        "office",
        "Room 2",
        &[me],
        &now,
    )
    .unwrap();
    assert!(first.is_open());
    assert_eq!(first.staff, [me]);
    assert_eq!(first.room.as_deref(), Some("Room 2"));
    assert_eq!(first.booked_by.as_deref(), Some("Staff Member"));

    let text = |starts, ends, place, room| AppointmentText {
        starts_at: starts,
        ends_at: ends,
        kind: "one_to_one",
        place,
        room,
        other_attendees: "",
    };
    let me_text = me.to_string();
    let lee_text = lee.to_string();
    // The same member of staff, overlapping.
    let warnings = kim
        .booking_warnings(
            jordan,
            &text("2026-03-14T10:30", "2026-03-14T11:30", "office", ""),
            &[&me_text],
            None,
        )
        .unwrap();
    assert_eq!(
        warnings.clashes,
        [Clash::Staff {
            appointment: first.id.to_string(),
            staff: me
        }]
    );
    assert!(warnings.safety_flags.is_empty() && !warnings.lone_visit_not_advised);
    // The same room, with someone else, spelt differently.
    let warnings = kim
        .booking_warnings(
            jordan,
            &text("2026-03-14T09:30", "2026-03-14T10:15", "office", " room 2 "),
            &[&lee_text],
            None,
        )
        .unwrap();
    assert_eq!(
        warnings.clashes,
        [Clash::Room {
            appointment: first.id.to_string()
        }]
    );
    // Straight after: no clash. Moving the booked one onto itself: none.
    let warnings = kim
        .booking_warnings(
            jordan,
            &text("2026-03-14T11:00", "2026-03-14T12:00", "office", "Room 2"),
            &[&me_text],
            None,
        )
        .unwrap();
    assert!(warnings.clashes.is_empty(), "{:?}", warnings.clashes);
    let warnings = kim
        .booking_warnings(
            dana,
            &text("2026-03-14T10:15", "2026-03-14T11:15", "office", "Room 2"),
            &[&me_text],
            Some(first.id),
        )
        .unwrap();
    assert!(warnings.clashes.is_empty(), "{:?}", warnings.clashes);

    // A home visit to a client not to be visited alone.
    kim.raise_safety_flag(
        jordan,
        &SafetyFlagText {
            kind: "lone_visit_not_advised",
            note: "Dog on the premises and a violent partner",
            review_by: "2026-04-10",
            ..SafetyFlagText::default()
        },
        &now,
        &mut OsEntropy,
    )
    .unwrap();
    let home = text("2026-03-14T14:00", "2026-03-14T15:00", "home_visit", "");
    let warnings = kim
        .booking_warnings(jordan, &home, &[&me_text], None)
        .unwrap();
    assert!(warnings.lone_visit_not_advised);
    assert_eq!(warnings.safety_flags.len(), 1);
    assert_eq!(
        warnings.safety_flags[0].kind,
        SafetyFlagKind::LoneVisitNotAdvised
    );
    assert!(warnings.clashes.is_empty());
    // At the office the flags are not a booking's business.
    let at_office = kim
        .booking_warnings(
            jordan,
            &text("2026-03-14T14:00", "2026-03-14T15:00", "office", ""),
            &[&me_text],
            None,
        )
        .unwrap();
    assert!(at_office.safety_flags.is_empty() && !at_office.lone_visit_not_advised);
    // The warnings do not stop the booking, and the diary repeats them.
    let visit = book(
        &mut kim,
        jordan,
        "2026-03-14T14:00",
        "2026-03-14T15:00",
        "home_visit",
        "",
        &[me],
        &now,
    )
    .unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    let diary = kim.diary(DiaryOf::Me, day, 1).unwrap();
    assert_eq!(
        diary.iter().map(|e| e.appointment.id).collect::<Vec<_>>(),
        [first.id, visit.id],
        "the day's appointments in time order"
    );
    assert!(!diary[0].lone_visit_not_advised && diary[0].safety_flags.is_empty());
    assert!(diary[1].lone_visit_not_advised);
    assert_eq!(diary[1].given_name.as_str(), "Jordan");
    assert_eq!(
        diary[1].safety_flags[0].kind,
        SafetyFlagKind::LoneVisitNotAdvised
    );
    assert!(
        kim.diary(DiaryOf::Me, day.succ_opt().unwrap(), 1)
            .unwrap()
            .is_empty()
    );
    let seen = record(&mut kim, jordan, &now);
    assert_eq!(
        seen.appointments.iter().map(|a| a.id).collect::<Vec<_>>(),
        [visit.id]
    );
    // Another keyworker reads the record but books nothing for it, and
    // sees only their own diary.
    kim.lock(&SystemClock, &mut OsEntropy);
    let mut lee_unit = unit.as_("lee");
    let refused = book(
        &mut lee_unit,
        jordan,
        "2026-03-15T10:00",
        "2026-03-15T11:00",
        "office",
        "",
        &[lee],
        &now,
    );
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    assert_eq!(
        lee_unit.diary(DiaryOf::Staff(me), day, 1).unwrap_err().code,
        ErrorCode::Forbidden
    );
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_nothing_changes() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let me = kim.account().id;
    let client = add_whitlock(&mut kim, "Dana");
    let now = at("2026-03-14T12:00");

    let before = counts(&kim);
    let backwards = book(
        &mut kim,
        client,
        "2026-03-14T10:00",
        "2026-03-14T09:00",
        "office",
        "",
        &[me],
        &now,
    );
    refused_with(backwards, "ends before it starts");
    let too_long = book(
        &mut kim,
        client,
        "2026-03-14T08:00",
        "2026-03-14T20:01",
        "office",
        "",
        &[me],
        &now,
    );
    refused_with(too_long, "at most 12 hours");
    assert_eq!(counts(&kim), before, "no appointment was booked");

    // A session dated in the future, a note left empty, an action due
    // before the day it is made: the draft is kept as typed, nothing is
    // signed, no task is made.
    let future = kim
        .save_session_draft(
            None,
            client,
            session_form("2026-03-15", "10:00", "Talked about the move."),
            &now,
            &mut OsEntropy,
        )
        .unwrap();
    let empty = kim
        .save_session_draft(
            None,
            client,
            session_form("2026-03-14", "10:00", "   "),
            &now,
            &mut OsEntropy,
        )
        .unwrap();
    let overdue = kim
        .save_session_draft(
            None,
            client,
            SessionForm {
                actions: vec![action("Ring the housing officer", "2026-03-13")],
                ..session_form("2026-03-14", "10:00", "Talked about the move.")
            },
            &now,
            &mut OsEntropy,
        )
        .unwrap();
    let drafts_before = kim.session_drafts(now.local_now()).unwrap();
    let before = counts(&kim);
    refused_with(
        kim.sign_session_record(future.id, &now, &mut OsEntropy),
        "cannot be dated in the future",
    );
    refused_with(
        kim.sign_session_record(empty.id, &now, &mut OsEntropy),
        "The note is empty",
    );
    refused_with(
        kim.sign_session_record(overdue.id, &now, &mut OsEntropy),
        "cannot be due before the day it is made",
    );
    // An addendum is for a signed record, not a draft.
    refused_with(
        kim.add_session_addendum(
            &future.id.to_string(),
            "The session was on the 15th, not the 14th.",
            &now,
            &mut OsEntropy,
        ),
        "change the draft itself",
    );
    assert_eq!(counts(&kim), before, "nothing was signed, no task was made");
    assert_eq!(
        kim.session_drafts(now.local_now()).unwrap(),
        drafts_before,
        "the drafts are as they were typed"
    );

    // What happened at an appointment still to come cannot be recorded,
    // except a cancellation.
    let later = book(
        &mut kim,
        client,
        "2026-03-20T10:00",
        "2026-03-20T11:00",
        "office",
        "",
        &[me],
        &now,
    )
    .unwrap();
    let before = counts(&kim);
    refused_with(
        outcome(
            &mut kim,
            later.id,
            OutcomeText {
                outcome: "attended",
                ..OutcomeText::default()
            },
            &now,
        ),
        "has not happened yet",
    );
    refused_with(
        outcome(
            &mut kim,
            later.id,
            OutcomeText {
                outcome: "cancelled_by_service",
                ..OutcomeText::default()
            },
            &now,
        ),
        "Give a reason",
    );
    assert_eq!(counts(&kim), before);
    assert_eq!(
        record(&mut kim, client, &now).appointments,
        std::slice::from_ref(&later)
    );
    let (cancelled, _) = outcome(
        &mut kim,
        later.id,
        OutcomeText {
            outcome: "cancelled_by_service",
            reason: "Keyworker off sick",
            ..OutcomeText::default()
        },
        &now,
    )
    .unwrap();
    assert_eq!(cancelled.outcome, Some(Outcome::CancelledByService));
    assert_eq!(
        cancelled.outcome_reason.as_deref(),
        Some("Keyworker off sick")
    );
    assert_eq!(cancelled.outcome_by.as_deref(), Some("Staff Member"));
}

#[test]
fn unacceptable_absences_on_a_drr_bring_a_warning_then_a_breach_referral() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let me = kim.account().id;
    let client = add_whitlock(&mut kim, "Dana");
    kim.set_cohort_flag(client, "drr", &at("2026-03-01T09:00"), &mut OsEntropy)
        .unwrap();
    let after = |day: &str| at(&format!("{day}T16:00"));
    let missed = |unit: &mut UnlockedUnit, day: &str| book_at_the_office(unit, client, day, me);

    let first = missed(&mut kim, "2026-03-10");
    let before = counts(&kim);
    // On an order, a missed appointment must be judged.
    refused_with(
        outcome(
            &mut kim,
            first.id,
            OutcomeText {
                outcome: "did_not_attend",
                ..OutcomeText::default()
            },
            &after("2026-03-10"),
        ),
        "on an order",
    );
    assert_eq!(counts(&kim), before);
    let seen = record(&mut kim, client, &after("2026-03-10"));
    assert!(seen.appointments[0].is_open(), "nothing was recorded");
    assert_eq!(seen.compliance.len(), 1);
    assert_eq!(seen.compliance[0].order, CohortFlag::Drr);
    assert_eq!(seen.compliance[0].unacceptable, 0);
    assert_eq!(seen.compliance[0].standing, Standing::Compliant);

    let (recorded, _) = outcome(
        &mut kim,
        first.id,
        OutcomeText {
            outcome: "did_not_attend",
            absence: "unacceptable",
            absence_note: "No contact, phone off",
            ..OutcomeText::default()
        },
        &after("2026-03-10"),
    )
    .unwrap();
    assert_eq!(recorded.outcome, Some(Outcome::DidNotAttend));
    assert_eq!(recorded.absence.as_deref(), Some("unacceptable"));
    let seen = record(&mut kim, client, &after("2026-03-10"));
    assert_eq!(seen.compliance[0].unacceptable, 1);
    assert_eq!(seen.compliance[0].standing, Standing::WarningDue);
    assert_eq!(
        seen.compliance[0].count_falls_on,
        NaiveDate::from_ymd_opt(2027, 3, 10)
    );

    // An acceptable absence is kept but not counted.
    let excused = missed(&mut kim, "2026-03-11");
    outcome(
        &mut kim,
        excused.id,
        OutcomeText {
            outcome: "did_not_attend",
            absence: "acceptable",
            absence_reason: "medical",
            ..OutcomeText::default()
        },
        &after("2026-03-11"),
    )
    .unwrap();
    let seen = record(&mut kim, client, &after("2026-03-11"));
    assert_eq!(seen.compliance[0].unacceptable, 1);
    assert_eq!(seen.compliance[0].standing, Standing::WarningDue);

    let second = missed(&mut kim, "2026-03-12");
    outcome(
        &mut kim,
        second.id,
        OutcomeText {
            outcome: "did_not_attend",
            absence: "unacceptable",
            ..OutcomeText::default()
        },
        &after("2026-03-12"),
    )
    .unwrap();
    let seen = record(&mut kim, client, &after("2026-03-12"));
    assert_eq!(seen.compliance[0].unacceptable, 2);
    assert_eq!(seen.compliance[0].standing, Standing::BreachReferralDue);
    // A year on, both have left the window.
    let seen = record(&mut kim, client, &after("2027-03-13"));
    assert_eq!(seen.compliance[0].unacceptable, 0);
    assert_eq!(seen.compliance[0].standing, Standing::Compliant);
}

#[test]
fn a_draft_is_still_there_after_the_unit_is_locked_and_opened_again() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = add_whitlock(&mut kim, "Dana");
    let first = kim
        .save_session_draft(
            None,
            client,
            session_form("", "", "Arrived late and"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let typed = SessionForm {
        actions: vec![ActionForm {
            what: "Ring the".into(),
            ..ActionForm::default()
        }],
        ..session_form("", "", "Arrived late and upset about the hostel")
    };
    let saved = kim
        .save_session_draft(
            Some(first.id),
            client,
            typed.clone(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(saved.id, first.id, "saving again keeps one draft");
    // No lock: the app is dropped as a crash would drop it.
    drop(kim);

    let kim = sign_in(unit.folder(), "kim", password_of("kim"));
    let drafts = kim.session_drafts(SystemClock.local_now()).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].draft.id, first.id);
    assert_eq!(
        drafts[0].draft.form, typed,
        "everything typed, half-typed too"
    );
    assert!(!drafts[0].stale);
    // Another keyworker does not see it (nor would a manager, until it
    // has waited a week).
    kim.lock(&SystemClock, &mut OsEntropy);
    let lee = unit.as_("lee");
    assert!(
        lee.session_drafts(SystemClock.local_now())
            .unwrap()
            .is_empty()
    );
    lee.lock(&SystemClock, &mut OsEntropy);
    let admin = unit.as_("admin");
    assert!(
        admin
            .session_drafts(SystemClock.local_now())
            .unwrap()
            .is_empty()
    );
    let week_on = SystemClock.local_now() + chrono::Duration::days(8);
    let stale = admin.session_drafts(week_on).unwrap();
    assert_eq!(stale.len(), 1);
    assert!(stale[0].stale);
}

const DRAFT_CHILD_UNIT: &str = "CASEBOOK_DRAFT_CRASH_UNIT";
const DRAFT_CHILD_CLIENT: &str = "CASEBOOK_DRAFT_CRASH_CLIENT";

/// The note after `n` saves: one word more each time.
fn note_of(n: usize) -> String {
    (1..=n)
        .map(|i| format!("word{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn words_in(note: &str) -> usize {
    note.split_whitespace().count()
}

fn saves_hinted(folder: &Path) -> usize {
    std::fs::read_to_string(folder.join("draft-crash-hint"))
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn child_saves_a_draft_until_killed() {
    let (Some(folder), Some(client)) = (
        std::env::var_os(DRAFT_CHILD_UNIT),
        std::env::var_os(DRAFT_CHILD_CLIENT),
    ) else {
        return;
    };
    let folder = Path::new(&folder);
    let client = ClientId::parse(&client.to_string_lossy()).unwrap();
    let mut kim = sign_in(folder, "kim", password_of("kim"));
    // Carry on typing into the draft already there, as the app would.
    let existing = kim
        .session_drafts(SystemClock.local_now())
        .unwrap()
        .into_iter()
        .next();
    let mut draft = existing.as_ref().map(|d| d.draft.id);
    let mut n = existing.map_or(0, |d| words_in(&d.draft.form.notes));
    loop {
        n += 1;
        let saved = kim
            .save_session_draft(
                draft,
                client,
                session_form("", "", &note_of(n)),
                &SystemClock,
                &mut OsEntropy,
            )
            .unwrap();
        draft = Some(saved.id);
        // Written to a new name and renamed, so a kill never leaves it
        // half written.
        let fresh = folder.join("draft-crash-hint.new");
        std::fs::write(&fresh, n.to_string()).unwrap();
        std::fs::rename(&fresh, folder.join("draft-crash-hint")).unwrap();
    }
}

#[test]
fn a_draft_saved_before_the_app_is_killed_is_kept_to_the_last_save() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = add_whitlock(&mut kim, "Dana");
    kim.lock(&SystemClock, &mut OsEntropy);

    // Until three kills have landed after the child began saving (the
    // wait grows while none has, however busy the machine).
    let mut delay = Duration::from_millis(400);
    let mut last = 0;
    let mut kills_mid_typing = 0;
    for round in 0..12u64 {
        if kills_mid_typing == 3 {
            break;
        }
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "child_saves_a_draft_until_killed",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DRAFT_CHILD_UNIT, unit.folder())
            .env(DRAFT_CHILD_CLIENT, client.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay + Duration::from_millis(round * 53));
        // SIGKILL: no chance to tidy up or lock.
        child.kill().unwrap();
        child.wait().unwrap();
        let hinted = saves_hinted(unit.folder());
        let kim = unit.as_("kim");
        let drafts = kim.session_drafts(SystemClock.local_now()).unwrap();
        kim.lock(&SystemClock, &mut OsEntropy);
        let words = match drafts.as_slice() {
            [] => 0,
            [draft] => {
                let words = words_in(&draft.draft.form.notes);
                assert_eq!(draft.draft.form.notes, note_of(words));
                words
            }
            more => panic!("round {round}: one draft, carried on, not {}", more.len()),
        };
        // Every save the child finished is there; the one it was making
        // when killed may be too (if it finished before its hint).
        assert!(
            words == hinted || words == hinted + 1,
            "round {round}: {words} words kept, {hinted} saves finished"
        );
        assert!(words >= last, "round {round}: a save made earlier was lost");
        if words == last {
            // Killed before it saved anything: give it longer.
            delay *= 2;
        } else {
            kills_mid_typing += 1;
        }
        last = words;
    }
    assert_eq!(
        kills_mid_typing, 3,
        "the child saved too little ({last} words) for the kills to land mid-typing"
    );
}

#[test]
fn a_signed_record_is_read_only_makes_tasks_and_keeps_its_addenda() {
    let unit = Unit::new();
    let lee = account_id(&unit, "lee");
    let ira = account_id(&unit, "ira");
    let mut kim = unit.as_("kim");
    let me = kim.account().id;
    let client = add_whitlock(&mut kim, "Dana");
    let now = at("2026-03-14T12:00");
    let typed = SessionForm {
        actions: vec![
            action("Ring the housing officer about the flat", "2026-03-21"),
            // A row left blank is no action.
            ActionForm::default(),
        ],
        concerns: "Talked of using again".into(),
        ..session_form(
            "2026-03-14",
            "10:00",
            "Talked about the move to the flat in Leith.",
        )
    };
    let draft = kim
        .save_session_draft(None, client, typed, &now, &mut OsEntropy)
        .unwrap();
    let signed = kim
        .sign_session_record(draft.id, &now, &mut OsEntropy)
        .unwrap();
    assert_eq!(signed.pathways, ["accommodation", "health"]);
    assert_eq!(signed.interventions, ["relapse_prevention"]);
    assert_eq!(signed.held_on, "2026-03-14");
    assert_eq!(signed.starts_at, "10:00");
    assert_eq!(signed.minutes, 50);
    assert_eq!(signed.author, me);
    assert_eq!(signed.author_name.as_deref(), Some("Staff Member"));
    assert_eq!(signed.concerns.as_deref(), Some("Talked of using again"));
    assert!(signed.addenda.is_empty());
    // The draft became the record: it is gone, and cannot be signed twice.
    assert!(kim.session_drafts(now.local_now()).unwrap().is_empty());
    let before = counts(&kim);
    refused_with(
        kim.sign_session_record(draft.id, &now, &mut OsEntropy),
        "not on this computer any more",
    );
    assert_eq!(counts(&kim), before);

    let seen = record(&mut kim, client, &now);
    assert_eq!(seen.sessions, std::slice::from_ref(&signed));
    assert_eq!(seen.tasks.len(), 1, "one task for the one action");
    let task = seen.tasks[0].clone();
    assert_eq!(task.what, "Ring the housing officer about the flat");
    assert_eq!(task.session, Some(signed.id));
    assert_eq!(task.owner, me);
    assert_eq!(task.due_on, NaiveDate::from_ymd_opt(2026, 3, 21).unwrap());
    assert!(task.is_open());
    let mine = kim.my_tasks(now.local_now().date()).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].task, task);
    assert!(!mine[0].overdue);
    assert!(
        kim.my_tasks(NaiveDate::from_ymd_opt(2026, 3, 22).unwrap())
            .unwrap()[0]
            .overdue
    );

    // A correction is an addendum, with who and when; the record is not
    // changed by it.
    let later = at("2026-03-15T09:30");
    let corrected = kim
        .add_session_addendum(
            &signed.id.to_string(),
            "The flat is in Portobello, not Leith.",
            &later,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(corrected.notes, signed.notes);
    assert_eq!(corrected.addenda.len(), 1);
    assert_eq!(
        corrected.addenda[0].text,
        "The flat is in Portobello, not Leith."
    );
    assert_eq!(
        corrected.addenda[0].written_by.as_deref(),
        Some("Staff Member")
    );
    assert!(
        corrected.addenda[0]
            .written_at
            .starts_with("2026-03-15T09:30"),
        "{}",
        corrected.addenda[0].written_at
    );
    let seen = record(&mut kim, client, &later);
    assert_eq!(seen.sessions, std::slice::from_ref(&corrected));
    refused_with(
        kim.add_session_addendum(&signed.id.to_string(), "ok", &later, &mut OsEntropy),
        "correction or addition",
    );

    // Tasks: done; cancelled only with a reason; given to someone else.
    let two = sign(
        &mut kim,
        client,
        SessionForm {
            actions: vec![
                action("Book a GP appointment", "2026-03-20"),
                action("Apply for a crisis grant", "2026-03-25"),
            ],
            ..session_form("2026-03-14", "11:00", "Went through the money worries.")
        },
        &now,
    );
    let tasks: Vec<_> = record(&mut kim, client, &now)
        .tasks
        .into_iter()
        .filter(|t| t.session == Some(two.id))
        .collect();
    assert_eq!(tasks.len(), 2);
    let done = kim
        .change_task(task.id, TaskChange::Done, &later, &mut OsEntropy)
        .unwrap();
    assert_eq!(done.status, "done");
    assert_eq!(done.closed_by.as_deref(), Some("Staff Member"));
    assert!(done.closed_at.is_some());
    refused_with(
        kim.change_task(task.id, TaskChange::Done, &later, &mut OsEntropy),
        "already done or cancelled",
    );
    let before = counts(&kim);
    refused_with(
        kim.change_task(
            tasks[0].id,
            TaskChange::Cancelled { reason: " " },
            &later,
            &mut OsEntropy,
        ),
        "Give a reason",
    );
    refused_with(
        kim.change_task(
            tasks[1].id,
            TaskChange::Reassigned {
                to: ira,
                reason: "Ira is handling the grants",
            },
            &later,
            &mut OsEntropy,
        ),
        "keyworker or a manager",
    );
    assert_eq!(counts(&kim), before);
    let cancelled = kim
        .change_task(
            tasks[0].id,
            TaskChange::Cancelled {
                reason: "Registered with a GP already",
            },
            &later,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(cancelled.status, "cancelled");
    assert_eq!(
        cancelled.status_reason.as_deref(),
        Some("Registered with a GP already")
    );
    let given = kim
        .change_task(
            tasks[1].id,
            TaskChange::Reassigned {
                to: lee,
                reason: "Lee runs the grants clinic",
            },
            &later,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(given.owner, lee);
    assert!(given.is_open());
    assert!(kim.my_tasks(later.local_now().date()).unwrap().is_empty());
    kim.lock(&SystemClock, &mut OsEntropy);

    // Lee may read the record but not add to it; the task given to Lee is
    // on Lee's list, and Lee may close it.
    let mut lee_unit = unit.as_("lee");
    let refused = lee_unit
        .add_session_addendum(
            &signed.id.to_string(),
            "Adding to someone else's record.",
            &later,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
    let theirs = lee_unit.my_tasks(later.local_now().date()).unwrap();
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].task.id, tasks[1].id);
    assert_eq!(theirs[0].given_name.as_str(), "Dana");
    lee_unit
        .change_task(tasks[1].id, TaskChange::Done, &later, &mut OsEntropy)
        .unwrap();
    assert!(
        lee_unit
            .my_tasks(later.local_now().date())
            .unwrap()
            .is_empty()
    );
    let seen = record(&mut lee_unit, client, &later);
    assert_eq!(seen.sessions.len(), 2);
    assert!(seen.tasks.iter().all(|t| !t.is_open()));
}

#[test]
fn a_confidential_note_is_read_only_by_its_author_and_managers() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = add_whitlock(&mut kim, "Dana");
    let now = at("2026-03-14T12:00");
    let open = sign(
        &mut kim,
        client,
        session_form(
            "2026-03-13",
            "10:00",
            "Talked about housing benefit arrears.",
        ),
        &now,
    );
    let confidential = sign(
        &mut kim,
        client,
        SessionForm {
            confidential: true,
            concerns: "Partner controls the money".into(),
            ..session_form(
                "2026-03-14",
                "10:00",
                "Disclosed a relapse and arrears with a dealer.",
            )
        },
        &now,
    );
    assert!(confidential.confidential);
    let found = |unit: &UnlockedUnit, words: &str| -> Vec<_> {
        unit.search_session_notes(words)
            .unwrap()
            .into_iter()
            .map(|f| f.session)
            .collect()
    };
    let notes = |record: &ClientRecord| -> Vec<(String, Option<String>)> {
        record
            .sessions
            .iter()
            .map(|s| (s.notes.clone(), s.concerns.clone()))
            .collect()
    };
    let whole = vec![
        (
            "Disclosed a relapse and arrears with a dealer.".to_owned(),
            Some("Partner controls the money".to_owned()),
        ),
        ("Talked about housing benefit arrears.".to_owned(), None),
    ];
    assert_eq!(notes(&record(&mut kim, client, &now)), whole);
    assert_eq!(found(&kim, "relapse"), [confidential.id]);
    assert_eq!(found(&kim, "housing"), [open.id]);
    let mut both = found(&kim, "arrears");
    both.sort();
    assert_eq!(both, {
        let mut ids = vec![open.id, confidential.id];
        ids.sort();
        ids
    });
    kim.lock(&SystemClock, &mut OsEntropy);

    // Another keyworker reads the record, but not the confidential note.
    let mut lee = unit.as_("lee");
    let seen = record(&mut lee, client, &now);
    assert_eq!(
        seen.access,
        casebook_core::domain::access::ClientAccess::ReadOnly
    );
    assert_eq!(
        notes(&seen),
        [
            (String::new(), None),
            ("Talked about housing benefit arrears.".to_owned(), None),
        ]
    );
    assert!(seen.sessions[0].confidential, "it is shown as withheld");
    assert_eq!(found(&lee, "housing"), [open.id]);
    assert_eq!(found(&lee, "arrears"), [open.id]);
    assert!(found(&lee, "relapse").is_empty());
    assert!(found(&lee, "dealer").is_empty());
    lee.lock(&SystemClock, &mut OsEntropy);

    // A manager reads it all.
    let mut admin = unit.as_("admin");
    assert_eq!(notes(&record(&mut admin, client, &now)), whole);
    assert_eq!(found(&admin, "relapse"), [confidential.id]);
    admin.lock(&SystemClock, &mut OsEntropy);

    // A partner finds no notes at all.
    let pat = unit.as_("pat");
    assert!(found(&pat, "housing").is_empty());
    assert!(found(&pat, "relapse").is_empty());
}

#[test]
fn a_confidential_records_addenda_are_withheld_like_its_notes() {
    let unit = Unit::new();
    let kim_id = account_id(&unit, "kim");
    let lee_id = account_id(&unit, "lee");
    let mut kim = unit.as_("kim");
    let client = add_whitlock(&mut kim, "Dana");
    let now = at("2026-03-14T12:00");
    let confidential = sign(
        &mut kim,
        client,
        SessionForm {
            confidential: true,
            ..session_form("2026-03-14", "10:00", "Disclosed a relapse on heroin.")
        },
        &now,
    );
    kim.add_session_addendum(
        &confidential.id.to_string(),
        "Correction: crack cocaine, not heroin.",
        &now,
        &mut OsEntropy,
    )
    .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);
    let texts = |record: &SessionRecord| -> Vec<String> {
        record.addenda.iter().map(|a| a.text.clone()).collect()
    };

    // Another keyworker sees that there is an addendum, by whom and when,
    // but not what it says.
    let mut lee = unit.as_("lee");
    let seen = record(&mut lee, client, &now).sessions.remove(0);
    assert_eq!(seen.notes, "");
    assert_eq!(texts(&seen), [""]);
    assert_eq!(seen.addenda[0].written_by.as_deref(), Some("Staff Member"));
    assert!(!seen.addenda[0].written_at.is_empty());
    lee.lock(&SystemClock, &mut OsEntropy);

    // A co-worker (full access, not the author) adding an addendum is not
    // shown the note in what comes back either.
    let mut admin = unit.as_("admin");
    admin
        .allocate_client(
            client,
            Some(kim_id),
            Some(lee_id),
            "Lee joins as co-worker",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
    let mut lee = unit.as_("lee");
    let returned = lee
        .add_session_addendum(
            &confidential.id.to_string(),
            "Client asked for a referral to the GP.",
            &now,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(returned.notes, "");
    assert_eq!(returned.concerns, None);
    assert_eq!(texts(&returned), ["", ""]);
    assert_eq!(record(&mut lee, client, &now).sessions, [returned]);
    lee.lock(&SystemClock, &mut OsEntropy);

    // Its author and a manager read every word.
    for username in ["kim", "admin"] {
        let mut reader = unit.as_(username);
        let seen = record(&mut reader, client, &now).sessions.remove(0);
        assert_eq!(seen.notes, "Disclosed a relapse on heroin.");
        assert_eq!(
            texts(&seen),
            [
                "Correction: crack cocaine, not heroin.",
                "Client asked for a referral to the GP."
            ]
        );
        reader.lock(&SystemClock, &mut OsEntropy);
    }
}

#[test]
fn the_timeline_holds_referral_appointments_session_and_rag_newest_first() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let me = kim.account().id;
    let client = add_whitlock(&mut kim, "Dana");
    let referred = at("2026-03-01T10:00");
    let referral = NewReferral::parse(
        "probation",
        "Probation officer",
        "2026-03-01",
        "09:00",
        "Heroin use",
        "",
        referred.local_now(),
    )
    .unwrap();
    let episodes = kim
        .receive_referral(client, &referral, &referred, &mut OsEntropy)
        .unwrap();
    let seen_on = book(
        &mut kim,
        client,
        "2026-03-05T10:00",
        "2026-03-05T11:00",
        "office",
        "",
        &[me],
        &at("2026-03-02T09:00"),
    )
    .unwrap();
    let coming = book(
        &mut kim,
        client,
        "2026-03-20T10:00",
        "2026-03-20T11:00",
        "office",
        "",
        &[me],
        &at("2026-03-02T09:05"),
    )
    .unwrap();
    outcome(
        &mut kim,
        seen_on.id,
        OutcomeText {
            outcome: "attended",
            ..OutcomeText::default()
        },
        &at("2026-03-05T12:00"),
    )
    .unwrap();
    let session = sign(
        &mut kim,
        client,
        session_form(
            "2026-03-06",
            "14:00",
            "First one-to-one after the referral.",
        ),
        &at("2026-03-06T16:00"),
    );
    kim.review_rag(
        client,
        "amber",
        "",
        "",
        &at("2026-03-07T09:00"),
        &mut OsEntropy,
    )
    .unwrap();

    let timeline = record(&mut kim, client, &at("2026-03-08T09:00")).timeline;
    let events: Vec<(&str, TimelineKind, &str, &str)> = timeline
        .iter()
        .map(|e| (e.at.as_str(), e.kind, e.event, e.detail.as_str()))
        .collect();
    assert_eq!(
        events,
        [
            (
                "2026-03-20T10:00",
                TimelineKind::Appointment,
                "appointment_booked",
                "one_to_one"
            ),
            (
                "2026-03-07T09:00",
                TimelineKind::Rag,
                "rag_reviewed",
                "amber"
            ),
            (
                "2026-03-06T14:00",
                TimelineKind::Session,
                "session_signed",
                "accommodation, health"
            ),
            (
                "2026-03-05T10:00",
                TimelineKind::Appointment,
                "appointment_outcome",
                "attended"
            ),
            (
                "2026-03-01T09:00",
                TimelineKind::Referral,
                "referral_received",
                "probation"
            ),
        ]
    );
    assert_eq!(timeline[0].id, coming.id.to_string());
    assert_eq!(timeline[2].id, session.id.to_string());
    assert_eq!(timeline[3].id, seen_on.id.to_string());
    assert_eq!(timeline[4].id, episodes[0].id.to_string());
}

/// kim's unit on two computers, both up to date, with a client of kim's.
struct TwoComputers {
    unit: Unit,
    _second: tempfile::TempDir,
    second_folder: std::path::PathBuf,
    share: tempfile::TempDir,
    client: ClientId,
}

fn two_computers() -> TwoComputers {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let second_folder = second.path().join("unit");
    let mut a = unit.as_("kim");
    let client = add_whitlock(&mut a, "Jordan");
    a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    a.lock(&SystemClock, &mut OsEntropy);
    copy_folder(unit.folder(), &second_folder);
    let mut b = unit.as_at(&second_folder, "kim");
    b.become_new_device(&SystemClock, &mut OsEntropy).unwrap();
    b.lock(&SystemClock, &mut OsEntropy);
    TwoComputers {
        unit,
        _second: second,
        second_folder,
        share,
        client,
    }
}

fn synced_counts(unit: &UnlockedUnit) -> Vec<u64> {
    [
        "appointments",
        "session_records",
        "session_addenda",
        "tasks",
    ]
    .into_iter()
    .map(|table| unit.synced_rows_count(table).unwrap())
    .collect()
}

#[test]
fn appointments_sessions_addenda_and_tasks_reach_the_other_computer() {
    let setup = two_computers();
    let client = setup.client;
    let mut a = setup.unit.as_("kim");
    let mut b = setup.unit.as_at(&setup.second_folder, "kim");
    let me = a.account().id;
    let now = at("2026-03-14T12:00");
    let seen_on = book(
        &mut a,
        client,
        "2026-03-14T10:00",
        "2026-03-14T11:00",
        "office",
        "Room 1",
        &[me],
        &now,
    )
    .unwrap();
    let coming = book(
        &mut a,
        client,
        "2026-03-21T10:00",
        "2026-03-21T11:00",
        "office",
        "Room 1",
        &[me],
        &now,
    )
    .unwrap();
    outcome(
        &mut a,
        seen_on.id,
        OutcomeText {
            outcome: "attended",
            ..OutcomeText::default()
        },
        &now,
    )
    .unwrap();
    let signed = sign(
        &mut a,
        client,
        SessionForm {
            appointment_id: seen_on.id.to_string(),
            actions: vec![
                action("Ring the housing officer", "2026-03-21"),
                action("Bring the tenancy letter", "2026-03-21"),
            ],
            ..session_form("2026-03-14", "10:00", "Talked about the tenancy in Leith.")
        },
        &now,
    );
    assert_eq!(signed.appointment, Some(seen_on.id));
    a.add_session_addendum(
        &signed.id.to_string(),
        "The tenancy starts on the 1st of April.",
        &now,
        &mut OsEntropy,
    )
    .unwrap();
    let task = record(&mut a, client, &now).tasks[0].id;
    a.change_task(task, TaskChange::Done, &now, &mut OsEntropy)
        .unwrap();
    assert_eq!(synced_counts(&a), [2, 1, 1, 2]);
    assert_eq!(synced_counts(&b), [0, 0, 0, 0]);

    exchange_twice(setup.share.path(), &mut a, &mut b);
    assert_eq!(synced_counts(&b), [2, 1, 1, 2]);
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );
    let on_a = record(&mut a, client, &now);
    let on_b = record(&mut b, client, &now);
    assert_eq!(on_b.appointments, on_a.appointments);
    assert_eq!(on_b.sessions, on_a.sessions);
    assert_eq!(on_b.tasks, on_a.tasks);
    assert_eq!(on_b.timeline, on_a.timeline);
    assert_eq!(on_b.sessions[0].addenda.len(), 1);
    assert_eq!(
        on_b.appointments.iter().map(|p| p.id).collect::<Vec<_>>(),
        [coming.id, seen_on.id]
    );
    assert_eq!(b.my_tasks(now.local_now().date()).unwrap().len(), 1);
    // The note came in whole, so it is found on the other computer too.
    let found: Vec<_> = b
        .search_session_notes("tenancy")
        .unwrap()
        .into_iter()
        .map(|f| f.session)
        .collect();
    assert_eq!(found, [signed.id]);
    let diary = b
        .diary(
            DiaryOf::Me,
            NaiveDate::from_ymd_opt(2026, 3, 21).unwrap(),
            1,
        )
        .unwrap();
    assert_eq!(diary.len(), 1);
    assert_eq!(diary[0].appointment.id, coming.id);

    // Done on the second computer, it is done on the first.
    let other = on_b.tasks.iter().find(|t| t.is_open()).unwrap().id;
    b.change_task(other, TaskChange::Done, &now, &mut OsEntropy)
        .unwrap();
    exchange_twice(setup.share.path(), &mut a, &mut b);
    assert!(a.my_tasks(now.local_now().date()).unwrap().is_empty());
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );

    // A third computer joining from a snapshot holds them too, and its
    // search finds the note.
    a.lock(&SystemClock, &mut OsEntropy);
    let mut a = setup.unit.as_("admin");
    a.connect_share(setup.share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    a.write_snapshot(setup.share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let third = tempfile::tempdir().unwrap();
    let mut c = common::join_as(setup.share.path(), third.path(), "kim");
    let found: Vec<_> = c
        .search_session_notes("tenancy")
        .unwrap()
        .into_iter()
        .map(|f| f.session)
        .collect();
    assert_eq!(found, [signed.id]);
    assert_eq!(record(&mut c, client, &now).sessions, on_a.sessions);
    a.receive_changes(setup.share.path(), &SystemClock).unwrap();
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        c.synced_rows_digest().unwrap()
    );
}

fn outcomes_of(items: &[casebook_core::resolve_items::ResolveItem]) -> Vec<Outcome> {
    items[0]
        .options
        .iter()
        .map(|option| match &option.value {
            ContestedValue::AppointmentOutcome { outcome, .. } => *outcome,
            other => panic!("not an outcome: {other:?}"),
        })
        .collect()
}

#[test]
fn an_outcome_recorded_differently_apart_is_resolved_once_for_both() {
    let setup = two_computers();
    let client = setup.client;
    let mut a = setup.unit.as_("kim");
    let mut b = setup.unit.as_at(&setup.second_folder, "kim");
    let me = a.account().id;
    // Yesterday, so that what happened can be recorded now; the real
    // clock, so that which side is later is the order they were made in.
    let yesterday = day_text(today() - chrono::Duration::days(1));
    let agreed = book(
        &mut a,
        client,
        &format!("{yesterday}T09:00"),
        &format!("{yesterday}T10:00"),
        "office",
        "",
        &[me],
        &SystemClock,
    )
    .unwrap();
    let disputed = book(
        &mut a,
        client,
        &format!("{yesterday}T14:00"),
        &format!("{yesterday}T15:00"),
        "office",
        "",
        &[me],
        &SystemClock,
    )
    .unwrap();
    exchange_twice(setup.share.path(), &mut a, &mut b);

    // Apart: the same outcome for one appointment, different ones for the
    // other.
    let attended = OutcomeText {
        outcome: "attended",
        ..OutcomeText::default()
    };
    outcome(&mut a, agreed.id, attended, &SystemClock).unwrap();
    outcome(&mut b, agreed.id, attended, &SystemClock).unwrap();
    outcome(&mut a, disputed.id, attended, &SystemClock).unwrap();
    std::thread::sleep(Duration::from_millis(5));
    outcome(
        &mut b,
        disputed.id,
        OutcomeText {
            outcome: "did_not_attend",
            ..OutcomeText::default()
        },
        &SystemClock,
    )
    .unwrap();
    exchange_twice(setup.share.path(), &mut a, &mut b);

    for device in [&a, &b] {
        let items = device.resolve_items().unwrap();
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].subject, ContestedSubject::AppointmentOutcome);
        assert_eq!(items[0].subject_id, disputed.id.to_string());
        assert_eq!(items[0].client, client);
        assert_eq!(
            outcomes_of(&items),
            [Outcome::DidNotAttend, Outcome::Attended],
            "both sides, the later first"
        );
        assert!(items[0].options[0].in_effect);
        assert_eq!(device.resolve_items_of_client(client).unwrap(), items);
    }
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );
    let shown = |unit: &mut UnlockedUnit| {
        record(unit, client, &SystemClock)
            .appointments
            .into_iter()
            .find(|p| p.id == disputed.id)
            .unwrap()
            .outcome
    };
    assert_eq!(
        shown(&mut a),
        Some(Outcome::DidNotAttend),
        "the later stands"
    );

    // Chosen on the first computer: closed there at once, and on the other
    // once it syncs.
    let item = a.resolve_items().unwrap().remove(0);
    a.resolve(
        item.subject,
        &item.subject_id,
        &item.options[1].version_id,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    assert!(a.resolve_items().unwrap().is_empty());
    assert_eq!(shown(&mut a), Some(Outcome::Attended));
    assert_eq!(b.resolve_items().unwrap().len(), 1);
    exchange_twice(setup.share.path(), &mut a, &mut b);
    assert!(b.resolve_items().unwrap().is_empty());
    assert_eq!(shown(&mut b), Some(Outcome::Attended), "the choice stands");
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );
}

#[test]
fn a_draft_follows_its_client_merged_on_another_computer() {
    let setup = two_computers();
    let kept = setup.client;
    let mut a = setup.unit.as_("kim");
    let merged = add_whitlock(&mut a, "Jordon");
    let mut b = setup.unit.as_at(&setup.second_folder, "kim");
    exchange_twice(setup.share.path(), &mut a, &mut b);
    a.lock(&SystemClock, &mut OsEntropy);
    let typed = session_form(
        &day_text(today()),
        "00:00",
        "Written up on the laptop before the merge.",
    );
    let draft = b
        .save_session_draft(None, merged, typed.clone(), &SystemClock, &mut OsEntropy)
        .unwrap();

    // The manager finds the two are the same person, on the other computer.
    let mut manager = setup.unit.as_("admin");
    manager
        .merge_clients(
            kept,
            merged,
            "Same person, name mistyped at the front desk",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    exchange_twice(setup.share.path(), &mut manager, &mut b);

    // The draft is still listed, on the record kept, and signs off there.
    let drafts = b.session_drafts(SystemClock.local_now()).unwrap();
    assert_eq!(drafts.len(), 1, "the draft is still listed");
    assert_eq!(drafts[0].draft.id, draft.id);
    assert_eq!(drafts[0].draft.form, typed);
    assert_eq!(drafts[0].given_name.as_str(), "Jordan");
    let signed = b
        .sign_session_record(draft.id, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(signed.client, kept);
    exchange_twice(setup.share.path(), &mut manager, &mut b);
    assert_eq!(record(&mut manager, kept, &SystemClock).sessions, [signed]);
}

/// A partner (police or probation in the unit) sees when the client is next
/// expected and where they stand on their order, and nothing written about
/// them: no outcome reasons, notes, sessions or tasks.
#[test]
fn a_partner_sees_the_next_appointment_and_compliance_but_no_casework() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let me = kim.account().id;
    let client = add_whitlock(&mut kim, "Dana");
    kim.set_cohort_flag(client, "drr", &at("2026-03-01T09:00"), &mut OsEntropy)
        .unwrap();
    let booked = |unit: &mut UnlockedUnit, day: &str| book_at_the_office(unit, client, day, me);
    let missed = booked(&mut kim, "2026-03-10");
    booked(&mut kim, "2026-03-20");
    booked(&mut kim, "2026-03-13");
    outcome(
        &mut kim,
        missed.id,
        OutcomeText {
            outcome: "did_not_attend",
            absence: "unacceptable",
            absence_note: "Said he was at his sister's",
            ..OutcomeText::default()
        },
        &at("2026-03-10T16:00"),
    )
    .unwrap();
    drop(kim);

    let mut pat = unit.as_("pat");
    let view = pat
        .view_client(client, &at("2026-03-12T09:00"), &mut OsEntropy)
        .unwrap();
    let ClientView::Summary(summary) = view else {
        panic!("a partner gets the summary");
    };
    let next = summary
        .next_appointment
        .clone()
        .expect("the next appointment");
    assert_eq!(
        next.times.starts.format("%Y-%m-%dT%H:%M").to_string(),
        "2026-03-13T10:00"
    );
    assert_eq!(summary.compliance.len(), 1);
    assert_eq!(summary.compliance[0].unacceptable, 1);
    assert_eq!(summary.compliance[0].standing, Standing::WarningDue);
    // The summary type has no place for the note; its debug text shows
    // nothing of it either.
    assert!(!format!("{summary:?}").contains("sister"));
}

/// An action agreed in a confidential session can say as much as the note:
/// another keyworker sees that there is a task, not what it is, on the
/// record and on the timeline; the one it is given to reads it. Tasks go
/// only to staff who hold casework, never to a partner.
#[test]
fn an_action_from_a_confidential_session_is_withheld_like_the_note() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = add_whitlock(&mut kim, "Dana");
    let now = at("2026-03-14T12:00");
    sign(
        &mut kim,
        client,
        SessionForm {
            confidential: true,
            actions: vec![action("Book the sexual health clinic", "2026-03-20")],
            ..session_form("2026-03-14", "10:00", "Disclosed a risk at home.")
        },
        &now,
    );
    let task = record(&mut kim, client, &now).tasks[0].clone();
    assert_eq!(task.what, "Book the sexual health clinic");
    let pat_id = account_id(&unit, "pat");
    refused_with(
        kim.change_task(
            task.id,
            TaskChange::Reassigned {
                to: pat_id,
                reason: "Police to follow up",
            },
            &now,
            &mut OsEntropy,
        ),
        "keyworker or a manager",
    );
    drop(kim);

    let mut lee = unit.as_("lee");
    let seen = record(&mut lee, client, &now);
    assert_eq!(
        seen.tasks[0].what,
        casebook_core::session_notes::CONFIDENTIAL_ACTION
    );
    assert!(
        !format!("{:?}", seen.timeline).contains("sexual health"),
        "the timeline names the task as the record does"
    );
    drop(lee);

    let mut admin = unit.as_("admin");
    let lee_id = account_id(&unit, "lee");
    admin
        .change_task(
            task.id,
            TaskChange::Reassigned {
                to: lee_id,
                reason: "Kim is on leave this week",
            },
            &now,
            &mut OsEntropy,
        )
        .unwrap();
    drop(admin);
    let mut lee = unit.as_("lee");
    let mine = lee.my_tasks(now.0.date_naive()).unwrap();
    assert_eq!(mine[0].task.what, "Book the sexual health clinic");
    let seen = record(&mut lee, client, &now);
    assert_eq!(seen.tasks[0].what, "Book the sexual health clinic");
}
