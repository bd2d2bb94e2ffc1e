//! The built app in its real webview: tauri-driver drives WebKitWebDriver,
//! which drives Casebook's window under a virtual display. `make e2e` builds
//! the app and runs this with the `webview` feature.
//!
//! The scenario is the one a new unit lives through on its first day:
//! create the unit, add a client, lock, fail to unlock, unlock, see the
//! client, restart the app and see the client again; then the demo unit.
//! Screenshots of each screen are kept in `target/e2e-screenshots/`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

mod webview_support;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Datelike;
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;
use webview_support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_unit_s_first_day_in_the_real_webview() {
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    let _tauri_driver = TauriDriver::start(&data.path().join("Casebook"), logs.path(), &system_bus);
    // Start from an empty folder, so every picture there is from this run.
    let _ = std::fs::remove_dir_all(screenshot_folder());
    std::fs::create_dir_all(screenshot_folder()).unwrap();

    let mut switches = Vec::new();

    // A folder standing for the unit's network share.
    let share = tempfile::tempdir().unwrap();

    let driver = launch().await;
    a_new_unit_on_first_start(&driver, share.path()).await;
    the_first_client(&driver).await;
    locking_and_signing_in(&driver).await;
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

    // The computer going to sleep locks Casebook and clears the page. Right
    // after a restart the app may not be listening on the bus yet, so the
    // signal is sent again until the lock comes. Known problem: here the
    // lock has been seen to come only with the idle lock (15 seconds, within
    // the wait), so this step does not yet prove the sleep signal on its
    // own; `src-tauri/tests/logind_signals.rs` tests the listener itself.
    let started = Instant::now();
    loop {
        system_bus.announce_sleep();
        tokio::time::sleep(Duration::from_millis(500)).await;
        if present(&driver, "lock-screen").await {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "going to sleep never locked Casebook"
        );
    }
    gone(&driver, "client-row").await;
    assert!(!page_text(&driver).await.contains("Whitlock"));
    sign_in(&driver, "admin", PASSWORD).await;
    by_id(&driver, "client-row").await;

    let (kim_once, pat_once) = accounts_and_roles(&driver).await;
    a_keyworker_s_first_clients(&driver, &kim_once, &mut switches).await;
    the_partner_s_summary(&driver, &pat_once, &mut switches).await;
    the_manager_shares_the_unit_and_tidies_it(&driver, share.path(), &mut switches).await;
    break_glass_and_slow_sign_ins(&driver, &mut switches).await;
    the_audit_trail_the_idle_lock_and_the_demo(&driver, share.path()).await;
    driver.quit().await.unwrap();

    record_switch_times(switches);

    // Nothing a person typed reached the log.
    for entry in std::fs::read_dir(logs.path()).unwrap() {
        let log = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for secret in ["Whitlock", "Jordan", "1990", PASSWORD, "Alex Admin"] {
            assert!(!log.contains(secret), "the log holds {secret}");
        }
    }
}

/// First start: joining from an empty folder is refused, a weak password
/// is refused, and the recovery key is shown once and checked.
async fn a_new_unit_on_first_start(driver: &WebDriver, share: &Path) {
    // First start. Joining from a folder that holds no unit says so.
    by_id(driver, "create-unit-form").await;
    click(driver, "join-open").await;
    type_into(driver, "join-folder", &share.to_string_lossy()).await;
    type_into(driver, "join-username", "kim").await;
    type_into(driver, "join-password", "maple harbour quietly").await;
    click(driver, "join-submit").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("holds no Casebook unit"), "{refusal}");
    screenshot(driver, "00-join-from-an-empty-folder").await;
    click(driver, "join-cancel").await;
    gone(driver, "join-folder").await;

    // Create a unit. A weak password is refused with a reason.
    type_into(driver, "unit-name", "Hampshire IOM – Basingstoke").await;
    type_into(driver, "admin-username", "admin").await;
    type_into(driver, "admin-full-name", "Alex Admin").await;
    type_into(driver, "admin-password", "password1234").await;
    type_into(driver, "admin-password-confirm", "password1234").await;
    click(driver, "create-unit-submit").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("attackers try first"), "{refusal}");
    screenshot(driver, "01-create-unit-weak-password").await;
    type_into(driver, "admin-password", PASSWORD).await;
    type_into(driver, "admin-password-confirm", PASSWORD).await;
    click(driver, "create-unit-submit").await;

    // The recovery key is shown once; typing back the wrong group is caught.
    let key = by_id(driver, "recovery-key").await.text().await.unwrap();
    let groups: Vec<&str> = key
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|g| !g.is_empty())
        .collect();
    assert_eq!(groups.len(), 8, "{key}");
    let check = by_id(driver, "recovery-key-check").await;
    let asked: usize = check
        .attr("data-group-number")
        .await
        .unwrap()
        .unwrap()
        .parse()
        .unwrap();
    screenshot(driver, "02-recovery-key").await;
    type_into(driver, "recovery-key-check", "ZZZZ").await;
    click(driver, "recovery-key-confirm").await;
    by_id(driver, "recovery-key-screen").await;
    type_into(
        driver,
        "recovery-key-check",
        &groups[asked - 1].to_lowercase(),
    )
    .await;
    click(driver, "recovery-key-confirm").await;
}

