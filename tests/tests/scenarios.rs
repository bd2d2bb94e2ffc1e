//! The user's flows through the command layer, without a webview: the same
//! functions the Tauri commands call, with the same wire types, against a
//! real encrypted unit in a temporary data folder.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use casebook::app_state::{AppState, KdfPolicy};
use casebook::commands;
use casebook::ipc::{
    CreateUnitRequest, ErrorCodeDto, IpcError, NewClientRequest, UnitKindDto, UnlockRequest,
};
use casebook_core::vault::slot::KdfCost;

const PASSWORD: &str = "otter lamp river cloud";

fn fresh_state() -> (tempfile::TempDir, AppState) {
    let data = tempfile::tempdir().unwrap();
    let state = AppState::new(
        data.path().join("Casebook"),
        KdfPolicy::Fixed(KdfCost::cheap_for_tests()),
    );
    (data, state)
}

fn create_request() -> CreateUnitRequest {
    CreateUnitRequest {
        unit_name: "Hampshire IOM – Basingstoke".to_owned(),
        username: "admin".to_owned(),
        full_name: "Alex Admin".to_owned(),
        password: PASSWORD.to_owned(),
    }
}

fn unlock_request(password: &str) -> UnlockRequest {
    UnlockRequest {
        unit: UnitKindDto::Real,
        username: "admin".to_owned(),
        password: password.to_owned(),
    }
}

fn client(given: &str, family: &str, born: &str) -> NewClientRequest {
    NewClientRequest {
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        date_of_birth: born.to_owned(),
    }
}

#[test]
fn create_add_lock_fail_unlock_and_see_the_client() {
    let (_data, state) = fresh_state();
    let first = commands::startup_state(&state).unwrap();
    assert!(first.real_unit.is_none() && first.session.is_none());
    assert!(
        first
            .password_rules
            .iter()
            .any(|rule| rule.contains("12 characters"))
    );

    let session = commands::create_unit(&state, &create_request()).unwrap();
    assert_eq!(session.full_name, "Alex Admin");
    assert!(commands::list_clients(&state).unwrap().is_empty());
    let added = commands::add_client(&state, &client("Jordan", "Whitlock", "1990-05-17")).unwrap();
    assert_eq!(commands::list_clients(&state).unwrap(), vec![added.clone()]);

    commands::lock(&state).unwrap();
    let locked = commands::list_clients(&state).unwrap_err();
    assert_eq!(locked.code, ErrorCodeDto::Locked);

    let wrong = commands::unlock(&state, &unlock_request("otter lamp river clouds")).unwrap_err();
    assert_eq!(wrong.code, ErrorCodeDto::WrongCredentials);
    assert_eq!(
        commands::list_clients(&state).unwrap_err().code,
        ErrorCodeDto::Locked
    );

    commands::unlock(&state, &unlock_request(PASSWORD)).unwrap();
    assert_eq!(commands::list_clients(&state).unwrap(), vec![added]);
}

#[test]
fn a_restarted_app_finds_the_unit_and_its_clients() {
    let (data, state) = fresh_state();
    commands::create_unit(&state, &create_request()).unwrap();
    commands::add_client(&state, &client("Sam", "Okafor", "1985-11-02")).unwrap();
    drop(state);

    let restarted = AppState::new(
        data.path().join("Casebook"),
        KdfPolicy::Fixed(KdfCost::cheap_for_tests()),
    );
    let startup = commands::startup_state(&restarted).unwrap();
    assert_eq!(
        startup.real_unit.unwrap().name,
        "Hampshire IOM – Basingstoke"
    );
    assert!(startup.session.is_none(), "a restart starts locked");
    commands::unlock(&restarted, &unlock_request(PASSWORD)).unwrap();
    let clients = commands::list_clients(&restarted).unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].family_name, "Okafor");
}

#[test]
fn errors_cross_ipc_as_code_and_message() {
    let (_data, state) = fresh_state();
    let mut weak = create_request();
    weak.password = "password1234".to_owned();
    let error = commands::create_unit(&state, &weak).unwrap_err();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], "password_rejected");
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .contains("attackers try first")
    );
    assert_eq!(json.as_object().unwrap().len(), 2);
    assert!(
        commands::startup_state(&state).unwrap().real_unit.is_none(),
        "a refused unit leaves nothing"
    );
}

#[test]
fn bad_client_input_is_refused_in_plain_words_and_nothing_is_saved() {
    let (_data, state) = fresh_state();
    commands::create_unit(&state, &create_request()).unwrap();
    let cases = [
        (client("", "Smith", "1980-01-01"), "Enter a given name"),
        (client("Ann", "Smith", "2100-01-01"), "future"),
        (client("Ann", "Smith", "1980-02-30"), "not a real date"),
        (client("Ann", "Smith", ""), "Enter a date of birth"),
        (client("Ann", "12345", "1980-01-01"), "letters"),
    ];
    for (request, expected) in cases {
        let IpcError { code, message } = commands::add_client(&state, &request).unwrap_err();
        assert_eq!(code, ErrorCodeDto::InvalidInput);
        assert!(message.contains(expected), "{message}");
    }
    assert!(commands::list_clients(&state).unwrap().is_empty());
}

#[test]
fn the_demo_unit_opens_with_its_stated_credentials_and_stays_apart() {
    let (_data, state) = fresh_state();
    let demo = commands::open_demo_unit(&state).unwrap();
    assert_eq!(demo.kind, UnitKindDto::Demo);
    assert!(demo.name.contains("DEMO"));
    let startup = commands::startup_state(&state).unwrap();
    assert!(startup.real_unit.is_none());
    let credentials = startup.demo_credentials;
    let request = UnlockRequest {
        unit: UnitKindDto::Demo,
        username: credentials.username,
        password: credentials.password,
    };
    let session = commands::unlock(&state, &request).unwrap();
    assert_eq!(session.unit.kind, UnitKindDto::Demo);
    assert!(commands::list_clients(&state).unwrap().len() >= 30);
}

#[test]
fn a_failed_sign_in_locks_whatever_was_open() {
    let (_data, state) = fresh_state();
    commands::create_unit(&state, &create_request()).unwrap();
    assert!(commands::unlock(&state, &unlock_request("not the password at all")).is_err());
    assert_eq!(
        commands::list_clients(&state).unwrap_err().code,
        ErrorCodeDto::Locked
    );
}

#[test]
fn no_command_panics_on_hostile_input() {
    let (_data, state) = fresh_state();
    let hostile = [
        "",
        " ",
        "\0",
        "'; DROP TABLE clients; --",
        "\u{202e}evil",
        "😀😀😀",
        "9999-99-99",
        "-1",
        "0000-00-00",
        "1980-01-01T00:00:00Z",
        "../../etc/passwd",
        "%s%s%n",
        &"x".repeat(100_000),
    ];
    for text in hostile {
        let _ = commands::check_new_password(text, Some(text));
        let _ = commands::unlock(
            &state,
            &UnlockRequest {
                unit: UnitKindDto::Real,
                username: text.into(),
                password: text.into(),
            },
        );
        let request = CreateUnitRequest {
            unit_name: text.into(),
            username: text.into(),
            full_name: text.into(),
            password: text.into(),
        };
        assert!(commands::create_unit(&state, &request).is_err());
    }
    commands::create_unit(&state, &create_request()).unwrap();
    for text in hostile {
        assert!(commands::add_client(&state, &client(text, text, text)).is_err());
        assert!(commands::add_client(&state, &client("Ann", "Smith", text)).is_err());
    }
    assert!(commands::list_clients(&state).unwrap().is_empty());
}
