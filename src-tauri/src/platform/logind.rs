//! Linux: systemd-logind's signals on the system bus. `PrepareForSleep` is
//! sent just before the computer sleeps and again as it wakes; a session's
//! `Lock` is sent when the desktop locks the screen (or `loginctl
//! lock-session` asks it to). Casebook locks on each.

use std::sync::mpsc;
use std::time::Duration;

use dbus::Message;
use dbus::blocking::Connection;
use dbus::message::MatchRule;

use super::SystemLockReason;

const LOGIND: &str = "org.freedesktop.login1";
const MANAGER_PATH: &str = "/org/freedesktop/login1";
const MANAGER: &str = "org.freedesktop.login1.Manager";
const SESSION: &str = "org.freedesktop.login1.Session";

/// Connects to the bus at `address` (the system bus when `None`), listens
/// on a thread of its own, and returns once the listening has begun, so no
/// signal sent after this returns is missed. An error means there is no
/// logind to listen to (a container, or a desktop without systemd).
pub fn watch(
    address: Option<String>,
    on_lock: impl Fn(SystemLockReason) + Send + Sync + 'static,
) -> Result<(), String> {
    let (ready_sender, ready) = mpsc::channel();
    std::thread::Builder::new()
        .name("logind-signals".to_owned())
        .spawn(move || {
            let connection = match listen(address.as_deref(), on_lock) {
                Ok(connection) => {
                    let _ = ready_sender.send(Ok(()));
                    connection
                }
                Err(error) => {
                    let _ = ready_sender.send(Err(error));
                    return;
                }
            };
            // A failure here means the bus went away; the idle lock and the
            // clock check still protect the screen, so the thread just ends.
            while connection.process(Duration::from_secs(3600)).is_ok() {}
            tracing::warn!(
                "the system bus closed; sleep and screen-lock signals are no longer heard"
            );
        })
        .map_err(|e| e.to_string())?;
    ready
        .recv_timeout(Duration::from_secs(10))
        .map_err(|_| "the system bus did not answer".to_owned())?
}

fn listen(
    address: Option<&str>,
    on_lock: impl Fn(SystemLockReason) + Send + Sync + 'static,
) -> Result<Connection, String> {
    let connection = match address {
        Some(address) => Connection::new_address(address),
        None => Connection::new_system(),
    }
    .map_err(|e| e.to_string())?;
    connection.set_signal_match_mode(true);
    let on_lock = std::sync::Arc::new(on_lock);

    let on_sleep = std::sync::Arc::clone(&on_lock);
    connection
        .add_match(
            MatchRule::new_signal(MANAGER, "PrepareForSleep").with_path(MANAGER_PATH),
            move |(_going_to_sleep,): (bool,), _: &Connection, _: &Message| {
                // Going to sleep and waking up both lock: whichever is heard
                // first (a suspend can be too quick for the first) wins.
                on_sleep(SystemLockReason::Sleep);
                true
            },
        )
        .map_err(|e| e.to_string())?;

    // Only this process's own session, when logind can say which it is; a
    // lock of any session otherwise, which at worst locks Casebook when it
    // need not have.
    let mut session_rule = MatchRule::new_signal(SESSION, "Lock");
    if let Some(path) = own_session_path(&connection) {
        session_rule = session_rule.with_path(path);
    }
    connection
        .add_match(session_rule, move |(): (), _: &Connection, _: &Message| {
            on_lock(SystemLockReason::SessionLocked);
            true
        })
        .map_err(|e| e.to_string())?;
    Ok(connection)
}

fn own_session_path(connection: &Connection) -> Option<dbus::Path<'static>> {
    let proxy = connection.with_proxy(LOGIND, MANAGER_PATH, Duration::from_secs(2));
    let (path,): (dbus::Path<'static>,) = proxy
        .method_call(MANAGER, "GetSessionByPID", (std::process::id(),))
        .ok()?;
    Some(path)
}