/// The first client, after an impossible date and a wrong check letter,
/// and a probable duplicate caught before a second record is made.
async fn the_first_client(driver: &WebDriver) {
    // The empty caseload; add a client, with one impossible date first.
    by_id(driver, "caseload").await;
    assert_eq!(
        by_id(driver, "client-count")
            .await
            .text()
            .await
            .unwrap()
            .trim(),
        "0"
    );
    assert!(
        by_id(driver, "session-user")
            .await
            .text()
            .await
            .unwrap()
            .contains("Alex Admin")
    );
    screenshot(driver, "03-caseload-empty").await;
    if let Ok(open) = driver
        .find(By::Css("[data-testid='add-client-open']"))
        .await
    {
        open.click().await.unwrap();
    }
    by_id(driver, "client-details-form").await;
    fill_client(driver, "Jordan", "Whitlock", ["30", "2", "1990"]).await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("not a real date"), "{refusal}");
    screenshot(driver, "04-add-client-impossible-date").await;
    type_into(driver, "client-dob-day", "17").await;
    type_into(driver, "client-dob-month", "5").await;
    // A PNC ID with the wrong check letter is caught, and the form keeps
    // everything typed so only the mistake needs fixing.
    type_into(driver, "client-crn", "x123456").await;
    type_into(driver, "client-pnc", "2012/0123456C").await;
    click(driver, "client-details-submit").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("should be Y"), "{refusal}");
    screenshot(driver, "04b-add-client-wrong-pnc-check-letter").await;
    type_into(driver, "client-pnc", "2012/0123456Y").await;
    click(driver, "client-details-submit").await;
    by_id(driver, "client-row").await;
    assert!(rows(driver).await[0].contains("X123456"));
    let listed = rows(driver).await;
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].contains("Whitlock") && listed[0].contains("Jordan"),
        "{listed:?}"
    );
    assert_eq!(
        by_id(driver, "client-count")
            .await
            .text()
            .await
            .unwrap()
            .trim(),
        "1"
    );
    screenshot(driver, "05-caseload-one-client").await;

    // The same person typed again with a slip in the name is caught before
    // a second record is made.
    click(driver, "add-client-open").await;
    fill_client(driver, "Jordon", "Whitlock", ["17", "5", "1990"]).await;
    let duplicate = by_id(driver, "probable-duplicate")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        duplicate.contains("Jordan Whitlock") && duplicate.contains("similar name"),
        "{duplicate}"
    );
    screenshot(driver, "05b-probable-duplicate").await;
    click(driver, "client-details-cancel").await;
    gone(driver, "client-details-form").await;
    wait_for_rows(driver, 1).await;
}

/// Locking clears the page; a wrong password changes nothing.
async fn locking_and_signing_in(driver: &WebDriver) {
    // Lock with the button: the client is gone from the page, not hidden.
    click(driver, "lock-button").await;
    by_id(driver, "lock-screen").await;
    gone(driver, "caseload").await;
    assert!(!page_text(driver).await.contains("Whitlock"));
    screenshot(driver, "06-lock-screen").await;

    // A wrong password says so and changes nothing.
    sign_in(driver, "admin", "otter lamp river clouds").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("do not match"), "{refusal}");
    assert!(!page_text(driver).await.contains("Whitlock"));
    screenshot(driver, "07-wrong-password").await;

    // The right one opens the caseload with the client.
    sign_in(driver, "admin", PASSWORD).await;
    by_id(driver, "client-row").await;
    assert!(rows(driver).await[0].contains("Whitlock"));
}

