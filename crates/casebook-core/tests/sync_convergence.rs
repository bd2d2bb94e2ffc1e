//! The convergence property: whatever changes devices make while apart, and
//! in whatever order they send and receive, after a final full exchange
//! every device holds the same rows and shows the same resolve items. The
//! share misbehaves as shares do: bundles are copied under other names and
//! come into sight late and out of order. Real encrypted units, one per device,
//! exchanging bundles through a folder standing for the share.
//!
//! The ordinary test run takes 48 cases (24 of 2–4 devices, 24 of 5–6) of up
//! to 40 steps for each device; `make test` then runs 2,000 cases (1,000 of
//! each) of up to 200 steps for each device in a release build
//! (PROPTEST_CASES and CASEBOOK_CONVERGENCE_STEPS; see the README).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use casebook_core::casework::appointments::{DiaryOf, OutcomeText};
use casebook_core::clients::client_records::{ClientRecord, ClientView};
use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::appointments::AppointmentText;
use casebook_core::domain::assessments::{AssessmentForm, GoalForm, PathwayEntryForm};
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::ids::ClientId;
use casebook_core::domain::safety_flags::SafetyFlagText;
use casebook_core::domain::session_records::{ActionForm, Pathway, SessionForm};
use casebook_core::unit::unlocked::UnlockedUnit;
use common::{Unit, copy_folder, join_as};
use proptest::prelude::*;

const NAMES: [&str; 6] = ["Jordan", "Sam", "Ali", "Chris", "Dana", "Robin"];

#[derive(Debug, Clone)]
enum Step {
    Add {
        device: usize,
        name: usize,
    },
    Rename {
        device: usize,
        client: usize,
        name: usize,
    },
    Rate {
        device: usize,
        client: usize,
        rating: usize,
    },
    Flag {
        device: usize,
        client: usize,
    },
    Cohort {
        device: usize,
        client: usize,
        flag: usize,
    },
    Allocate {
        device: usize,
        client: usize,
        staff: usize,
    },
    ChangeFlag {
        device: usize,
        client: usize,
        end: bool,
    },
    Resolve {
        device: usize,
        side: usize,
    },
    Snapshot {
        device: usize,
    },
    Merge {
        device: usize,
        kept: usize,
        merged: usize,
    },
    Delete {
        device: usize,
        client: usize,
    },
    /// Books an appointment (yesterday, so what happened can be recorded).
    Book {
        device: usize,
        client: usize,
        hour: usize,
    },
    /// Records what happened at an appointment still open.
    Outcome {
        device: usize,
        appointment: usize,
        outcome: usize,
    },
    /// Writes up a session and signs it off, with one action agreed.
    Session {
        device: usize,
        client: usize,
    },
    /// Adds an addendum to a signed session record.
    Addendum {
        device: usize,
        session: usize,
    },
    /// Signs off a seven pathways assessment (initial, review or
    /// termination) dated some days ago. The clients have no episode, so
    /// a computer refuses a second initial or termination for a client,
    /// though computers apart may each sign one.
    Assess {
        device: usize,
        client: usize,
        kind: usize,
        scores: [u8; 7],
        days_ago: u64,
    },
    /// Adds an addendum to a signed assessment.
    AssessmentAddendum {
        device: usize,
        assessment: usize,
    },
    /// Adds a goal to a client's support plan, maybe with an action (which
    /// becomes a task).
    Goal {
        device: usize,
        client: usize,
        pathway: usize,
        action: bool,
    },
    /// Changes one field of a goal: its status (0–3) or its target date
    /// (4–5), so that computers apart change the same goal's fields.
    ChangeGoal {
        device: usize,
        goal: usize,
        change: usize,
    },
    /// A bundle on the share is copied under another name, as a file
    /// manager's "copy" would (it must be passed over).
    Duplicate {
        pick: usize,
    },
    /// A bundle on the share is out of sight for a while, as a share's cache
    /// can show files late and out of order.
    Delay {
        pick: usize,
    },
    /// Every delayed bundle comes into sight.
    Deliver,
    Send {
        device: usize,
    },
    Receive {
        device: usize,
    },
}

