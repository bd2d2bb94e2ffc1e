//! The fixtures the rows act on: the accounts, the clients and their
//! records, made by the unit's creator before anyone else signs in.

use std::cell::Cell;

use casebook::app_state::AppState;
use casebook::commands;
use casebook::ipc::{
    ActionFormDto, AllocationRequest, CaseRoleDto, ConnectShareRequest, ConsentRequest,
    NewAccountRequest, PickUpRequest, RagReviewRequest, RaiseSafetyFlagRequest,
    RecordOutcomeRequest, ReferralOutcomeRequest, ReferralRequest, SaveAssessmentRequest,
    SaveDraftRequest, SetCohortFlagRequest, SignSessionRequest,
};

use crate::common::{client, hide_other_clients};
use crate::requests::{assessment_form, booking, id_of, json, session_form};

/// The fixtures the checks act on, made by the unit's creator.
pub(crate) struct Targets {
    pub(crate) own: String,
    pub(crate) other: String,
    pub(crate) withdrawn: String,
    /// The keyworker's client with an episode picked up and an initial
    /// assessment signed, for the assessment rows.
    pub(crate) assessed: String,
    pub(crate) assessment: String,
    /// A signed session record on the own client.
    pub(crate) session: String,
    /// The other client's signed session record, safety flag and
    /// appointment: reached by id, they must be as closed to the keyworker
    /// as the client.
    pub(crate) other_session: String,
    pub(crate) other_flag: String,
    pub(crate) other_appointment: String,
    /// A future appointment on the own client, moved by each who may.
    pub(crate) appointment: String,
    /// An ended episode on the own client, for those refused.
    pub(crate) episode: String,
    /// A draft of the creator's on the own client: others cannot touch it.
    pub(crate) session_draft: String,
    pub(crate) assessment_draft: String,
    /// A spare keyworker account for the account rows.
    pub(crate) spare_account: String,
    pub(crate) share: String,
    /// One-use fixtures, each taken by one call.
    pub(crate) flags: Pool,
    pub(crate) cohort_flags: Pool,
    pub(crate) tasks: Pool,
    pub(crate) past_appointments: Pool,
    /// Cohort flags not yet set on the own client.
    pub(crate) unset_cohort_flags: Pool,
}

pub(crate) struct Pool {
    pub(crate) items: Vec<String>,
    next: Cell<usize>,
}

impl Pool {
    fn new(items: Vec<String>) -> Pool {
        Pool {
            items,
            next: Cell::new(0),
        }
    }

    pub(crate) fn take(&self) -> String {
        let n = self.next.get();
        self.next.set(n + 1);
        self.items
            .get(n)
            .cloned()
            .unwrap_or_else(|| panic!("the pool ran out after {n}"))
    }
}

