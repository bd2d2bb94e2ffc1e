//! Two computers of one unit changing a client while apart, and the change
//! resolved by a person.

use std::path::Path;
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::webview_support::*;

/// The second computer joins from the shared folder; apart, it rates the
/// client red and the change waits.
pub async fn the_second_computer_joins_and_changes_apart(
    data: &Path,
    logs: &Path,
    system_bus: &SystemBus,
    share: &Path,
    away: &Path,
) {
    // The second computer joins from the shared folder and sees the client.
    let computer = Computer::start(data, logs, system_bus).await;
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
    std::fs::rename(share, away).unwrap();
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
}

/// The first computer, also apart, rates the client green and sends it
/// when the share is back.
pub async fn the_first_computer_changes_apart_and_syncs(
    data: &Path,
    logs: &Path,
    system_bus: &SystemBus,
    share: &Path,
    away: &Path,
) {
    // Meanwhile the first computer, also apart, rates the client green;
    // when the share is back, Sync now sends it.
    let computer = Computer::start(data, logs, system_bus).await;
    let driver = &computer.driver;
    sign_in(driver, "admin", PASSWORD).await;
    wait_for_rows(driver, 1).await;
    wait_for_words(driver, "Offline").await;
    open_client(driver, "Marsh").await;
    rate(driver, "green", "Started work at the depot").await;
    std::fs::rename(away, share).unwrap();
    click(driver, "sync-now").await;
    wait_for_words(driver, "Synced at").await;
    section(driver, "overview").await;
    assert!(!present(driver, "resolve-items").await);
    computer.quit().await;
}

/// The second computer syncs on signing in and asks a person to choose.
pub async fn the_second_computer_asks_a_person_to_choose(
    data: &Path,
    logs: &Path,
    system_bus: &SystemBus,
) {
    // The second computer syncs on signing in: it sends its red and
    // receives the green, and asks a person to choose.
    let computer = Computer::start(data, logs, system_bus).await;
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
    section(driver, "overview").await;
    let panel = by_id(driver, "resolve-items").await.text().await.unwrap();
    assert!(
        panel.contains("Green: “Started work at the depot”")
            && panel.contains("Red: “Arrested for burglary”"),
        "{panel}"
    );
    screenshot(driver, "26-resolve-item").await;
    computer.quit().await;
}

/// The first computer shows the same item, and the manager keeps red.
pub async fn the_first_computer_keeps_red(data: &Path, logs: &Path, system_bus: &SystemBus) {
    // The first computer receives the red on signing in, shows the same
    // item, and the manager keeps red.
    let computer = Computer::start(data, logs, system_bus).await;
    let driver = &computer.driver;
    sign_in(driver, "admin", PASSWORD).await;
    by_id(driver, "caseload-resolve-item").await;
    open_client(driver, "Marsh").await;
    section(driver, "overview").await;
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
}

/// The choice reaches the second computer: nothing left to resolve.
pub async fn the_choice_reaches_the_second_computer(
    data: &Path,
    logs: &Path,
    system_bus: &SystemBus,
) {
    // The choice reaches the second computer: nothing left to resolve,
    // and the client is red there too.
    let computer = Computer::start(data, logs, system_bus).await;
    let driver = &computer.driver;
    sign_in(driver, "admin", PASSWORD).await;
    wait_for_words(driver, "Synced at").await;
    wait_for_rows(driver, 1).await;
    // The list was read before the sync brought the choice; it is read again
    // after.
    gone(driver, "caseload-resolve-item").await;
    open_client(driver, "Marsh").await;
    assert!(current_rag(driver).await.contains("Red"));
    section(driver, "overview").await;
    assert!(!present(driver, "resolve-items").await);
    screenshot(driver, "28-resolved-on-the-other-computer").await;
    computer.quit().await;
}

/// Someone with the second computer's key writes a bundle by hand that
/// turns the client's last RAG review green. The first computer refuses it
/// at its next sync: the client stays red, the header says a change was
/// refused, and the administrator sees it under Settings in plain words.
pub async fn a_forged_change_is_refused_and_listed(
    first: &Path,
    second: &Path,
    share: &Path,
    logs: &Path,
    system_bus: &SystemBus,
) {
    write_hostile_bundle(second, "admin", PASSWORD, share, |conn, device| {
        let mut review = conn
            .query_row(
                "SELECT json_object('id', id, 'client_id', client_id, 'rating', rating, 'reason', reason,
                     'next_review', next_review, 'reviewed_by', reviewed_by, 'reviewed_at', reviewed_at,
                     'hlc', hlc, 'device_id', device_id)
                 FROM rag_reviews ORDER BY hlc DESC LIMIT 1",
                [],
                |row| row.get::<_, String>(0),
            )
            .map(|json| serde_json::from_str::<serde_json::Value>(&json).unwrap())
            .unwrap();
        review["rating"] = "green".into();
        let id = review["id"].as_str().unwrap().to_owned();
        vec![casebook_core::store::change_log::Change {
            log_seq: 1,
            hlc: format!("{:015}.000001", chrono::Utc::now().timestamp_millis()),
            device: device.to_owned(),
            table: "rag_reviews".to_owned(),
            row_id: id,
            operation: "update".to_owned(),
            row: review,
            columns: Some(vec!["rating".to_owned()]),
            audit_seq: None,
            author: None,
            author_signature: None,
        }]
    });
    let computer = Computer::start(first, logs, system_bus).await;
    let driver = &computer.driver;
    sign_in(driver, "admin", PASSWORD).await;
    wait_for_words(driver, "refused").await;
    open_client(driver, "Marsh").await;
    assert!(current_rag(driver).await.contains("Red"));
    click(driver, "nav-settings").await;
    let listed = by_id(driver, "refused-change").await.text().await.unwrap();
    assert!(
        listed.contains("A change to RAG reviews from computer")
            && listed.contains("records of this kind are only ever added to, never changed"),
        "{listed}"
    );
    by_id(driver, "refused-changes-panel")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(driver, "29-refused-change").await;
    computer.quit().await;
}
