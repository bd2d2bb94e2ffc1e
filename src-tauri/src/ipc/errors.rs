//! Errors as they cross to the UI: `{code, message}`.

use casebook_core::{CoreError, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    Forbidden,
    ProbableDuplicate,
    ReasonRequired,
    SignInDelayed,
    AccountLockedOut,
    PasswordChangeRequired,
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
            ErrorCode::Forbidden => ErrorCodeDto::Forbidden,
            ErrorCode::ProbableDuplicate => ErrorCodeDto::ProbableDuplicate,
            ErrorCode::ReasonRequired => ErrorCodeDto::ReasonRequired,
            ErrorCode::SignInDelayed => ErrorCodeDto::SignInDelayed,
            ErrorCode::AccountLockedOut => ErrorCodeDto::AccountLockedOut,
            ErrorCode::PasswordChangeRequired => ErrorCodeDto::PasswordChangeRequired,
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
