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
        .invoke_handler(commands::invoke_handler())
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

    /// The page's command client calls every command of the table, by its
    /// name and with its argument keys, and nothing else: a typo in either
    /// language fails here rather than in the end-to-end test.
    #[test]
    fn the_page_calls_every_command_by_its_name_and_keys() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/ipc/commands.ts");
        let client = std::fs::read_to_string(path).unwrap();
        let called = page_calls(&client);
        assert!(called.len() > 50, "read only {} calls", called.len());
        let mut problems = Vec::new();
        for command in crate::commands::COMMANDS {
            match called.iter().find(|(name, _)| name == command.name) {
                None => problems.push(format!("the page never calls {}", command.name)),
                Some((_, keys)) if *keys != command.page_keys() => problems.push(format!(
                    "{} takes {:?} but the page sends {keys:?}",
                    command.name,
                    command.page_keys()
                )),
                Some(_) => {}
            }
        }
        for (name, _) in &called {
            if !crate::commands::COMMANDS.iter().any(|c| c.name == name) {
                problems.push(format!("the page calls {name}, which is no command"));
            }
        }
        let changing = client
            .split("CHANGING_COMMANDS")
            .nth(1)
            .and_then(|rest| rest.split("new Set([").nth(1))
            .and_then(|rest| rest.split("])").next())
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<String>();
        for name in changing.split(',').map(|n| n.trim().trim_matches('\'')) {
            if !name.is_empty() && !crate::commands::COMMANDS.iter().any(|c| c.name == name) {
                problems.push(format!(
                    "CHANGING_COMMANDS names {name}, which is no command"
                ));
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// Each `call<T>('name', { keys })` of the command client, as the name
    /// and the keys in the order written.
    fn page_calls(client: &str) -> Vec<(String, Vec<String>)> {
        client
            .split("call<")
            .skip(1)
            .filter_map(|call| {
                let after = call.split_once(">('")?.1;
                let (name, rest) = after.split_once('\'')?;
                let keys = match rest.strip_prefix(", {") {
                    Some(object) => object
                        .split('}')
                        .next()
                        .unwrap_or_default()
                        .split(',')
                        .map(|key| key.split(':').next().unwrap_or_default().trim().to_owned())
                        .filter(|key| !key.is_empty())
                        .collect(),
                    None => Vec::new(),
                };
                Some((name.to_owned(), keys))
            })
            .filter(|(name, _)| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect()
    }

    /// The values of one list in a TypeScript file: `export const NAME … = [`
    /// up to `];`, as its `value: '…'` entries, or its plain `'…'` strings.
    fn page_list(file: &str, name: &str) -> Vec<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src")
            .join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let start = text
            .find(&format!("export const {name}"))
            .unwrap_or_else(|| panic!("{file} has no list {name}"));
        let body = &text[start..];
        let body = &body[body.find('[').unwrap() + 1..body.find("];").unwrap()];
        let quoted: Vec<String> = body
            .split('\'')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        if body.contains("value:") {
            body.split("value: '")
                .skip(1)
                .map(|rest| rest.split('\'').next().unwrap_or_default().to_owned())
                .collect()
        } else {
            quoted
        }
    }

    /// The page mirrors the core's closed lists of appointments (to offer
    /// them and to know which outcomes need a reason or a judgement of the
    /// absence); each copy must match the core's list, value for value.
    #[test]
    fn the_page_mirrors_the_core_s_closed_lists() {
        use casebook_core::domain::appointments::{
            AcceptableReason, AppointmentKind, AppointmentPlace, Outcome,
        };
        use casebook_core::domain::compliance::ORDERS;
        let codes = |list: &[&str]| list.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        let file = "lib/appointments.ts";
        let kinds: Vec<&str> = AppointmentKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(page_list(file, "APPOINTMENT_KINDS"), codes(&kinds));
        let places: Vec<&str> = AppointmentPlace::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(page_list(file, "PLACES"), codes(&places));
        let outcomes: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
        assert_eq!(page_list(file, "OUTCOMES"), codes(&outcomes));
        let reasons: Vec<&str> = AcceptableReason::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(page_list(file, "ACCEPTABLE_REASONS"), codes(&reasons));
        let missed: Vec<&str> = Outcome::ALL
            .iter()
            .filter(|o| o.is_missed())
            .map(|o| o.as_str())
            .collect();
        assert_eq!(page_list(file, "MISSED_OUTCOMES"), codes(&missed));
        let need_reason: Vec<&str> = Outcome::ALL
            .iter()
            .filter(|o| o.needs_reason())
            .map(|o| o.as_str())
            .collect();
        assert_eq!(
            page_list(file, "OUTCOMES_NEEDING_A_REASON"),
            codes(&need_reason)
        );
        let orders: Vec<&str> = ORDERS.iter().map(|o| o.as_str()).collect();
        assert_eq!(page_list(file, "ORDER_FLAGS"), codes(&orders));
    }
}