fn step(devices: usize) -> impl Strategy<Value = Step> {
    let d = 0..devices;
    prop_oneof![
        3 => (d.clone(), 0..NAMES.len()).prop_map(|(device, name)| Step::Add { device, name }),
        2 => (d.clone(), 0..8usize, 0..NAMES.len()).prop_map(|(device, client, name)| Step::Rename { device, client, name }),
        2 => (d.clone(), 0..8usize, 0..3usize).prop_map(|(device, client, rating)| Step::Rate { device, client, rating }),
        1 => (d.clone(), 0..8usize).prop_map(|(device, client)| Step::Flag { device, client }),
        1 => (d.clone(), 0..8usize, 0..3usize).prop_map(|(device, client, flag)| Step::Cohort { device, client, flag }),
        1 => (d.clone(), 0..8usize, 0..4usize).prop_map(|(device, client, staff)| Step::Allocate { device, client, staff }),
        2 => (d.clone(), 0..8usize, any::<bool>()).prop_map(|(device, client, end)| Step::ChangeFlag { device, client, end }),
        1 => (d.clone(), 0..2usize).prop_map(|(device, side)| Step::Resolve { device, side }),
        1 => d.clone().prop_map(|device| Step::Snapshot { device }),
        1 => (d.clone(), 0..8usize, 0..8usize).prop_map(|(device, kept, merged)| Step::Merge { device, kept, merged }),
        1 => (d.clone(), 0..8usize).prop_map(|(device, client)| Step::Delete { device, client }),
        2 => (d.clone(), 0..8usize, 0..10usize).prop_map(|(device, client, hour)| Step::Book { device, client, hour }),
        2 => (d.clone(), 0..16usize, 0..3usize).prop_map(|(device, appointment, outcome)| Step::Outcome { device, appointment, outcome }),
        1 => (d.clone(), 0..8usize).prop_map(|(device, client)| Step::Session { device, client }),
        1 => (d.clone(), 0..16usize).prop_map(|(device, session)| Step::Addendum { device, session }),
        2 => (d.clone(), 0..8usize, 0..3usize, proptest::array::uniform7(1..=10u8), 1..=7u64)
            .prop_map(|(device, client, kind, scores, days_ago)| Step::Assess { device, client, kind, scores, days_ago }),
        1 => (d.clone(), 0..16usize).prop_map(|(device, assessment)| Step::AssessmentAddendum { device, assessment }),
        1 => (d.clone(), 0..8usize, 0..Pathway::ALL.len(), any::<bool>())
            .prop_map(|(device, client, pathway, action)| Step::Goal { device, client, pathway, action }),
        2 => (d.clone(), 0..16usize, 0..6usize)
            .prop_map(|(device, goal, change)| Step::ChangeGoal { device, goal, change }),
        1 => (0..64usize).prop_map(|pick| Step::Duplicate { pick }),
        1 => (0..64usize).prop_map(|pick| Step::Delay { pick }),
        1 => Just(Step::Deliver),
        2 => d.clone().prop_map(|device| Step::Send { device }),
        2 => d.prop_map(|device| Step::Receive { device }),
    ]
}

/// The client at `index` among those this device holds, if any.
fn pick(unit: &mut UnlockedUnit, index: usize) -> Option<ClientId> {
    let lines = unit.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    (!lines.is_empty()).then(|| lines[index % lines.len()].client.id)
}

/// The whole record of every client this device shows, in the
/// caseload's order (for finding assessments and goals it holds).
fn records(unit: &mut UnlockedUnit) -> Vec<ClientRecord> {
    let clients: Vec<ClientId> = unit
        .view_caseload(&SystemClock, &mut OsEntropy)
        .unwrap()
        .into_iter()
        .map(|line| line.client.id)
        .collect();
    clients
        .into_iter()
        .filter_map(
            |id| match unit.view_client(id, &SystemClock, &mut OsEntropy).unwrap() {
                ClientView::Record(record) => Some(*record),
                ClientView::Summary(_) => None,
            },
        )
        .collect()
}

