//! Seven pathways assessments, the radar, a support plan printed for the
//! client, and the cohort comparison.

use std::path::Path;
use std::time::{Duration, Instant};

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::webview_support::*;

/// The initial assessment overdue, refused while a pathway is unscored, then signed.
pub async fn an_initial_assessment(driver: &WebDriver) {
    // Picked up 40 days ago with no assessment: the initial one is overdue.
    let due = by_id(driver, "client-assessment-due")
        .await
        .text()
        .await
        .unwrap();
    assert!(due.to_lowercase().contains("overdue"), "{due}");
    open_client(driver, "Marsh").await;

    // An initial assessment, refused while a pathway is unscored.
    let today = chrono::Local::now().date_naive();
    section(driver, "pathways").await;
    click(driver, "new-assessment").await;
    choose_value(driver, "assessment-kind", "initial").await;
    type_date(
        driver,
        "assessment-date",
        today - chrono::Duration::days(20),
    )
    .await;
    score_pathways(driver, [7, 6, 5, 8, 6, 4, 7]).await;
    choose_value(driver, "score-health", "").await;
    click(driver, "sign-assessment").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("One pathway has no score"), "{refusal}");
    choose_value(driver, "score-health", "5").await;
    choose_value(driver, "client-score-drugs_and_alcohol", "5").await;
    type_into(
        driver,
        "evidence-drugs_and_alcohol",
        "Using most days; says it is under control.",
    )
    .await;
    by_id(driver, "assessment-pathway-drugs_and_alcohol")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(driver, "39-assessment-form").await;
    click(driver, "sign-assessment").await;
    gone(driver, "assessment-form").await;
}

/// A review with lower scores on the radar, saved as SVG and PNG.
pub async fn a_review_and_the_radar(driver: &WebDriver, data_folder: &Path) {
    let today = chrono::Local::now().date_naive();
    // A review with lower scores: the radar shows both.
    click(driver, "new-assessment").await;
    choose_value(driver, "assessment-kind", "review").await;
    type_date(driver, "assessment-date", today - chrono::Duration::days(1)).await;
    score_pathways(driver, [4, 5, 4, 5, 5, 3, 5]).await;
    click(driver, "sign-assessment").await;
    gone(driver, "assessment-form").await;
    let radar = by_id(driver, "pathways-radar").await;
    radar.scroll_into_view().await.unwrap();
    let table = by_id(driver, "pathways-radar-table").await;
    let numbers = table.attr("textContent").await.unwrap().unwrap_or_default();
    assert!(
        numbers.contains("Initial") && numbers.contains("Review"),
        "the radar's table holds both assessments: {numbers}"
    );
    screenshot(driver, "40-client-radar").await;

    // The radar saved for a report, as SVG and as PNG: real pictures.
    click(driver, "pathways-radar-svg").await;
    wait_for_text_in(driver, "chart-saved-to", ".svg").await;
    click(driver, "pathways-radar-png").await;
    wait_for_text_in(driver, "chart-saved-to", ".png").await;
    let mut saved: Vec<Vec<u8>> = std::fs::read_dir(data_folder.join("exports"))
        .unwrap()
        .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
        .collect();
    saved.sort_by_key(|bytes| bytes.first().copied());
    assert_eq!(saved.len(), 2, "one SVG and one PNG");
    assert!(saved[0].starts_with(b"<svg") || saved[0].starts_with(b"<?xml"));
    assert!(saved[1].starts_with(b"\x89PNG"));
}

/// A goal with an action (a task), and the plan printed for the client.
pub async fn a_goal_and_the_printed_plan(driver: &WebDriver) {
    let today = chrono::Local::now().date_naive();
    // A goal with an action: the action is a task.
    click(driver, "add-goal").await;
    choose_value(driver, "goal-pathway", "accommodation").await;
    type_into(
        driver,
        "goal-client-words",
        "Somewhere of my own by the summer",
    )
    .await;
    type_date(driver, "goal-target", today + chrono::Duration::days(120)).await;
    type_into(
        driver,
        "goal-action-what-0",
        "Fill in the housing register form together",
    )
    .await;
    type_date(
        driver,
        "goal-action-due-0",
        today + chrono::Duration::days(7),
    )
    .await;
    click(driver, "save-goal").await;
    gone(driver, "save-goal").await;
    wait_for_words(driver, "Fill in the housing register form together").await;

    // The plan printed for the client: their words, nobody else's data.
    click(driver, "print-plan").await;
    let preview = wait_for_text_in(
        driver,
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
    screenshot(driver, "41-plan-print-preview").await;
    click(driver, "close-plan-print").await;
}

/// The demo unit's cohort page: two referral routes side by side.
pub async fn the_cohort_comparison(driver: &WebDriver) {
    // The demo unit's cohort page: two referral routes side by side.
    click(driver, "lock-button").await;
    by_id(driver, "lock-screen").await;
    click(driver, "open-demo").await;
    by_id(driver, "demo-banner").await;
    sign_in(driver, "demo", "try casebook safely").await;
    by_id(driver, "caseload").await;
    click(driver, "nav-outcomes").await;
    choose_value(driver, "cohort-a-route", "court").await;
    choose_value(driver, "cohort-b-route", "iom_panel").await;
    click(driver, "compare-cohorts").await;
    let court = wait_for_text_in(driver, "cohort-a-improvement", "%").await;
    let iom = wait_for_text_in(driver, "cohort-b-improvement", "%").await;
    assert!(court.contains('−') && iom.contains('−'), "{court} / {iom}");
    by_id(driver, "cohort-results")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(driver, "42-cohort-comparison").await;
    by_id(driver, "cohort-radar")
        .await
        .scroll_into_view()
        .await
        .unwrap();
    screenshot(driver, "42b-cohort-radar").await;
}

/// Picks an option of a select by its value rather than its words.
pub async fn choose_value(driver: &WebDriver, test_id: &str, value: &str) {
    let select = by_id(driver, test_id).await;
    SelectElement::new(&select)
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap();
}

/// Scores the seven pathways, in their usual order.
pub async fn score_pathways(driver: &WebDriver, scores: [u8; 7]) {
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
pub async fn wait_for_text_in(driver: &WebDriver, test_id: &str, words: &str) -> String {
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
