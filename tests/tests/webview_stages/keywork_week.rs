//! A keyworker's week with a DRR client: a home visit, a missed appointment,
//! a session record, the timeline, the client's sections and the diary.

use std::time::{Duration, Instant};

use chrono::Datelike;
use thirtyfour::prelude::*;

use crate::webview_support::*;

/// A home visit tomorrow, booked after the client's lone-visit flag is shown.
pub async fn a_home_visit_booked_with_its_warning(driver: &WebDriver) {
    // A home visit tomorrow: the client's lone-visit flag is shown before
    // it is booked.
    let today = chrono::Local::now().date_naive();
    let tomorrow = today + chrono::Duration::days(1);
    section(driver, "casework").await;
    click(driver, "book-open").await;
    type_date(driver, "book-date", tomorrow).await;
    type_into(driver, "book-start", "10:00").await;
    type_into(driver, "book-end", "11:00").await;
    choose(driver, "book-kind", "One-to-one").await;
    choose(driver, "book-place", "Home visit").await;
    click(driver, "book-check").await;
    let warning = by_id(driver, "home-visit-warning")
        .await
        .text()
        .await
        .unwrap();
    assert!(warning.contains("Lone visit not advised"), "{warning}");
    screenshot(driver, "30-home-visit-warning").await;
    click(driver, "book-confirm").await;
    gone(driver, "book-form").await;
}

/// Yesterday's missed appointment, judged unacceptable and counted on the DRR.
pub async fn a_missed_appointment_counted_on_the_order(driver: &WebDriver) {
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
    click(driver, &format!("record-outcome-{missed}")).await;
    choose(driver, "outcome-select", "Did not attend (DNA)").await;
    click(driver, "save-outcome").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("on an order"), "{refusal}");
    choose(driver, "absence-select", "Unacceptable absence").await;
    click(driver, "save-outcome").await;
    gone(driver, &format!("outcome-form-{missed}")).await;
    let started = Instant::now();
    loop {
        let count = by_id(driver, "compliance-drr").await.text().await.unwrap();
        if count.contains('1') {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "the absence was never counted: {count}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(driver, "31-dna-counted-on-the-order").await;
}

/// Yesterday's session written up (saved as a draft as it is typed), signed
/// off with an action and corrected by an addendum.
pub async fn a_session_written_signed_and_corrected(driver: &WebDriver) {
    let today = chrono::Local::now().date_naive();
    // The session of yesterday, written up: two pathways and an action.
    // The form saves a draft as it is typed.
    let yesterday = today - chrono::Duration::days(1);
    click(driver, "write-session").await;
    type_date(driver, "session-date", yesterday).await;
    type_into(driver, "session-start", "14:00").await;
    type_into(driver, "session-minutes", "50").await;
    choose(driver, "session-place", "Office").await;
    click(driver, "pathway-accommodation").await;
    click(driver, "pathway-drugs_and_alcohol").await;
    click(driver, "intervention-relapse_prevention").await;
    type_into(
        driver,
        "session-notes",
        "Talked through the tenancy and the weekend's use. Plan for Friday agreed.",
    )
    .await;
    click(driver, "add-action").await;
    type_into(driver, "action-what", "Ring the housing officer").await;
    choose(driver, "action-who", "The keyworker").await;
    type_date(driver, "action-due-0", today + chrono::Duration::days(7)).await;
    let started = Instant::now();
    while !by_id(driver, "draft-status")
        .await
        .text()
        .await
        .unwrap()
        .contains("saved")
    {
        assert!(started.elapsed() < WAIT, "the draft was never saved");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let form = by_id(driver, "session-form").await;
    driver
        .execute(
            "arguments[0].scrollIntoView({block: 'start'});",
            vec![form.to_json().unwrap()],
        )
        .await
        .unwrap();
    screenshot(driver, "32-session-form").await;
    click(driver, "sign-off").await;
    gone(driver, "session-form").await;
    let record = by_id(driver, "session-record").await.text().await.unwrap();
    assert!(record.contains("tenancy"), "{record}");

    // A correction is an addendum, shown under the original.
    click(driver, "add-addendum").await;
    type_into(
        driver,
        "addendum-text",
        "The use was on Saturday, not Sunday.",
    )
    .await;
    click(driver, "save-addendum").await;
    let addendum = by_id(driver, "session-addendum")
        .await
        .text()
        .await
        .unwrap();
    assert!(addendum.contains("Saturday"), "{addendum}");
}

/// Everything on the timeline, and the note found from the search box.
pub async fn the_timeline_and_the_note_search(driver: &WebDriver) {
    // Everything is on the timeline, newest first.
    section(driver, "history").await;
    let timeline = by_id(driver, "timeline").await;
    timeline.scroll_into_view().await.unwrap();
    let entries = driver
        .find_all(By::Css("[data-testid='timeline-entry']"))
        .await
        .unwrap();
    assert!(entries.len() >= 6, "{} entries", entries.len());
    screenshot(driver, "33-timeline").await;

    // The note is found by its words from the search box (Ctrl+K).
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Control + "k")
        .await
        .unwrap();
    click(driver, "search-notes-toggle").await;
    type_into(driver, "search-input", "tenancy weekend").await;
    let found = by_id(driver, "note-search-result")
        .await
        .text()
        .await
        .unwrap();
    assert!(found.contains("Casey Marsh"), "{found}");
    screenshot(driver, "33b-note-search").await;
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Escape)
        .await
        .unwrap();
    gone(driver, "search-dialog").await;
}

/// The task on the home screen, the client's sections, and the visit in the
/// week's diary.
pub async fn the_home_screen_the_sections_and_the_diary(driver: &WebDriver) {
    let today = chrono::Local::now().date_naive();
    // The action is a task on the home screen.
    click(driver, "client-back").await;
    let tasks = by_id(driver, "my-tasks").await.text().await.unwrap();
    assert!(tasks.contains("Ring the housing officer"), "{tasks}");
    screenshot(driver, "34-home-my-tasks").await;

    // Coming back to the client opens the section it was left on; every
    // section is pictured, and the arrow keys move between the tabs.
    open_client(driver, "Marsh").await;
    let history = by_id(driver, "client-section-history").await;
    assert_eq!(
        history.attr("aria-selected").await.unwrap().as_deref(),
        Some("true")
    );
    assert!(
        by_id(driver, "client-panel-history")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    for name in [
        "overview",
        "casework",
        "pathways",
        "referrals",
        "profile",
        "history",
    ] {
        section(driver, name).await;
        screenshot(driver, &format!("client-section-{name}")).await;
    }
    by_id(driver, "client-section-history")
        .await
        .focus()
        .await
        .unwrap();
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Home)
        .await
        .unwrap();
    let overview = by_id(driver, "client-section-overview").await;
    assert_eq!(
        overview.attr("aria-selected").await.unwrap().as_deref(),
        Some("true")
    );
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Right)
        .await
        .unwrap();
    assert!(
        by_id(driver, "client-panel-casework")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    click(driver, "client-back").await;
    by_id(driver, "my-tasks").await;

    // The visit is in this week's diary (or next week's, on a Sunday), with
    // its warning again.
    click(driver, "nav-diary").await;
    by_id(driver, "diary-week").await;
    if today.weekday() == chrono::Weekday::Sun {
        click(driver, "diary-next").await;
    }
    by_id(driver, "diary-lone-visit").await;
    screenshot(driver, "35-diary-week").await;
}
