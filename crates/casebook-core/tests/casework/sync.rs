//! Casework between two computers: every row reaching the other, an
//! outcome recorded apart resolved once, a draft following a merge.

use super::*;

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

fn outcomes_of(items: &[casebook_core::sync::resolve_items::ResolveItem]) -> Vec<Outcome> {
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

    for device in [&mut a, &mut b] {
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
        assert_eq!(
            device
                .resolve_items_of_client(client, &SystemClock, &mut OsEntropy)
                .unwrap(),
            items
        );
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
