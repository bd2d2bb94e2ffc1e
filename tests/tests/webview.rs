//! The built app in its real webview: tauri-driver drives WebKitWebDriver,
//! which drives Casebook's window under a virtual display. `make e2e` builds
//! the app and runs this with the `webview` feature.
//!
//! The scenario is the one a new unit lives through on its first day:
//! create the unit, add a client, lock, fail to unlock, unlock, see the
//! client, restart the app and see the client again; then the demo unit.
//! Screenshots of each screen are kept in `target/e2e-screenshots/`.
//!
//! This file declares the tests and runs their stages in order; each stage
//! is in `webview_stages/` (one module for each part of the story), and what
//! the stages share (drivers, finding, typing, waiting, screenshots, units
//! prepared through the core) is in `webview_support/`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

mod webview_stages;
mod webview_support;

use webview_stages::break_glass_and_audit::*;
use webview_stages::county_caseload::*;
use webview_stages::first_start::*;
use webview_stages::keywork_week::*;
use webview_stages::keyworker::*;
use webview_stages::partner_and_manager::*;
use webview_stages::pathways::*;
use webview_stages::two_computers::*;
use webview_support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_unit_s_first_day_in_the_real_webview() {
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    let _tauri_driver = TauriDriver::start(&data.path().join("Casebook"), logs.path(), &system_bus);
    // Start from an empty folder, so every picture there is from this run.
    let _ = std::fs::remove_dir_all(screenshot_folder());
    std::fs::create_dir_all(screenshot_folder()).unwrap();

    let mut switches = Vec::new();

    // A folder standing for the unit's network share.
    let share = tempfile::tempdir().unwrap();

    let driver = launch().await;
    a_new_unit_on_first_start(&driver, share.path()).await;
    the_first_client(&driver).await;
    locking_and_signing_in(&driver).await;
    let driver = locked_restarted_and_asleep(driver, &system_bus).await;

    let (kim_once, pat_once) = accounts_and_roles(&driver).await;
    a_keyworker_s_first_clients(&driver, &kim_once, &mut switches).await;
    the_partner_s_summary(&driver, &pat_once, &mut switches).await;
    the_manager_shares_the_unit_and_tidies_it(&driver, share.path(), &mut switches).await;
    break_glass_and_slow_sign_ins(&driver, &mut switches).await;
    the_audit_trail_the_idle_lock_and_the_demo(&driver, share.path()).await;
    driver.quit().await.unwrap();

    record_switch_times(switches);

    nothing_typed_reached_the_log(logs.path());
}

/// Runs after the first-day test (tests run one at a time, in name order),
/// which empties the screenshot folder first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_computers_resolve_a_rag_changed_while_apart() {
    let first_data = tempfile::tempdir().unwrap();
    let second_data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    std::fs::create_dir_all(screenshot_folder()).unwrap();
    // A folder standing for the unit's network share; renaming it away is
    // the share going out of reach.
    let share_parent = tempfile::tempdir().unwrap();
    let share = share_parent.path().join("unit");
    let away = share_parent.path().join("unit-unreachable");
    std::fs::create_dir_all(&share).unwrap();
    let first = first_data.path().join("Casebook");
    let second = second_data.path().join("Casebook");
    prepare_first_computer(&first, &share);

    the_second_computer_joins_and_changes_apart(&second, logs.path(), &system_bus, &share, &away)
        .await;
    the_first_computer_changes_apart_and_syncs(&first, logs.path(), &system_bus, &share, &away)
        .await;
    the_second_computer_asks_a_person_to_choose(&second, logs.path(), &system_bus).await;
    the_first_computer_keeps_red(&first, logs.path(), &system_bus).await;
    the_choice_reaches_the_second_computer(&second, logs.path(), &system_bus).await;
    a_forged_change_is_refused_and_listed(&first, &second, &share, logs.path(), &system_bus).await;
}

/// A keyworker's week with a DRR client who must not be visited alone:
/// a home visit booked with its warning, a DNA judged unacceptable and
/// counted, a session written (and saved as a draft as it is typed),
/// signed off with an action, corrected by an addendum; the task on the
/// home screen, everything on the timeline, the visit in the week's diary.
/// Runs after the first-day test, which empties the screenshot folder.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_week_of_keywork_in_the_real_webview() {
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    let data_folder = data.path().join("Casebook");
    prepare_keyworker_and_drr_client(&data_folder);
    let _tauri_driver = TauriDriver::start(&data_folder, logs.path(), &system_bus);
    std::fs::create_dir_all(screenshot_folder()).unwrap();
    let driver = launch().await;
    sign_in(&driver, "kim", KEYWORKER_PASSWORD).await;
    by_id(&driver, "caseload").await;
    open_client(&driver, "Marsh").await;

    a_home_visit_booked_with_its_warning(&driver).await;
    a_missed_appointment_counted_on_the_order(&driver).await;
    a_session_written_signed_and_corrected(&driver).await;
    the_timeline_and_the_note_search(&driver).await;
    the_home_screen_the_sections_and_the_diary(&driver).await;
    driver.quit().await.unwrap();
}

#[tokio::test]
async fn seven_pathways_a_support_plan_and_cohorts_in_the_real_webview() {
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    let data_folder = data.path().join("Casebook");
    prepare_keyworker_and_referred_client(&data_folder);
    let _tauri_driver = TauriDriver::start(&data_folder, logs.path(), &system_bus);
    std::fs::create_dir_all(screenshot_folder()).unwrap();
    let driver = launch().await;
    sign_in(&driver, "kim", KEYWORKER_PASSWORD).await;
    by_id(&driver, "caseload").await;
    an_initial_assessment(&driver).await;
    a_review_and_the_radar(&driver, &data_folder).await;
    a_goal_and_the_printed_plan(&driver).await;
    the_cohort_comparison(&driver).await;
}

/// A unit of a few thousand generated clients: the caseload and the audit
/// trail put one page in the page, and a filter or sort is answered well
/// within a second. Runs after the first-day test (name order), which
/// empties the screenshot folder.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_county_caseload_a_page_at_a_time() {
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let system_bus = SystemBus::start();
    let data_folder = data.path().join("Casebook");
    prepare_county_demo_unit(&data_folder, COUNTY_TEST_CLIENTS);
    let _tauri_driver = TauriDriver::start(&data_folder, logs.path(), &system_bus);
    std::fs::create_dir_all(screenshot_folder()).unwrap();
    let driver = launch().await;
    a_county_caseload_a_page_at_a_time(&driver, COUNTY_TEST_CLIENTS).await;
    driver.quit().await.unwrap();
}

/// Enough clients that rendering them all would be plainly slow, few
/// enough to generate in a debug build in about a minute.
const COUNTY_TEST_CLIENTS: usize = 3_000;
