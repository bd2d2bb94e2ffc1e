//! The measurements in the real app, each a list of times in milliseconds
//! or the reason it could not be taken. Lists and the search show their
//! answers through the `data-answer` count on `client-list`,
//! `search-results` and `audit-list`; the client page and the diary, which
//! have no such count, through an element that appears only with the
//! answer.

use thirtyfour::prelude::*;

use crate::timing::{Act, Until, click, fill, key, options, present, testid, timed};

/// Runs of each repeatable measurement: 20, or fewer for a quick check
/// (`CASEBOOK_BENCH_WEBVIEW_RUNS`).
fn runs() -> usize {
    std::env::var("CASEBOOK_BENCH_WEBVIEW_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(20)
}
/// Sign-ins after the first, each after locking again.
pub const SIGN_INS_AGAIN: usize = 5;

const DEMO_USERNAME: &str = casebook_core::unit::demo::DEMO_USERNAME;
const DEMO_PASSWORD: &str = casebook_core::unit::demo::DEMO_PASSWORD;

fn client_list() -> String {
    testid("client-list")
}

/// Caseload rows in the list: there are none until the core has answered.
fn caseload_rows() -> String {
    format!("{} {}", testid("client-list"), testid("client-row"))
}

/// From the welcome screen, opens the demo unit and signs in: the first
/// sign-in after the app starts.
pub async fn first_sign_in(driver: &WebDriver) -> Result<f64, String> {
    click(driver, &testid("open-demo")).await?;
    fill(driver, &testid("unlock-username"), DEMO_USERNAME).await?;
    fill(driver, &testid("unlock-password"), DEMO_PASSWORD).await?;
    timed(
        driver,
        Act::Click(&testid("unlock-submit")),
        Until::Present(&caseload_rows()),
    )
    .await
}

/// Locks with the header's button and signs in again, each time.
pub async fn sign_ins_again(driver: &WebDriver) -> Result<Vec<f64>, String> {
    let mut times = Vec::new();
    for _ in 0..SIGN_INS_AGAIN {
        click(driver, &testid("lock-button")).await?;
        present(driver, &testid("lock-screen")).await?;
        fill(driver, &testid("unlock-username"), DEMO_USERNAME).await?;
        fill(driver, &testid("unlock-password"), DEMO_PASSWORD).await?;
        times.push(
            timed(
                driver,
                Act::Click(&testid("unlock-submit")),
                Until::Present(&caseload_rows()),
            )
            .await?,
        );
    }
    Ok(times)
}

/// Opens the client with the long timeline from their caseload row, to
/// their page with the timeline's entries on it, and goes back.
pub async fn open_busy_client(driver: &WebDriver, client: &str) -> Result<Vec<f64>, String> {
    let row = format!("{}[data-client-id=\"{client}\"]", testid("client-open"));
    let timeline = format!("{} {}", testid("client-screen"), testid("timeline-entry"));
    let mut times = Vec::new();
    for _ in 0..runs() {
        present(driver, &row).await.map_err(|_| {
            "the client with the long timeline is not among the caseload's rows as it opens (sorted by name)".to_owned()
        })?;
        times.push(timed(driver, Act::Click(&row), Until::Present(&timeline)).await?);
        click(driver, &testid("client-back")).await?;
    }
    present(driver, &row).await?;
    Ok(times)
}

/// Changes one of the caseload's filters back and forth: to each other
/// choice in turn, then back to where it was, so the list changes each time.
pub async fn filter(driver: &WebDriver, select_id: &str) -> Result<Vec<f64>, String> {
    let select = testid(select_id);
    let (values, first) = options(driver, &select).await?;
    let others: Vec<&String> = values.iter().filter(|v| **v != first).collect();
    if others.is_empty() {
        return Err(format!("{select} offers nothing but {first:?}"));
    }
    let mut times = Vec::new();
    for run in 0..runs() {
        let value = if run % 2 == 0 {
            others[(run / 2) % others.len()]
        } else {
            &first
        };
        times.push(
            timed(
                driver,
                Act::Select(&select, value),
                Until::Answer(&client_list()),
            )
            .await?,
        );
    }
    if !runs().is_multiple_of(2) {
        // Back to where it was, for the measurements that follow.
        timed(
            driver,
            Act::Select(&select, &first),
            Until::Answer(&client_list()),
        )
        .await?;
    }
    Ok(times)
}

/// Clicks one of the caseload's sort buttons again and again (each click
/// turns the order round).
pub async fn sort(driver: &WebDriver, button_id: &str) -> Result<Vec<f64>, String> {
    let mut times = Vec::new();
    for _ in 0..runs() {
        times.push(
            timed(
                driver,
                Act::Click(&testid(button_id)),
                Until::Answer(&client_list()),
            )
            .await?,
        );
    }
    Ok(times)
}

/// Back to the caseload's first order, by name from A, as it opens.
pub async fn sort_by_name_again(driver: &WebDriver) -> Result<(), String> {
    timed(
        driver,
        Act::Click(&testid("sort-name")),
        Until::Answer(&client_list()),
    )
    .await
    .map(|_| ())
}

/// Opens the search and types each word a letter at a time, each letter
/// timed to its results painted; closes the search after each word.
pub async fn search(driver: &WebDriver, words: &[&str]) -> Result<Vec<f64>, String> {
    let input = testid("search-input");
    let mut times = Vec::new();
    for word in words {
        click(driver, &testid("search-open")).await?;
        present(driver, &input).await?;
        let mut typed = String::new();
        for letter in word.chars() {
            typed.push(letter);
            times.push(
                timed(
                    driver,
                    Act::Type(&input, &typed),
                    Until::Answer(&testid("search-results")),
                )
                .await?,
            );
        }
        key(driver, &input, "Escape").await?;
        present(driver, &caseload_rows()).await?;
    }
    Ok(times)
}

/// Goes to the audit trail, timed to its entries painted, and back to the
/// caseload.
pub async fn audit_trail(driver: &WebDriver) -> Result<Vec<f64>, String> {
    let mut times = Vec::new();
    for _ in 0..runs() {
        times.push(
            timed(
                driver,
                Act::Click(&testid("nav-audit")),
                Until::Answer(&testid("audit-list")),
            )
            .await?,
        );
        caseload_from_nav(driver).await?;
    }
    Ok(times)
}

/// The caseload chosen in the nav, to its rows painted.
async fn caseload_from_nav(driver: &WebDriver) -> Result<f64, String> {
    timed(
        driver,
        Act::Click(&testid("nav-caseload")),
        Until::Present(&caseload_rows()),
    )
    .await
}

/// Goes to the diary, timed to its week painted, and back to the caseload,
/// timed to its rows painted: the two lists of times.
pub async fn diary_and_back(driver: &WebDriver) -> Result<(Vec<f64>, Vec<f64>), String> {
    let mut diary = Vec::new();
    let mut back = Vec::new();
    for _ in 0..runs() {
        diary.push(
            timed(
                driver,
                Act::Click(&testid("nav-diary")),
                Until::Present(&testid("diary-week")),
            )
            .await?,
        );
        back.push(caseload_from_nav(driver).await?);
    }
    Ok((diary, back))
}

/// After a measurement that failed part way: closes the search if it is
/// open and goes back to the caseload, so the next one starts there.
pub async fn back_to_caseload(driver: &WebDriver) -> Result<(), String> {
    let input = testid("search-input");
    if !driver
        .find_all(By::Css(&input))
        .await
        .map_err(|e| e.to_string())?
        .is_empty()
    {
        key(driver, &input, "Escape").await?;
    }
    if !driver
        .find_all(By::Css(caseload_rows()))
        .await
        .map_err(|e| e.to_string())?
        .is_empty()
    {
        return Ok(());
    }
    let on_a_client = !driver
        .find_all(By::Css(testid("client-back")))
        .await
        .map_err(|e| e.to_string())?
        .is_empty();
    let back = if on_a_client {
        "client-back"
    } else {
        "nav-caseload"
    };
    click(driver, &testid(back)).await?;
    present(driver, &caseload_rows()).await
}
