//! The processes under a test: tauri-driver, a private system bus standing
//! in for logind's, and the app itself, launched on one computer's data
//! folder.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use super::{DRIVER_PORT, IDLE_LOCK_SECONDS, WAIT};

/// tauri-driver, stopped with SIGTERM when dropped: a SIGKILL would leave
/// WebKitWebDriver holding its port and hang the next run.
pub struct TauriDriver(Child);

impl TauriDriver {
    pub fn start(data_folder: &Path, log_folder: &Path, system_bus: &SystemBus) -> TauriDriver {
        // Short enough to see the idle lock within the test, long enough
        // that no step on a loaded machine sits idle that long, and three
        // times the time the sleep step allows its signal, so that step
        // cannot pass by the idle lock.
        TauriDriver::start_with_idle_lock(data_folder, log_folder, system_bus, IDLE_LOCK_SECONDS)
    }

    /// Starts tauri-driver for an app that locks itself after
    /// `idle_lock_seconds` without input (the benchmark's scripted clicks
    /// are not input, so it asks for the longest the app allows).
    pub fn start_with_idle_lock(
        data_folder: &Path,
        log_folder: &Path,
        system_bus: &SystemBus,
        idle_lock_seconds: u64,
    ) -> TauriDriver {
        let child = Command::new("tauri-driver")
            .args(["--port", &DRIVER_PORT.to_string(), "--native-port", "4445"])
            .env("CASEBOOK_DATA_DIR", data_folder)
            // The app listens here for logind's sleep and screen-lock signals.
            .env("DBUS_SYSTEM_BUS_ADDRESS", &system_bus.address)
            .env("CASEBOOK_LOG_DIR", log_folder)
            // Charts saved in a test stay in the test's own folder.
            .env("CASEBOOK_EXPORT_DIR", data_folder.join("exports"))
            .env("CASEBOOK_IDLE_LOCK_SECONDS", idle_lock_seconds.to_string())
            .stdout(Stdio::null())
            .spawn()
            .expect("tauri-driver must be installed (make e2e installs it)");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", DRIVER_PORT)).is_err() {
            assert!(
                started.elapsed() < WAIT,
                "tauri-driver did not start listening"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        TauriDriver(child)
    }

    /// The process id of tauri-driver, whose descendants are the app and
    /// its webview processes (the webview benchmark measures their memory;
    /// the end-to-end tests have no use for it).
    #[allow(dead_code)]
    pub fn pid(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// A private D-Bus daemon standing in for the system bus, so the test can
/// send the signal logind sends when the computer goes to sleep. Stopped
/// when dropped.
pub struct SystemBus {
    daemon: Child,
    address: String,
}

impl SystemBus {
    pub fn start() -> SystemBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon must be installed (make test installs it)");
        let mut address = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(daemon.stdout.take().unwrap()),
            &mut address,
        )
        .unwrap();
        SystemBus {
            daemon,
            address: address.trim().to_owned(),
        }
    }

    /// What logind broadcasts just before the computer sleeps.
    pub fn announce_sleep(&self) {
        let status = Command::new("dbus-send")
            // `--bus` registers with the bus first, as logind is registered;
            // `--address` would connect without registering, and the bus
            // routes nothing from a connection that has not said hello (so
            // the app never heard the signal, and the idle lock passed this
            // step for it).
            .arg(format!("--bus={}", self.address))
            .args([
                "--type=signal",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager.PrepareForSleep",
                "boolean:true",
            ])
            .status()
            .expect("dbus-send must be installed (make test installs it)");
        assert!(status.success());
    }
}

impl Drop for SystemBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

pub fn application() -> PathBuf {
    let path = std::env::var_os("CASEBOOK_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/casebook"));
    assert!(
        path.exists(),
        "build the app first (make e2e does): {}",
        path.display()
    );
    path
}

pub async fn launch() -> WebDriver {
    let mut capabilities = Capabilities::new();
    capabilities.set("browserName", "wry").unwrap();
    capabilities
        .set(
            "tauri:options",
            serde_json::json!({ "application": application() }),
        )
        .unwrap();
    WebDriver::new(format!("http://127.0.0.1:{DRIVER_PORT}"), capabilities)
        .await
        .expect("a WebDriver session")
}

/// One computer's app, started on its own data folder: the driver and the
/// tauri-driver under it, which stop when this is dropped.
pub struct Computer {
    pub driver: WebDriver,
    _tauri_driver: TauriDriver,
}

impl Computer {
    pub async fn start(data_folder: &Path, logs: &Path, system_bus: &SystemBus) -> Computer {
        let tauri_driver = TauriDriver::start(data_folder, logs, system_bus);
        Computer {
            driver: launch().await,
            _tauri_driver: tauri_driver,
        }
    }

    pub async fn quit(self) {
        self.driver.quit().await.unwrap();
    }
}