/// The rows a case made that are only ever inserted, so that every device
/// must end holding them all.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Made {
    reviews: u64,
    appointments: u64,
    sessions: u64,
    addenda: u64,
    /// One for each session signed and each action typed with a goal.
    tasks: u64,
    assessments: u64,
    assessment_addenda: u64,
    goals: u64,
    /// One for each review assessment: the plan as it stood.
    plan_reviews: u64,
}

impl std::ops::AddAssign for Made {
    fn add_assign(&mut self, other: Made) {
        self.reviews += other.reviews;
        self.appointments += other.appointments;
        self.sessions += other.sessions;
        self.addenda += other.addenda;
        self.tasks += other.tasks;
        self.assessments += other.assessments;
        self.assessment_addenda += other.assessment_addenda;
        self.goals += other.goals;
        self.plan_reviews += other.plan_reviews;
    }
}

/// Runs one step; returns the rows it made that are only ever inserted.
fn run(unit: &mut UnlockedUnit, step: &Step, share: &Path) -> Made {
    let mut made = Made::default();
    // A step a rule refuses (a flag already set, say) is a step a person
    // could not take; it is skipped, as the app would refuse it.
    match *step {
        Step::Add { name, .. } => {
            let _ = unit.add_client(
                &ClientDetailsText {
                    confirmed_new_person: true,
                    ..ClientDetailsText::named(NAMES[name], "Whitlock", "1990-05-17")
                },
                &SystemClock,
                &mut OsEntropy,
            );
        }
        Step::Rename { client, name, .. } => {
            if let Some(id) = pick(unit, client) {
                let _ = unit.update_client_details(
                    id,
                    &ClientDetailsText::named(NAMES[name], "Whitlock", "1990-05-17"),
                    &SystemClock,
                    &mut OsEntropy,
                );
            }
        }
        Step::Rate { client, rating, .. } => {
            if let Some(id) = pick(unit, client) {
                let rating = ["red", "amber", "green"][rating];
                let reviewed = unit.review_rag(
                    id,
                    rating,
                    "Reviewed at the panel",
                    "",
                    &SystemClock,
                    &mut OsEntropy,
                );
                made.reviews = u64::from(reviewed.is_ok());
            }
        }
        Step::Flag { client, .. } => {
            if let Some(id) = pick(unit, client) {
                let today = chrono::Local::now().date_naive();
                let flag = SafetyFlagText {
                    kind: "risk_to_staff",
                    note: "Threatened staff at the office",
                    review_by: &(today + chrono::Duration::days(30)).to_string(),
                    ..SafetyFlagText::default()
                };
                let _ = unit.raise_safety_flag(id, &flag, &SystemClock, &mut OsEntropy);
            }
        }
        Step::Cohort { client, flag, .. } => {
            if let Some(id) = pick(unit, client) {
                let flag = ["ppo", "drr", "neighbourhood_crime"][flag];
                let _ = unit.set_cohort_flag(id, flag, &SystemClock, &mut OsEntropy);
            }
        }
        Step::Allocate { client, staff, .. } => {
            if let Some(id) = pick(unit, client) {
                let people = unit.allocatable_staff().unwrap();
                let keyworker = people.get(staff).map(|p| p.id);
                let _ = unit.allocate_client(
                    id,
                    keyworker,
                    None,
                    "Moved at the allocation meeting",
                    &SystemClock,
                    &mut OsEntropy,
                );
            }
        }
        Step::ChangeFlag { client, end, .. } => {
            if let Some(id) = pick(unit, client)
                && let casebook_core::clients::client_records::ClientView::Record(record) =
                    unit.view_client(id, &SystemClock, &mut OsEntropy).unwrap()
                && let Some(flag) = record.safety_flags.iter().find(|f| f.is_active())
            {
                let _ = if end {
                    unit.end_safety_flag(flag.id, "No longer a risk", &SystemClock, &mut OsEntropy)
                } else {
                    let today = chrono::Local::now().date_naive();
                    unit.review_safety_flag(
                        flag.id,
                        "Still a risk at the last visit",
                        &(today + chrono::Duration::days(20)).to_string(),
                        &SystemClock,
                        &mut OsEntropy,
                    )
                };
            }
        }
        Step::Resolve { side, .. } => {
            if let Some(item) = unit.resolve_items().unwrap().first() {
                let chosen = &item.options[side % item.options.len()].version_id;
                let before = item.subject;
                unit.resolve(
                    before,
                    &item.subject_id,
                    chosen,
                    &SystemClock,
                    &mut OsEntropy,
                )
                .unwrap();
                if before == casebook_core::domain::resolve_items::ContestedSubject::Rag {
                    made.reviews = 1;
                }
            }
        }
        Step::Snapshot { .. } => {
            unit.write_snapshot(share, &SystemClock, &mut OsEntropy)
                .unwrap();
        }
        Step::Merge { kept, merged, .. } => {
            if let (Some(kept), Some(merged)) = (pick(unit, kept), pick(unit, merged)) {
                let _ = unit.merge_clients(
                    kept,
                    merged,
                    "Same person, recorded twice",
                    &SystemClock,
                    &mut OsEntropy,
                );
            }
        }
        Step::Delete { client, .. } => {
            if let Some(id) = pick(unit, client) {
                unit.delete_client(
                    id,
                    "Entered in error at the front desk",
                    &SystemClock,
                    &mut OsEntropy,
                )
                .unwrap();
            }
        }
        Step::Book { client, hour, .. } => {
            if let Some(id) = pick(unit, client) {
                let day = yesterday();
                let me = unit.account().id.to_string();
                let booked = unit.book_appointment(
                    id,
                    &AppointmentText {
                        starts_at: &format!("{day}T{:02}:00", 8 + hour),
                        ends_at: &format!("{day}T{:02}:50", 8 + hour),
                        kind: "one_to_one",
                        place: ["office", "home_visit"][hour % 2],
                        room: ["Room 1", ""][hour % 2],
                        other_attendees: "",
                    },
                    &[&me],
                    &SystemClock,
                    &mut OsEntropy,
                );
                made.appointments = u64::from(booked.is_ok());
            }
        }
        Step::Outcome {
            appointment,
            outcome,
            ..
        } => {
            // The steps book yesterday; the days either side cover a case
            // run across midnight.
            let first = chrono::Local::now().date_naive() - chrono::Duration::days(2);
            let open: Vec<_> = unit
                .diary(DiaryOf::WholeUnit, first, 3)
                .unwrap()
                .into_iter()
                .filter(|entry| entry.appointment.is_open())
                .collect();
            if !open.is_empty() {
                let id = open[appointment % open.len()].appointment.id;
                // Each is allowed whatever the client (a missed one is
                // judged, for a client on an order).
                let entered = [
                    OutcomeText {
                        outcome: "attended",
                        ..OutcomeText::default()
                    },
                    OutcomeText {
                        outcome: "cancelled_by_service",
                        reason: "Keyworker off sick",
                        ..OutcomeText::default()
                    },
                    OutcomeText {
                        outcome: "did_not_attend",
                        absence: "unacceptable",
                        ..OutcomeText::default()
                    },
                ][outcome];
                let _ = unit.record_appointment_outcome(id, &entered, &SystemClock, &mut OsEntropy);
            }
        }
        Step::Session { client, .. } => {
            if let Some(id) = pick(unit, client) {
                let due = chrono::Local::now().date_naive() + chrono::Duration::days(7);
                let form = SessionForm {
                    held_on: yesterday(),
                    starts_at: "10:00".into(),
                    minutes: "45".into(),
                    place: "office".into(),
                    pathways: vec!["accommodation".into(), "health".into()],
                    notes: "Talked about the move to the new flat.".into(),
                    actions: vec![ActionForm {
                        what: "Ring the housing officer".into(),
                        who: "keyworker".into(),
                        due_on: due.to_string(),
                        ..ActionForm::default()
                    }],
                    ..SessionForm::default()
                };
                if let Ok(draft) =
                    unit.save_session_draft(None, id, form, &SystemClock, &mut OsEntropy)
                {
                    let signed = unit.sign_session_record(draft.id, &SystemClock, &mut OsEntropy);
                    made.sessions = u64::from(signed.is_ok());
                    made.tasks = made.sessions;
                }
            }
        }
        Step::Addendum { session, .. } => {
            // Any signed record in the unit, found through the search over
            // the notes (which must hold the records received, too).
            let mut found: Vec<_> = unit
                .search_session_notes("flat")
                .unwrap()
                .into_iter()
                .map(|note| note.session)
                .collect();
            found.sort();
            if !found.is_empty() {
                let added = unit.add_session_addendum(
                    &found[session % found.len()].to_string(),
                    "Correction: the flat is on the second floor.",
                    &SystemClock,
                    &mut OsEntropy,
                );
                made.addenda = u64::from(added.is_ok());
            }
        }
        Step::Assess {
            client,
            kind,
            scores,
            days_ago,
            ..
        } => {
            let kind = ["initial", "review", "termination"][kind];
            // A review or termination is of a client already assessed
            // here, where there is one; the initial is dated a week before
            // any of them, so that only the rules about episodes refuse.
            let assessed: Vec<ClientId> = if kind == "initial" {
                Vec::new()
            } else {
                records(unit)
                    .into_iter()
                    .filter(|r| !r.pathways.assessments.is_empty())
                    .map(|r| r.client.id)
                    .collect()
            };
            let chosen = if assessed.is_empty() {
                pick(unit, client)
            } else {
                Some(assessed[client % assessed.len()])
            };
            if let Some(id) = chosen {
                let days_ago = days_ago + if kind == "initial" { 7 } else { 0 };
                let on = chrono::Local::now().date_naive() - chrono::Days::new(days_ago);
                let form = AssessmentForm {
                    kind: kind.into(),
                    assessed_on: on.to_string(),
                    pathways: Pathway::ALL
                        .iter()
                        .zip(scores)
                        .map(|(pathway, score)| PathwayEntryForm {
                            pathway: pathway.as_str().into(),
                            score: score.to_string(),
                            ..PathwayEntryForm::default()
                        })
                        .collect(),
                    termination_while_open: true,
                };
                let signed = unit.sign_assessment(id, &form, None, &SystemClock, &mut OsEntropy);
                made.assessments = u64::from(signed.is_ok());
                made.plan_reviews = u64::from(signed.is_ok() && kind == "review");
            }
        }
        Step::AssessmentAddendum { assessment, .. } => {
            // Any assessment of a client this device shows.
            let found: Vec<_> = records(unit)
                .into_iter()
                .flat_map(|r| r.pathways.assessments)
                .map(|a| a.id)
                .collect();
            if !found.is_empty() {
                let added = unit.add_assessment_addendum(
                    found[assessment % found.len()],
                    "Correction: the client has moved to the new flat since.",
                    &SystemClock,
                    &mut OsEntropy,
                );
                made.assessment_addenda = u64::from(added.is_ok());
            }
        }
        Step::Goal {
            client,
            pathway,
            action,
            ..
        } => {
            if let Some(id) = pick(unit, client) {
                let today = chrono::Local::now().date_naive();
                let who = ["client", "keyworker", "partner_agency"][pathway % 3];
                let form = GoalForm {
                    pathway: Pathway::ALL[pathway].as_str().into(),
                    client_words: "Get my own place and keep it.".into(),
                    keyworker_words: ["", "Settled accommodation"][pathway % 2].into(),
                    who: who.into(),
                    partner_agency: if who == "partner_agency" {
                        "Shelter".into()
                    } else {
                        String::new()
                    },
                    target_on: (today + chrono::Days::new(90)).to_string(),
                    status: "not_started".into(),
                    actions: if action {
                        vec![ActionForm {
                            what: "Fill in the housing form".into(),
                            who: "client".into(),
                            due_on: (today + chrono::Days::new(14)).to_string(),
                            ..ActionForm::default()
                        }]
                    } else {
                        Vec::new()
                    },
                };
                if unit
                    .save_plan_goal(id, None, &form, &SystemClock, &mut OsEntropy)
                    .is_ok()
                {
                    made.goals = 1;
                    made.tasks = u64::from(action);
                }
            }
        }
        Step::ChangeGoal { goal, change, .. } => {
            // Any goal on the plan of a client this device shows.
            let goals: Vec<_> = records(unit)
                .into_iter()
                .flat_map(|r| r.pathways.goals)
                .collect();
            if !goals.is_empty() {
                let held = &goals[goal % goals.len()];
                let today = chrono::Local::now().date_naive();
                let mut form = GoalForm {
                    pathway: held.pathway.clone(),
                    client_words: held.client_words.clone(),
                    keyworker_words: held.keyworker_words.clone().unwrap_or_default(),
                    who: held.who.clone(),
                    partner_agency: held.partner_agency.clone().unwrap_or_default(),
                    target_on: held.target_on.to_string(),
                    status: held.status.clone(),
                    actions: Vec::new(),
                };
                match change {
                    0..4 => {
                        form.status = [
                            "not_started",
                            "in_progress",
                            "achieved",
                            "no_longer_relevant",
                        ][change]
                            .into();
                    }
                    _ => {
                        let days = [60, 120][change - 4];
                        form.target_on = (today + chrono::Days::new(days)).to_string();
                    }
                }
                let _ = unit.save_plan_goal(
                    held.client,
                    Some(held.id),
                    &form,
                    &SystemClock,
                    &mut OsEntropy,
                );
            }
        }
        Step::Send { .. } => {
            unit.send_changes(share, &SystemClock, &mut OsEntropy)
                .unwrap();
        }
        Step::Receive { .. } => {
            let report = unit.receive_changes(share, &SystemClock).unwrap();
            assert!(
                report
                    .problems
                    .iter()
                    .all(|p| p.contains("wait for another device") || p.contains("(a gap)")),
                "{:?}",
                report.problems
            );
        }
        // Done to the share, not on a device (see `on_share`).
        Step::Duplicate { .. } | Step::Delay { .. } | Step::Deliver => {}
    }
    made
}

