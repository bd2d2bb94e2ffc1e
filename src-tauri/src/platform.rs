//! Where Casebook keeps things on this computer. The little that differs
//! between Windows, macOS and Linux is here and nowhere else; Tauri's path
//! resolver gives each platform's per-user folders:
//!
//! - data: `%APPDATA%\uk.org.casebook.desktop` on Windows,
//!   `~/Library/Application Support/uk.org.casebook.desktop` on macOS,
//!   `$XDG_DATA_HOME/uk.org.casebook.desktop` (usually `~/.local/share/…`) on Linux;
//! - logs: `%LOCALAPPDATA%\uk.org.casebook.desktop\logs`, `~/Library/Logs/…`,
//!   `$XDG_DATA_HOME/uk.org.casebook.desktop/logs`.
//!
//! Exports go to "Casebook exports" in the user's Documents folder.
//!
//! `CASEBOOK_DATA_DIR`, `CASEBOOK_LOG_DIR` and `CASEBOOK_EXPORT_DIR` override them, so tests and
//! trials can run against a folder of their own.
//!
//! It also listens for the operating system saying the computer is going to
//! sleep or the screen was locked, so Casebook locks too: on Linux through
//! logind (`platform/logind.rs`). Windows and macOS are not wired yet; there
//! the UI's clock check still locks on waking, and the idle lock after that.

#[cfg(target_os = "linux")]
pub mod logind;

use std::path::PathBuf;

use tauri::Manager;

pub fn data_folder(app: &tauri::App) -> Result<PathBuf, String> {
    if let Some(folder) = std::env::var_os("CASEBOOK_DATA_DIR") {
        return Ok(PathBuf::from(folder));
    }
    app.path()
        .app_data_dir()
        .map_err(|e| format!("no per-user data folder on this system: {e}"))
}

/// Where exports go: a "Casebook exports" folder in the user's Documents,
/// where a person looks for a file they saved.
pub fn export_folder(app: &tauri::App, data_folder: &std::path::Path) -> PathBuf {
    if let Some(folder) = std::env::var_os("CASEBOOK_EXPORT_DIR") {
        return PathBuf::from(folder);
    }
    app.path()
        .document_dir()
        .map(|documents| documents.join("Casebook exports"))
        .unwrap_or_else(|_| data_folder.join("exports"))
}

/// The idle lock in seconds when `CASEBOOK_IDLE_LOCK_SECONDS` sets one (for
/// tests and trials); otherwise the default.
pub fn idle_lock_seconds() -> Option<u32> {
    std::env::var("CASEBOOK_IDLE_LOCK_SECONDS")
        .ok()
        .and_then(|s| s.trim().parse().ok())
}

pub fn log_folder(app: &tauri::App) -> Result<PathBuf, String> {
    if let Some(folder) = std::env::var_os("CASEBOOK_LOG_DIR") {
        return Ok(PathBuf::from(folder));
    }
    app.path()
        .app_log_dir()
        .map_err(|e| format!("no per-user log folder on this system: {e}"))
}

/// Why the operating system asked Casebook to lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemLockReason {
    /// The computer is going to sleep, or waking from it.
    Sleep,
    /// The desktop session's screen was locked.
    SessionLocked,
}

impl SystemLockReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SystemLockReason::Sleep => "sleep",
            SystemLockReason::SessionLocked => "session_locked",
        }
    }
}

/// Calls `on_lock` (on a thread of its own) whenever the operating system
/// reports sleep, waking or a locked screen, where this platform can say so.
pub fn watch_for_system_lock(on_lock: impl Fn(SystemLockReason) + Send + Sync + 'static) {
    #[cfg(target_os = "linux")]
    match logind::watch(None, on_lock) {
        Ok(()) => tracing::info!("listening for sleep and screen-lock signals"),
        Err(error) => {
            tracing::info!(%error, "no logind to listen to; the idle lock and clock check still apply")
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = on_lock;
    }
}
