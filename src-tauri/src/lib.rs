//! The Casebook desktop app: the Tauri shell around `casebook-core`.
//!
//! - [`ipc`]: the wire types (the only ones), with TypeScript generated from them;
//! - [`commands`]: thin adapters from IPC to the core;
//! - [`demo_command`]: `casebook demo --clients N`, run without a window;
//! - [`app_state`]: what the shell holds between commands;
//! - [`platform`]: per-user folders, the one platform-specific place;
//! - [`logging`]: the log file, free of personal data.

pub mod app_state;
pub mod commands;
pub mod demo_command;
pub mod ipc;
pub mod logging;
pub mod platform;

use app_state::{AppState, KdfPolicy};
use tauri::{Emitter, Manager};

/// The event the page hears when the system locked Casebook (sleep, wake,
/// or a locked screen); its payload is the reason.
pub const SYSTEM_LOCK_EVENT: &str = "system-lock";
/// The event a sync sends as it goes, with how far it has got.
pub const SYNC_PROGRESS_EVENT: &str = "sync-progress";

/// Starts the app. Called from `main`.
pub fn run() {
    let started = tauri::Builder::default()
        .setup(|app| {
            let data_folder = platform::data_folder(app)?;
            let log_guard = platform::log_folder(app)
                .ok()
                .and_then(|folder| logging::start(&folder));
            tracing::info!(version = env!("CARGO_PKG_VERSION"), "Casebook started");
            let export_folder = platform::export_folder(app, &data_folder);
            let mut state =
                AppState::new(data_folder, KdfPolicy::Calibrated).with_export_folder(export_folder);
            if let Some(seconds) = platform::idle_lock_seconds() {
                state = state.with_idle_lock_seconds(seconds);
            }
            app.manage(state);
            app.manage(LogGuard(std::sync::Mutex::new(log_guard)));
            let handle = app.handle().clone();
            platform::watch_for_system_lock(move |reason| {
                // The unit closes here, in the shell, so the key is gone
                // even if the page never hears of it; the event only tells
                // the page to show the lock screen.
                app_state::lock_open_unit(&handle.state::<AppState>());
                tracing::info!(reason = reason.as_str(), "locked at the system's request");
                let _ = handle.emit(SYSTEM_LOCK_EVENT, reason.as_str());
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::tauri_commands::startup_state,
            commands::tauri_commands::check_new_password,
            commands::tauri_commands::create_unit,
            commands::tauri_commands::open_demo_unit,
            commands::tauri_commands::unlock,
            commands::tauri_commands::lock,
            commands::tauri_commands::join_unit,
            commands::tauri_commands::sync_status,
            commands::tauri_commands::connect_shared_folder,
            commands::tauri_commands::sync_now,
            commands::tauri_commands::choose_folder,
            commands::tauri_commands::computers,
            commands::tauri_commands::approve_computer,
            commands::tauri_commands::withdraw_computer,
            commands::tauri_commands::resolve_items,
            commands::tauri_commands::resolve_items_of_client,
            commands::tauri_commands::resolve,
            commands::tauri_commands::list_clients,
            commands::tauri_commands::add_client,
            commands::tauri_commands::find_probable_duplicates,
            commands::tauri_commands::duplicates_of_client,
            commands::tauri_commands::merge_clients,
            commands::tauri_commands::delete_client,
            commands::tauri_commands::booking_warnings,
            commands::tauri_commands::book_appointment,
            commands::tauri_commands::move_appointment,
            commands::tauri_commands::record_appointment_outcome,
            commands::tauri_commands::diary,
            commands::tauri_commands::save_session_draft,
            commands::tauri_commands::discard_session_draft,
            commands::tauri_commands::session_drafts,
            commands::tauri_commands::sign_session_record,
            commands::tauri_commands::add_session_addendum,
            commands::tauri_commands::my_tasks,
            commands::tauri_commands::change_task,
            commands::tauri_commands::record_probation_notice,
            commands::tauri_commands::search_session_notes,
            commands::tauri_commands::session_templates,
            commands::tauri_commands::save_session_template,
            commands::tauri_commands::save_assessment_draft,
            commands::tauri_commands::discard_assessment_draft,
            commands::tauri_commands::sign_assessment,
            commands::tauri_commands::add_assessment_addendum,
            commands::tauri_commands::save_plan_goal,
            commands::tauri_commands::cohort_outcomes,
            commands::tauri_commands::export_chart,
            commands::tauri_commands::print_page,
            commands::tauri_commands::search_clients,
            commands::tauri_commands::view_client,
            commands::tauri_commands::open_client_with_reason,
            commands::tauri_commands::find_clients_outside_caseload,
            commands::tauri_commands::update_client_details,
            commands::tauri_commands::update_client_profile,
            commands::tauri_commands::profile_choices,
            commands::tauri_commands::review_rag,
            commands::tauri_commands::set_cohort_flag,
            commands::tauri_commands::remove_cohort_flag,
            commands::tauri_commands::record_ogrs,
            commands::tauri_commands::record_consent,
            commands::tauri_commands::raise_safety_flag,
            commands::tauri_commands::review_safety_flag,
            commands::tauri_commands::end_safety_flag,
            commands::tauri_commands::safety_reviews_due,
            commands::tauri_commands::receive_referral,
            commands::tauri_commands::record_pick_up,
            commands::tauri_commands::record_referral_outcome,
            commands::tauri_commands::close_episode,
            commands::tauri_commands::allocatable_staff,
            commands::tauri_commands::allocate_client,
            commands::tauri_commands::unit_settings,
            commands::tauri_commands::change_unit_settings,
            commands::tauri_commands::change_password,
            commands::tauri_commands::recover_with_key,
            commands::tauri_commands::issue_recovery_key,
            commands::tauri_commands::list_accounts,
            commands::tauri_commands::add_account,
            commands::tauri_commands::disable_account,
            commands::tauri_commands::change_account_role,
            commands::tauri_commands::enable_account,
            commands::tauri_commands::release_sign_in,
            commands::tauri_commands::audit_trail,
            commands::tauri_commands::verify_audit_trail,
            commands::tauri_commands::export_audit_csv,
            commands::tauri_commands::export_audit_csv_to_share,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = started {
        // Nothing about a person can be in this error: it comes from the
        // window system, before any unit is open.
        tracing::error!(%error, "Casebook could not start");
        eprintln!("Casebook could not start: {error}");
        std::process::exit(1);
    }
}

/// Keeps the log writer alive, and so flushing, for the life of the app.
struct LogGuard(
    #[allow(dead_code)] std::sync::Mutex<Option<tracing_appender::non_blocking::WorkerGuard>>,
);

#[cfg(test)]
mod tests {
    /// The committed TypeScript bindings must match the Rust wire types.
    /// `make bindings` (UPDATE_BINDINGS=1) rewrites them.
    #[test]
    fn typescript_bindings_are_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/ipc/bindings.ts");
        let generated = crate::ipc::typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/ipc/bindings.ts is stale: run `make bindings` and commit it"
        );
    }

    /// The audit screen names every action the core records, so none shows
    /// as a bare code or is missing from the filter.
    #[test]
    fn the_audit_screen_has_words_for_every_action() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/audit.ts");
        let words = std::fs::read_to_string(path).unwrap();
        for action in casebook_core::domain::audit::AuditAction::ALL {
            let code = format!("code: '{}'", action.as_str());
            assert!(
                words.contains(&code),
                "ui/src/lib/audit.ts has no words for {code}"
            );
        }
    }
}
