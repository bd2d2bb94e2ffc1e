//! Logging to a file in the OS log folder, one file a day.
//!
//! What may be logged: that something happened (a sign-in refused, a unit
//! created), error codes, counts and durations. What may never be logged:
//! names, dates of birth, notes, usernames typed at the lock screen, or any
//! value a person entered. Core errors carry only fixed wording, and
//! `CoreError::internal` logs technical detail that callers keep free of
//! personal data.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Starts logging into `folder`. The returned guard flushes the log when the
/// app ends, so it lives as long as the app. A folder that cannot be made
/// means no log, never a failure to start.
pub fn start(folder: &Path) -> Option<WorkerGuard> {
    std::fs::create_dir_all(folder).ok()?;
    let appender = tracing_appender::rolling::daily(folder, "casebook.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("CASEBOOK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(guard)
}
