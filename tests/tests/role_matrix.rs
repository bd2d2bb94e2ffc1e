//! The role matrix: every command that needs a signed-in account, under
//! every role, against a real encrypted unit through the command layer.
//!
//! Each row is one command (some commands have a row per client they act
//! on) with what each role may do next to it. An allowed call must answer
//! without a refusal, and its answer must hold nothing of a client the
//! role may not see; a refused call must answer `forbidden` (or
//! `reason_required`) in plain words and change nothing.
//!
//! "Nothing changed" means: every table of the unit database holds exactly
//! the rows it held before the call, with the same contents, the change
//! log and the audit trail included. The core writes no audit entry for a
//! refused attempt (there is no such action), so a refusal that left one
//! would show here too.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use casebook::app_state::AppState;
use casebook::commands;
use casebook::ipc::{
    ActionFormDto, AddendumRequest, AllocationRequest, AssessmentAddendumRequest,
    AssessmentFormDto, BookAppointmentRequest, BreakGlassRequest, CaseRoleDto,
    ChangePasswordRequest, ChangeTaskRequest, ClientDetailsRequest, ClientProfileDto,
    ClientProfileRequest, CloseEpisodeRequest, CohortRequest, ConnectShareRequest, ConsentRequest,
    ContestedSubjectDto, DiaryRequest, EndSafetyFlagRequest, ErrorCodeDto, FindClientRequest,
    GoalFormDto, IpcError, MergeRequest, MoveAppointmentRequest, NewAccountRequest,
    NewClientRequest, OgrsRequest, PathwayEntryFormDto, PickUpRequest, ProbationNoticeRequest,
    RagReviewRequest, RaiseSafetyFlagRequest, RecordOutcomeRequest, ReferralOutcomeRequest,
    ReferralRequest, RemoveCohortFlagRequest, ResolveRequest, ReviewSafetyFlagRequest,
    RoleChangeRequest, SaveAssessmentRequest, SaveDraftRequest, SaveExportRequest, SaveGoalRequest,
    SaveTemplateRequest, SearchNotesRequest, SessionFormDto, SetCohortFlagRequest,
    SignSessionRequest, WithdrawComputerRequest,
};
use casebook_core::store::table_digest::TableDigest;
use common::{
    PASSWORD, client, create_request, fresh_state, hide_other_clients, no_filter, sign_in,
};
use serde_json::Value;

/// Commands the matrix leaves out, each with why. Every command in the
/// app's handler list is in the matrix or here (checked below).
pub const EXCLUDED: &[(&str, &str)] = &[
    (
        "startup_state",
        "needs no sign-in: it is what the app asks before anyone signs in",
    ),
    (
        "check_new_password",
        "needs no sign-in and no unit: it checks typed text only",
    ),
    (
        "create_unit",
        "needs no sign-in: it makes the unit and its first account",
    ),
    (
        "open_demo_unit",
        "needs no sign-in: it makes the demo unit, whose people are made up",
    ),
    ("unlock", "is the sign-in itself"),
    (
        "join_unit",
        "is a sign-in: joining a unit from a shared folder",
    ),
    ("recover_with_key", "is a sign-in with the recovery key"),
    (
        "profile_choices",
        "reads no unit at all: the closed lists are the same for everyone",
    ),
    (
        "choose_folder",
        "needs a real window for the system's folder picker",
    ),
    ("print_page", "needs a real webview to print"),
];

/// What a role may do with a row's command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum May {
    /// Allowed: the command answers.
    Yes,
    /// Refused with `forbidden`.
    No,
    /// Refused with `reason_required`: a keyworker outside their access
    /// opens the record with a reason first (break-glass).
    Reason,
    /// Gets past the access check, but the matrix cannot give this command
    /// an input it accepts (it needs a second computer), so any answer
    /// but a refusal of access will do.
    Reaches,
}
use May::{No, Reaches, Reason, Yes};

/// One row's expectation for each role.
#[derive(Debug, Clone, Copy)]
struct Roles {
    keyworker: May,
    manager: May,
    partner: May,
    admin_only: May,
    /// The unit's creator: an administrator who is also a manager.
    admin: May,
}

/// Every signed-in account.
#[rustfmt::skip]
const EVERYONE: Roles = Roles { keyworker: Yes, manager: Yes, partner: Yes, admin_only: Yes, admin: Yes };
/// Everyone with a case role; never an administration-only account.
#[rustfmt::skip]
const CASE_ROLES: Roles = Roles { keyworker: Yes, manager: Yes, partner: Yes, admin_only: No, admin: Yes };
/// Those who change casework: the keyworker (on their own client) and managers.
#[rustfmt::skip]
const CASEWORK: Roles = Roles { keyworker: Yes, manager: Yes, partner: No, admin_only: No, admin: Yes };
/// Managers only (the creator is one).
#[rustfmt::skip]
const MANAGERS: Roles = Roles { keyworker: No, manager: Yes, partner: No, admin_only: No, admin: Yes };
/// Administrators only: accounts, settings, recovery.
#[rustfmt::skip]
const ADMINISTRATORS: Roles = Roles { keyworker: No, manager: No, partner: No, admin_only: Yes, admin: Yes };
/// Managers and administrators: the audit trail, computers, the shared folder.
#[rustfmt::skip]
const OVERSIGHT: Roles = Roles { keyworker: No, manager: Yes, partner: No, admin_only: Yes, admin: Yes };
/// Keyworkers only: reaching clients outside their caseload.
#[rustfmt::skip]
const KEYWORKERS: Roles = Roles { keyworker: Yes, manager: No, partner: No, admin_only: No, admin: No };

