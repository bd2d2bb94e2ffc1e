//! The built app in its real webview: tauri-driver drives WebKitWebDriver,
//! which drives Casebook's window under a virtual display. `make e2e` builds
//! the app and runs this with the `webview` feature.
//!
//! The scenario is the one a new unit lives through on its first day:
//! create the unit, add a client, lock, fail to unlock, unlock, see the
//! client, restart the app and see the client again; then the demo unit.
//! Screenshots of each screen are kept in `target/e2e-screenshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

const DRIVER_PORT: u16 = 4444;
const PASSWORD: &str = "otter lamp river cloud";
const WAIT: Duration = Duration::from_secs(20);

/// tauri-driver, stopped with SIGTERM when dropped: a SIGKILL would leave
/// WebKitWebDriver holding its port and hang the next run.
struct TauriDriver(Child);

impl TauriDriver {
    fn start(data_folder: &Path, log_folder: &Path) -> TauriDriver {
        let child = Command::new("tauri-driver")
            .args(["--port", &DRIVER_PORT.to_string(), "--native-port", "4445"])
            .env("CASEBOOK_DATA_DIR", data_folder)
            .env("CASEBOOK_LOG_DIR", log_folder)
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
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

fn application() -> PathBuf {
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

fn screenshot_folder() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let folder = target.join("e2e-screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

async fn launch() -> WebDriver {
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

async fn by_id(driver: &WebDriver, test_id: &str) -> WebElement {
    driver
        .query(By::Css(format!("[data-testid='{test_id}']")))
        .wait(WAIT, Duration::from_millis(100))
        .first()
        .await
        .unwrap_or_else(|e| panic!("no element {test_id}: {e}"))
}

async fn gone(driver: &WebDriver, test_id: &str) {
    let started = Instant::now();
    while !driver
        .find_all(By::Css(format!("[data-testid='{test_id}']")))
        .await
        .unwrap()
        .is_empty()
    {
        assert!(started.elapsed() < WAIT, "{test_id} is still on the page");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn click(driver: &WebDriver, test_id: &str) {
    by_id(driver, test_id).await.click().await.unwrap();
}

async fn error_text(driver: &WebDriver) -> String {
    by_id(driver, "error").await.text().await.unwrap()
}

async fn type_into(driver: &WebDriver, test_id: &str, text: &str) {
    let field = by_id(driver, test_id).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Waits two animation frames, so the picture shows the last change, then
/// saves the window as the X display shows it. WebDriver's own screenshot is
/// not used: WebKitWebDriver's hangs once the page has gone idle after an
/// animation-frame callback.
async fn screenshot(driver: &WebDriver, name: &str) {
    driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let path = screenshot_folder().join(format!("{name}.png"));
    let status = Command::new("import")
        .args(["-window", "root", "-crop", "1200x800+0+0", "+repage"])
        .arg(&path)
        .status()
        .expect("ImageMagick's import must be installed (make e2e installs it)");
    assert!(status.success(), "taking the screenshot {name} failed");
}

async fn page_text(driver: &WebDriver) -> String {
    driver.source().await.unwrap()
}

async fn rows(driver: &WebDriver) -> Vec<String> {
    let mut texts = Vec::new();
    for row in driver
        .find_all(By::Css("[data-testid='client-row']"))
        .await
        .unwrap()
    {
        texts.push(row.text().await.unwrap());
    }
    texts
}

async fn sign_in(driver: &WebDriver, username: &str, password: &str) {
    by_id(driver, "lock-screen").await;
    type_into(driver, "unlock-username", username).await;
    type_into(driver, "unlock-password", password).await;
    click(driver, "unlock-submit").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_unit_s_first_day_in_the_real_webview() {
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let _tauri_driver = TauriDriver::start(&data.path().join("Casebook"), logs.path());

    // First start: create a unit. A weak password is refused with a reason.
    let driver = launch().await;
    by_id(&driver, "create-unit-form").await;
    type_into(&driver, "unit-name", "Hampshire IOM – Basingstoke").await;
    type_into(&driver, "admin-username", "admin").await;
    type_into(&driver, "admin-full-name", "Alex Admin").await;
    type_into(&driver, "admin-password", "password1234").await;
    type_into(&driver, "admin-password-confirm", "password1234").await;
    click(&driver, "create-unit-submit").await;
    let refusal = error_text(&driver).await;
    assert!(refusal.contains("attackers try first"), "{refusal}");
    screenshot(&driver, "01-create-unit-weak-password").await;
    type_into(&driver, "admin-password", PASSWORD).await;
    type_into(&driver, "admin-password-confirm", PASSWORD).await;
    click(&driver, "create-unit-submit").await;

    // The empty caseload; add a client, with one impossible date first.
    by_id(&driver, "caseload").await;
    assert_eq!(
        by_id(&driver, "client-count")
            .await
            .text()
            .await
            .unwrap()
            .trim(),
        "0"
    );
    assert!(
        by_id(&driver, "session-user")
            .await
            .text()
            .await
            .unwrap()
            .contains("Alex Admin")
    );
    screenshot(&driver, "02-caseload-empty").await;
    if let Ok(open) = driver
        .find(By::Css("[data-testid='add-client-open']"))
        .await
    {
        open.click().await.unwrap();
    }
    by_id(&driver, "add-client-form").await;
    type_into(&driver, "client-given-name", "Jordan").await;
    type_into(&driver, "client-family-name", "Whitlock").await;
    type_into(&driver, "client-dob-day", "30").await;
    type_into(&driver, "client-dob-month", "2").await;
    type_into(&driver, "client-dob-year", "1990").await;
    click(&driver, "add-client-submit").await;
    let refusal = error_text(&driver).await;
    assert!(refusal.contains("not a real date"), "{refusal}");
    screenshot(&driver, "03-add-client-impossible-date").await;
    type_into(&driver, "client-dob-day", "17").await;
    type_into(&driver, "client-dob-month", "5").await;
    click(&driver, "add-client-submit").await;
    by_id(&driver, "client-row").await;
    let listed = rows(&driver).await;
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].contains("Whitlock") && listed[0].contains("Jordan"),
        "{listed:?}"
    );
    assert_eq!(
        by_id(&driver, "client-count")
            .await
            .text()
            .await
            .unwrap()
            .trim(),
        "1"
    );
    screenshot(&driver, "04-caseload-one-client").await;

    // Lock with the button: the client is gone from the page, not hidden.
    click(&driver, "lock-button").await;
    by_id(&driver, "lock-screen").await;
    gone(&driver, "caseload").await;
    assert!(!page_text(&driver).await.contains("Whitlock"));
    screenshot(&driver, "05-lock-screen").await;

    // A wrong password says so and changes nothing.
    sign_in(&driver, "admin", "otter lamp river clouds").await;
    let refusal = error_text(&driver).await;
    assert!(refusal.contains("do not match"), "{refusal}");
    assert!(!page_text(&driver).await.contains("Whitlock"));
    screenshot(&driver, "06-wrong-password").await;

    // The right one opens the caseload with the client.
    sign_in(&driver, "admin", PASSWORD).await;
    by_id(&driver, "client-row").await;
    assert!(rows(&driver).await[0].contains("Whitlock"));

    // Ctrl+L locks from anywhere.
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Control + "l")
        .await
        .unwrap();
    by_id(&driver, "lock-screen").await;
    gone(&driver, "client-row").await;
    assert!(!page_text(&driver).await.contains("Whitlock"));
    driver.quit().await.unwrap();

    // A restart starts locked, and the client is still there after unlock.
    let driver = launch().await;
    sign_in(&driver, "admin", PASSWORD).await;
    by_id(&driver, "client-row").await;
    assert!(rows(&driver).await[0].contains("Whitlock"));
    click(&driver, "lock-button").await;

    // The demo unit: clearly marked, apart, with its stated credentials.
    click(&driver, "open-demo").await;
    by_id(&driver, "demo-banner").await;
    screenshot(&driver, "07-demo-lock-screen").await;
    sign_in(&driver, "demo", "try casebook safely").await;
    by_id(&driver, "caseload").await;
    by_id(&driver, "demo-banner").await;
    by_id(&driver, "client-row").await;
    assert!(rows(&driver).await.len() >= 30);
    assert!(
        !page_text(&driver).await.contains("Whitlock"),
        "the demo unit shows no real client"
    );
    screenshot(&driver, "08-demo-caseload").await;
    driver.quit().await.unwrap();

    // Nothing a person typed reached the log.
    for entry in std::fs::read_dir(logs.path()).unwrap() {
        let log = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for secret in ["Whitlock", "Jordan", "1990", PASSWORD, "Alex Admin"] {
            assert!(!log.contains(secret), "the log holds {secret}");
        }
    }
}