/// A keyworker and a partner with one-time passwords (returned), and a
/// role changed by mistake and put back.
async fn accounts_and_roles(driver: &WebDriver) -> (String, String) {
    // The administrator adds a keyworker and a partner, each with a one-time
    // password shown once.
    click(driver, "nav-accounts").await;
    by_id(driver, "accounts-screen").await;
    let kim_once = add_account(
        driver,
        "kim",
        "Kim Keyworker",
        "Casebook charity service",
        "keyworker",
    )
    .await;
    let pat_once = add_account(driver, "pat", "Pat Partner", "Police", "partner").await;
    screenshot(driver, "08-accounts").await;

    // Roles can be changed, and are recorded; Pat is made a manager by
    // mistake and put back.
    for (role, shot) in [("manager", Some("08b-change-role")), ("partner", None)] {
        let row = driver
            .find_all(By::Css("[data-testid='account-row']"))
            .await
            .unwrap();
        let mut pat_row = None;
        for each in row {
            if each.text().await.unwrap().contains("Pat Partner") {
                pat_row = Some(each);
            }
        }
        let pat_row = pat_row.expect("a row for Pat");
        pat_row
            .find(By::Css("[data-testid='account-role-open']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let select = by_id(driver, "account-role-change").await;
        SelectElement::new(&select)
            .await
            .unwrap()
            .select_by_value(role)
            .await
            .unwrap();
        if let Some(shot) = shot {
            screenshot(driver, shot).await;
        }
        click(driver, "account-role-save").await;
        gone(driver, "account-role-change").await;
    }
    let started = Instant::now();
    while !page_text(driver)
        .await
        .contains("Partner (police/probation)")
    {
        assert!(started.elapsed() < WAIT, "Pat is not a partner again");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (kim_once, pat_once)
}

/// The keyworker's first session: own caseload, search, another's client
/// read-only, a RAG review, a safety flag, a referral, an episode, a profile.
async fn a_keyworker_s_first_clients(
    driver: &WebDriver,
    kim_once: &str,
    switches: &mut Vec<Duration>,
) {
    // Switch user: the keyworker signs in, must choose a password, adds a client.
    switches.push(switch_user(driver).await);
    by_id(driver, "lock-screen").await;
    assert!(!page_text(driver).await.contains("Whitlock"));
    assert_eq!(
        by_id(driver, "unlock-username")
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default(),
        ""
    );
    sign_in(driver, "kim", kim_once).await;
    choose_password(
        driver,
        kim_once,
        "maple harbour quietly",
        "09-change-password",
    )
    .await;
    click(driver, "add-client-open").await;
    fill_client(driver, "Ann", "Lee", ["3", "4", "1984"]).await;
    // A keyworker's home is their own caseload; they can widen it to
    // everyone they may read.
    wait_for_rows(driver, 1).await;
    choose(driver, "filter-whose", "Everyone I can see").await;
    wait_for_rows(driver, 2).await;

    // The new client is the keyworker's own; the administrator's client is
    // someone else's, which the keyworker can read but not change.
    let listed = rows(driver).await;
    assert!(
        listed
            .iter()
            .any(|r| r.contains("Lee") && r.contains("Yours")),
        "{listed:?}"
    );
    assert!(
        listed
            .iter()
            .any(|r| r.contains("Whitlock") && r.contains("Read only")),
        "{listed:?}"
    );
    // Ctrl+K searches: a typing slip still finds the client, and Enter
    // opens their page.
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Control + "k")
        .await
        .unwrap();
    type_into(driver, "search-input", "whitlok").await;
    let hit = by_id(driver, "search-result").await.text().await.unwrap();
    assert!(hit.contains("Jordan Whitlock"), "{hit}");
    screenshot(driver, "09b-search").await;
    // The CRN, as people quote it, finds the same client.
    type_into(driver, "search-input", "x123456").await;
    let started = Instant::now();
    loop {
        let hits = driver
            .find_all(By::Css("[data-testid='search-result']"))
            .await
            .unwrap();
        if hits.len() == 1 && hits[0].text().await.unwrap().contains("Jordan Whitlock") {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "the CRN search never found one client"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    by_id(driver, "search-input")
        .await
        .send_keys(Key::Enter)
        .await
        .unwrap();
    gone(driver, "search-dialog").await;
    by_id(driver, "client-screen").await;
    by_id(driver, "read-only-note").await;
    assert!(!present(driver, "client-edit").await);
    assert!(!present(driver, "allocate-keyworker").await);
    screenshot(driver, "10-keyworker-reads-another-client").await;
    click(driver, "client-back").await;
    open_client(driver, "Lee").await;
    by_id(driver, "client-edit").await;

    // The keyworker rates their client red, which needs a reason.
    click(driver, "rag-review-open").await;
    click(driver, "rag-red").await;
    click(driver, "rag-review-save").await;
    assert!(
        page_text(driver)
            .await
            .contains("Say why this client is red")
    );
    type_into(driver, "rag-reason", "Arrested last night for a burglary").await;
    screenshot(driver, "10b-rag-review").await;
    click(driver, "rag-review-save").await;
    gone(driver, "rag-review-form").await;
    assert!(current_rag(driver).await.contains("Red"));
    screenshot(driver, "10c-client-page-red").await;

    // A safety flag shows as a banner on the page, and its review (due
    // today) is listed on the caseload.
    click(driver, "flag-raise-open").await;
    choose(driver, "flag-kind", "Lone visit not advised").await;
    type_into(
        driver,
        "flag-text",
        "Large dog at the address; visit in pairs",
    )
    .await;
    let today = chrono::Local::now().date_naive();
    type_into(driver, "flag-review-day", &today.format("%d").to_string()).await;
    type_into(driver, "flag-review-month", &today.format("%m").to_string()).await;
    type_into(driver, "flag-review-year", &today.format("%Y").to_string()).await;
    click(driver, "flag-save").await;
    let banner = by_id(driver, "safety-banner").await.text().await.unwrap();
    assert!(banner.contains("Lone visit not advised"), "{banner}");
    driver
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .unwrap();
    screenshot(driver, "10d-client-safety-flag").await;
    click(driver, "client-back").await;
    let due = by_id(driver, "safety-review-due")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        due.contains("Ann Lee") && due.contains("Lone visit"),
        "{due}"
    );
    by_id(driver, "client-flags").await;
    screenshot(driver, "10e-caseload-flag-review-due").await;

    // A prison referral with its release date starts the 21-day clock,
    // counted from the release (later than the referral here).
    open_client(driver, "Lee").await;
    click(driver, "referral-open").await;
    choose(driver, "referral-route", "Prison (Through the Gate)").await;
    type_into(
        driver,
        "referral-referrer",
        "HMP Winchester resettlement team",
    )
    .await;
    type_date(
        driver,
        "referral-received",
        today - chrono::Duration::days(3),
    )
    .await;
    type_into(driver, "referral-time", "09:30").await;
    click(driver, "episode-save").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("Enter the release date"), "{refusal}");
    type_date(
        driver,
        "referral-release",
        today - chrono::Duration::days(2),
    )
    .await;
    type_into(
        driver,
        "referral-reason",
        "Heroin use before custody; wants help on release",
    )
    .await;
    screenshot(driver, "10f-prison-referral").await;
    click(driver, "episode-save").await;
    gone(driver, "episode-form").await;
    let clock = by_id(driver, "episode-clock").await.text().await.unwrap();
    assert!(clock.contains("19 days left"), "{clock}");
    click(driver, "client-back").await;
    let started = Instant::now();
    loop {
        let listed = rows(driver).await;
        if listed
            .iter()
            .any(|r| r.contains("Lee") && r.contains("19 days left") && r.contains("Prison"))
        {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "no clock on the caseload: {listed:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        by_id(driver, "count-referrals-due")
            .await
            .text()
            .await
            .unwrap()
            .trim(),
        "0",
        "19 days is not due this week"
    );
    screenshot(driver, "10g-caseload-referral-clock").await;

    // Picked up today, then closed: an "other" exit needs a note, and a
    // closed episode is kept, read-only.
    open_client(driver, "Lee").await;
    click(driver, "pick-up-open").await;
    click(driver, "episode-save").await;
    gone(driver, "episode-form").await;
    click(driver, "close-episode-open").await;
    choose(driver, "exit-reason", "Other").await;
    click(driver, "episode-save").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("needs a few words"), "{refusal}");
    choose(driver, "exit-reason", "Unplanned: custody").await;
    click(driver, "episode-save").await;
    gone(driver, "episode-form").await;
    let earlier = by_id(driver, "episodes-earlier")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        earlier.contains("Unplanned: custody") && earlier.contains("Prison"),
        "{earlier}"
    );
    assert!(
        present(driver, "referral-open").await,
        "a new referral may open a new episode"
    );
    screenshot(driver, "10h-episode-closed").await;

    // Contact, needs and equality: a wrong phone number is refused with
    // everything typed kept; then an alias and the postcode find her.
    click(driver, "profile-edit").await;
    type_into(driver, "profile-other-names", "Annie Leigh").await;
    type_into(driver, "profile-postcode", "so14 7du").await;
    choose(driver, "profile-area", "Southampton").await;
    type_into(driver, "profile-phone", "12345").await;
    choose(driver, "profile-armed-forces", "Veteran (has served)").await;
    click(driver, "profile-save").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("not a UK phone number"), "{refusal}");
    type_into(driver, "profile-phone", "07700 900123").await;
    click(driver, "profile-save").await;
    gone(driver, "profile-form").await;
    let profile = by_id(driver, "profile-panel").await.text().await.unwrap();
    assert!(
        profile.contains("SO14 7DU")
            && profile.contains("Veteran")
            && profile.contains("Annie Leigh"),
        "{profile}"
    );
    screenshot(driver, "10i-client-profile").await;
    click(driver, "client-back").await;
    for typed in ["annie leigh", "SO14"] {
        driver
            .active_element()
            .await
            .unwrap()
            .send_keys(Key::Control + "k")
            .await
            .unwrap();
        type_into(driver, "search-input", typed).await;
        let hit = by_id(driver, "search-result").await.text().await.unwrap();
        assert!(hit.contains("Ann Lee"), "{typed}: {hit}");
        click(driver, "search-result").await;
        gone(driver, "search-dialog").await;
        click(driver, "client-back").await;
    }
}

