//! The wire types: everything that crosses between the web UI and the shell.
//!
//! Only this module defines types that cross IPC. Core types never do: each
//! is converted here, so the core can change shape without the UI noticing,
//! and the UI's TypeScript types (generated from these by ts-rs into
//! `ui/src/lib/ipc/bindings.ts`) describe exactly what is sent.

use casebook_core::domain::client::Client;
use casebook_core::unit_folder::{UnitDescription, UnitKind};
use casebook_core::unlocked_unit::UnlockedUnit;
use casebook_core::{CoreError, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which unit: the real one or the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "UnitKind")]
pub enum UnitKindDto {
    Real,
    Demo,
}

impl From<UnitKindDto> for UnitKind {
    fn from(kind: UnitKindDto) -> UnitKind {
        match kind {
            UnitKindDto::Real => UnitKind::Real,
            UnitKindDto::Demo => UnitKind::Demo,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitDto {
    pub kind: UnitKindDto,
    pub name: String,
}

impl UnitDto {
    pub fn from_description(description: &UnitDescription) -> UnitDto {
        let kind = if description.demo {
            UnitKindDto::Demo
        } else {
            UnitKindDto::Real
        };
        UnitDto {
            kind,
            name: description.name.clone(),
        }
    }
}

/// Who is signed in, to which unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionDto {
    pub unit: UnitDto,
    pub username: String,
    pub full_name: String,
}

impl SessionDto {
    pub fn from_unit(unit: &UnlockedUnit) -> SessionDto {
        SessionDto {
            unit: UnitDto::from_description(unit.description()),
            username: unit.account().username.as_str().to_owned(),
            full_name: unit.account().full_name.as_str().to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoCredentialsDto {
    pub username: String,
    pub password: String,
}

/// What the UI needs to choose its first screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupDto {
    pub real_unit: Option<UnitDto>,
    pub demo_unit: Option<UnitDto>,
    pub session: Option<SessionDto>,
    pub password_rules: Vec<String>,
    pub demo_credentials: DemoCredentialsDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PasswordCheckDto {
    pub acceptable: bool,
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreateUnitRequest {
    pub unit_name: String,
    pub username: String,
    pub full_name: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnlockRequest {
    pub unit: UnitKindDto,
    pub username: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewClientRequest {
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`, as a date field sends it.
    pub date_of_birth: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientRowDto {
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
}

impl ClientRowDto {
    pub fn from_client(client: &Client) -> ClientRowDto {
        ClientRowDto {
            id: client.id.to_string(),
            given_name: client.given_name.as_str().to_owned(),
            family_name: client.family_name.as_str().to_owned(),
            date_of_birth: client.date_of_birth.date().format("%Y-%m-%d").to_string(),
        }
    }
}

/// The stable code of an error, as the UI sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ErrorCode")]
pub enum ErrorCodeDto {
    InvalidInput,
    PasswordRejected,
    WrongCredentials,
    UnitExists,
    NoUnit,
    Locked,
    KeyFileMissing,
    KeyFileDamaged,
    DatabaseUnreadable,
    StorageReadOnly,
    StorageFull,
    StorageUnavailable,
    Internal,
}

impl From<ErrorCode> for ErrorCodeDto {
    fn from(code: ErrorCode) -> ErrorCodeDto {
        match code {
            ErrorCode::InvalidInput => ErrorCodeDto::InvalidInput,
            ErrorCode::PasswordRejected => ErrorCodeDto::PasswordRejected,
            ErrorCode::WrongCredentials => ErrorCodeDto::WrongCredentials,
            ErrorCode::UnitExists => ErrorCodeDto::UnitExists,
            ErrorCode::NoUnit => ErrorCodeDto::NoUnit,
            ErrorCode::Locked => ErrorCodeDto::Locked,
            ErrorCode::KeyFileMissing => ErrorCodeDto::KeyFileMissing,
            ErrorCode::KeyFileDamaged => ErrorCodeDto::KeyFileDamaged,
            ErrorCode::DatabaseUnreadable => ErrorCodeDto::DatabaseUnreadable,
            ErrorCode::StorageReadOnly => ErrorCodeDto::StorageReadOnly,
            ErrorCode::StorageFull => ErrorCodeDto::StorageFull,
            ErrorCode::StorageUnavailable => ErrorCodeDto::StorageUnavailable,
            ErrorCode::Internal => ErrorCodeDto::Internal,
        }
    }
}

/// Every failure crosses IPC as this: a code for the program, a message in
/// plain words for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub code: ErrorCodeDto,
    pub message: String,
}

impl From<CoreError> for IpcError {
    fn from(error: CoreError) -> IpcError {
        IpcError {
            code: error.code.into(),
            message: error.message,
        }
    }
}

/// The TypeScript of every wire type, in one file, in a fixed order.
pub fn typescript_bindings() -> String {
    let config = ts_rs::Config::default();
    let declarations = [
        UnitKindDto::decl(&config),
        UnitDto::decl(&config),
        SessionDto::decl(&config),
        DemoCredentialsDto::decl(&config),
        StartupDto::decl(&config),
        PasswordCheckDto::decl(&config),
        CreateUnitRequest::decl(&config),
        UnlockRequest::decl(&config),
        NewClientRequest::decl(&config),
        ClientRowDto::decl(&config),
        ErrorCodeDto::decl(&config),
        IpcError::decl(&config),
    ];
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc.rs by ts-rs. Do not edit by hand:\n// run `make bindings` after changing the Rust types.\n\n",
    );
    for declaration in declarations {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
