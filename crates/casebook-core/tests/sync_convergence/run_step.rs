//! Running one step on one computer's unit, as a person would through the
//! app (a step a rule refuses is skipped), and counting the rows it made
//! that are only ever inserted.

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

use crate::steps::{NAMES, Step};

/// The client at `index` among those this device holds, if any.
pub(crate) fn pick(unit: &mut UnlockedUnit, index: usize) -> Option<ClientId> {
    let lines = unit.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    (!lines.is_empty()).then(|| lines[index % lines.len()].client.id)
}

/// The whole record of every client this device shows, in the
/// caseload's order (for finding assessments and goals it holds).
pub(crate) fn records(unit: &mut UnlockedUnit) -> Vec<ClientRecord> {
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
pub(crate) struct Made {
    pub(crate) reviews: u64,
    pub(crate) appointments: u64,
    pub(crate) sessions: u64,
    pub(crate) addenda: u64,
    /// One for each session signed and each action typed with a goal.
    pub(crate) tasks: u64,
    pub(crate) assessments: u64,
    pub(crate) assessment_addenda: u64,
    pub(crate) goals: u64,
    /// One for each review assessment: the plan as it stood.
    pub(crate) plan_reviews: u64,
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
pub(crate) fn run(unit: &mut UnlockedUnit, step: &Step, share: &Path) -> Made {
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
                    .all(|p| p.contains("wait for another device")
                        || p.contains("(a gap)")
                        || p.contains("broke the unit's rules")),
                "{:?}",
                report.problems
            );
        }
        // Done to the share, not on a device (see `on_share`); a forgery
        // is written by hand beside the device (see `checks::forge`).
        Step::Duplicate { .. } | Step::Delay { .. } | Step::Deliver | Step::Forge { .. } => {}
    }
    made
}

/// Yesterday's date, `YYYY-MM-DD`.
pub(crate) fn yesterday() -> String {
    (chrono::Local::now().date_naive() - chrono::Duration::days(1)).to_string()
}
