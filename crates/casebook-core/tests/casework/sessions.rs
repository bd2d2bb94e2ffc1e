//! Signed records, tasks and addenda, confidential notes and what they
//! produce, and the timeline.

use super::*;

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
        casebook_core::casework::session_records::CONFIDENTIAL_ACTION
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
