//! Steps on the app's screens that several stages take: signing in,
//! choosing a password, adding an account or a client, opening a client
//! and its sections, rating, and switching user.

use std::time::{Duration, Instant};

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use super::WAIT;
use super::page::{by_id, choose, click, gone, present, type_into};
use super::screenshots::screenshot;

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

pub async fn sign_in(driver: &WebDriver, username: &str, password: &str) {
    by_id(driver, "lock-screen").await;
    type_into(driver, "unlock-username", username).await;
    type_into(driver, "unlock-password", password).await;
    click(driver, "unlock-submit").await;
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

/// Reviews the open client's RAG status.
pub async fn rate(driver: &WebDriver, rating: &str, reason: &str) {
    section(driver, "overview").await;
    click(driver, "rag-review-open").await;
    click(driver, &format!("rag-{rating}")).await;
    type_into(driver, "rag-reason", reason).await;
    click(driver, "rag-review-save").await;
    gone(driver, "rag-review-form").await;
}
