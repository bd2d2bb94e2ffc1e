//! The keyworker's first clients: caseload and search, a RAG review, a
//! safety flag, a referral with its episode, and the client's profile.

use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::webview_support::*;

/// The keyworker's first session: own caseload, search, another's client
/// read-only, a RAG review, a safety flag, a referral, an episode, a profile.
pub async fn a_keyworker_s_first_clients(
    driver: &WebDriver,
    kim_once: &str,
    switches: &mut Vec<Duration>,
) {
    the_keyworker_signs_in_and_adds_a_client(driver, kim_once, switches).await;
    the_keyworker_s_caseload_and_search(driver).await;
    a_rag_review_and_a_safety_flag(driver).await;
    a_referral_and_its_episode(driver).await;
    the_client_s_profile(driver).await;
}

/// Switch user: the keyworker signs in, chooses a password and adds a client.
pub async fn the_keyworker_signs_in_and_adds_a_client(
    driver: &WebDriver,
    kim_once: &str,
    switches: &mut Vec<Duration>,
) {
    // Switch user: the keyworker signs in, must choose a password, adds a client.
    switches.push(switch_user(driver).await);
    by_id(driver, "lock-screen").await;
    assert!(!page_text(driver).await.contains("Whitlock"));
    assert_eq!(
        by_id(driver, "unlock-username")
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default(),
        ""
    );
    sign_in(driver, "kim", kim_once).await;
    choose_password(
        driver,
        kim_once,
        "maple harbour quietly",
        "09-change-password",
    )
    .await;
    click(driver, "add-client-open").await;
    fill_client(driver, "Ann", "Lee", ["3", "4", "1984"]).await;
}

/// The keyworker's caseload, widened to everyone they may read, search by
/// name and CRN, and another keyworker's client read-only.
pub async fn the_keyworker_s_caseload_and_search(driver: &WebDriver) {
    // A keyworker's home is their own caseload; they can widen it to
    // everyone they may read.
    wait_for_rows(driver, 1).await;
    choose(driver, "filter-whose", "Everyone I can see").await;
    wait_for_rows(driver, 2).await;

    // The new client is the keyworker's own; the administrator's client is
    // someone else's, which the keyworker can read but not change.
    let listed = rows(driver).await;
    assert!(
        listed
            .iter()
            .any(|r| r.contains("Lee") && r.contains("Yours")),
        "{listed:?}"
    );
    assert!(
        listed
            .iter()
            .any(|r| r.contains("Whitlock") && r.contains("Read only")),
        "{listed:?}"
    );
    // Ctrl+K searches: a typing slip still finds the client, and Enter
    // opens their page.
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Control + "k")
        .await
        .unwrap();
    type_into(driver, "search-input", "whitlok").await;
    let hit = by_id(driver, "search-result").await.text().await.unwrap();
    assert!(hit.contains("Jordan Whitlock"), "{hit}");
    screenshot(driver, "09b-search").await;
    // The CRN, as people quote it, finds the same client.
    type_into(driver, "search-input", "x123456").await;
    let started = Instant::now();
    loop {
        let hits = driver
            .find_all(By::Css("[data-testid='search-result']"))
            .await
            .unwrap();
        if hits.len() == 1 && hits[0].text().await.unwrap().contains("Jordan Whitlock") {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "the CRN search never found one client"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    by_id(driver, "search-input")
        .await
        .send_keys(Key::Enter)
        .await
        .unwrap();
    gone(driver, "search-dialog").await;
    by_id(driver, "client-screen").await;
    by_id(driver, "read-only-note").await;
    assert!(!present(driver, "client-edit").await);
    assert!(!present(driver, "allocate-keyworker").await);
    screenshot(driver, "10-keyworker-reads-another-client").await;
    click(driver, "client-back").await;
    open_client(driver, "Lee").await;
    by_id(driver, "client-edit").await;
}

/// A RAG review that needs a reason, and a safety flag shown as a banner
/// with its review listed on the caseload.
pub async fn a_rag_review_and_a_safety_flag(driver: &WebDriver) {
    // The keyworker rates their client red, which needs a reason.
    section(driver, "overview").await;
    click(driver, "rag-review-open").await;
    click(driver, "rag-red").await;
    click(driver, "rag-review-save").await;
    assert!(
        page_text(driver)
            .await
            .contains("Say why this client is red")
    );
    type_into(driver, "rag-reason", "Arrested last night for a burglary").await;
    screenshot(driver, "10b-rag-review").await;
    click(driver, "rag-review-save").await;
    gone(driver, "rag-review-form").await;
    assert!(current_rag(driver).await.contains("Red"));
    screenshot(driver, "10c-client-page-red").await;

    // A safety flag shows as a banner on the page, and its review (due
    // today) is listed on the caseload.
    click(driver, "flag-raise-open").await;
    choose(driver, "flag-kind", "Lone visit not advised").await;
    type_into(
        driver,
        "flag-text",
        "Large dog at the address; visit in pairs",
    )
    .await;
    let today = chrono::Local::now().date_naive();
    type_into(driver, "flag-review-day", &today.format("%d").to_string()).await;
    type_into(driver, "flag-review-month", &today.format("%m").to_string()).await;
    type_into(driver, "flag-review-year", &today.format("%Y").to_string()).await;
    click(driver, "flag-save").await;
    let banner = by_id(driver, "safety-banner").await.text().await.unwrap();
    assert!(banner.contains("Lone visit not advised"), "{banner}");
    driver
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .unwrap();
    screenshot(driver, "10d-client-safety-flag").await;
    click(driver, "client-back").await;
    let due = by_id(driver, "safety-review-due")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        due.contains("Ann Lee") && due.contains("Lone visit"),
        "{due}"
    );
    by_id(driver, "client-flags").await;
    screenshot(driver, "10e-caseload-flag-review-due").await;
}