/// Which client a row acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum On {
    /// No client, or clients the check makes itself.
    Unit,
    /// The keyworker's own client.
    Own,
    /// A client nobody holds, in a unit that hides other keyworkers'
    /// clients: the keyworker needs a reason to open them.
    Other,
    /// The keyworker's client who withdrew consent to share with the
    /// partner's agency (Police).
    Withdrawn,
}

type Answer = Result<Value, IpcError>;
type Check = fn(&Ctx<'_>) -> Answer;

struct Row {
    command: &'static str,
    on: On,
    allowed: Roles,
    check: Check,
    /// An allowed call reads a client's record, so it must leave an audit
    /// entry.
    audited_read: bool,
    /// Why an allowed answer may name a client the role cannot otherwise
    /// see (break-glass, an exact search, the audit trail).
    names_by_design: Option<&'static str>,
}

fn row(command: &'static str, on: On, allowed: Roles, check: Check) -> Row {
    Row {
        command,
        on,
        allowed,
        check,
        audited_read: false,
        names_by_design: None,
    }
}

impl Row {
    fn audited_read(mut self) -> Row {
        self.audited_read = true;
        self
    }

    fn names_by_design(mut self, why: &'static str) -> Row {
        self.names_by_design = Some(why);
        self
    }
}

/// The fixtures the checks act on, made by the unit's creator.
struct Targets {
    own: String,
    other: String,
    withdrawn: String,
    /// The keyworker's client with an episode picked up and an initial
    /// assessment signed, for the assessment rows.
    assessed: String,
    assessment: String,
    /// A signed session record on the own client.
    session: String,
    /// The other client's signed session record, safety flag and
    /// appointment: reached by id, they must be as closed to the keyworker
    /// as the client.
    other_session: String,
    other_flag: String,
    other_appointment: String,
    /// A future appointment on the own client, moved by each who may.
    appointment: String,
    /// An ended episode on the own client, for those refused.
    episode: String,
    /// A draft of the creator's on the own client: others cannot touch it.
    session_draft: String,
    assessment_draft: String,
    /// A spare keyworker account for the account rows.
    spare_account: String,
    share: String,
    /// One-use fixtures, each taken by one call.
    flags: Pool,
    cohort_flags: Pool,
    tasks: Pool,
    past_appointments: Pool,
    /// Cohort flags not yet set on the own client.
    unset_cohort_flags: Pool,
}

struct Pool {
    items: Vec<String>,
    next: Cell<usize>,
}

impl Pool {
    fn new(items: Vec<String>) -> Pool {
        Pool {
            items,
            next: Cell::new(0),
        }
    }

    fn take(&self) -> String {
        let n = self.next.get();
        self.next.set(n + 1);
        self.items
            .get(n)
            .cloned()
            .unwrap_or_else(|| panic!("the pool ran out after {n}"))
    }
}

/// Who is signed in, and what the check acts on.
struct Ctx<'a> {
    s: &'a AppState,
    t: &'a Targets,
    /// The client of the row (`On`), empty for `On::Unit`.
    client: &'a str,
    username: &'a str,
    password: &'a RefCell<String>,
    /// The unit as it was just before the action under test; a check that
    /// first makes what it acts on takes it again with `mark`.
    before: &'a RefCell<Fingerprint>,
}

impl Ctx<'_> {
    fn mark(&self) {
        *self.before.borrow_mut() = fingerprint(self.s);
    }

    fn today(&self) -> String {
        self.s.clock.local_now().date().to_string()
    }

    fn me(&self) -> String {
        commands::startup_state(self.s)
            .unwrap()
            .session
            .unwrap()
            .account_id
    }
}

type Fingerprint = BTreeMap<String, TableDigest>;

fn fingerprint(state: &AppState) -> Fingerprint {
    state
        .open_unit()
        .as_ref()
        .expect("a unit is open")
        .table_digests()
        .unwrap()
}

fn json<T: serde::Serialize>(answer: Result<T, IpcError>) -> Answer {
    answer.map(|a| serde_json::to_value(a).unwrap())
}

/// An export's answer: the contents of the file it wrote.
fn exported(path: Result<String, IpcError>) -> Answer {
    path.map(|path| Value::String(std::fs::read_to_string(path).unwrap()))
}