/// Yesterday's date, `YYYY-MM-DD`.
fn yesterday() -> String {
    (chrono::Local::now().date_naive() - chrono::Duration::days(1)).to_string()
}

fn device_of(step: &Step) -> usize {
    match *step {
        Step::Add { device, .. }
        | Step::Rename { device, .. }
        | Step::Rate { device, .. }
        | Step::Flag { device, .. }
        | Step::Cohort { device, .. }
        | Step::Allocate { device, .. }
        | Step::ChangeFlag { device, .. }
        | Step::Resolve { device, .. }
        | Step::Snapshot { device }
        | Step::Merge { device, .. }
        | Step::Delete { device, .. }
        | Step::Book { device, .. }
        | Step::Outcome { device, .. }
        | Step::Session { device, .. }
        | Step::Addendum { device, .. }
        | Step::Assess { device, .. }
        | Step::AssessmentAddendum { device, .. }
        | Step::Goal { device, .. }
        | Step::ChangeGoal { device, .. }
        | Step::Send { device }
        | Step::Receive { device } => device,
        Step::Duplicate { .. } | Step::Delay { .. } | Step::Deliver => 0,
    }
}

/// Every bundle file in sight on the share, in a fixed order.
fn bundles_on(share: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(share.join("devices"))
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|device| {
            std::fs::read_dir(device.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "bundle"))
        .collect();
    found.sort();
    found
}

