//! The one error type that leaves the core: a stable code for programs and a
//! message in plain words for people.
//!
//! Messages never contain personal data (names, dates of birth, notes): they
//! are shown on screen, and the technical detail behind an `internal` error is
//! written to the log, which must stay free of personal data too.

use std::fmt;

/// What kind of failure happened. The shell turns this into the `code` of the
/// `{code, message}` pair that crosses IPC, so variants are never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// Something a person typed breaks a rule; the message says which.
    InvalidInput,
    /// A new password breaks the password rules.
    PasswordRejected,
    /// The username or password is not right (the same for both, on purpose).
    WrongCredentials,
    /// There is already a unit where a new one was to be created.
    UnitExists,
    /// There is no unit where one was expected.
    NoUnit,
    /// The unit is locked: sign in first.
    Locked,
    /// The unit's key files are not there.
    KeyFileMissing,
    /// A key file (or the unit description) is truncated, altered or belongs
    /// to another unit.
    KeyFileDamaged,
    /// The key opened, but the database does not read with it.
    DatabaseUnreadable,
    /// The data folder cannot be written to.
    StorageReadOnly,
    /// The disk is full.
    StorageFull,
    /// The data folder is missing or cannot be reached.
    StorageUnavailable,
    /// The signed-in account's role does not allow this.
    Forbidden,
    /// The new client looks like someone already in the unit; adding needs
    /// a person to confirm it is someone else.
    ProbableDuplicate,
    /// The client is outside this keyworker's access: opening the record
    /// needs a reason (break-glass).
    ReasonRequired,
    /// Too many failed sign-ins in a row: wait before the next try.
    SignInDelayed,
    /// Ten failed sign-ins: an administrator or the recovery key must
    /// release the username.
    AccountLockedOut,
    /// The account signed in with a one-time password and must choose its
    /// own before doing anything else.
    PasswordChangeRequired,
    /// A fault in Casebook itself; the detail is in the log.
    Internal,
}

impl ErrorCode {
    /// The stable snake_case name used on the wire and in tests.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::PasswordRejected => "password_rejected",
            ErrorCode::WrongCredentials => "wrong_credentials",
            ErrorCode::UnitExists => "unit_exists",
            ErrorCode::NoUnit => "no_unit",
            ErrorCode::Locked => "locked",
            ErrorCode::KeyFileMissing => "key_file_missing",
            ErrorCode::KeyFileDamaged => "key_file_damaged",
            ErrorCode::DatabaseUnreadable => "database_unreadable",
            ErrorCode::StorageReadOnly => "storage_read_only",
            ErrorCode::StorageFull => "storage_full",
            ErrorCode::StorageUnavailable => "storage_unavailable",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::ProbableDuplicate => "probable_duplicate",
            ErrorCode::ReasonRequired => "reason_required",
            ErrorCode::SignInDelayed => "sign_in_delayed",
            ErrorCode::AccountLockedOut => "account_locked_out",
            ErrorCode::PasswordChangeRequired => "password_change_required",
            ErrorCode::Internal => "internal",
        }
    }
}

/// A failure with its code and a message a keyworker can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoreError {
    pub code: ErrorCode,
    pub message: String,
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> CoreError {
        CoreError {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> CoreError {
        CoreError::new(ErrorCode::InvalidInput, message)
    }

    /// `what` completes "Your account cannot …".
    pub fn forbidden(what: &str) -> CoreError {
        CoreError::new(
            ErrorCode::Forbidden,
            format!("Your account cannot {what}. Ask a manager or administrator if you need to."),
        )
    }

    pub fn wrong_credentials() -> CoreError {
        CoreError::new(
            ErrorCode::WrongCredentials,
            "That username and password do not match. Check both and try again.",
        )
    }

    /// An unexpected fault. `detail` goes to the log only, so callers must
    /// not put personal data in it.
    pub fn internal(detail: &dyn fmt::Display) -> CoreError {
        tracing::error!(%detail, "internal error");
        CoreError::new(
            ErrorCode::Internal,
            "Casebook hit an unexpected problem, so nothing was changed. Try again; if it keeps happening, tell your administrator.",
        )
    }

    /// Describes a failed file operation in plain words. `what` names the
    /// thing being done ("create the unit", "save the key file") and never
    /// contains personal data.
    pub fn from_io(error: &std::io::Error, what: &str) -> CoreError {
        use std::io::ErrorKind as Kind;
        match error.kind() {
            Kind::PermissionDenied | Kind::ReadOnlyFilesystem => CoreError::new(
                ErrorCode::StorageReadOnly,
                format!(
                    "Casebook could not {what}: the data folder is read-only. Nothing was changed."
                ),
            ),
            Kind::StorageFull | Kind::QuotaExceeded | Kind::FileTooLarge => CoreError::new(
                ErrorCode::StorageFull,
                format!(
                    "Casebook could not {what}: the disk is full. Free some space and try again; nothing was changed."
                ),
            ),
            Kind::NotFound => CoreError::new(
                ErrorCode::StorageUnavailable,
                format!(
                    "Casebook could not {what}: the data folder is missing or cannot be reached. Nothing was changed."
                ),
            ),
            _ => {
                tracing::error!(kind = ?error.kind(), %error, what, "file operation failed");
                CoreError::new(
                    ErrorCode::StorageUnavailable,
                    format!(
                        "Casebook could not {what} because the data folder could not be used. Nothing was changed."
                    ),
                )
            }
        }
    }

    /// Describes a failed database operation. SQLite reports a full disk and
    /// a read-only file with its own codes, which get the same plain words as
    /// their file-system equivalents.
    pub fn from_sql(error: &rusqlite::Error, what: &str) -> CoreError {
        use rusqlite::ErrorCode as Sql;
        match error.sqlite_error_code() {
            Some(Sql::DiskFull) => CoreError::new(
                ErrorCode::StorageFull,
                format!(
                    "Casebook could not {what}: the disk is full. Free some space and try again; nothing was saved."
                ),
            ),
            Some(Sql::ReadOnly) | Some(Sql::CannotOpen) | Some(Sql::PermissionDenied) => {
                CoreError::new(
                    ErrorCode::StorageReadOnly,
                    format!(
                        "Casebook could not {what}: the data folder cannot be written to. Nothing was saved."
                    ),
                )
            }
            Some(Sql::NotADatabase) => CoreError::new(
                ErrorCode::DatabaseUnreadable,
                "The unit's database cannot be read with its key: the file may be damaged, or the key files belong to another unit. Nothing was changed.",
            ),
            Some(Sql::SystemIoFailure) => CoreError::new(
                ErrorCode::StorageUnavailable,
                format!(
                    "Casebook could not {what} because the disk reported a fault. Nothing was saved."
                ),
            ),
            _ => CoreError::internal(&format_args!("{what}: {error}")),
        }
    }
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code.as_str())
    }
}

impl std::error::Error for CoreError {}