fn id_of(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

fn at(state: &AppState, days: i64, hour: u32) -> String {
    (state.clock.local_now().date() + chrono::Duration::days(days))
        .and_hms_opt(hour, 0, 0)
        .unwrap()
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

fn booking(state: &AppState, client: &str, days: i64, staff: String) -> BookAppointmentRequest {
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

fn session_form(today: &str, notes: &str, actions: Vec<ActionFormDto>) -> SessionFormDto {
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

fn assessment_form(kind: &str, on: &str) -> AssessmentFormDto {
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

fn referral(c: &Ctx<'_>, client: &str) -> ReferralRequest {
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

fn decline(c: &Ctx<'_>, episode: String) -> Answer {
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

fn close(c: &Ctx<'_>, episode: String) -> Answer {
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

fn pick_up(c: &Ctx<'_>, episode: String) -> Answer {
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
fn fresh_episode(c: &Ctx<'_>) -> String {
    match commands::receive_referral(c.s, &referral(c, &c.t.own)) {
        Ok(episodes) => episodes[0].id.clone(),
        Err(_) => c.t.episode.clone(),
    }
}

fn profile() -> ClientProfileDto {
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

/// Every row: the command, the client it acts on, who may, and the call.
#[rustfmt::skip]
fn rows() -> Vec<Row> {
    vec![
        // Signing out and one's own password: every account.
        row("lock", On::Unit, EVERYONE, |c| {
            commands::lock(c.s)?;
            let locked = commands::list_clients(c.s).unwrap_err();
            assert_eq!(locked.code, ErrorCodeDto::Locked);
            json(commands::unlock(c.s, &sign_in(c.username, &c.password.borrow())))
        }),
        row("change_password", On::Unit, EVERYONE, |c| {
            let current = c.password.borrow().clone();
            let new = if current.ends_with("again") {
                current.trim_end_matches(" again").to_owned()
            } else {
                format!("{current} again")
            };
            let request = ChangePasswordRequest { current_password: current, new_password: new.clone() };
            let answer = json(commands::change_password(c.s, &request))?;
            *c.password.borrow_mut() = new;
            Ok(answer)
        }),
        // Sync: every account's computer syncs; only managers and
        // administrators connect it or decide about other computers.
        row("sync_status", On::Unit, EVERYONE, |c| json(commands::sync_status(c.s))),
        row("sync_now", On::Unit, EVERYONE, |c| json(commands::sync_now(c.s))),
        row("connect_shared_folder", On::Unit, OVERSIGHT, |c| {
            json(commands::connect_shared_folder(c.s, &ConnectShareRequest { folder: c.t.share.clone() }))
        }),
        row("computers", On::Unit, OVERSIGHT, |c| json(commands::computers(c.s))),
        // A second computer is needed to approve or withdraw one for real.
        row("approve_computer", On::Unit, Roles { keyworker: No, manager: Reaches, partner: No, admin_only: Reaches, admin: Reaches }, |c| {
            json(commands::approve_computer(c.s, "0190f5b2-7c1d-7000-8000-000000000001"))
        }),
        row("withdraw_computer", On::Unit, Roles { keyworker: No, manager: Reaches, partner: No, admin_only: Reaches, admin: Reaches }, |c| {
            let request = WithdrawComputerRequest {
                device: "0190f5b2-7c1d-7000-8000-000000000001".to_owned(),
                reason: "The laptop was stolen from a car".to_owned(),
            };
            json(commands::withdraw_computer(c.s, &request))
        }),
        // Resolve items show case notes: the unit's list holds only clients
        // the account has full access to (a partner's is empty); a client's
        // list is for those who may read the whole record, and is audited.
        row("resolve_items", On::Unit, CASE_ROLES, |c| json(commands::resolve_items(c.s))),
        row("resolve_items_of_client", On::Own, CASEWORK, |c| {
            json(commands::resolve_items_of_client(c.s, c.client))
        }).audited_read(),
        // (The keyworker has not yet opened this client with a reason: that
        // row comes later, and another row of this command after it.)
        row("resolve_items_of_client", On::Other, Roles { keyworker: Reason, manager: Yes, partner: No, admin_only: No, admin: Yes }, |c| {
            json(commands::resolve_items_of_client(c.s, c.client))
        }).audited_read(),
        row("resolve_items_of_client", On::Withdrawn, CASEWORK, |c| {
            json(commands::resolve_items_of_client(c.s, c.client))
        }).audited_read(),
        // Nothing is contested without a second computer; those who may
        // choose get past the access check (choosing is in the core's
        // sync_resolve_items tests).
        row("resolve", On::Own, Roles { keyworker: Reaches, manager: Reaches, partner: No, admin_only: No, admin: Reaches }, |c| {
            let request = ResolveRequest {
                subject: ContestedSubjectDto::Rag,
                subject_id: c.client.to_owned(),
                chosen: "0190f5b2-7c1d-7000-8000-000000000002".to_owned(),
            };
            json(commands::resolve(c.s, &request))
        }),
        row("resolve", On::Other, Roles { keyworker: No, manager: Reaches, partner: No, admin_only: No, admin: Reaches }, |c| {
            let request = ResolveRequest {
                subject: ContestedSubjectDto::Rag,
                subject_id: c.client.to_owned(),
                chosen: "0190f5b2-7c1d-7000-8000-000000000002".to_owned(),
            };
            json(commands::resolve(c.s, &request))
        }),
        // The caseload and finding clients.
        row("list_clients", On::Unit, CASE_ROLES, |c| json(commands::list_clients(c.s))),
        row("search_clients", On::Unit, CASE_ROLES, |c| {
            // Every fixture client's family name, one at a time.
            let mut found = Vec::new();
            for name in ["Ashdown", "Brackley", "Crondall"] {
                found.push(json(commands::search_clients(c.s, name))?);
            }
            Ok(Value::Array(found))
        }),
        row("add_client", On::Unit, CASEWORK, |c| {
            let request = NewClientRequest { confirmed_new_person: true, ..client("Eve", "Newcombe", "1991-02-03") };
            json(commands::add_client(c.s, &request))
        }),
        // A duplicate check shows who already matches, whoever holds them:
        // for those who add clients, and audited.
        row("find_probable_duplicates", On::Unit, CASEWORK, |c| {
            json(commands::find_probable_duplicates(c.s, &client("Ann", "Ashdown", "1980-01-01")))
        }),
        row("duplicates_of_client", On::Own, MANAGERS, |c| json(commands::duplicates_of_client(c.s, c.client))),
        row("merge_clients", On::Unit, MANAGERS, |c| {
            let add = |given: &str| {
                let request = NewClientRequest { confirmed_new_person: true, ..client(given, "Mergeworth", "1970-07-07") };
                commands::add_client(c.s, &request).map(|r| r.id)
            };
            let (kept, merged) = match (add("Kim"), add("Kym")) {
                (Ok(kept), Ok(merged)) => (kept, merged),
                _ => (c.t.own.clone(), c.t.withdrawn.clone()),
            };
            c.mark();
            let request = MergeRequest { kept_id: kept, merged_id: merged, reason: "The same person entered twice".to_owned() };
            json(commands::merge_clients(c.s, &request))
        }),
        row("delete_client", On::Unit, MANAGERS, |c| {
            let request = NewClientRequest { confirmed_new_person: true, ..client("Testy", "Record", "1999-09-09") };
            let target = commands::add_client(c.s, &request).map(|r| r.id).unwrap_or_else(|_| c.t.own.clone());
            c.mark();
            json(commands::delete_client(c.s, &target, "Made for the role check, not a person"))
        }),
        // One client's record.
        row("view_client", On::Own, CASE_ROLES, |c| json(commands::view_client(c.s, c.client))).audited_read(),
        row("view_client", On::Other, Roles { keyworker: Reason, manager: Yes, partner: Yes, admin_only: No, admin: Yes }, |c| {
            json(commands::view_client(c.s, c.client))
        }).audited_read(),
        row("view_client", On::Withdrawn, CASEWORK, |c| json(commands::view_client(c.s, c.client))).audited_read(),
        row("open_client_with_reason", On::Other, KEYWORKERS, |c| {
            let request = BreakGlassRequest { client_id: c.client.to_owned(), reason: "Police asked about a missed curfew tonight".to_owned() };
            json(commands::open_client_with_reason(c.s, &request))
        }).audited_read().names_by_design("break-glass opens the record, with the reason audited"),
        // Once the keyworker has opened the record with a reason, they may
        // read its resolve items too, that day.
        row("resolve_items_of_client", On::Other, Roles { keyworker: Yes, manager: Yes, partner: No, admin_only: No, admin: Yes }, |c| {
            json(commands::resolve_items_of_client(c.s, c.client))
        }).audited_read().names_by_design("after break-glass, audited"),
        row("find_clients_outside_caseload", On::Unit, KEYWORKERS, |c| {
            let request = FindClientRequest { family_name: "Brackley".to_owned(), date_of_birth: "1975-06-01".to_owned() };
            json(commands::find_clients_outside_caseload(c.s, &request))
        }).names_by_design("an exact family name and date of birth the keyworker already knows; audited"),
        row("update_client_details", On::Own, CASEWORK, |c| {
            let request = ClientDetailsRequest { client_id: c.client.to_owned(), details: client("Ann", "Ashdown", "1980-01-01") };
            json(commands::update_client_details(c.s, &request))
        }),
        row("update_client_details", On::Other, MANAGERS, |c| {
            let request = ClientDetailsRequest { client_id: c.client.to_owned(), details: client("Bo", "Brackley", "1975-06-01") };
            json(commands::update_client_details(c.s, &request))
        }),
        row("update_client_profile", On::Own, CASEWORK, |c| {
            let request = ClientProfileRequest { client_id: c.client.to_owned(), profile: profile() };
            json(commands::update_client_profile(c.s, &request))
        }),
        row("allocatable_staff", On::Unit, MANAGERS, |c| json(commands::allocatable_staff(c.s))),
        row("allocate_client", On::Other, MANAGERS, |c| {
            let request = AllocationRequest { client_id: c.client.to_owned(), keyworker_id: None, co_worker_id: None, reason: String::new() };
            json(commands::allocate_client(c.s, &request))
        }),
        // What is recorded on a client: full access only.
        row("review_rag", On::Own, CASEWORK, |c| {
            let request = RagReviewRequest { client_id: c.client.to_owned(), rating: "amber".to_owned(), reason: String::new(), next_review: String::new() };
            json(commands::review_rag(c.s, &request))
        }),
        row("review_rag", On::Other, MANAGERS, |c| {
            let request = RagReviewRequest { client_id: c.client.to_owned(), rating: "amber".to_owned(), reason: String::new(), next_review: String::new() };
            json(commands::review_rag(c.s, &request))
        }),
        row("set_cohort_flag", On::Own, CASEWORK, |c| {
            let request = SetCohortFlagRequest { client_id: c.client.to_owned(), flag: c.t.unset_cohort_flags.take() };
            json(commands::set_cohort_flag(c.s, &request))
        }),
        row("remove_cohort_flag", On::Own, CASEWORK, |c| {
            let request = RemoveCohortFlagRequest { flag_id: c.t.cohort_flags.take(), reason: "Entered on the wrong client".to_owned() };
            json(commands::remove_cohort_flag(c.s, &request))
        }),
        row("record_ogrs", On::Own, CASEWORK, |c| {
            let request = OgrsRequest { client_id: c.client.to_owned(), score: "62".to_owned(), scored_on: c.today() };
            json(commands::record_ogrs(c.s, &request))
        }),
        row("record_consent", On::Own, CASEWORK, |c| {
            let request = ConsentRequest { client_id: c.client.to_owned(), agency: "Probation".to_owned(), decision: "given".to_owned(), how: "verbally".to_owned(), decided_on: c.today() };
            json(commands::record_consent(c.s, &request))
        }),
        row("raise_safety_flag", On::Own, CASEWORK, |c| {
            let request = RaiseSafetyFlagRequest {
                client_id: c.client.to_owned(),
                kind: "lone_visit_not_advised".to_owned(),
                mappa_category: String::new(),
                mappa_level: String::new(),
                note: "Dog at the address; visit in pairs".to_owned(),
                review_by: c.today(),
            };
            json(commands::raise_safety_flag(c.s, &request))
        }),
        row("raise_safety_flag", On::Other, MANAGERS, |c| {
            let request = RaiseSafetyFlagRequest {
                client_id: c.client.to_owned(),
                kind: "lone_visit_not_advised".to_owned(),
                mappa_category: String::new(),
                mappa_level: String::new(),
                note: "Dog at the address; visit in pairs".to_owned(),
                review_by: c.today(),
            };
            json(commands::raise_safety_flag(c.s, &request))
        }),
        row("review_safety_flag", On::Own, CASEWORK, |c| {
            let request = ReviewSafetyFlagRequest { flag_id: c.t.flags.items.last().unwrap().clone(), note: "Still a dog at the address".to_owned(), review_by: c.today() };
            json(commands::review_safety_flag(c.s, &request))
        }),
        row("review_safety_flag", On::Other, MANAGERS, |c| {
            let request = ReviewSafetyFlagRequest { flag_id: c.t.other_flag.clone(), note: "Still a dog at the address".to_owned(), review_by: c.today() };
            json(commands::review_safety_flag(c.s, &request))
        }),
        row("end_safety_flag", On::Own, CASEWORK, |c| {
            let request = EndSafetyFlagRequest { flag_id: c.t.flags.take(), reason: "The dog has been rehomed".to_owned() };
            json(commands::end_safety_flag(c.s, &request))
        }),
        // Flags due for review on clients the account can change; a
        // partner's list is empty.
        row("safety_reviews_due", On::Unit, CASE_ROLES, |c| json(commands::safety_reviews_due(c.s))),
        // Referrals and episodes: each who may starts one and ends it, so
        // the next can start one too (one open episode at a time).
        row("receive_referral", On::Own, CASEWORK, |c| {
            let episodes = json(commands::receive_referral(c.s, &referral(c, c.client)))?;
            decline(c, id_of(&episodes[0]))?;
            Ok(episodes)
        }),
        row("record_pick_up", On::Own, CASEWORK, |c| {
            let episode = fresh_episode(c);
            c.mark();
            let answer = pick_up(c, episode.clone())?;
            close(c, episode)?;
            Ok(answer)
        }),
        row("record_referral_outcome", On::Own, CASEWORK, |c| {
            let episode = fresh_episode(c);
            c.mark();
            decline(c, episode)
        }),
        row("close_episode", On::Own, CASEWORK, |c| {
            let episode = fresh_episode(c);
            if episode != c.t.episode {
                pick_up(c, episode.clone())?;
            }
            c.mark();
            close(c, episode)
        }),
        // Appointments and the diary.
        row("booking_warnings", On::Own, CASEWORK, |c| {
            json(commands::booking_warnings(c.s, &booking(c.s, c.client, 3, c.me())))
        }),
        row("book_appointment", On::Own, CASEWORK, |c| {
            json(commands::book_appointment(c.s, &booking(c.s, c.client, 3, c.me())))
        }),
        row("book_appointment", On::Other, MANAGERS, |c| {
            json(commands::book_appointment(c.s, &booking(c.s, c.client, 3, c.me())))
        }),
        row("move_appointment", On::Own, CASEWORK, |c| {
            let request = MoveAppointmentRequest {
                appointment_id: c.t.appointment.clone(),
                starts_at: at(c.s, 5, 14),
                ends_at: at(c.s, 5, 15),
                room: String::new(),
            };
            json(commands::move_appointment(c.s, &request))
        }),
        row("move_appointment", On::Other, MANAGERS, |c| {
            let request = MoveAppointmentRequest {
                appointment_id: c.t.other_appointment.clone(),
                starts_at: at(c.s, 5, 16),
                ends_at: at(c.s, 5, 17),
                room: String::new(),
            };
            json(commands::move_appointment(c.s, &request))
        }),
        row("record_appointment_outcome", On::Own, CASEWORK, |c| {
            let request = RecordOutcomeRequest {
                appointment_id: c.t.past_appointments.take(),
                outcome: "attended".to_owned(),
                reason: String::new(),
                absence: String::new(),
                absence_reason: String::new(),
                absence_note: String::new(),
                new_starts_at: String::new(),
                new_ends_at: String::new(),
            };
            json(commands::record_appointment_outcome(c.s, &request))
        }),
        row("diary", On::Unit, CASE_ROLES, |c| {
            let yesterday = c.s.clock.local_now().date() - chrono::Duration::days(1);
            let request = DiaryRequest { first_day: yesterday.to_string(), days: 7, staff_id: None, whole_unit: false };
            json(commands::diary(c.s, &request))
        }),
        row("diary", On::Unit, MANAGERS, |c| {
            let request = DiaryRequest { first_day: c.today(), days: 7, staff_id: None, whole_unit: true };
            json(commands::diary(c.s, &request))
        }),
        // Session records: drafts are their author's; signing, addenda and
        // actions need full access to the client.
        row("save_session_draft", On::Own, CASEWORK, |c| {
            let request = SaveDraftRequest { draft_id: None, client_id: c.client.to_owned(), form: session_form(&c.today(), "A draft", Vec::new()) };
            json(commands::save_session_draft(c.s, &request))
        }),
        row("save_session_draft", On::Other, MANAGERS, |c| {
            let request = SaveDraftRequest { draft_id: None, client_id: c.client.to_owned(), form: session_form(&c.today(), "A draft", Vec::new()) };
            json(commands::save_session_draft(c.s, &request))
        }),
        row("discard_session_draft", On::Own, CASEWORK, |c| {
            let request = SaveDraftRequest { draft_id: None, client_id: c.client.to_owned(), form: session_form(&c.today(), "A draft", Vec::new()) };
            let draft = commands::save_session_draft(c.s, &request).map(|d| d.id).unwrap_or_else(|_| c.t.session_draft.clone());
            c.mark();
            json(commands::discard_session_draft(c.s, &draft))
        }),
        row("session_drafts", On::Unit, CASE_ROLES, |c| json(commands::session_drafts(c.s))),
        row("sign_session_record", On::Own, CASEWORK, |c| {
            let request = SaveDraftRequest { draft_id: None, client_id: c.client.to_owned(), form: session_form(&c.today(), "Talked about the weekend", Vec::new()) };
            let draft = commands::save_session_draft(c.s, &request).map(|d| d.id).unwrap_or_else(|_| c.t.session_draft.clone());
            c.mark();
            json(commands::sign_session_record(c.s, &SignSessionRequest { draft_id: draft }))
        }),
        row("add_session_addendum", On::Own, CASEWORK, |c| {
            let request = AddendumRequest { session_id: c.t.session.clone(), text: "The use was on Saturday.".to_owned() };
            json(commands::add_session_addendum(c.s, &request))
        }),
        row("add_session_addendum", On::Other, MANAGERS, |c| {
            let request = AddendumRequest { session_id: c.t.other_session.clone(), text: "The use was on Saturday.".to_owned() };
            json(commands::add_session_addendum(c.s, &request))
        }),
        // Tasks: one's own list; changing one that is someone else's needs
        // full access to the client.
        row("my_tasks", On::Unit, CASE_ROLES, |c| json(commands::my_tasks(c.s))),
        row("change_task", On::Own, CASEWORK, |c| {
            let request = ChangeTaskRequest { task_id: c.t.tasks.take(), change: casebook::ipc::TaskChangeKindDto::Done, reason: String::new(), to_account_id: None };
            json(commands::change_task(c.s, &request))
        }),
        row("record_probation_notice", On::Own, CASEWORK, |c| {
            let request = ProbationNoticeRequest { client_id: c.client.to_owned(), order_flag: "drr".to_owned(), what: "warning".to_owned(), sent_on: c.today(), note: String::new() };
            json(commands::record_probation_notice(c.s, &request))
        }),
        // Note search finds notes only on clients the account may read
        // whole: a partner's search answers nothing (the search box offers
        // it to everyone). Opening a note found is an audited view.
        row("search_session_notes", On::Unit, CASE_ROLES, |c| {
            json(commands::search_session_notes(c.s, &SearchNotesRequest { words: "casenote".to_owned() }))
        }),
        row("session_templates", On::Unit, CASE_ROLES, |c| json(commands::session_templates(c.s))),
        row("save_session_template", On::Unit, MANAGERS, |c| {
            let request = SaveTemplateRequest {
                template_id: None,
                name: "Relapse prevention review".to_owned(),
                pathways: vec!["drugs_and_alcohol".to_owned()],
                interventions: vec!["relapse_prevention".to_owned()],
                notes: "Triggers since last time:".to_owned(),
                retired: false,
            };
            json(commands::save_session_template(c.s, &request))
        }),
        // Seven pathways assessments and the support plan.
        row("save_assessment_draft", On::Own, CASEWORK, |c| {
            let request = SaveAssessmentRequest { client_id: c.t.assessed.clone(), draft_id: None, form: assessment_form("review", &c.today()) };
            json(commands::save_assessment_draft(c.s, &request))
        }),
        row("discard_assessment_draft", On::Own, CASEWORK, |c| {
            let request = SaveAssessmentRequest { client_id: c.t.assessed.clone(), draft_id: None, form: assessment_form("review", &c.today()) };
            let draft = commands::save_assessment_draft(c.s, &request).map(|d| d.id).unwrap_or_else(|_| c.t.assessment_draft.clone());
            c.mark();
            json(commands::discard_assessment_draft(c.s, &draft))
        }),
        row("sign_assessment", On::Own, CASEWORK, |c| {
            let request = SaveAssessmentRequest { client_id: c.t.assessed.clone(), draft_id: None, form: assessment_form("review", &c.today()) };
            json(commands::sign_assessment(c.s, &request))
        }),
        row("add_assessment_addendum", On::Own, CASEWORK, |c| {
            let request = AssessmentAddendumRequest { assessment_id: c.t.assessment.clone(), text: "The housing score was agreed with the client.".to_owned() };
            json(commands::add_assessment_addendum(c.s, &request))
        }),
        row("save_plan_goal", On::Own, CASEWORK, |c| {
            let target = c.s.clock.local_now().date() + chrono::Duration::days(60);
            let request = SaveGoalRequest {
                client_id: c.client.to_owned(),
                goal_id: None,
                goal: GoalFormDto { pathway: "accommodation".to_owned(), client_words: "Somewhere settled to live".to_owned(), who: "client".to_owned(), target_on: target.to_string(), ..GoalFormDto::default() },
            };
            json(commands::save_plan_goal(c.s, &request))
        }),
        row("cohort_outcomes", On::Unit, MANAGERS, |c| json(commands::cohort_outcomes(c.s, &CohortRequest::default()))),
        // A chart the page drew leaves Casebook: anyone with a case role,
        // audited (the core cannot see what the picture holds).
        row("export_chart", On::Unit, CASE_ROLES, |c| {
            let request = SaveExportRequest { suggested_name: "radar.svg".to_owned(), bytes: b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".to_vec() };
            json(commands::export_chart(c.s, &request))
        }),
        // The unit's settings: everyone reads them (the idle lock applies
        // to all); administrators change them.
        row("unit_settings", On::Unit, EVERYONE, |c| json(commands::unit_settings(c.s))),
        row("change_unit_settings", On::Unit, ADMINISTRATORS, |c| json(commands::change_unit_settings(c.s, &hide_other_clients()))),
        // Accounts and recovery.
        row("issue_recovery_key", On::Unit, ADMINISTRATORS, |c| json(commands::issue_recovery_key(c.s))),
        row("list_accounts", On::Unit, ADMINISTRATORS, |c| json(commands::list_accounts(c.s))),
        row("add_account", On::Unit, ADMINISTRATORS, |c| {
            let request = NewAccountRequest {
                username: format!("extra{}", c.username),
                full_name: "Extra Person".to_owned(),
                agency: "Council".to_owned(),
                case_role: Some(CaseRoleDto::Partner),
                administrator: false,
                gender: None,
            };
            json(commands::add_account(c.s, &request))
        }),
        row("disable_account", On::Unit, ADMINISTRATORS, |c| json(commands::disable_account(c.s, &c.t.spare_account))),
        row("enable_account", On::Unit, ADMINISTRATORS, |c| json(commands::enable_account(c.s, &c.t.spare_account))),
        row("change_account_role", On::Unit, ADMINISTRATORS, |c| {
            // The spare account becomes a partner: only whether the change
            // is allowed matters here.
            let request = RoleChangeRequest { account_id: c.t.spare_account.clone(), case_role: Some(CaseRoleDto::Partner), administrator: false };
            json(commands::change_account_role(c.s, &request))
        }),
        row("release_sign_in", On::Unit, ADMINISTRATORS, |c| json(commands::release_sign_in(c.s, "someone"))),
        // The audit trail names the client of each entry for a manager; an
        // administration-only account gets the entries without the names.
        // An export answers with the file's contents, so they are checked too.
        row("audit_trail", On::Unit, OVERSIGHT, |c| json(commands::audit_trail(c.s, &no_filter()))),
        row("verify_audit_trail", On::Unit, OVERSIGHT, |c| json(commands::verify_audit_trail(c.s))),
        row("export_audit_csv", On::Unit, OVERSIGHT, |c| exported(commands::export_audit_csv(c.s, &no_filter()))),
        row("export_audit_csv_to_share", On::Unit, OVERSIGHT, |c| exported(commands::export_audit_csv_to_share(c.s, &no_filter()))),
    ]
}

/// The distinct commands the matrix covers.
pub fn matrix_commands() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = rows().iter().map(|r| r.command).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The commands the app registers: the rows of the command table, from
/// which the handler list is made.
fn handler_commands() -> Vec<String> {
    let names: Vec<String> = casebook::commands::COMMANDS
        .iter()
        .map(|command| command.name.to_owned())
        .collect();
    assert!(
        names.len() > 50,
        "the command table was not read: {names:?}"
    );
    names
}

#[test]
fn every_command_is_in_the_matrix_or_excluded_with_a_reason() {
    let covered = matrix_commands();
    let handlers = handler_commands();
    for name in &handlers {
        let in_matrix = covered.contains(&name.as_str());
        let excluded = EXCLUDED.iter().any(|(e, _)| e == name);
        assert!(
            in_matrix || excluded,
            "{name} is neither in the role matrix nor excluded"
        );
        assert!(
            !(in_matrix && excluded),
            "{name} is both in the matrix and excluded"
        );
    }
    for name in covered
        .iter()
        .copied()
        .chain(EXCLUDED.iter().map(|(e, _)| *e))
    {
        assert!(
            handlers.iter().any(|h| h == name),
            "{name} is not a command any more"
        );
    }
    assert_eq!(covered.len() + EXCLUDED.len(), handlers.len());
}

/// The accounts the matrix signs in as, in turn.
const ROLES: [&str; 5] = ["keyworker", "manager", "partner", "adminonly", "admin"];

fn expected(roles: Roles, username: &str) -> May {
    match username {
        "keyworker" => roles.keyworker,
        "manager" => roles.manager,
        "partner" => roles.partner,
        "adminonly" => roles.admin_only,
        "admin" => roles.admin,
        other => panic!("no role {other}"),
    }
}

/// What must never appear in an answer to this account: the family names
/// of clients it may not see, and (for those who see no casework) the word
/// every fixture's case notes carry.
fn unseen(username: &str) -> &'static [&'static str] {
    match username {
        "keyworker" => &["Brackley"],
        "partner" => &["Crondall", "casenote"],
        "adminonly" => &["Ashdown", "Brackley", "Crondall", "casenote"],
        _ => &[],
    }
}

/// The creator makes the accounts, the clients and what the checks act on.
fn set_up(state: &AppState, share: &std::path::Path) -> (Targets, Vec<(&'static str, String)>) {
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

/// Every command under every role: allowed, or refused in plain words with
/// nothing changed; and no allowed answer shows what the role may not see.
#[test]
fn every_command_under_every_role() {
    let (data, state) = fresh_state();
    let state = state.with_export_folder(data.path().join("exports"));
    commands::create_unit(&state, &create_request()).unwrap();
    let share = tempfile::tempdir().unwrap();
    let (targets, one_time) = set_up(&state, share.path());
    commands::lock(&state).unwrap();

    let chosen = "granite lantern orchard";
    let mut passwords: Vec<(&str, RefCell<String>)> = Vec::new();
    for (username, password) in &one_time {
        let session = commands::unlock(&state, &sign_in(username, password)).unwrap();
        assert!(session.must_change_password);
        let blocked = commands::list_clients(&state).unwrap_err();
        assert_eq!(blocked.code, ErrorCodeDto::PasswordChangeRequired);
        let change = ChangePasswordRequest {
            current_password: password.clone(),
            new_password: chosen.to_owned(),
        };
        assert!(
            !commands::change_password(&state, &change)
                .unwrap()
                .must_change_password
        );
        commands::lock(&state).unwrap();
        passwords.push((username, RefCell::new(chosen.to_owned())));
    }
    passwords.push(("admin", RefCell::new(PASSWORD.to_owned())));

    let rows = rows();
    let mut failures = Vec::new();
    for username in ROLES {
        let password = &passwords.iter().find(|(u, _)| *u == username).unwrap().1;
        let session = commands::unlock(&state, &sign_in(username, &password.borrow())).unwrap();
        if username == "admin" {
            assert_eq!(session.case_role, Some(CaseRoleDto::Manager));
            assert!(session.administrator, "the creator administers and manages");
        }
        for row in &rows {
            let client = match row.on {
                On::Unit => "",
                On::Own => &targets.own,
                On::Other => &targets.other,
                On::Withdrawn => &targets.withdrawn,
            };
            let before = RefCell::new(fingerprint(&state));
            let ctx = Ctx {
                s: &state,
                t: &targets,
                client,
                username,
                password,
                before: &before,
            };
            let answer = (row.check)(&ctx);
            let may = expected(row.allowed, username);
            let what = format!("{username} {} ({:?})", row.command, row.on);
            if let Some(problem) = judge(&state, row, may, &answer, &before.borrow(), username) {
                failures.push(format!("{what}: {problem}"));
            }
        }
        commands::lock(&state).unwrap();
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The words the answers are searched for are there to be found: a
    // manager's view of each client shows them.
    commands::unlock(
        &state,
        &sign_in("admin", &passwords.last().unwrap().1.borrow()),
    )
    .unwrap();
    for id in [&targets.own, &targets.other, &targets.withdrawn] {
        let seen = json(commands::view_client(&state, id)).unwrap().to_string();
        assert!(seen.contains("casenote"), "{seen}");
    }
    let exported = std::fs::read_dir(data.path().join("exports"))
        .unwrap()
        .count();
    assert!(exported >= 1);
}

/// What is wrong with one answer, if anything.
fn judge(
    state: &AppState,
    row: &Row,
    may: May,
    answer: &Answer,
    before: &Fingerprint,
    username: &str,
) -> Option<String> {
    let refused_as = |error: &IpcError, code: ErrorCodeDto| -> Option<String> {
        if error.code != code {
            return Some(format!(
                "refused with {:?}, not {code:?}: {}",
                error.code, error.message
            ));
        }
        if code == ErrorCodeDto::Forbidden && !error.message.starts_with("Your account cannot") {
            return Some(format!("a refusal not in plain words: {}", error.message));
        }
        let after = fingerprint(state);
        let changed: Vec<&String> = after
            .keys()
            .chain(before.keys())
            .filter(|t| after.get(*t) != before.get(*t))
            .collect();
        (!changed.is_empty()).then(|| format!("refused, but changed {changed:?}"))
    };
    match (may, answer) {
        (May::No, Err(error)) => refused_as(error, ErrorCodeDto::Forbidden),
        (May::Reason, Err(error)) => refused_as(error, ErrorCodeDto::ReasonRequired),
        (May::No | May::Reason, Ok(_)) => Some("allowed, and must not be".to_owned()),
        (May::Yes, Err(error)) => Some(format!(
            "should be allowed: {:?} {}",
            error.code, error.message
        )),
        (May::Reaches, Err(error))
            if matches!(
                error.code,
                ErrorCodeDto::Forbidden
                    | ErrorCodeDto::ReasonRequired
                    | ErrorCodeDto::Locked
                    | ErrorCodeDto::PasswordChangeRequired
            ) =>
        {
            Some(format!(
                "should get past the access check: {}",
                error.message
            ))
        }
        (May::Reaches, Err(_)) => None,
        (May::Yes | May::Reaches, Ok(value)) => {
            let text = value.to_string();
            if row.names_by_design.is_none()
                && let Some(word) = unseen(username).iter().find(|w| text.contains(*w))
            {
                return Some(format!(
                    "the answer shows \"{word}\": {}",
                    &text[..text.len().min(400)]
                ));
            }
            if row.audited_read {
                let after = fingerprint(state);
                if after.get("audit_log").map(|d| d.rows) <= before.get("audit_log").map(|d| d.rows)
                {
                    return Some("read a client's record without an audit entry".to_owned());
                }
            }
            None
        }
    }
}
