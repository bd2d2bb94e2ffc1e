//! Break-glass, slow sign-ins, the audit trail, the idle lock and the demo unit.

use std::path::Path;
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::webview_support::*;

/// Break-glass to a client outside the caseload, failed sign-ins slowing
/// down, and a partner no longer seeing a client who withdrew consent.
pub async fn break_glass_and_slow_sign_ins(driver: &WebDriver, switches: &mut Vec<Duration>) {
    // Now the keyworker sees only their own client; opening the other one
    // takes a reason, which opens it read-only with a banner. This computer
    // is connected to the shared folder, so signing in syncs.
    switches.push(switch_user(driver).await);
    sign_in(driver, "kim", "maple harbour quietly").await;
    // Her one client's episode is closed: a keyworker starts on their own
    // open clients, so closed ones are one filter away.
    wait_for_words(driver, "1 client; 0 open shown").await;
    choose(driver, "filter-episodes", "Open and closed").await;
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
pub async fn the_audit_trail_the_idle_lock_and_the_demo(driver: &WebDriver, share: &Path) {
    the_audit_trail(driver, share).await;
    the_idle_lock_and_the_demo(driver).await;
}

/// The audit trail checked, filtered and saved to the shared folder.
pub async fn the_audit_trail(driver: &WebDriver, share: &Path) {
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
}

/// The idle lock, and the demo unit with its stated credentials.
pub async fn the_idle_lock_and_the_demo(driver: &WebDriver) {
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
