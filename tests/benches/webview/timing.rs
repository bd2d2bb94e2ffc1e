//! Timing one action in the page, and the untimed steps around it. The
//! timed part runs inside the page as one async WebDriver script
//! (`page_timing.js`): the clock starts just before the action and stops
//! once the answer is on the page and two animation frames have passed, so
//! neither WebDriver's round trip nor its polling is counted.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use thirtyfour::prelude::*;

const TIMING_SCRIPT: &str = include_str!("page_timing.js");

/// How long the page may take to answer before the measurement fails.
pub const ANSWER_LIMIT: Duration = Duration::from_secs(30);

/// A CSS selector for a test id.
pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// What the page is asked to do.
#[derive(Debug, Clone, Copy)]
pub enum Act<'a> {
    Click(&'a str),
    /// A select's new value, announced with 'change'.
    Select(&'a str, &'a str),
    /// An input's new text, announced with 'input'.
    Type(&'a str, &'a str),
}

/// How the page shows that it has answered.
#[derive(Debug, Clone, Copy)]
pub enum Until<'a> {
    /// The element's `data-answer` count goes up.
    Answer(&'a str),
    /// An element matching the selector is on the page.
    Present(&'a str),
}

/// The milliseconds from the action to the answer painted.
pub async fn timed(driver: &WebDriver, act: Act<'_>, until: Until<'_>) -> Result<f64, String> {
    let action = match act {
        Act::Click(selector) => json!({ "kind": "click", "selector": selector }),
        Act::Select(selector, value) => {
            json!({ "kind": "select", "selector": selector, "value": value })
        }
        Act::Type(selector, value) => {
            json!({ "kind": "type", "selector": selector, "value": value })
        }
    };
    let wait = match until {
        Until::Answer(selector) => json!({ "kind": "answer", "selector": selector }),
        Until::Present(selector) => json!({ "kind": "present", "selector": selector, "min": 1 }),
    };
    let spec = json!({
        "action": action,
        "wait": wait,
        "timeoutMs": ANSWER_LIMIT.as_millis() as u64,
    });
    let returned = driver
        .execute_async(TIMING_SCRIPT, vec![spec])
        .await
        .map_err(|e| format!("the timing script did not return: {e}"))?;
    let result = returned.json();
    if let Some(ms) = result.get("ms").and_then(Value::as_f64) {
        return Ok(ms);
    }
    Err(result
        .get("error")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("the timing script returned {result}")))
}

/// Runs a script in the page and returns what it returns.
pub async fn in_page(driver: &WebDriver, script: &str, args: Vec<Value>) -> Result<Value, String> {
    driver
        .execute(script, args)
        .await
        .map(|returned| returned.json().clone())
        .map_err(|e| format!("a script in the page failed: {e}"))
}

/// Clicks the element, untimed.
pub async fn click(driver: &WebDriver, selector: &str) -> Result<(), String> {
    present(driver, selector).await?;
    let clicked = in_page(
        driver,
        "const element = document.querySelector(arguments[0]); if (element) element.click(); return element !== null;",
        vec![json!(selector)],
    )
    .await?;
    match clicked.as_bool() {
        Some(true) => Ok(()),
        _ => Err(format!(
            "{selector} went from the page before it was clicked"
        )),
    }
}

/// Gives a field its text as typing would (with 'input'), untimed.
pub async fn fill(driver: &WebDriver, selector: &str, text: &str) -> Result<(), String> {
    present(driver, selector).await?;
    in_page(
        driver,
        "const field = document.querySelector(arguments[0]); field.value = arguments[1]; field.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(selector), json!(text)],
    )
    .await
    .map(|_| ())
}

/// Presses a key in the element (as a keydown the page listens for).
pub async fn key(driver: &WebDriver, selector: &str, key: &str) -> Result<(), String> {
    present(driver, selector).await?;
    in_page(
        driver,
        "document.querySelector(arguments[0]).dispatchEvent(new KeyboardEvent('keydown', { key: arguments[1], bubbles: true }));",
        vec![json!(selector), json!(key)],
    )
    .await
    .map(|_| ())
}

/// Waits until something matches the selector.
pub async fn present(driver: &WebDriver, selector: &str) -> Result<(), String> {
    let started = Instant::now();
    loop {
        let found = driver
            .find_all(By::Css(selector))
            .await
            .map_err(|e| format!("looking for {selector}: {e}"))?;
        if !found.is_empty() {
            return Ok(());
        }
        if started.elapsed() > ANSWER_LIMIT {
            return Err(format!("{selector} never appeared"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The values of a select's options, and the one chosen.
pub async fn options(driver: &WebDriver, selector: &str) -> Result<(Vec<String>, String), String> {
    let found = in_page(
        driver,
        "const select = document.querySelector(arguments[0]); return select === null ? null : { values: Array.from(select.options, (o) => o.value), chosen: select.value };",
        vec![json!(selector)],
    )
    .await?;
    if found.is_null() {
        return Err(format!("no {selector} on the page"));
    }
    let values = found["values"]
        .as_array()
        .map(|values| {
            values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let chosen = found["chosen"].as_str().unwrap_or_default().to_owned();
    Ok((values, chosen))
}
