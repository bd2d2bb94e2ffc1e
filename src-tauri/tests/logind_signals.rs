//! Casebook hears logind's sleep and screen-lock signals. A private
//! dbus-daemon stands in for the system bus; this test takes logind's name
//! on it and sends the signals logind sends, over the real D-Bus protocol.

#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use casebook::platform::{SystemLockReason, logind};
use dbus::Message;
use dbus::blocking::Connection;
use dbus::channel::Sender;

/// A private bus, stopped when dropped.
struct PrivateBus {
    daemon: Child,
    address: String,
}

impl PrivateBus {
    fn start() -> PrivateBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon must be installed (make test installs it)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        PrivateBus {
            daemon,
            address: address.trim().to_owned(),
        }
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

fn signal(path: &str, interface: &str, member: &str) -> Message {
    Message::new_signal(path, interface, member).unwrap()
}

#[test]
fn sleep_waking_and_a_locked_screen_each_lock() {
    let bus = PrivateBus::start();
    let (heard, hear) = mpsc::channel();
    logind::watch(Some(bus.address.clone()), move |reason| {
        heard.send(reason).unwrap();
    })
    .unwrap();

    let fake_logind = Connection::new_address(&bus.address).unwrap();
    fake_logind
        .request_name("org.freedesktop.login1", false, true, true)
        .unwrap();
    let wait = Duration::from_secs(5);

    for going_to_sleep in [true, false] {
        let sleep = signal(
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
        )
        .append1(going_to_sleep);
        fake_logind.send(sleep).unwrap();
        assert_eq!(hear.recv_timeout(wait).unwrap(), SystemLockReason::Sleep);
    }

    let session = "/org/freedesktop/login1/session/_31";
    fake_logind
        .send(signal(session, "org.freedesktop.login1.Session", "Lock"))
        .unwrap();
    assert_eq!(
        hear.recv_timeout(wait).unwrap(),
        SystemLockReason::SessionLocked
    );

    // Other signals on the bus lock nothing.
    fake_logind
        .send(signal(session, "org.freedesktop.login1.Session", "Unlock"))
        .unwrap();
    assert!(hear.recv_timeout(Duration::from_millis(500)).is_err());
}

#[test]
fn no_bus_is_reported_not_hidden() {
    let refused = logind::watch(Some("unix:path=/nonexistent/bus".to_owned()), |_| {});
    assert!(refused.is_err());
}
