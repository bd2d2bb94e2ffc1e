//! The requests the rows and the fixtures send, made from a few words,
//! and the small readers of their answers.

use casebook::app_state::AppState;
use casebook::commands;
use casebook::ipc::{
    ActionFormDto, AssessmentFormDto, BookAppointmentRequest, ClientProfileDto,
    CloseEpisodeRequest, IpcError, PathwayEntryFormDto, PickUpRequest, ReferralOutcomeRequest,
    ReferralRequest, SessionFormDto,
};
use serde_json::Value;

use crate::{Answer, Ctx};

pub(crate) fn json<T: serde::Serialize>(answer: Result<T, IpcError>) -> Answer {
    answer.map(|a| serde_json::to_value(a).unwrap())
}

/// An export's answer: the contents of the file it wrote.
pub(crate) fn exported(path: Result<String, IpcError>) -> Answer {
    path.map(|path| Value::String(std::fs::read_to_string(path).unwrap()))
}

pub(crate) fn id_of(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

pub(crate) fn at(state: &AppState, days: i64, hour: u32) -> String {
    (state.clock.local_now().date() + chrono::Duration::days(days))
        .and_hms_opt(hour, 0, 0)
        .unwrap()
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

pub(crate) fn booking(
    state: &AppState,
    client: &str,
    days: i64,
    staff: String,
) -> BookAppointmentRequest {
    BookAppointmentRequest {
        client_id: client.to_owned(),
        starts_at: at(state, days, 10),
        ends_at: at(state, days, 11),
        kind: "review".to_owned(),
        place: "office".to_owned(),
        room: String::new(),
        other_attendees: String::new(),
        staff_ids: vec![staff],
        moving_appointment_id: None,
    }
}

pub(crate) fn session_form(
    today: &str,
    notes: &str,
    actions: Vec<ActionFormDto>,
) -> SessionFormDto {
    SessionFormDto {
        held_on: today.to_owned(),
        starts_at: "00:00".to_owned(),
        minutes: "45".to_owned(),
        place: "office".to_owned(),
        pathways: vec!["drugs_and_alcohol".to_owned()],
        interventions: vec!["relapse_prevention".to_owned()],
        notes: notes.to_owned(),
        actions,
        ..SessionFormDto::default()
    }
}

pub(crate) fn assessment_form(kind: &str, on: &str) -> AssessmentFormDto {
    AssessmentFormDto {
        kind: kind.to_owned(),
        assessed_on: on.to_owned(),
        pathways: [
            "accommodation",
            "education_training_employment",
            "health",
            "drugs_and_alcohol",
            "finance_benefits_debt",
            "children_and_families",
            "attitudes_thinking_behaviour",
        ]
        .iter()
        .map(|p| PathwayEntryFormDto {
            pathway: (*p).to_owned(),
            score: "5".to_owned(),
            ..PathwayEntryFormDto::default()
        })
        .collect(),
        termination_while_open: false,
    }
}

pub(crate) fn referral(c: &Ctx<'_>, client: &str) -> ReferralRequest {
    ReferralRequest {
        client_id: client.to_owned(),
        route: "self".to_owned(),
        referrer: "The client".to_owned(),
        received_date: c.today(),
        received_time: String::new(),
        reason: String::new(),
        release_date: String::new(),
    }
}

pub(crate) fn decline(c: &Ctx<'_>, episode: String) -> Answer {
    json(commands::record_referral_outcome(
        c.s,
        &ReferralOutcomeRequest {
            episode_id: episode,
            outcome: "declined".to_owned(),
            note: String::new(),
            date: c.today(),
        },
    ))
}

pub(crate) fn close(c: &Ctx<'_>, episode: String) -> Answer {
    json(commands::close_episode(
        c.s,
        &CloseEpisodeRequest {
            episode_id: episode,
            exit_reason: "planned_completion".to_owned(),
            note: String::new(),
            date: c.today(),
        },
    ))
}

pub(crate) fn pick_up(c: &Ctx<'_>, episode: String) -> Answer {
    json(commands::record_pick_up(
        c.s,
        &PickUpRequest {
            episode_id: episode,
            date: c.today(),
            time: "00:00".to_owned(),
        },
    ))
}

/// Receives a referral for the own client as the signed-in account, or
/// answers the ended fixture episode when it may not.
pub(crate) fn fresh_episode(c: &Ctx<'_>) -> String {
    match commands::receive_referral(c.s, &referral(c, &c.t.own)) {
        Ok(episodes) => episodes[0].id.clone(),
        Err(_) => c.t.episode.clone(),
    }
}

pub(crate) fn profile() -> ClientProfileDto {
    ClientProfileDto {
        other_names: vec!["Annie".to_owned()],
        pronouns: String::new(),
        address: String::new(),
        postcode: "SO14 7DU".to_owned(),
        local_authority: "southampton".to_owned(),
        phone: String::new(),
        safe_contact_times: String::new(),
        letters_home: "no".to_owned(),
        preferred_language: String::new(),
        needs_interpreter: false,
        reasonable_adjustments: String::new(),
        needs_literacy_support: false,
        ethnicity: String::new(),
        religion: String::new(),
        sexual_orientation: String::new(),
        disability: String::new(),
        armed_forces: "prefer_not_to_say".to_owned(),
    }
}