/// Does what a share does to its files; true if the step was one of those.
fn on_share(step: &Step, share: &Path) -> bool {
    match *step {
        Step::Duplicate { pick } => {
            let bundles = bundles_on(share);
            if let Some(bundle) = bundles.get(pick % bundles.len().max(1)) {
                let stem = bundle.file_stem().unwrap().to_string_lossy().into_owned();
                std::fs::copy(
                    bundle,
                    bundle.with_file_name(format!("{stem} - Copy.bundle")),
                )
                .unwrap();
            }
            true
        }
        Step::Delay { pick } => {
            let bundles = bundles_on(share);
            if let Some(bundle) = bundles.get(pick % bundles.len().max(1)) {
                let name = bundle.file_name().unwrap().to_string_lossy().into_owned();
                std::fs::rename(bundle, bundle.with_file_name(format!(".{name}.delayed"))).unwrap();
            }
            true
        }
        Step::Deliver => {
            for device in std::fs::read_dir(share.join("devices"))
                .into_iter()
                .flatten()
                .flatten()
            {
                for entry in std::fs::read_dir(device.path()).unwrap().flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if let Some(original) = name
                        .strip_prefix('.')
                        .and_then(|n| n.strip_suffix(".delayed"))
                    {
                        std::fs::rename(entry.path(), entry.path().with_file_name(original))
                            .unwrap();
                    }
                }
            }
            true
        }
        _ => false,
    }
}