/// A prison referral with its 21-day clock, picked up and closed.
pub async fn a_referral_and_its_episode(driver: &WebDriver) {
    let today = chrono::Local::now().date_naive();
    // A prison referral with its release date starts the 21-day clock,
    // counted from the release (later than the referral here).
    open_client(driver, "Lee").await;
    section(driver, "referrals").await;
    click(driver, "referral-open").await;
    choose(driver, "referral-route", "Prison (Through the Gate)").await;
    type_into(
        driver,
        "referral-referrer",
        "HMP Winchester resettlement team",
    )
    .await;
    type_date(
        driver,
        "referral-received",
        today - chrono::Duration::days(3),
    )
    .await;
    type_into(driver, "referral-time", "09:30").await;
    click(driver, "episode-save").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("Enter the release date"), "{refusal}");
    type_date(
        driver,
        "referral-release",
        today - chrono::Duration::days(2),
    )
    .await;
    type_into(
        driver,
        "referral-reason",
        "Heroin use before custody; wants help on release",
    )
    .await;
    screenshot(driver, "10f-prison-referral").await;
    click(driver, "episode-save").await;
    gone(driver, "episode-form").await;
    let clock = by_id(driver, "episode-clock").await.text().await.unwrap();
    assert!(clock.contains("19 days left"), "{clock}");
    click(driver, "client-back").await;
    let started = Instant::now();
    loop {
        let listed = rows(driver).await;
        if listed
            .iter()
            .any(|r| r.contains("Lee") && r.contains("19 days left") && r.contains("Prison"))
        {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "no clock on the caseload: {listed:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        by_id(driver, "count-referrals-due")
            .await
            .text()
            .await
            .unwrap()
            .trim(),
        "0",
        "19 days is not due this week"
    );
    screenshot(driver, "10g-caseload-referral-clock").await;

    // Picked up today, then closed: an "other" exit needs a note, and a
    // closed episode is kept, read-only.
    open_client(driver, "Lee").await;
    section(driver, "referrals").await;
    click(driver, "pick-up-open").await;
    click(driver, "episode-save").await;
    gone(driver, "episode-form").await;
    click(driver, "close-episode-open").await;
    choose(driver, "exit-reason", "Other").await;
    click(driver, "episode-save").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("needs a few words"), "{refusal}");
    choose(driver, "exit-reason", "Unplanned: custody").await;
    click(driver, "episode-save").await;
    gone(driver, "episode-form").await;
    let earlier = by_id(driver, "episodes-earlier")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        earlier.contains("Unplanned: custody") && earlier.contains("Prison"),
        "{earlier}"
    );
    assert!(
        present(driver, "referral-open").await,
        "a new referral may open a new episode"
    );
    screenshot(driver, "10h-episode-closed").await;
}

/// Contact, needs and equality details: a wrong phone number refused, then
/// an alias and the postcode that find her.
pub async fn the_client_s_profile(driver: &WebDriver) {
    // Contact, needs and equality: a wrong phone number is refused with
    // everything typed kept; then an alias and the postcode find her.
    section(driver, "profile").await;
    click(driver, "profile-edit").await;
    type_into(driver, "profile-other-names", "Annie Leigh").await;
    type_into(driver, "profile-postcode", "so14 7du").await;
    choose(driver, "profile-area", "Southampton").await;
    type_into(driver, "profile-phone", "12345").await;
    choose(driver, "profile-armed-forces", "Veteran (has served)").await;
    click(driver, "profile-save").await;
    let refusal = error_text(driver).await;
    assert!(refusal.contains("not a UK phone number"), "{refusal}");
    type_into(driver, "profile-phone", "07700 900123").await;
    click(driver, "profile-save").await;
    gone(driver, "profile-form").await;
    let profile = by_id(driver, "profile-panel").await.text().await.unwrap();
    assert!(
        profile.contains("SO14 7DU")
            && profile.contains("Veteran")
            && profile.contains("Annie Leigh"),
        "{profile}"
    );
    screenshot(driver, "10i-client-profile").await;
    click(driver, "client-back").await;
    for typed in ["annie leigh", "SO14"] {
        driver
            .active_element()
            .await
            .unwrap()
            .send_keys(Key::Control + "k")
            .await
            .unwrap();
        type_into(driver, "search-input", typed).await;
        let hit = by_id(driver, "search-result").await.text().await.unwrap();
        assert!(hit.contains("Ann Lee"), "{typed}: {hit}");
        click(driver, "search-result").await;
        gone(driver, "search-dialog").await;
        click(driver, "client-back").await;
    }
}
