//! What the end-to-end tests share: starting tauri-driver and a private
//! system bus, launching the app, finding, typing, clicking, waiting and
//! taking screenshots, and units prepared through the core.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

pub const DRIVER_PORT: u16 = 4444;
pub const PASSWORD: &str = "otter lamp river cloud";
pub const WAIT: Duration = Duration::from_secs(20);
pub const IDLE_LOCK_SECONDS: u64 = 15;

/// tauri-driver, stopped with SIGTERM when dropped: a SIGKILL would leave
/// WebKitWebDriver holding its port and hang the next run.
pub struct TauriDriver(Child);

impl TauriDriver {
    pub fn start(data_folder: &Path, log_folder: &Path, system_bus: &SystemBus) -> TauriDriver {
        let child = Command::new("tauri-driver")
            .args(["--port", &DRIVER_PORT.to_string(), "--native-port", "4445"])
            .env("CASEBOOK_DATA_DIR", data_folder)
            // The app listens here for logind's sleep and screen-lock signals.
            .env("DBUS_SYSTEM_BUS_ADDRESS", &system_bus.address)
            .env("CASEBOOK_LOG_DIR", log_folder)
            // Charts saved in a test stay in the test's own folder.
            .env("CASEBOOK_EXPORT_DIR", data_folder.join("exports"))
            // Short enough to see the idle lock within the test, long enough
            // that no other step sits idle that long. (At 30 seconds the
            // sleep step below fails: see the note on it.)
            .env("CASEBOOK_IDLE_LOCK_SECONDS", IDLE_LOCK_SECONDS.to_string())
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
            .arg(format!("--address={}", self.address))
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

pub fn screenshot_folder() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("e2e-screenshots")
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

pub async fn by_id(driver: &WebDriver, test_id: &str) -> WebElement {
    match driver
        .query(By::Css(format!("[data-testid='{test_id}']")))
        .wait(WAIT, Duration::from_millis(100))
        .first()
        .await
    {
        Ok(found) => found,
        Err(e) => {
            // What the window showed when the element never came, for
            // whoever reads the failure.
            screenshot(driver, &format!("failed-no-{test_id}")).await;
            panic!("no element {test_id}: {e}")
        }
    }
}

pub async fn gone(driver: &WebDriver, test_id: &str) {
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

pub async fn click(driver: &WebDriver, test_id: &str) {
    by_id(driver, test_id).await.click().await.unwrap();
}

pub async fn error_text(driver: &WebDriver) -> String {
    by_id(driver, "error").await.text().await.unwrap()
}

/// Types `text` into a field. On a loaded machine WebKitWebDriver now and
/// then loses keystrokes while the page re-renders (a duplicate check
/// running as a name is typed), so the field is read back and typed again,
/// up to three times, until it holds what was typed. A field that shows
/// what is typed in another form (a date part, say) keeps the last try.
pub async fn type_into(driver: &WebDriver, test_id: &str, text: &str) {
    for attempt in 1..=3 {
        let field = by_id(driver, test_id).await;
        let typed = async {
            field.clear().await?;
            field.send_keys(text).await?;
            field.prop("value").await
        };
        match typed.await {
            Ok(Some(held)) if held == text => return,
            // The page re-rendered the field under the keystrokes: find it again.
            Err(e) if attempt == 3 => panic!("could not type into {test_id}: {e}"),
            _ => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Waits two animation frames, so the picture shows the last change, then
/// saves the window as the X display shows it. WebDriver's own screenshot is
/// not used: WebKitWebDriver's hangs once the page has gone idle after an
/// animation-frame callback.
pub async fn screenshot(driver: &WebDriver, name: &str) {
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

pub async fn page_text(driver: &WebDriver) -> String {
    driver.source().await.unwrap()
}

/// The caseload's rows as text. The list may re-render while it is read
/// (it reloads after a change); a row that went stale meanwhile is read
/// again from a fresh list.
pub async fn rows(driver: &WebDriver) -> Vec<String> {
    let started = Instant::now();
    'again: loop {
        let mut texts = Vec::new();
        for row in driver
            .find_all(By::Css("[data-testid='client-row']"))
            .await
            .unwrap()
        {
            match row.text().await {
                Ok(text) => texts.push(text),
                Err(_) if started.elapsed() < WAIT => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue 'again;
                }
                Err(error) => panic!("the caseload kept changing: {error}"),
            }
        }
        return texts;
    }
}

/// Types a date into the three boxes whose test ids start with `prefix`.
pub async fn type_date(driver: &WebDriver, prefix: &str, date: chrono::NaiveDate) {
    type_into(
        driver,
        &format!("{prefix}-day"),
        &date.format("%d").to_string(),
    )
    .await;
    type_into(
        driver,
        &format!("{prefix}-month"),
        &date.format("%m").to_string(),
    )
    .await;
    type_into(
        driver,
        &format!("{prefix}-year"),
        &date.format("%Y").to_string(),
    )
    .await;
}

/// Fills in the add-client form (date as day, month, year) and submits it.
pub async fn fill_client(
    driver: &WebDriver,
    given: &str,
    family: &str,
    [day, month, year]: [&str; 3],
) {
    type_into(driver, "client-given-name", given).await;
    type_into(driver, "client-family-name", family).await;
    type_into(driver, "client-dob-day", day).await;
    type_into(driver, "client-dob-month", month).await;
    type_into(driver, "client-dob-year", year).await;
    click(driver, "client-details-submit").await;
}

/// Opens the client page of the caseload row whose family name is `family`.
pub async fn open_client(driver: &WebDriver, family: &str) {
    let started = Instant::now();
    loop {
        for button in driver
            .find_all(By::Css("[data-testid='client-open']"))
            .await
            .unwrap()
        {
            if button.text().await.unwrap_or_default().contains(family) {
                button.click().await.unwrap();
                by_id(driver, "client-screen").await;
                return;
            }
        }
        assert!(started.elapsed() < WAIT, "no caseload row for {family}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks Switch user and returns how long until the sign-in screen shows
/// with the client list gone, polled every 5 ms (the WebDriver round trip is
/// included, so this is an upper bound).
pub async fn switch_user(driver: &WebDriver) -> Duration {
    let clicked = Instant::now();
    click(driver, "switch-user").await;
    loop {
        if present(driver, "lock-screen").await && !present(driver, "client-row").await {
            return clicked.elapsed();
        }
        assert!(
            clicked.elapsed() < WAIT,
            "switch user never reached the sign-in screen"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Keeps a measurement beside the screenshots for `make bench` readers: a
/// figure, never a pass or fail.
pub fn record_switch_times(mut times: Vec<Duration>) {
    times.sort();
    let Some(median) = times.get(times.len() / 2) else {
        return;
    };
    let listed: Vec<String> = times
        .iter()
        .map(|t| format!("{} ms", t.as_millis()))
        .collect();
    let line = format!(
        "switch user, click to sign-in screen (debug build, Xvfb): median {} ms of {} ({})\n",
        median.as_millis(),
        times.len(),
        listed.join(", ")
    );
    let path = screenshot_folder().join("../e2e-measurements.txt");
    std::fs::write(path, &line).unwrap();
    println!("{line}");
}

pub async fn present(driver: &WebDriver, test_id: &str) -> bool {
    !driver
        .find_all(By::Css(format!("[data-testid='{test_id}']")))
        .await
        .unwrap()
        .is_empty()
}

pub async fn choose(driver: &WebDriver, test_id: &str, visible_text: &str) {
    let select = by_id(driver, test_id).await;
    SelectElement::new(&select)
        .await
        .unwrap()
        .select_by_visible_text(visible_text)
        .await
        .unwrap();
}

/// Adds an account on the Accounts screen and returns its one-time password.
pub async fn add_account(
    driver: &WebDriver,
    username: &str,
    full_name: &str,
    agency: &str,
    role: &str,
) -> String {
    type_into(driver, "account-username", username).await;
    type_into(driver, "account-full-name", full_name).await;
    choose(driver, "account-agency", agency).await;
    let select = by_id(driver, "account-role").await;
    SelectElement::new(&select)
        .await
        .unwrap()
        .select_by_value(role)
        .await
        .unwrap();
    click(driver, "account-submit").await;
    let password = by_id(driver, "one-time-password-value")
        .await
        .text()
        .await
        .unwrap();
    click(driver, "one-time-password-done").await;
    password.trim().to_owned()
}

/// On the must-change-password screen, replaces the one-time password.
pub async fn choose_password(driver: &WebDriver, one_time: &str, chosen: &str, shot: &str) {
    by_id(driver, "change-password-screen").await;
    type_into(driver, "current-password", one_time).await;
    type_into(driver, "new-password", chosen).await;
    type_into(driver, "new-password-confirm", chosen).await;
    screenshot(driver, shot).await;
    click(driver, "change-password-submit").await;
    by_id(driver, "caseload").await;
}

pub async fn wait_for_rows(driver: &WebDriver, count: usize) {
    let started = Instant::now();
    while rows(driver).await.len() != count {
        assert!(
            started.elapsed() < WAIT,
            "the caseload never showed {count} rows"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn sign_in(driver: &WebDriver, username: &str, password: &str) {
    by_id(driver, "lock-screen").await;
    type_into(driver, "unlock-username", username).await;
    type_into(driver, "unlock-password", password).await;
    click(driver, "unlock-submit").await;
}

/// Unit, administrator-manager and client on the "first computer", made
/// through the core the app is built on, and connected to `share`.
pub fn prepare_first_computer(data_folder: &Path, share: &Path) {
    use casebook_core::clock::{OsEntropy, SystemClock};
    use casebook_core::domain::client::ClientDetailsText;
    use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
    use casebook_core::vault::slot::KdfCost;

    let folder = unit_folder::unit_folder(data_folder, UnitKind::Real);
    let unit =
        NewUnit::parse("Hampshire IOM – Eastleigh", "admin", "Alex Admin", PASSWORD).unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &unit, plan, &SystemClock, &mut OsEntropy).unwrap();
    let mut admin =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let client = admin
        .add_client(
            &ClientDetailsText {
                confirmed_new_person: true,
                ..ClientDetailsText::named("Casey", "Marsh", "1988-03-14")
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    admin
        .review_rag(
            client.id,
            "amber",
            "Settled in the hostel",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    admin
        .connect_share(share, &SystemClock, &mut OsEntropy)
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
}

/// Chooses a section of the open client's page ("overview", "casework",
/// "pathways", "referrals", "profile", "history") and waits until it shows.
pub async fn section(driver: &WebDriver, name: &str) {
    click(driver, &format!("client-section-{name}")).await;
    let panel = by_id(driver, &format!("client-panel-{name}")).await;
    let started = Instant::now();
    while !panel.is_displayed().await.unwrap_or(false) {
        assert!(started.elapsed() < WAIT, "the {name} section never showed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The open client's current RAG line, as the page shows it.
pub async fn current_rag(driver: &WebDriver) -> String {
    // A partner's summary has no sections; a full record has it on the overview.
    if present(driver, "client-section-overview").await {
        section(driver, "overview").await;
    }
    by_id(driver, "rag-current").await.text().await.unwrap()
}

/// Waits until the page says `words` somewhere (the header's live region
/// included, which WebKitWebDriver reads as empty through `text()`).
pub async fn wait_for_words(driver: &WebDriver, words: &str) {
    let started = Instant::now();
    while !page_text(driver).await.contains(words) {
        assert!(started.elapsed() < WAIT, "the page never said {words:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Reviews the open client's RAG status.
pub async fn rate(driver: &WebDriver, rating: &str, reason: &str) {
    section(driver, "overview").await;
    click(driver, "rag-review-open").await;
    click(driver, &format!("rag-{rating}")).await;
    type_into(driver, "rag-reason", reason).await;
    click(driver, "rag-review-save").await;
    gone(driver, "rag-review-form").await;
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

pub const KEYWORKER_PASSWORD: &str = "maple harbour quietly";

/// A unit with a keyworker (Kim, with her own password) and her client on
/// a DRR who must not be visited alone, with an appointment yesterday that
/// has no outcome yet: made through the core the app is built on.
pub fn prepare_keyworker_and_drr_client(data_folder: &Path) {
    use casebook_core::clock::{Clock, OsEntropy, SystemClock};
    use casebook_core::domain::account::{CaseRole, NewAccount};
    use casebook_core::domain::appointments::AppointmentText;
    use casebook_core::domain::client::ClientDetailsText;
    use casebook_core::domain::safety_flags::SafetyFlagText;
    use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
    use casebook_core::vault::slot::KdfCost;

    let (clock, entropy) = (SystemClock, &mut OsEntropy);
    let folder = unit_folder::unit_folder(data_folder, UnitKind::Real);
    let unit = NewUnit::parse("Hampshire IOM – Havant", "admin", "Alex Admin", PASSWORD).unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &unit, plan, &clock, entropy).unwrap();
    let mut admin = unit_folder::unlock(&folder, "admin", PASSWORD, &clock, entropy).unwrap();
    let kim = NewAccount::parse(
        "kim",
        "Kim Keyworker",
        "Casebook charity service",
        Some(CaseRole::Keyworker),
        false,
        None,
    )
    .unwrap();
    let (kim, one_time) = admin
        .add_account(&kim, KdfCost::cheap_for_tests(), &clock, entropy)
        .unwrap();
    let client = admin
        .add_client(
            &ClientDetailsText {
                confirmed_new_person: true,
                ..ClientDetailsText::named("Casey", "Marsh", "1988-03-14")
            },
            &clock,
            entropy,
        )
        .unwrap();
    admin
        .allocate_client(client.id, Some(kim.id), None, "", &clock, entropy)
        .unwrap();
    admin
        .set_cohort_flag(client.id, "drr", &clock, entropy)
        .unwrap();
    let review_by = (clock.local_now().date() + chrono::Duration::days(30)).to_string();
    admin
        .raise_safety_flag(
            client.id,
            &SafetyFlagText {
                kind: "lone_visit_not_advised",
                note: "Dog at the address; visit in pairs",
                review_by: &review_by,
                ..SafetyFlagText::default()
            },
            &clock,
            entropy,
        )
        .unwrap();
    let yesterday = clock.local_now().date() - chrono::Duration::days(1);
    let staff = kim.id.to_string();
    admin
        .book_appointment(
            client.id,
            &AppointmentText {
                starts_at: &format!("{yesterday}T10:00"),
                ends_at: &format!("{yesterday}T11:00"),
                kind: "one_to_one",
                place: "office",
                ..AppointmentText::default()
            },
            &[&staff],
            &clock,
            entropy,
        )
        .unwrap();
    admin.lock(&clock, entropy);
    let mut kim_unit = unit_folder::unlock(&folder, "kim", &one_time, &clock, entropy).unwrap();
    kim_unit
        .change_password(
            &one_time,
            KEYWORKER_PASSWORD,
            KdfCost::cheap_for_tests(),
            &clock,
            entropy,
        )
        .unwrap();
    kim_unit.lock(&clock, entropy);
}

/// The keyworker and DRR client of `prepare_keyworker_and_drr_client`,
/// with a probation referral received six weeks ago and picked up two
/// days later, so the client's episode is waiting for its assessments.
pub fn prepare_keyworker_and_referred_client(data_folder: &Path) {
    use casebook_core::clock::{Clock, OsEntropy, SystemClock};
    use casebook_core::domain::referrals::NewReferral;
    use casebook_core::unit::folder::{self as unit_folder, UnitKind};

    prepare_keyworker_and_drr_client(data_folder);
    let (clock, entropy) = (SystemClock, &mut OsEntropy);
    let folder = unit_folder::unit_folder(data_folder, UnitKind::Real);
    let mut admin = unit_folder::unlock(&folder, "admin", PASSWORD, &clock, entropy).unwrap();
    let client = admin.view_caseload(&clock, entropy).unwrap()[0].client.id;
    let received = clock.local_now() - chrono::Duration::days(42);
    let referral = NewReferral::parse(
        "probation",
        "Probation, Hampshire and Isle of Wight",
        &received.format("%Y-%m-%d").to_string(),
        "09:30",
        "Heroin use linked to shoplifting",
        "",
        clock.local_now(),
    )
    .unwrap();
    let episode = admin
        .receive_referral(client, &referral, &clock, entropy)
        .unwrap()[0]
        .id;
    let picked_up = received + chrono::Duration::days(2);
    admin
        .record_pick_up(
            episode,
            &picked_up.format("%Y-%m-%d").to_string(),
            "11:00",
            &clock,
            entropy,
        )
        .unwrap();
    admin.lock(&clock, entropy);
}
