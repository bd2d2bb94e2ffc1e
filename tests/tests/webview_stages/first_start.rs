//! The first start of a new unit: creating it, its first client, locking
//! and signing in, a restart and a sleep, and the first accounts.

use std::path::Path;
use std::time::{Duration, Instant};

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::webview_support::*;

/// First start: joining from an empty folder is refused, a weak password
/// is refused, and the recovery key is shown once and checked.
pub async fn a_new_unit_on_first_start(driver: &WebDriver, share: &Path) {
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
pub async fn the_first_client(driver: &WebDriver) {
    // The empty caseload; add a client, with one impossible date first.
    by_id(driver, "caseload").await;
    assert_eq!(
        by_id(driver, "caseload-count-line")
            .await
            .text()
            .await
            .unwrap()
            .trim(),
        "0 clients"
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
        by_id(driver, "caseload-count-line")
            .await
            .text()
            .await
            .unwrap()
            .trim(),
        "1 client"
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
pub async fn locking_and_signing_in(driver: &WebDriver) {
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

/// Ctrl+L locks from anywhere; a restart starts locked with the client still
/// there; the computer going to sleep locks Casebook. Returns the restarted
/// app's driver.
pub async fn locked_restarted_and_asleep(driver: WebDriver, system_bus: &SystemBus) -> WebDriver {
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
    // signal is sent again until the lock comes. The lock must come within
    // a third of the idle lock's time since the sign-in above, so it is the
    // signal that locked, not the idle lock.
    let started = Instant::now();
    loop {
        system_bus.announce_sleep();
        tokio::time::sleep(Duration::from_millis(500)).await;
        if present(&driver, "lock-screen").await {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(IDLE_LOCK_SECONDS / 3),
            "going to sleep never locked Casebook"
        );
    }
    gone(&driver, "client-row").await;
    assert!(!page_text(&driver).await.contains("Whitlock"));
    sign_in(&driver, "admin", PASSWORD).await;
    by_id(&driver, "client-row").await;
    driver
}

/// A keyworker and a partner with one-time passwords (returned), and a
/// role changed by mistake and put back.
pub async fn accounts_and_roles(driver: &WebDriver) -> (String, String) {
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

/// Nothing a person typed reached the log.
pub fn nothing_typed_reached_the_log(logs: &Path) {
    for entry in std::fs::read_dir(logs).unwrap() {
        let log = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for secret in ["Whitlock", "Jordan", "1990", PASSWORD, "Alex Admin"] {
            assert!(!log.contains(secret), "the log holds {secret}");
        }
    }
}
