//! Booking with its warnings, bad input refused, absences on an order
//! counted, and what a partner sees of it.

use super::*;

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
