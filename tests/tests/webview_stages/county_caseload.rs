//! A unit of a few thousand clients in the real webview: the caseload holds
//! one page of rows, a filter or a sort is answered well within a second,
//! the pages and search reach everyone, and the audit trail is paged too.
//! The bound of a second is generous on purpose: it catches a return to
//! rendering every client (which took over a minute at county scale), not
//! a timing claim; the timings themselves are `make bench-webview`'s.

use thirtyfour::prelude::*;

use crate::webview_support::*;

/// The most rows the caseload or the audit trail puts in the page.
const PAGE_SIZE: usize = 200;

async fn count(driver: &WebDriver, css: &str) -> usize {
    let answer = driver
        .execute(
            &format!("return document.querySelectorAll('{css}').length;"),
            vec![],
        )
        .await
        .unwrap();
    usize::try_from(answer.json().as_u64().unwrap()).unwrap()
}

async fn text_of(driver: &WebDriver, test_id: &str) -> String {
    by_id(driver, test_id).await.text().await.unwrap()
}

/// The demo unit with `clients` generated clients: the manager's caseload
/// starts on open episodes, a page at a time.
pub async fn a_county_caseload_a_page_at_a_time(driver: &WebDriver, clients: usize) {
    click(driver, "open-demo").await;
    sign_in(driver, "demo", "try casebook safely").await;
    by_id(driver, "client-row").await;
    let line = text_of(driver, "caseload-count-line").await;
    assert!(
        line.contains("open shown"),
        "the count says what the filter hides: {line}"
    );
    let rows = count(driver, "[data-testid=client-row]").await;
    assert!(rows > 0 && rows <= 50, "one page of rows: {rows}");
    screenshot(driver, "50-county-caseload").await;

    // Every client, closed ones included: a full page, and more pages.
    let elapsed = time_to_new_answer(
        driver,
        "client-list",
        &choose_script("filter-episodes", "any"),
    )
    .await;
    assert!(elapsed < 1000.0, "the filter took {elapsed:.0} ms");
    let line = text_of(driver, "caseload-count-line").await;
    assert!(
        line.starts_with(&format!("{}", clients / 1000)),
        "every generated client is counted: {line}"
    );
    assert_eq!(count(driver, "[data-testid=client-row]").await, 50);
    let all_elements = count(driver, "*").await;
    assert!(
        all_elements < 10_000,
        "the whole page holds {all_elements} elements"
    );
    let elapsed = time_to_new_answer(
        driver,
        "client-list",
        "document.querySelector('[data-testid=\"page-next\"]').click();",
    )
    .await;
    assert!(elapsed < 1000.0, "the next page took {elapsed:.0} ms");
    assert!(text_of(driver, "page-status").await.starts_with("51–100"));

    // A filter and a sort, each answered well within a second.
    let elapsed =
        time_to_new_answer(driver, "client-list", &choose_script("filter-rag", "red")).await;
    assert!(elapsed < 1000.0, "the RAG filter took {elapsed:.0} ms");
    assert!(count(driver, "[data-testid=client-row]").await <= PAGE_SIZE);
    assert!(
        text_of(driver, "page-status").await.starts_with("1–50"),
        "a new filter starts at the first page"
    );
    let elapsed = time_to_new_answer(
        driver,
        "client-list",
        "document.querySelector('[data-testid=\"sort-clock\"]').click();",
    )
    .await;
    assert!(elapsed < 1000.0, "the sort took {elapsed:.0} ms");
    screenshot(driver, "51-county-caseload-red-by-clock").await;

    // Search reaches closed records too, and shows a short list.
    click(driver, "search-open").await;
    type_into(driver, "search-input", "Smith").await;
    by_id(driver, "search-result").await;
    let results = count(driver, "[data-testid=search-result]").await;
    assert!((1..=20).contains(&results), "{results} results");
    screenshot(driver, "52-county-search").await;
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Escape)
        .await
        .unwrap();
    gone(driver, "search-dialog").await;

    // The audit trail of a unit this size is paged as well.
    click(driver, "nav-audit").await;
    by_id(driver, "audit-row").await;
    let entries = count(driver, "[data-testid=audit-row]").await;
    assert!(entries > 0 && entries <= PAGE_SIZE, "{entries} audit rows");
    by_id(driver, "page-next").await;
    screenshot(driver, "53-county-audit-trail").await;
}