/// The most steps in a case for each device: 40, or
/// `CASEBOOK_CONVERGENCE_STEPS` for the longer run `make test` does in a
/// release build.
fn most_steps() -> usize {
    std::env::var("CASEBOOK_CONVERGENCE_STEPS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40)
}

/// A unit of `devices` computers, each taking up to `most_steps()` steps.
fn unit_of(devices: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = (usize, Vec<Step>)> {
    devices.prop_flat_map(|devices| {
        (
            Just(devices),
            proptest::collection::vec(step(6), 1..most_steps() * devices),
        )
    })
}

// Two tests, so the test runner's two threads share the work: small units
// and larger ones.
proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn two_to_four_computers_converge_whatever_the_order((devices, steps) in unit_of(2..=4)) {
        converge(devices, &steps)?;
    }

    #[test]
    fn five_or_six_computers_converge_whatever_the_order((devices, steps) in unit_of(5..=6)) {
        converge(devices, &steps)?;
    }
}

/// Runs `steps` on `devices` computers, then a final exchange, and checks
/// they all hold and show the same.
fn converge(devices: usize, steps: &[Step]) -> Result<(), TestCaseError> {
    let unit = Unit::copy_of_template();
    let share = tempfile::tempdir().unwrap();
    let copies = tempfile::tempdir().unwrap();
    let mut open: Vec<UnlockedUnit> = Vec::new();
    for index in 0..devices {
        if index == 0 {
            open.push(unit.as_("admin"));
        } else {
            let folder = copies.path().join(format!("device-{index}"));
            copy_folder(unit.folder(), &folder);
            let mut copy = unit.as_at(&folder, "admin");
            copy.become_new_device(&SystemClock, &mut OsEntropy)
                .unwrap();
            open.push(copy);
        }
    }
    let mut made = Made::default();
    for step in steps {
        if on_share(step, share.path()) {
            continue;
        }
        let device = device_of(step) % devices;
        made += run(&mut open[device], step, share.path());
    }
    on_share(&Step::Deliver, share.path());
    // The final full exchange: everyone sends, then everyone receives.
    // The first device also connects the share (its name and key files),
    // so that a new computer can join from it below.
    open[0]
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    for unit in open.iter_mut() {
        unit.send_changes(share.path(), &SystemClock, &mut OsEntropy)
            .unwrap();
    }
    for unit in open.iter_mut() {
        let report = unit.receive_changes(share.path(), &SystemClock).unwrap();
        prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
    let digests: Vec<String> = open
        .iter()
        .map(|u| u.synced_rows_digest().unwrap())
        .collect();
    for digest in &digests[1..] {
        prop_assert_eq!(digest, &digests[0]);
    }
    // A computer joining now, from the newest snapshot (if any) and the
    // bundles after it, holds the same too.
    let joining = tempfile::tempdir().unwrap();
    let joined = join_as(share.path(), joining.path(), "admin");
    // It approved itself in the bundle it sent on joining; once the first
    // device has that, the two hold the same.
    open[0].receive_changes(share.path(), &SystemClock).unwrap();
    prop_assert_eq!(
        joined.synced_rows_digest().unwrap(),
        open[0].synced_rows_digest().unwrap()
    );
    // Every device shows the same resolve items, with the same sides.
    let items: Vec<Vec<(String, Vec<String>)>> = open
        .iter()
        .map(|u| {
            u.resolve_items()
                .unwrap()
                .into_iter()
                .map(|item| {
                    let sides = item.options.into_iter().map(|o| o.version_id).collect();
                    (item.subject_id, sides)
                })
                .collect()
        })
        .collect();
    for other in &items[1..] {
        prop_assert_eq!(other, &items[0]);
    }
    // Every device shows the same caseload (merged and deleted records
    // left out alike).
    let caseloads: Vec<Vec<String>> = open
        .iter_mut()
        .map(|u| {
            let mut ids: Vec<String> = u
                .view_caseload(&SystemClock, &mut OsEntropy)
                .unwrap()
                .into_iter()
                .map(|line| line.client.id.to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect();
    for other in &caseloads[1..] {
        prop_assert_eq!(other, &caseloads[0]);
    }
    // No review, appointment, session record, task, addendum, assessment,
    // goal or plan review made anywhere was lost: every device holds them
    // all (a deleted record's are kept, out of sight, with it). Each
    // session made one task, and each goal one for each action typed.
    for unit in &open {
        let held = Made {
            reviews: unit.synced_rows_count("rag_reviews").unwrap(),
            appointments: unit.synced_rows_count("appointments").unwrap(),
            sessions: unit.synced_rows_count("session_records").unwrap(),
            addenda: unit.synced_rows_count("session_addenda").unwrap(),
            tasks: unit.synced_rows_count("tasks").unwrap(),
            assessments: unit.synced_rows_count("assessments").unwrap(),
            assessment_addenda: unit.synced_rows_count("assessment_addenda").unwrap(),
            goals: unit.synced_rows_count("plan_goals").unwrap(),
            plan_reviews: unit.synced_rows_count("plan_reviews").unwrap(),
        };
        prop_assert_eq!(held, made);
    }
    Ok(())
}

/// Found by the property test: two computers merge the same record into
/// two different records while apart.
#[test]
fn one_record_merged_into_two_different_records_apart() {
    use Step::{Add, Merge, Rate, Receive, Rename, Send};
    let steps = [
        Add { device: 1, name: 1 },
        Rename {
            device: 0,
            client: 0,
            name: 0,
        },
        Rename {
            device: 2,
            client: 0,
            name: 0,
        },
        Rename {
            device: 0,
            client: 0,
            name: 0,
        },
        Add { device: 1, name: 0 },
        Rate {
            device: 0,
            client: 0,
            rating: 0,
        },
        Add { device: 0, name: 1 },
        Add { device: 5, name: 0 },
        Send { device: 1 },
        Add { device: 2, name: 2 },
        Rate {
            device: 0,
            client: 0,
            rating: 0,
        },
        Rename {
            device: 1,
            client: 0,
            name: 2,
        },
        Add { device: 2, name: 2 },
        Receive { device: 0 },
        Add { device: 0, name: 0 },
        Rename {
            device: 2,
            client: 0,
            name: 0,
        },
        Merge {
            device: 2,
            kept: 5,
            merged: 0,
        },
        Add { device: 1, name: 2 },
        Rename {
            device: 0,
            client: 0,
            name: 0,
        },
        Add { device: 0, name: 0 },
        Add { device: 1, name: 0 },
        Merge {
            device: 5,
            kept: 4,
            merged: 0,
        },
        Add { device: 0, name: 0 },
    ];
    converge(2, &steps).unwrap();
}