/// The creator makes the accounts, the clients and what the checks act on.
pub(crate) fn set_up(
    state: &AppState,
    share: &std::path::Path,
) -> (Targets, Vec<(&'static str, String)>) {
    let mut one_time = Vec::new();
    let mut spare_account = String::new();
    for (username, role, administrator) in [
        ("keyworker", Some(CaseRoleDto::Keyworker), false),
        ("manager", Some(CaseRoleDto::Manager), false),
        ("partner", Some(CaseRoleDto::Partner), false),
        ("adminonly", None, true),
        ("spare", Some(CaseRoleDto::Keyworker), false),
    ] {
        let request = NewAccountRequest {
            username: username.to_owned(),
            full_name: "Sam Taylor".to_owned(),
            agency: "Police".to_owned(),
            case_role: role,
            administrator,
            gender: None,
        };
        let created = commands::add_account(state, &request).unwrap();
        if username == "spare" {
            spare_account = created.account.id;
        } else {
            one_time.push((username, created.one_time_password));
        }
    }
    let admin = commands::startup_state(state)
        .unwrap()
        .session
        .unwrap()
        .account_id;
    let accounts = commands::list_accounts(state).unwrap();
    let keyworker = accounts
        .iter()
        .find(|a| a.username == "keyworker")
        .unwrap()
        .id
        .clone();
    let today = state.clock.local_now().date().to_string();
    let add = |given: &str, family: &str, born: &str, allocate: bool| {
        let id = commands::add_client(state, &client(given, family, born))
            .unwrap()
            .id;
        if allocate {
            let request = AllocationRequest {
                client_id: id.clone(),
                keyworker_id: Some(keyworker.clone()),
                co_worker_id: None,
                reason: String::new(),
            };
            commands::allocate_client(state, &request).unwrap();
        }
        id
    };
    let own = add("Ann", "Ashdown", "1980-01-01", true);
    let other = add("Bo", "Brackley", "1975-06-01", false);
    let withdrawn = add("Cy", "Crondall", "1982-03-04", true);
    let assessed = add("Dee", "Ashdown", "1984-05-06", true);
    // A joint appointment with the partner, made before the client
    // withdrew consent for the partner's agency: their diary must not
    // show it now.
    let partner = accounts
        .iter()
        .find(|a| a.username == "partner")
        .unwrap()
        .id
        .clone();
    let mut joint = booking(state, &withdrawn, 2, admin.clone());
    joint.staff_ids.push(partner.clone());
    commands::book_appointment(state, &joint).unwrap();
    let consent = ConsentRequest {
        client_id: withdrawn.clone(),
        agency: "Police".to_owned(),
        decision: "withdrawn".to_owned(),
        how: String::new(),
        decided_on: today.clone(),
    };
    commands::record_consent(state, &consent).unwrap();

    // Case notes on every client, each carrying the client's family name
    // and the word "casenote", so an answer that shows them is caught.
    let mut session = String::new();
    let mut other_parts: [String; 3] = Default::default();
    for (id, family) in [
        (&own, "Ashdown"),
        (&other, "Brackley"),
        (&withdrawn, "Crondall"),
    ] {
        let flag = SetCohortFlagRequest {
            client_id: id.clone(),
            flag: "drr".to_owned(),
        };
        commands::set_cohort_flag(state, &flag).unwrap();
        let rag = RagReviewRequest {
            client_id: id.clone(),
            rating: "red".to_owned(),
            reason: format!("{family} casenote rag"),
            next_review: String::new(),
        };
        commands::review_rag(state, &rag).unwrap();
        let raise = RaiseSafetyFlagRequest {
            client_id: id.clone(),
            kind: "lone_visit_not_advised".to_owned(),
            mappa_category: String::new(),
            mappa_level: String::new(),
            note: format!("{family} casenote flag"),
            review_by: today.clone(),
        };
        let flags = json(commands::raise_safety_flag(state, &raise)).unwrap();
        let actions = vec![ActionFormDto {
            what: format!("{family} casenote task"),
            who: "keyworker".to_owned(),
            partner_agency: String::new(),
            due_on: today.clone(),
        }];
        let draft = SaveDraftRequest {
            draft_id: None,
            client_id: id.clone(),
            form: session_form(&today, &format!("{family} casenote session"), actions),
        };
        let draft = commands::save_session_draft(state, &draft).unwrap();
        let signed =
            commands::sign_session_record(state, &SignSessionRequest { draft_id: draft.id })
                .unwrap();
        let booked =
            commands::book_appointment(state, &booking(state, id, 1, admin.clone())).unwrap();
        if id == &own {
            session = signed.id;
        } else if id == &other {
            other_parts = [signed.id, id_of(&flags[0]), booked.id];
        }
    }

    // A joint appointment yesterday on the own client, missed, with a note
    // on the absence: the partner's diary shows the slot, not the note.
    let mut missed = booking(state, &own, -1, admin.clone());
    missed.staff_ids.push(partner.clone());
    let missed = commands::book_appointment(state, &missed).unwrap();
    commands::record_appointment_outcome(
        state,
        &RecordOutcomeRequest {
            appointment_id: missed.id,
            outcome: "did_not_attend".to_owned(),
            reason: String::new(),
            absence: "unacceptable".to_owned(),
            absence_reason: String::new(),
            absence_note: "Ashdown casenote absence".to_owned(),
            new_starts_at: String::new(),
            new_ends_at: String::new(),
        },
    )
    .unwrap();

    // One-use fixtures on the own client, enough for every role.
    let mut flags = Vec::new();
    for n in 0..6 {
        let raise = RaiseSafetyFlagRequest {
            client_id: own.clone(),
            kind: "lone_visit_not_advised".to_owned(),
            mappa_category: String::new(),
            mappa_level: String::new(),
            note: format!("Ashdown casenote flag {n}"),
            review_by: today.clone(),
        };
        let all = json(commands::raise_safety_flag(state, &raise)).unwrap();
        let raised = all
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["note"] == raise.note.as_str())
            .unwrap();
        flags.push(id_of(raised));
    }
    let mut cohort_flags = Vec::new();
    for flag in [
        "ppo",
        "sac",
        "vap",
        "eto",
        "neighbourhood_crime",
        "domestic_abuse",
    ] {
        let request = SetCohortFlagRequest {
            client_id: own.clone(),
            flag: flag.to_owned(),
        };
        let cohort = json(commands::set_cohort_flag(state, &request)).unwrap();
        let entry = cohort["flags"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["flag"] == flag)
            .unwrap_or_else(|| panic!("{cohort}"));
        cohort_flags.push(id_of(entry));
    }
    let unset_cohort_flags = [
        "statutory_iom",
        "woman_short_licence",
        "atr",
        "licence_dtc_dac",
        "community_order",
        "voluntary",
    ]
    .map(str::to_owned)
    .to_vec();
    let actions: Vec<ActionFormDto> = (0..6)
        .map(|n| ActionFormDto {
            what: format!("Ashdown casenote task {n}"),
            who: "keyworker".to_owned(),
            partner_agency: String::new(),
            due_on: today.clone(),
        })
        .collect();
    let draft = SaveDraftRequest {
        draft_id: None,
        client_id: own.clone(),
        form: session_form(&today, "Ashdown casenote actions", actions),
    };
    let draft = commands::save_session_draft(state, &draft).unwrap();
    commands::sign_session_record(state, &SignSessionRequest { draft_id: draft.id }).unwrap();
    let tasks: Vec<String> = commands::my_tasks(state)
        .unwrap()
        .into_iter()
        .filter(|t| t.task.what.starts_with("Ashdown casenote task "))
        .map(|t| t.task.id)
        .collect();
    assert_eq!(tasks.len(), 6);
    let past_appointments: Vec<String> = (0..6)
        .map(|n| {
            commands::book_appointment(state, &booking(state, &own, -1 - n, admin.clone()))
                .unwrap()
                .id
        })
        .collect();
    let appointment = commands::book_appointment(state, &booking(state, &own, 4, admin.clone()))
        .unwrap()
        .id;
    let first = commands::receive_referral(
        state,
        &ReferralRequest {
            client_id: own.clone(),
            route: "self".to_owned(),
            referrer: "The client".to_owned(),
            received_date: today.clone(),
            received_time: String::new(),
            reason: String::new(),
            release_date: String::new(),
        },
    )
    .unwrap();
    let episode = first[0].id.clone();
    commands::record_referral_outcome(
        state,
        &ReferralOutcomeRequest {
            episode_id: episode.clone(),
            outcome: "declined".to_owned(),
            note: String::new(),
            date: today.clone(),
        },
    )
    .unwrap();
    let session_draft = commands::save_session_draft(
        state,
        &SaveDraftRequest {
            draft_id: None,
            client_id: own.clone(),
            form: session_form(&today, "Ashdown casenote draft", Vec::new()),
        },
    )
    .unwrap()
    .id;

    // The assessed client: an episode picked up and an initial assessment.
    let referred = commands::receive_referral(
        state,
        &ReferralRequest {
            client_id: assessed.clone(),
            route: "self".to_owned(),
            referrer: "The client".to_owned(),
            received_date: today.clone(),
            received_time: String::new(),
            reason: String::new(),
            release_date: String::new(),
        },
    )
    .unwrap();
    commands::record_pick_up(
        state,
        &PickUpRequest {
            episode_id: referred[0].id.clone(),
            date: today.clone(),
            time: "00:00".to_owned(),
        },
    )
    .unwrap();
    let assessment = commands::sign_assessment(
        state,
        &SaveAssessmentRequest {
            client_id: assessed.clone(),
            draft_id: None,
            form: assessment_form("initial", &today),
        },
    )
    .unwrap()
    .id;
    let assessment_draft = commands::save_assessment_draft(
        state,
        &SaveAssessmentRequest {
            client_id: assessed.clone(),
            draft_id: None,
            form: assessment_form("review", &today),
        },
    )
    .unwrap()
    .id;

    let share_text = share.to_string_lossy().into_owned();
    commands::connect_shared_folder(
        state,
        &ConnectShareRequest {
            folder: share_text.clone(),
        },
    )
    .unwrap();
    commands::change_unit_settings(state, &hide_other_clients()).unwrap();
    let [other_session, other_flag, other_appointment] = other_parts;
    let targets = Targets {
        own,
        other_session,
        other_flag,
        other_appointment,
        other,
        withdrawn,
        assessed,
        assessment,
        session,
        appointment,
        episode,
        session_draft,
        assessment_draft,
        spare_account,
        share: share_text,
        flags: Pool::new(flags),
        cohort_flags: Pool::new(cohort_flags),
        tasks: Pool::new(tasks),
        past_appointments: Pool::new(past_appointments),
        unset_cohort_flags: Pool::new(unset_cohort_flags),
    };
    (targets, one_time)
}
