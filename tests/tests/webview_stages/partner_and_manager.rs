//! The partner's summary, and the manager's day: settings, the shared
//! folder, allocation, cohort, consent, a merge and a deletion.

use std::path::Path;
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::webview_support::*;

/// The partner's caseload and summary, where nothing can be changed.
pub async fn the_partner_s_summary(
    driver: &WebDriver,
    pat_once: &str,
    switches: &mut Vec<Duration>,
) {
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
pub async fn the_manager_shares_the_unit_and_tidies_it(
    driver: &WebDriver,
    share: &Path,
    switches: &mut Vec<Duration>,
) {
    the_manager_hides_clients_and_shares_the_unit(driver, share, switches).await;
    cohort_and_consent(driver).await;
    a_merge_and_a_deletion(driver).await;
}

/// Other keyworkers' clients hidden, the shared folder connected and the
/// unit's computers listed.
pub async fn the_manager_hides_clients_and_shares_the_unit(
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
    section(driver, "profile").await;
    choose(driver, "allocate-keyworker", "Alex Admin").await;
    click(driver, "allocate-submit").await;
    let started = Instant::now();
    section(driver, "overview").await;
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
}

/// An OGRS score that proposes statutory IOM, and consent withdrawn.
pub async fn cohort_and_consent(driver: &WebDriver) {
    // An OGRS of 80 makes Casebook propose statutory IOM; the manager
    // confirms it.
    let today = chrono::Local::now().date_naive();
    section(driver, "profile").await;
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
}

/// A duplicate merged back and a training record deleted with a reason.
pub async fn a_merge_and_a_deletion(driver: &WebDriver) {
    // A second record of the same person, added anyway, is merged back by
    // the manager: one record again, with the other name kept.
    click(driver, "client-back").await;
    // Back on the caseload, the list loads and focus returns to the client's
    // row, scrolling the page: "Add client" is clicked once that is done, as
    // a person would, or the click lands where the button was a moment ago.
    // A manager starts on the unit's open episodes: Ann Lee, whose episode
    // the keyworker closed, is one filter away.
    wait_for_rows(driver, 1).await;
    let line = by_id(driver, "caseload-count-line")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(line, "2 clients; 1 open shown");
    click(driver, "add-client-open").await;
    fill_client(driver, "Jordon", "Whitlock", ["17", "5", "1990"]).await;
    by_id(driver, "probable-duplicate").await;
    click(driver, "add-anyway").await;
    wait_for_rows(driver, 2).await;
    open_client(driver, "Whitlock, Jordan").await;
    section(driver, "history").await;
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
    section(driver, "profile").await;
    let profile = by_id(driver, "profile-panel").await.text().await.unwrap();
    assert!(profile.contains("Jordon Whitlock"), "{profile}");
    click(driver, "client-back").await;
    wait_for_rows(driver, 1).await;

    // A record keyed in at a training session is deleted by the manager,
    // with a reason: it leaves the caseload.
    click(driver, "add-client-open").await;
    fill_client(driver, "Testy", "Trainingrecord", ["2", "3", "1985"]).await;
    wait_for_rows(driver, 2).await;
    open_client(driver, "Trainingrecord, Testy").await;
    section(driver, "history").await;
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
    wait_for_rows(driver, 1).await;
    let left = rows(driver).await;
    assert!(
        !left.iter().any(|row| row.contains("Trainingrecord")),
        "{left:?}"
    );
}
