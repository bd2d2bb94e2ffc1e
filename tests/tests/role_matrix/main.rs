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

mod administration;
mod casework;
mod clients;
#[path = "../common/mod.rs"]
mod common;
mod fixtures;
mod pathways;
mod requests;
mod sync;

use std::cell::RefCell;
use std::collections::BTreeMap;

use casebook::app_state::AppState;
use casebook::commands;
use casebook::ipc::{CaseRoleDto, ChangePasswordRequest, ErrorCodeDto, IpcError};
use casebook_core::store::table_digest::TableDigest;
use common::{PASSWORD, create_request, everyone_query, fresh_state, sign_in, whole_caseload};
use fixtures::{Targets, set_up};
use requests::json;
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
use May::{No, Yes};

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

/// Every row, in the order they run: the command, the client it acts on,
/// who may, and the call. Some rows rely on earlier ones (the keyworker
/// opens a record with a reason before reading its resolve items), so the
/// order is kept.
fn rows() -> Vec<Row> {
    [
        administration::own_account(),
        sync::rows(),
        clients::rows(),
        casework::rows(),
        pathways::rows(),
        administration::rows(),
    ]
    .into_iter()
    .flatten()
    .collect()
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
        let blocked = whole_caseload(&state).unwrap_err();
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