/// The partner's caseload and summary, where nothing can be changed.
async fn the_partner_s_summary(driver: &WebDriver, pat_once: &str, switches: &mut Vec<Duration>) {
    // The partner sees the caseload and each client's summary, and can
    // change nothing.
    switches.push(switch_user(driver).await);
    sign_in(driver, "pat", pat_once).await;
    choose_password(
        driver,
        pat_once,
        "willow compass ember",
        "11-partner-chooses-password",
    )
    .await;
    wait_for_rows(driver, 2).await;
    assert!(!present(driver, "add-client-open").await);
    assert!(!present(driver, "nav-accounts").await);
    screenshot(driver, "12-partner-caseload").await;
    open_client(driver, "Lee").await;
    by_id(driver, "summary-note").await;
    assert!(current_rag(driver).await.contains("Red"));
    assert!(
        !page_text(driver).await.contains("burglary"),
        "a partner sees the rating, not the reason"
    );
    assert!(!present(driver, "client-edit").await);
    assert!(
        by_id(driver, "client-keyworker")
            .await
            .text()
            .await
            .unwrap()
            .contains("Kim Keyworker")
    );
    screenshot(driver, "13-partner-client-summary").await;
}

/// The manager's settings, the shared folder and computers, allocation,
/// cohort, consent, a merge and a record deleted as entered in error.
async fn the_manager_shares_the_unit_and_tidies_it(
    driver: &WebDriver,
    share: &Path,
    switches: &mut Vec<Duration>,
) {
    // The administrator hides other keyworkers' clients, and allocates the
    // first client to themself as manager.
    switches.push(switch_user(driver).await);
    sign_in(driver, "admin", PASSWORD).await;
    by_id(driver, "caseload").await;
    click(driver, "nav-settings").await;
    let see_others = by_id(driver, "settings-keyworkers-see-others").await;
    assert!(see_others.is_selected().await.unwrap());
    see_others.click().await.unwrap();
    click(driver, "settings-save").await;
    by_id(driver, "settings-saved").await;
    screenshot(driver, "14-unit-settings").await;
    // The administrator connects the unit to the shared folder: every
    // change so far is sent there, encrypted.
    type_into(driver, "shared-folder-path", &share.to_string_lossy()).await;
    click(driver, "shared-folder-connect").await;
    let connected = by_id(driver, "shared-folder-report")
        .await
        .text()
        .await
        .unwrap();
    assert!(connected.contains("Connected. Sent"), "{connected}");
    assert!(share.join("unit.json").is_file());
    // The header hears of it and starts syncing, without signing in again.
    let started = Instant::now();
    while !page_text(driver).await.contains("Synced at") {
        assert!(started.elapsed() < WAIT, "the header never started syncing");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(driver, "14b-shared-folder-connected").await;
    // The unit's computers: this one, approved as it first sent.
    let computers = by_id(driver, "computers-panel").await;
    computers.scroll_into_view().await.unwrap();
    let listed = computers.text().await.unwrap();
    assert!(
        listed.contains("(this computer)") && listed.contains("Approved"),
        "{listed}"
    );
    screenshot(driver, "14c-computers").await;
    click(driver, "nav-caseload").await;
    open_client(driver, "Whitlock").await;
    choose(driver, "allocate-keyworker", "Alex Admin").await;
    click(driver, "allocate-submit").await;
    let started = Instant::now();
    while !by_id(driver, "client-keyworker")
        .await
        .text()
        .await
        .unwrap()
        .contains("Alex Admin")
    {
        assert!(started.elapsed() < WAIT, "the allocation never showed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(driver, "15-client-allocation").await;

    // An OGRS of 80 makes Casebook propose statutory IOM; the manager
    // confirms it.
    let today = chrono::Local::now().date_naive();
    type_into(driver, "ogrs-score", "80").await;
    type_into(driver, "ogrs-date-day", &today.format("%d").to_string()).await;
    type_into(driver, "ogrs-date-month", &today.format("%m").to_string()).await;
    type_into(driver, "ogrs-date-year", &today.format("%Y").to_string()).await;
    click(driver, "ogrs-save").await;
    let proposal = by_id(driver, "cohort-proposal").await.text().await.unwrap();
    assert!(proposal.contains("Statutory IOM"), "{proposal}");
    by_id(driver, "cohort-proposal")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(driver, "15b-cohort-proposal").await;
    click(driver, "cohort-confirm").await;
    gone(driver, "cohort-proposal").await;

    // The client withdraws consent to share with the police.
    choose(driver, "consent-agency", "Police").await;
    click(driver, "consent-withdrawn").await;
    type_into(driver, "consent-date-day", &today.format("%d").to_string()).await;
    type_into(
        driver,
        "consent-date-month",
        &today.format("%m").to_string(),
    )
    .await;
    type_into(driver, "consent-date-year", &today.format("%Y").to_string()).await;
    click(driver, "consent-save").await;
    let started = Instant::now();
    while !page_text(driver).await.contains("Withdrawn on") {
        assert!(started.elapsed() < WAIT, "the withdrawal never showed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    by_id(driver, "consent-panel")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(driver, "15c-consent-withdrawn").await;
    assert!(
        by_id(driver, "cohort-flag")
            .await
            .text()
            .await
            .unwrap()
            .contains("Statutory IOM")
    );

    // A second record of the same person, added anyway, is merged back by
    // the manager: one record again, with the other name kept.
    click(driver, "client-back").await;
    click(driver, "add-client-open").await;
    fill_client(driver, "Jordon", "Whitlock", ["17", "5", "1990"]).await;
    by_id(driver, "probable-duplicate").await;
    click(driver, "add-anyway").await;
    wait_for_rows(driver, 3).await;
    open_client(driver, "Whitlock, Jordan").await;
    let candidate = by_id(driver, "merge-candidate").await.text().await.unwrap();
    assert!(candidate.contains("Jordon Whitlock"), "{candidate}");
    click(driver, "merge-choose").await;
    type_into(driver, "merge-reason", "same").await;
    click(driver, "merge-save").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("at least 10 characters"), "{refusal}");
    type_into(
        driver,
        "merge-reason",
        "Same person: a typing slip when the second referral came in",
    )
    .await;
    screenshot(driver, "15d-merge-duplicate").await;
    click(driver, "merge-save").await;
    gone(driver, "merge-panel").await;
    let profile = by_id(driver, "profile-panel").await.text().await.unwrap();
    assert!(profile.contains("Jordon Whitlock"), "{profile}");
    click(driver, "client-back").await;
    wait_for_rows(driver, 2).await;

    // A record keyed in at a training session is deleted by the manager,
    // with a reason: it leaves the caseload.
    click(driver, "add-client-open").await;
    fill_client(driver, "Testy", "Trainingrecord", ["2", "3", "1985"]).await;
    wait_for_rows(driver, 3).await;
    open_client(driver, "Trainingrecord, Testy").await;
    click(driver, "delete-ask").await;
    type_into(driver, "delete-reason", "test").await;
    click(driver, "delete-save").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("at least 10 characters"), "{refusal}");
    type_into(
        driver,
        "delete-reason",
        "Keyed in at the training session, not a real person",
    )
    .await;
    by_id(driver, "delete-panel")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(driver, "15d2-delete-record").await;
    click(driver, "delete-save").await;
    wait_for_rows(driver, 2).await;
    let left = rows(driver).await;
    assert!(
        !left.iter().any(|row| row.contains("Trainingrecord")),
        "{left:?}"
    );
}

/// Break-glass to a client outside the caseload, failed sign-ins slowing
/// down, and a partner no longer seeing a client who withdrew consent.
async fn break_glass_and_slow_sign_ins(driver: &WebDriver, switches: &mut Vec<Duration>) {
    // Now the keyworker sees only their own client; opening the other one
    // takes a reason, which opens it read-only with a banner. This computer
    // is connected to the shared folder, so signing in syncs.
    switches.push(switch_user(driver).await);
    sign_in(driver, "kim", "maple harbour quietly").await;
    wait_for_rows(driver, 1).await;
    // (WebKitWebDriver reads a live region's text as empty, so the page
    // source is read instead.)
    let started = Instant::now();
    while !page_text(driver).await.contains("Synced at") {
        assert!(started.elapsed() < WAIT, "the header never said it synced");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(driver, "15e-caseload-synced").await;
    assert!(!page_text(driver).await.contains("Whitlock"));
    click(driver, "find-other-open").await;
    type_into(driver, "find-family-name", "Whitlock").await;
    type_into(driver, "find-dob-day", "17").await;
    type_into(driver, "find-dob-month", "5").await;
    type_into(driver, "find-dob-year", "1990").await;
    click(driver, "find-submit").await;
    click(driver, "find-choose").await;
    type_into(driver, "break-glass-reason", "urgent").await;
    click(driver, "break-glass-open").await;
    assert!(page_text(driver).await.contains("at least 10 characters"));
    type_into(
        driver,
        "break-glass-reason",
        "Police called: reported missing from approved premises tonight",
    )
    .await;
    screenshot(driver, "16-break-glass-reason").await;
    click(driver, "break-glass-open").await;
    by_id(driver, "break-glass-banner").await;
    assert!(!present(driver, "client-edit").await);
    screenshot(driver, "17-break-glass-record").await;
    click(driver, "client-back").await;
    wait_for_rows(driver, 1).await;

    // Wrong passwords slow down from the third: keep trying until the lock
    // screen asks to wait (each try takes the deliberate key-derivation time,
    // so the first delay of a second may have passed before the fourth).
    switches.push(switch_user(driver).await);
    let mut delayed = None;
    for attempt in 1..=8 {
        sign_in(driver, "kim", "not kims password").await;
        let started = Instant::now();
        while started.elapsed() < Duration::from_millis(2500) {
            if let Ok(shown) = driver.find(By::Css("[data-testid='error']")).await
                && shown.text().await.unwrap_or_default().contains("Wait")
            {
                delayed = Some(attempt);
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if delayed.is_some() {
            break;
        }
    }
    let delayed = delayed.expect("the lock screen never asked to wait");
    assert!(delayed >= 4, "asked to wait after only {delayed} tries");
    screenshot(driver, "18-sign-in-delayed").await;

    // The police partner no longer sees the client who withdrew consent.
    sign_in(driver, "pat", "willow compass ember").await;
    wait_for_rows(driver, 1).await;
    assert!(!page_text(driver).await.contains("Whitlock"));
    switches.push(switch_user(driver).await);
}

/// The audit trail checked and exported to the share, the idle lock, and
/// the demo unit.
async fn the_audit_trail_the_idle_lock_and_the_demo(driver: &WebDriver, share: &Path) {
    // The administrator checks the audit trail.
    sign_in(driver, "admin", PASSWORD).await;
    by_id(driver, "caseload").await;
    click(driver, "nav-audit").await;
    by_id(driver, "audit-row").await;
    click(driver, "audit-verify").await;
    let verdict = by_id(driver, "audit-verdict").await.text().await.unwrap();
    assert!(verdict.contains("intact"), "{verdict}");
    choose(
        driver,
        "audit-filter-action",
        "Opened a record with a reason (break-glass)",
    )
    .await;
    click(driver, "audit-filter-apply").await;
    let started = Instant::now();
    loop {
        let entries = driver
            .find_all(By::Css("[data-testid='audit-row']"))
            .await
            .unwrap();
        if entries.len() == 1 {
            let text = entries[0].text().await.unwrap();
            assert!(
                text.contains("approved premises") && text.contains("Whitlock, Jordan"),
                "{text}"
            );
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "the break-glass entry never showed alone"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(driver, "19-audit-trail-break-glass").await;
    // The filtered trail, saved to the shared folder for a colleague.
    click(driver, "audit-export-share").await;
    let saved = by_id(driver, "audit-export-result")
        .await
        .text()
        .await
        .unwrap();
    assert!(saved.contains("exports"), "{saved}");
    assert_eq!(std::fs::read_dir(share.join("exports")).unwrap().count(), 1);

    // Left alone, the screen locks itself and the records leave the page.
    let started = Instant::now();
    while driver
        .find_all(By::Css("[data-testid='lock-screen']"))
        .await
        .unwrap()
        .is_empty()
    {
        assert!(
            started.elapsed() < Duration::from_secs(IDLE_LOCK_SECONDS * 3),
            "the idle lock never came"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(
        started.elapsed() >= Duration::from_secs(IDLE_LOCK_SECONDS / 2),
        "locked too soon"
    );
    let page = page_text(driver).await;
    assert!(!page.contains("Whitlock") && !page.contains("audit-row"));
    screenshot(driver, "20-locked-when-idle").await;

    // The demo unit: clearly marked, apart, with its stated credentials.
    click(driver, "open-demo").await;
    by_id(driver, "demo-banner").await;
    screenshot(driver, "21-demo-lock-screen").await;
    sign_in(driver, "demo", "try casebook safely").await;
    by_id(driver, "caseload").await;
    by_id(driver, "demo-banner").await;
    by_id(driver, "client-row").await;
    assert!(rows(driver).await.len() >= 30);
    assert!(
        !page_text(driver).await.contains("Whitlock"),
        "the demo unit shows no real client"
    );
    screenshot(driver, "22-demo-caseload").await;
}

/// Runs after the first-day test (tests run one at a time, in name order),
/// which empties the screenshot folder first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_computers_resolve_a_rag_changed_while_apart() {
    let first_data = tempfile::tempdir().unwrap();
    let second_data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    std::fs::create_dir_all(screenshot_folder()).unwrap();
    // A folder standing for the unit's network share; renaming it away is
    // the share going out of reach.
    let share_parent = tempfile::tempdir().unwrap();
    let share = share_parent.path().join("unit");
    let away = share_parent.path().join("unit-unreachable");
    std::fs::create_dir_all(&share).unwrap();
    let first = first_data.path().join("Casebook");
    let second = second_data.path().join("Casebook");
    prepare_first_computer(&first, &share);

    // The second computer joins from the shared folder and sees the client.
    let computer = Computer::start(&second, logs.path(), &system_bus).await;
    let driver = &computer.driver;
    by_id(driver, "create-unit-form").await;
    click(driver, "join-open").await;
    type_into(driver, "join-folder", &share.to_string_lossy()).await;
    type_into(driver, "join-username", "admin").await;
    type_into(driver, "join-password", PASSWORD).await;
    screenshot(driver, "23-join-from-shared-folder").await;
    click(driver, "join-submit").await;
    wait_for_rows(driver, 1).await;
    assert!(page_text(driver).await.contains("Marsh"));

    // Apart: the share is out of reach, and this computer rates the client
    // red. The header says the change waits.
    std::fs::rename(&share, &away).unwrap();
    open_client(driver, "Marsh").await;
    rate(driver, "red", "Arrested for burglary").await;
    wait_for_words(driver, "Offline – 1 change waiting").await;
    // Saving moved focus down the page; the header is at the top.
    driver
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .unwrap();
    screenshot(driver, "24-offline-change-waiting").await;
    computer.quit().await;

    // Meanwhile the first computer, also apart, rates the client green;
    // when the share is back, Sync now sends it.
    let computer = Computer::start(&first, logs.path(), &system_bus).await;
    let driver = &computer.driver;
    sign_in(driver, "admin", PASSWORD).await;
    wait_for_rows(driver, 1).await;
    wait_for_words(driver, "Offline").await;
    open_client(driver, "Marsh").await;
    rate(driver, "green", "Started work at the depot").await;
    std::fs::rename(&away, &share).unwrap();
    click(driver, "sync-now").await;
    wait_for_words(driver, "Synced at").await;
    assert!(!present(driver, "resolve-items").await);
    computer.quit().await;

    // The second computer syncs on signing in: it sends its red and
    // receives the green, and asks a person to choose.
    let computer = Computer::start(&second, logs.path(), &system_bus).await;
    let driver = &computer.driver;
    sign_in(driver, "admin", PASSWORD).await;
    by_id(driver, "caseload-resolve-item").await;
    screenshot(driver, "25-caseload-changes-to-resolve").await;
    open_client(driver, "Marsh").await;
    let sides = driver
        .query(By::Css("[data-testid='resolve-side']"))
        .wait(WAIT, Duration::from_millis(100))
        .all_from_selector_required()
        .await
        .unwrap();
    assert_eq!(sides.len(), 2);
    let panel = by_id(driver, "resolve-items").await.text().await.unwrap();
    assert!(
        panel.contains("Green: “Started work at the depot”")
            && panel.contains("Red: “Arrested for burglary”"),
        "{panel}"
    );
    screenshot(driver, "26-resolve-item").await;
    computer.quit().await;

    // The first computer receives the red on signing in, shows the same
    // item, and the manager keeps red.
    let computer = Computer::start(&first, logs.path(), &system_bus).await;
    let driver = &computer.driver;
    sign_in(driver, "admin", PASSWORD).await;
    by_id(driver, "caseload-resolve-item").await;
    open_client(driver, "Marsh").await;
    by_id(driver, "resolve-items").await;
    let mut kept = false;
    for side in driver
        .find_all(By::Css("[data-testid='resolve-side']"))
        .await
        .unwrap()
    {
        if side.text().await.unwrap().contains("Red:") {
            side.find(By::Css("[data-testid='resolve-keep']"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            kept = true;
            break;
        }
    }
    assert!(kept, "no side said red");
    gone(driver, "resolve-items").await;
    assert!(current_rag(driver).await.contains("Red"));
    screenshot(driver, "27-resolved").await;
    click(driver, "sync-now").await;
    wait_for_words(driver, "Synced at").await;
    computer.quit().await;

    // The choice reaches the second computer: nothing left to resolve,
    // and the client is red there too.
    let computer = Computer::start(&second, logs.path(), &system_bus).await;
    let driver = &computer.driver;
    sign_in(driver, "admin", PASSWORD).await;
    wait_for_words(driver, "Synced at").await;
    wait_for_rows(driver, 1).await;
    // The list was read before the sync brought the choice; it is read again
    // after.
    gone(driver, "caseload-resolve-item").await;
    open_client(driver, "Marsh").await;
    assert!(current_rag(driver).await.contains("Red"));
    assert!(!present(driver, "resolve-items").await);
    screenshot(driver, "28-resolved-on-the-other-computer").await;
    computer.quit().await;
}

/// A keyworker's week with a DRR client who must not be visited alone:
/// a home visit booked with its warning, a DNA judged unacceptable and
/// counted, a session written (and saved as a draft as it is typed),
/// signed off with an action, corrected by an addendum; the task on the
/// home screen, everything on the timeline, the visit in the week's diary.
/// Runs after the first-day test, which empties the screenshot folder.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_week_of_keywork_in_the_real_webview() {
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    let data_folder = data.path().join("Casebook");
    prepare_keyworker_and_drr_client(&data_folder);
    let _tauri_driver = TauriDriver::start(&data_folder, logs.path(), &system_bus);
    std::fs::create_dir_all(screenshot_folder()).unwrap();
    let driver = launch().await;
    sign_in(&driver, "kim", KEYWORKER_PASSWORD).await;
    by_id(&driver, "caseload").await;
    open_client(&driver, "Marsh").await;

    // A home visit tomorrow: the client's lone-visit flag is shown before
    // it is booked.
    let today = chrono::Local::now().date_naive();
    let tomorrow = today + chrono::Duration::days(1);
    click(&driver, "book-open").await;
    type_date(&driver, "book-date", tomorrow).await;
    type_into(&driver, "book-start", "10:00").await;
    type_into(&driver, "book-end", "11:00").await;
    choose(&driver, "book-kind", "One-to-one").await;
    choose(&driver, "book-place", "Home visit").await;
    click(&driver, "book-check").await;
    let warning = by_id(&driver, "home-visit-warning")
        .await
        .text()
        .await
        .unwrap();
    assert!(warning.contains("Lone visit not advised"), "{warning}");
    screenshot(&driver, "30-home-visit-warning").await;
    click(&driver, "book-confirm").await;
    gone(&driver, "book-form").await;

    // Yesterday's appointment was missed: on a DRR the absence must be
    // judged, and an unacceptable one is counted.
    let missed = driver
        .find(By::Css(
            "[data-testid='appointments-past'] [data-testid='appointment']",
        ))
        .await
        .unwrap()
        .attr("data-appointment-id")
        .await
        .unwrap()
        .unwrap();
    click(&driver, &format!("record-outcome-{missed}")).await;
    choose(&driver, "outcome-select", "Did not attend (DNA)").await;
    click(&driver, "save-outcome").await;
    let refusal = error_text(&driver).await;
    assert!(refusal.contains("on an order"), "{refusal}");
    choose(&driver, "absence-select", "Unacceptable absence").await;
    click(&driver, "save-outcome").await;
    gone(&driver, &format!("outcome-form-{missed}")).await;
    let started = Instant::now();
    loop {
        let count = by_id(&driver, "compliance-drr").await.text().await.unwrap();
        if count.contains('1') {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "the absence was never counted: {count}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(&driver, "31-dna-counted-on-the-order").await;

    // The session of yesterday, written up: two pathways and an action.
    // The form saves a draft as it is typed.
    let yesterday = today - chrono::Duration::days(1);
    click(&driver, "write-session").await;
    type_date(&driver, "session-date", yesterday).await;
    type_into(&driver, "session-start", "14:00").await;
    type_into(&driver, "session-minutes", "50").await;
    choose(&driver, "session-place", "Office").await;
    click(&driver, "pathway-accommodation").await;
    click(&driver, "pathway-drugs_and_alcohol").await;
    click(&driver, "intervention-relapse_prevention").await;
    type_into(
        &driver,
        "session-notes",
        "Talked through the tenancy and the weekend's use. Plan for Friday agreed.",
    )
    .await;
    click(&driver, "add-action").await;
    type_into(&driver, "action-what", "Ring the housing officer").await;
    choose(&driver, "action-who", "The keyworker").await;
    type_date(&driver, "action-due-0", today + chrono::Duration::days(7)).await;
    let started = Instant::now();
    while !by_id(&driver, "draft-status")
        .await
        .text()
        .await
        .unwrap()
        .contains("saved")
    {
        assert!(started.elapsed() < WAIT, "the draft was never saved");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let form = by_id(&driver, "session-form").await;
    driver
        .execute(
            "arguments[0].scrollIntoView({block: 'start'});",
            vec![form.to_json().unwrap()],
        )
        .await
        .unwrap();
    screenshot(&driver, "32-session-form").await;
    click(&driver, "sign-off").await;
    gone(&driver, "session-form").await;
    let record = by_id(&driver, "session-record").await.text().await.unwrap();
    assert!(record.contains("tenancy"), "{record}");

    // A correction is an addendum, shown under the original.
    click(&driver, "add-addendum").await;
    type_into(
        &driver,
        "addendum-text",
        "The use was on Saturday, not Sunday.",
    )
    .await;
    click(&driver, "save-addendum").await;
    let addendum = by_id(&driver, "session-addendum")
        .await
        .text()
        .await
        .unwrap();
    assert!(addendum.contains("Saturday"), "{addendum}");

    // Everything is on the timeline, newest first.
    let timeline = by_id(&driver, "timeline").await;
    timeline.scroll_into_view().await.unwrap();
    let entries = driver
        .find_all(By::Css("[data-testid='timeline-entry']"))
        .await
        .unwrap();
    assert!(entries.len() >= 6, "{} entries", entries.len());
    screenshot(&driver, "33-timeline").await;

    // The note is found by its words from the search box (Ctrl+K).
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Control + "k")
        .await
        .unwrap();
    click(&driver, "search-notes-toggle").await;
    type_into(&driver, "search-input", "tenancy weekend").await;
    let found = by_id(&driver, "note-search-result")
        .await
        .text()
        .await
        .unwrap();
    assert!(found.contains("Casey Marsh"), "{found}");
    screenshot(&driver, "33b-note-search").await;
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Escape)
        .await
        .unwrap();
    gone(&driver, "search-dialog").await;

    // The action is a task on the home screen.
    click(&driver, "client-back").await;
    let tasks = by_id(&driver, "my-tasks").await.text().await.unwrap();
    assert!(tasks.contains("Ring the housing officer"), "{tasks}");
    screenshot(&driver, "34-home-my-tasks").await;

    // The visit is in this week's diary (or next week's, on a Sunday), with
    // its warning again.
    click(&driver, "nav-diary").await;
    by_id(&driver, "diary-week").await;
    if today.weekday() == chrono::Weekday::Sun {
        click(&driver, "diary-next").await;
    }
    by_id(&driver, "diary-lone-visit").await;
    screenshot(&driver, "35-diary-week").await;
    driver.quit().await.unwrap();
}

/// Picks an option of a select by its value rather than its words.
async fn choose_value(driver: &WebDriver, test_id: &str, value: &str) {
    let select = by_id(driver, test_id).await;
    SelectElement::new(&select)
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap();
}

/// Scores the seven pathways, in their usual order.
async fn score_pathways(driver: &WebDriver, scores: [u8; 7]) {
    for (code, score) in PATHWAY_CODES.iter().zip(scores) {
        choose_value(driver, &format!("score-{code}"), &score.to_string()).await;
    }
}

const PATHWAY_CODES: [&str; 7] = [
    "accommodation",
    "education_training_employment",
    "health",
    "drugs_and_alcohol",
    "finance_benefits_debt",
    "children_and_families",
    "attitudes_thinking_behaviour",
];

/// Waits until the element's text holds `words`.
async fn wait_for_text_in(driver: &WebDriver, test_id: &str, words: &str) -> String {
    let started = Instant::now();
    loop {
        // The element may be drawn again between finding it and reading it.
        let text = by_id(driver, test_id)
            .await
            .text()
            .await
            .unwrap_or_default();
        if text.contains(words) {
            return text;
        }
        assert!(
            started.elapsed() < WAIT,
            "{test_id} never said {words:?}: {text}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn seven_pathways_a_support_plan_and_cohorts_in_the_real_webview() {
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    let data_folder = data.path().join("Casebook");
    prepare_keyworker_and_referred_client(&data_folder);
    let _tauri_driver = TauriDriver::start(&data_folder, logs.path(), &system_bus);
    std::fs::create_dir_all(screenshot_folder()).unwrap();
    let driver = launch().await;
    sign_in(&driver, "kim", KEYWORKER_PASSWORD).await;
    by_id(&driver, "caseload").await;
    // Picked up 40 days ago with no assessment: the initial one is overdue.
    let due = by_id(&driver, "client-assessment-due")
        .await
        .text()
        .await
        .unwrap();
    assert!(due.to_lowercase().contains("overdue"), "{due}");
    open_client(&driver, "Marsh").await;

    // An initial assessment, refused while a pathway is unscored.
    let today = chrono::Local::now().date_naive();
    click(&driver, "new-assessment").await;
    choose_value(&driver, "assessment-kind", "initial").await;
    type_date(
        &driver,
        "assessment-date",
        today - chrono::Duration::days(20),
    )
    .await;
    score_pathways(&driver, [7, 6, 5, 8, 6, 4, 7]).await;
    choose_value(&driver, "score-health", "").await;
    click(&driver, "sign-assessment").await;
    let refusal = error_text(&driver).await;
    assert!(refusal.contains("One pathway has no score"), "{refusal}");
    choose_value(&driver, "score-health", "5").await;
    choose_value(&driver, "client-score-drugs_and_alcohol", "5").await;
    type_into(
        &driver,
        "evidence-drugs_and_alcohol",
        "Using most days; says it is under control.",
    )
    .await;
    by_id(&driver, "assessment-pathway-drugs_and_alcohol")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(&driver, "39-assessment-form").await;
    click(&driver, "sign-assessment").await;
    gone(&driver, "assessment-form").await;

    // A review with lower scores: the radar shows both.
    click(&driver, "new-assessment").await;
    choose_value(&driver, "assessment-kind", "review").await;
    type_date(
        &driver,
        "assessment-date",
        today - chrono::Duration::days(1),
    )
    .await;
    score_pathways(&driver, [4, 5, 4, 5, 5, 3, 5]).await;
    click(&driver, "sign-assessment").await;
    gone(&driver, "assessment-form").await;
    let radar = by_id(&driver, "pathways-radar").await;
    radar.scroll_into_view().await.unwrap();
    let table = by_id(&driver, "pathways-radar-table").await;
    let numbers = table.attr("textContent").await.unwrap().unwrap_or_default();
    assert!(
        numbers.contains("Initial") && numbers.contains("Review"),
        "the radar's table holds both assessments: {numbers}"
    );
    screenshot(&driver, "40-client-radar").await;

    // The radar saved for a report, as SVG and as PNG: real pictures.
    click(&driver, "pathways-radar-svg").await;
    wait_for_text_in(&driver, "chart-saved-to", ".svg").await;
    click(&driver, "pathways-radar-png").await;
    wait_for_text_in(&driver, "chart-saved-to", ".png").await;
    let mut saved: Vec<Vec<u8>> = std::fs::read_dir(data_folder.join("exports"))
        .unwrap()
        .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
        .collect();
    saved.sort_by_key(|bytes| bytes.first().copied());
    assert_eq!(saved.len(), 2, "one SVG and one PNG");
    assert!(saved[0].starts_with(b"<svg") || saved[0].starts_with(b"<?xml"));
    assert!(saved[1].starts_with(b"\x89PNG"));

    // A goal with an action: the action is a task.
    click(&driver, "add-goal").await;
    choose_value(&driver, "goal-pathway", "accommodation").await;
    type_into(
        &driver,
        "goal-client-words",
        "Somewhere of my own by the summer",
    )
    .await;
    type_date(&driver, "goal-target", today + chrono::Duration::days(120)).await;
    type_into(
        &driver,
        "goal-action-what-0",
        "Fill in the housing register form together",
    )
    .await;
    type_date(
        &driver,
        "goal-action-due-0",
        today + chrono::Duration::days(7),
    )
    .await;
    click(&driver, "save-goal").await;
    gone(&driver, "save-goal").await;
    wait_for_words(&driver, "Fill in the housing register form together").await;

    // The plan printed for the client: their words, nobody else's data.
    click(&driver, "print-plan").await;
    let preview = wait_for_text_in(
        &driver,
        "plan-print-preview",
        "Somewhere of my own by the summer",
    )
    .await;
    assert!(
        preview.contains("Fill in the housing register form together"),
        "{preview}"
    );
    assert!(
        !preview.contains("CRN") && !preview.contains("RAG"),
        "{preview}"
    );
    screenshot(&driver, "41-plan-print-preview").await;
    click(&driver, "close-plan-print").await;

    // The demo unit's cohort page: two referral routes side by side.
    click(&driver, "lock-button").await;
    by_id(&driver, "lock-screen").await;
    click(&driver, "open-demo").await;
    by_id(&driver, "demo-banner").await;
    sign_in(&driver, "demo", "try casebook safely").await;
    by_id(&driver, "caseload").await;
    click(&driver, "nav-outcomes").await;
    choose_value(&driver, "cohort-a-route", "court").await;
    choose_value(&driver, "cohort-b-route", "iom_panel").await;
    click(&driver, "compare-cohorts").await;
    let court = wait_for_text_in(&driver, "cohort-a-improvement", "%").await;
    let iom = wait_for_text_in(&driver, "cohort-b-improvement", "%").await;
    assert!(court.contains('−') && iom.contains('−'), "{court} / {iom}");
    by_id(&driver, "cohort-results")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(&driver, "42-cohort-comparison").await;
    by_id(&driver, "cohort-radar")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(&driver, "42b-cohort-radar").await;
}
