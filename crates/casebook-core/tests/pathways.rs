//! Seven pathways assessments, support plans and cohort outcomes through
//! the core, with real encrypted units and a real folder for the share:
//! every bad input refused with nothing changed, a review that keeps the
//! plan as it stood, goals whose actions become tasks, what is due next,
//! both computers ending with the same assessments and plans, and the
//! cohort page's figures (the 2016 report's −37.8 % among them).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clients::client_records::{ClientRecord, ClientView};
use casebook_core::clock::{Clock, FixedClock, OsEntropy, SystemClock};
use casebook_core::domain::assessments::{
    AssessmentForm, AssessmentKind, GoalForm, PathwayEntryForm,
};
use casebook_core::domain::ids::{ClientId, EpisodeId};
use casebook_core::domain::referrals::{NewReferral, ReferralRoute};
use casebook_core::domain::session_records::{ActionForm, Pathway};
use casebook_core::error::{CoreError, ErrorCode};
use casebook_core::reports::cohort_outcomes::{CohortFilter, CohortOutcomes};
use casebook_core::unit::unlocked::UnlockedUnit;
use chrono::{NaiveDate, NaiveDateTime};
use common::{Unit, add_whitlock, copy_folder, exchange_twice};

fn at(time: &str) -> FixedClock {
    FixedClock(
        NaiveDateTime::parse_from_str(time, "%Y-%m-%dT%H:%M")
            .unwrap()
            .and_utc(),
    )
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn record(unit: &mut UnlockedUnit, client: ClientId, clock: &dyn Clock) -> ClientRecord {
    match unit.view_client(client, clock, &mut OsEntropy).unwrap() {
        ClientView::Record(record) => *record,
        ClientView::Summary(_) => panic!("this account reads the whole record"),
    }
}

fn counts(unit: &UnlockedUnit) -> Vec<(&'static str, i64)> {
    [
        "assessments",
        "assessment_addenda",
        "assessment_drafts",
        "plan_goals",
        "plan_reviews",
        "tasks",
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

fn form(kind: &str, on: &str, scores: [u8; 7]) -> AssessmentForm {
    AssessmentForm {
        kind: kind.into(),
        assessed_on: on.into(),
        pathways: Pathway::ALL
            .iter()
            .zip(scores)
            .map(|(p, s)| PathwayEntryForm {
                pathway: p.as_str().into(),
                score: s.to_string(),
                ..PathwayEntryForm::default()
            })
            .collect(),
        termination_while_open: false,
    }
}

/// A client referred by `route` on 1 March 2026 and picked up on the 2nd.
fn referred_client(unit: &mut UnlockedUnit, given: &str, route: &str) -> (ClientId, EpisodeId) {
    let client = add_whitlock(unit, given);
    let clock = at("2026-03-01T10:00");
    let referral = NewReferral::parse(
        route,
        "Referrer",
        "2026-03-01",
        "09:00",
        "Heroin use",
        "",
        clock.local_now(),
    )
    .unwrap();
    let episodes = unit
        .receive_referral(client, &referral, &clock, &mut OsEntropy)
        .unwrap();
    let episode = episodes[0].id;
    unit.record_pick_up(
        episode,
        "2026-03-02",
        "10:00",
        &at("2026-03-02T11:00"),
        &mut OsEntropy,
    )
    .unwrap();
    (client, episode)
}

fn sign(
    unit: &mut UnlockedUnit,
    client: ClientId,
    entered: &AssessmentForm,
    clock: &dyn Clock,
) -> Result<casebook_core::store::assessments::Assessment, CoreError> {
    unit.sign_assessment(client, entered, None, clock, &mut OsEntropy)
}

#[test]
fn an_episode_is_assessed_reviewed_and_ended_with_every_bad_input_refused() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let (client, _) = referred_client(&mut kim, "Dana", "probation");
    let now = at("2026-03-10T12:00");

    // Before any assessment, the initial one is due 14 days after pick-up.
    let due = record(&mut kim, client, &now).pathways.due.unwrap();
    assert_eq!(
        (due.kind, due.due_on, due.overdue),
        (AssessmentKind::Initial, day("2026-03-16"), false)
    );
    // The caseload shows it too, overdue once the day has passed.
    let caseload = kim
        .view_caseload(&at("2026-03-17T09:00"), &mut OsEntropy)
        .unwrap();
    let line = caseload.iter().find(|e| e.client.id == client).unwrap();
    let due_there = line.assessment_due.unwrap();
    assert_eq!(
        (due_there.kind, due_there.overdue),
        (AssessmentKind::Initial, true)
    );

    // A draft may leave pathways unscored; signing off may not.
    let mut partial = form("initial", "2026-03-09", [6, 7, 5, 8, 6, 4, 7]);
    partial.pathways[3].score = String::new();
    let draft = kim
        .save_assessment_draft(client, None, partial.clone(), &now, &mut OsEntropy)
        .unwrap();
    let before = counts(&kim);
    refused_with(
        kim.sign_assessment(client, &partial, Some(draft.id), &now, &mut OsEntropy),
        "One pathway has no score",
    );
    let mut out_of_range = form("initial", "2026-03-09", [6, 7, 5, 8, 6, 4, 7]);
    out_of_range.pathways[0].score = "11".into();
    refused_with(
        sign(&mut kim, client, &out_of_range, &now),
        "from 1 (no need) to 10",
    );
    refused_with(
        sign(
            &mut kim,
            client,
            &form("initial", "2026-02-30", [5; 7]),
            &now,
        ),
        "real date",
    );
    refused_with(
        sign(
            &mut kim,
            client,
            &form("initial", "2026-03-11", [5; 7]),
            &now,
        ),
        "future",
    );
    refused_with(
        sign(
            &mut kim,
            client,
            &form("review", "2026-03-09", [5; 7]),
            &now,
        ),
        "initial assessment first",
    );
    refused_with(
        sign(
            &mut kim,
            client,
            &form("termination", "2026-03-09", [5; 7]),
            &now,
        ),
        "initial assessment first",
    );
    let no_pathway = GoalForm {
        client_words: "Get my own flat".into(),
        who: "client".into(),
        target_on: "2026-06-01".into(),
        ..GoalForm::default()
    };
    refused_with(
        kim.save_plan_goal(client, None, &no_pathway, &now, &mut OsEntropy),
        "Choose the pathway",
    );
    assert_eq!(counts(&kim), before, "a refusal changes nothing");

    // The draft, completed, is signed; the draft goes.
    let mut complete = partial.clone();
    complete.pathways[3].score = "8".into();
    complete.pathways[3].client_score = "5".into();
    complete.pathways[3].evidence = "Using daily; says it is under control.".into();
    let initial = kim
        .sign_assessment(client, &complete, Some(draft.id), &now, &mut OsEntropy)
        .unwrap();
    assert_eq!(initial.kind, AssessmentKind::Initial);
    assert_eq!(initial.client_views.get("drugs_and_alcohol"), Some(&5));
    let pathways = record(&mut kim, client, &now).pathways;
    assert!(pathways.drafts.is_empty());
    assert_eq!(pathways.due.unwrap().kind, AssessmentKind::Review);
    assert_eq!(pathways.due.unwrap().due_on, day("2026-06-01"));
    refused_with(
        sign(
            &mut kim,
            client,
            &form("initial", "2026-03-10", [5; 7]),
            &now,
        ),
        "already has an initial",
    );

    // A goal with an action: the action is a task for the keyworker.
    let goal = kim
        .save_plan_goal(
            client,
            None,
            &GoalForm {
                pathway: "accommodation".into(),
                client_words: "Somewhere of my own by the summer".into(),
                keyworker_words: "Housing register and a supported tenancy".into(),
                who: "client".into(),
                target_on: "2026-07-01".into(),
                actions: vec![ActionForm {
                    what: "Fill in the housing register form together".into(),
                    who: "keyworker".into(),
                    due_on: "2026-03-20".into(),
                    ..ActionForm::default()
                }],
                ..GoalForm::default()
            },
            &now,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(goal.status, "not_started");
    let seen = record(&mut kim, client, &now);
    let task = seen.tasks.iter().find(|t| t.goal == Some(goal.id)).unwrap();
    assert_eq!(task.what, "Fill in the housing register form together");
    assert_eq!(task.owner, kim.account().id);

    // A review dated before the initial is refused; one after it keeps the
    // plan as it stood.
    let later = at("2026-05-20T12:00");
    refused_with(
        sign(
            &mut kim,
            client,
            &form("review", "2026-03-01", [4; 7]),
            &later,
        ),
        "before the initial assessment (9 March 2026)",
    );
    kim.save_plan_goal(
        client,
        Some(goal.id),
        &GoalForm {
            pathway: "accommodation".into(),
            client_words: "Somewhere of my own by the summer".into(),
            who: "client".into(),
            target_on: "2026-07-01".into(),
            status: "in_progress".into(),
            ..GoalForm::default()
        },
        &later,
        &mut OsEntropy,
    )
    .unwrap();
    sign(
        &mut kim,
        client,
        &form("review", "2026-05-19", [4, 6, 4, 5, 5, 3, 5]),
        &later,
    )
    .unwrap();
    let pathways = record(&mut kim, client, &later).pathways;
    assert_eq!(pathways.assessments.len(), 2);
    assert_eq!(pathways.plan_reviews.len(), 1);
    assert_eq!(pathways.plan_reviews[0].goals[0]["status"], "in_progress");
    assert_eq!(pathways.due.unwrap().due_on, day("2026-08-11"));

    // A termination while the episode is open is warned about, and goes
    // ahead when the keyworker confirms.
    let mut termination = form("termination", "2026-05-20", [3, 4, 3, 3, 4, 2, 3]);
    let before = counts(&kim);
    refused_with(sign(&mut kim, client, &termination, &later), "still open");
    assert_eq!(counts(&kim), before);
    termination.termination_while_open = true;
    let ended = sign(&mut kim, client, &termination, &later).unwrap();
    refused_with(
        sign(&mut kim, client, &termination, &later),
        "already has a termination",
    );

    // Signed assessments never change; an addendum corrects.
    let corrected = kim
        .add_assessment_addendum(
            ended.id,
            "Health score agreed with the GP's letter.",
            &later,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(corrected.addenda.len(), 1);
    assert_eq!(corrected.scores, ended.scores);
    refused_with(
        kim.add_assessment_addendum(ended.id, "ok", &later, &mut OsEntropy),
        "at least a few words",
    );
}

#[test]
fn only_those_who_work_with_the_client_assess_them_and_partners_see_no_scores() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let (client, _) = referred_client(&mut kim, "Dana", "probation");
    let kim_id = kim.account().id;
    let now = at("2026-03-10T12:00");
    kim.lock(&SystemClock, &mut OsEntropy);
    let mut admin = unit.as_("admin");
    admin
        .allocate_client(client, Some(kim_id), None, "", &SystemClock, &mut OsEntropy)
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
    let mut lee = unit.as_("lee");
    let refused = sign(
        &mut lee,
        client,
        &form("initial", "2026-03-09", [5; 7]),
        &now,
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
    let refused = lee
        .cohort_outcomes(&CohortFilter::default(), &now, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "cohorts are for managers"
    );
    lee.lock(&SystemClock, &mut OsEntropy);
    // A partner's summary has no place for assessments or a plan.
    let mut pat = unit.as_("pat");
    assert!(matches!(
        pat.view_client(client, &now, &mut OsEntropy).unwrap(),
        ClientView::Summary(_)
    ));
    let refused = sign(
        &mut pat,
        client,
        &form("initial", "2026-03-09", [5; 7]),
        &now,
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
}

/// Sets the episode's initial and termination assessments, and closes it.
fn assessed_episode(
    unit: &mut UnlockedUnit,
    given: &str,
    route: &str,
    initial: [u8; 7],
    termination: Option<[u8; 7]>,
) -> ClientId {
    let (client, episode) = referred_client(unit, given, route);
    sign(
        unit,
        client,
        &form("initial", "2026-03-05", initial),
        &at("2026-03-05T12:00"),
    )
    .unwrap();
    if let Some(termination) = termination {
        unit.close_episode(
            episode,
            "planned_completion",
            "",
            "2026-09-01",
            &at("2026-09-01T12:00"),
            &mut OsEntropy,
        )
        .unwrap();
        sign(
            unit,
            client,
            &form("termination", "2026-09-01", termination),
            &at("2026-09-01T13:00"),
        )
        .unwrap();
    }
    client
}

fn percent(fraction: f64) -> f64 {
    (fraction * 1000.0).round() / 10.0
}

#[test]
fn a_cohort_with_the_report_s_averages_improved_by_37_8_percent() {
    let unit = Unit::new();
    let mut admin = unit.as_("admin");
    // Two clients whose averages are the report's HIOMS table: initial
    // (5, 5, 5, 7, 5, 4, 6) and termination (3, 3, 3, 4, 4, 3, 3).
    assessed_episode(
        &mut admin,
        "Ash",
        "iom_panel",
        [4, 6, 5, 8, 5, 3, 6],
        Some([3, 2, 3, 4, 4, 3, 2]),
    );
    assessed_episode(
        &mut admin,
        "Bo",
        "iom_panel",
        [6, 4, 5, 6, 5, 5, 6],
        Some([3, 4, 3, 4, 4, 3, 4]),
    );
    // One still open with no termination: left out, not counted.
    assessed_episode(&mut admin, "Cal", "iom_panel", [9, 9, 9, 9, 9, 9, 9], None);
    // Another route, which the route filter leaves out.
    assessed_episode(
        &mut admin,
        "Di",
        "court",
        [2, 2, 2, 2, 2, 2, 2],
        Some([1, 1, 1, 1, 1, 1, 1]),
    );
    let now = at("2026-10-01T12:00");

    let iom = CohortFilter {
        route: Some(ReferralRoute::parse("iom_panel").unwrap()),
        ..CohortFilter::default()
    };
    let outcomes = admin.cohort_outcomes(&iom, &now, &mut OsEntropy).unwrap();
    assert_eq!((outcomes.counted, outcomes.left_out), (2, 1));
    assert_eq!(outcomes.initial, Some([5.0, 5.0, 5.0, 7.0, 5.0, 4.0, 6.0]));
    assert_eq!(
        outcomes.termination,
        Some([3.0, 3.0, 3.0, 4.0, 4.0, 3.0, 3.0])
    );
    assert_eq!(percent(outcomes.overall_improvement.unwrap()), -37.8);

    let everyone = admin
        .cohort_outcomes(&CohortFilter::default(), &now, &mut OsEntropy)
        .unwrap();
    assert_eq!((everyone.counted, everyone.left_out), (3, 1));

    // The period is when the episode ended.
    let closed_in_august = CohortFilter {
        closed_from: Some(day("2026-08-01")),
        closed_to: Some(day("2026-08-31")),
        ..CohortFilter::default()
    };
    let nobody: CohortOutcomes = admin
        .cohort_outcomes(&closed_in_august, &now, &mut OsEntropy)
        .unwrap();
    assert_eq!(nobody.counted, 0);
    assert_eq!(
        (
            nobody.initial,
            nobody.termination,
            nobody.overall_improvement
        ),
        (None, None, None)
    );
    refused_with(
        admin.cohort_outcomes(
            &CohortFilter {
                closed_from: Some(day("2026-09-01")),
                closed_to: Some(day("2026-08-01")),
                ..CohortFilter::default()
            },
            &now,
            &mut OsEntropy,
        ),
        "starts after it ends",
    );
}

#[test]
fn assessments_goals_and_plan_reviews_reach_the_other_computer() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let second_folder = second.path().join("unit");
    let mut a = unit.as_("kim");
    let (client, _) = referred_client(&mut a, "Jordan", "court");
    a.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    a.lock(&SystemClock, &mut OsEntropy);
    copy_folder(unit.folder(), &second_folder);
    let mut b = unit.as_at(&second_folder, "kim");
    b.become_new_device(&SystemClock, &mut OsEntropy).unwrap();

    let mut a = unit.as_("kim");
    let now = at("2026-05-10T12:00");
    sign(&mut a, client, &form("initial", "2026-03-05", [6; 7]), &now).unwrap();
    let goal = GoalForm {
        pathway: "health".into(),
        client_words: "See a dentist".into(),
        who: "client".into(),
        target_on: "2026-06-01".into(),
        ..GoalForm::default()
    };
    a.save_plan_goal(client, None, &goal, &now, &mut OsEntropy)
        .unwrap();
    sign(&mut a, client, &form("review", "2026-05-09", [5; 7]), &now).unwrap();
    // Meanwhile the other computer writes a goal of its own.
    b.save_plan_goal(
        client,
        None,
        &GoalForm {
            pathway: "finance_benefits_debt".into(),
            client_words: "Sort out my Universal Credit".into(),
            ..goal.clone()
        },
        &now,
        &mut OsEntropy,
    )
    .unwrap();
    exchange_twice(share.path(), &mut a, &mut b);
    for unit in [&mut a, &mut b] {
        let pathways = record(unit, client, &now).pathways;
        assert_eq!(pathways.assessments.len(), 2);
        assert_eq!(pathways.goals.len(), 2);
        assert_eq!(pathways.plan_reviews.len(), 1);
    }
    assert_eq!(
        a.synced_rows_digest().unwrap(),
        b.synced_rows_digest().unwrap()
    );
}
