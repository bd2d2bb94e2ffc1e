//! Finding, typing, clicking and waiting on the page by test id, with
//! the retries a loaded machine needs.

use std::time::{Duration, Instant};

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use super::WAIT;
use super::screenshots::screenshot;

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

/// Waits until the page says `words` somewhere (the header's live region
/// included, which WebKitWebDriver reads as empty through `text()`).
pub async fn wait_for_words(driver: &WebDriver, words: &str) {
    let started = Instant::now();
    while !page_text(driver).await.contains(words) {
        assert!(started.elapsed() < WAIT, "the page never said {words:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Does `action` (a script run in the page) and waits until the list
/// `list_test_id` shows a new answer from the core (its `data-answer`
/// goes up) and two frames have been drawn; returns the milliseconds
/// that took, measured in the page. Fails after 20 seconds.
pub async fn time_to_new_answer(driver: &WebDriver, list_test_id: &str, action: &str) -> f64 {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const list = () => document.querySelector('[data-testid=\"{list_test_id}\"]');
         const before = Number(list()?.dataset.answer ?? -1);
         const started = performance.now();
         {action}
         const check = () => {{
           const now = list();
           if (now && Number(now.dataset.answer) > before) {{
             requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)));
           }} else if (performance.now() - started > 20000) {{
             done(-1);
           }} else {{
             setTimeout(check, 1);
           }}
         }};
         check();"
    );
    let answer = driver.execute_async(&script, vec![]).await.unwrap();
    let elapsed = answer.json().as_f64().unwrap();
    assert!(
        elapsed >= 0.0,
        "the list {list_test_id} showed no new answer within 20 seconds"
    );
    elapsed
}

/// A script that chooses `value` in the select `test_id` as a person does.
pub fn choose_script(test_id: &str, value: &str) -> String {
    format!(
        "const select = document.querySelector('[data-testid=\"{test_id}\"]');
         select.value = '{value}';
         select.dispatchEvent(new Event('change', {{ bubbles: true }}));"
    )
}
