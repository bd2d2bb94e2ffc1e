//! The real app in its real webview at county scale (issue 16, point 4):
//! the release build of Casebook driven through tauri-driver under a
//! virtual display, on the demo unit with 10,000 generated clients, one of
//! them with about 500 timeline entries. It times, inside the page, signing
//! in to an answering caseload, changing each filter and sort, each
//! keystroke of a search, opening the busy client, the audit trail and the
//! diary's week; and it measures the memory of the app with its WebKit
//! processes beside a bare Tauri window's. `make bench-webview` builds both
//! and runs this; it prints a table and writes it to
//! `target/webview-bench.txt`.
//!
//! A benchmark reports and does not fail on a budget; but a step that
//! cannot be done fails the run (after the table, which says why).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

mod memory;
mod prepare;
mod report;
mod steps;
mod timing;

// Shared with the end-to-end tests: tauri-driver, the private system bus
// and the WebDriver session. Not all of it is used here.
#[allow(dead_code, unused_imports)]
#[path = "../../tests/webview_support/mod.rs"]
mod webview_support;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use report::{Budget, Figures, Row};
use thirtyfour::WebDriver;
use webview_support::{SystemBus, TauriDriver, launch};

/// The longest idle lock the app allows: the benchmark's scripted clicks
/// are not input, and the lock must not come in the middle of a run.
const IDLE_LOCK_SECONDS: u64 = 15 * 60;
/// Family names the demo generator gives (among England's commonest),
/// typed a letter at a time into the search: 19 keystrokes.
const SEARCH_WORDS: [&str; 2] = ["Richardson", "Griffiths"];

fn required_path(variable: &str) -> Result<PathBuf, String> {
    let path = std::env::var_os(variable)
        .map(PathBuf::from)
        .ok_or_else(|| format!("{variable} is not set: run this through make bench-webview"))?;
    if !path.exists() {
        return Err(format!("{variable}: {} does not exist", path.display()));
    }
    Ok(path)
}

fn target_folder() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

fn main() -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(run()),
        Err(e) => {
            eprintln!("webview benchmark: no async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> ExitCode {
    let mut rows = Vec::new();
    let mut phases = Vec::new();
    if let Err(why) = measure(&mut rows, &mut phases).await {
        eprintln!("\nwebview benchmark: {why}");
        rows.push(Row::new("the run", "", Budget::None, Err(why)));
    }
    let heading = format!(
        "Casebook in its real webview (release build, Xvfb, WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1).\nTimes are taken in the page, from the action to the answer painted (two animation frames after it shows).\n{}",
        phases.join("\n")
    );
    let table = report::table(&heading, &rows);
    println!("\n{table}");
    let written = target_folder().join("webview-bench.txt");
    if let Err(e) = std::fs::write(&written, &table) {
        eprintln!("could not write {}: {e}", written.display());
        return ExitCode::FAILURE;
    }
    println!("Written to {}", written.display());
    let failed: Vec<&Row> = rows.iter().filter(|row| row.found.is_err()).collect();
    if failed.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "\nwebview benchmark: {} measurement(s) could not be taken:",
        failed.len()
    );
    for row in failed {
        if let Err(why) = &row.found {
            eprintln!("- {}: {why}", row.what);
        }
    }
    ExitCode::FAILURE
}

/// Notes how long a phase took, for the table's heading.
fn phase(phases: &mut Vec<String>, name: &str, started: Instant) {
    let line = format!("{name}: {:.0} s", started.elapsed().as_secs_f64());
    println!("{line}");
    phases.push(line);
}

/// Every measurement, in order, into `rows`; an error here is a step
/// without which nothing after it can be measured.
async fn measure(rows: &mut Vec<Row>, phases: &mut Vec<String>) -> Result<(), String> {
    for variable in [
        "WEBKIT_DISABLE_COMPOSITING_MODE",
        "WEBKIT_DISABLE_DMABUF_RENDERER",
        "DISPLAY",
    ] {
        if std::env::var_os(variable).is_none() {
            return Err(format!(
                "{variable} is not set: run this through make bench-webview"
            ));
        }
    }
    let app = required_path("CASEBOOK_APP")?;
    let bare = required_path("CASEBOOK_BARE_WINDOW")?;

    let started = Instant::now();
    let bare_pss = tokio::task::spawn_blocking(move || memory::bare_window_pss(&bare))
        .await
        .map_err(|e| e.to_string())?;
    phase(phases, "bare window started and measured", started);
    let bare_pss = memory_row(
        rows,
        "memory: bare Tauri window",
        "one static page, no plugins",
        bare_pss,
    );

    let started = Instant::now();
    let app_for_unit = app.clone();
    let unit =
        tokio::task::spawn_blocking(move || prepare::county_unit(&app_for_unit, &target_folder()))
            .await
            .map_err(|e| e.to_string())??;
    let how = if unit.made_now {
        "made now"
    } else {
        "kept from an earlier run today, copied"
    };
    phase(phases, &format!("county unit ({how})"), started);

    let started = Instant::now();
    wait_for_free_driver_ports().await?;
    let logs = tempfile::tempdir().map_err(|e| e.to_string())?;
    let system_bus = SystemBus::start();
    let tauri_driver = TauriDriver::start_with_idle_lock(
        &unit.data_folder,
        logs.path(),
        &system_bus,
        IDLE_LOCK_SECONDS,
    );
    let driver = launch().await;
    driver
        .set_script_timeout(timing::ANSWER_LIMIT + Duration::from_secs(30))
        .await
        .map_err(|e| e.to_string())?;

    let in_app = in_the_app(&driver, &tauri_driver, &app, &unit, bare_pss, rows).await;
    // The app's processes as they are now, to stop any left behind.
    let app_tree = memory::find_descendant(tauri_driver.pid(), &app, Duration::ZERO)
        .map(memory::process_tree)
        .unwrap_or_default();
    let _ = driver.quit().await;
    drop(tauri_driver);
    memory::stop_left_over(&app_tree);
    phase(phases, "measurements in the app", started);
    in_app
}

/// Adds a memory row, with each process's share after the workload, and
/// gives back the total in KiB for the ratio.
fn memory_row(
    rows: &mut Vec<Row>,
    what: &str,
    workload: &str,
    settled: Result<memory::Settled, String>,
) -> Result<u64, String> {
    let workload = match &settled {
        Ok(settled) => format!("{workload} ({})", settled.by_process),
        Err(_) => workload.to_owned(),
    };
    let kib = settled.map(|settled| settled.kib);
    rows.push(Row::new(
        what,
        &workload,
        Budget::None,
        kib.clone().map(Figures::Memory),
    ));
    kib
}

/// The measurements in the running app, in order, into `rows`; an error
/// here is a step without which the rest cannot be measured.
async fn in_the_app(
    driver: &WebDriver,
    tauri_driver: &TauriDriver,
    app: &Path,
    unit: &prepare::PreparedUnit,
    bare_pss: Result<u64, String>,
    rows: &mut Vec<Row>,
) -> Result<(), String> {
    let clients = format!("{} clients", thousands(prepare::CLIENTS));
    // Memory at the first screen, before any unit is open, shows what the
    // app costs at rest and so what the county's caseload adds; then
    // signing in, and memory once the caseload is there.
    let app_pid = memory::find_descendant(tauri_driver.pid(), app, Duration::from_secs(10))?;
    let at_rest = tokio::task::spawn_blocking(move || memory::settled_pss(app_pid))
        .await
        .map_err(|e| e.to_string())?;
    // Shown only: the ratio to the bare window is taken at the caseload,
    // and a failed reading is already in its row.
    let _ = memory_row(
        rows,
        "memory: Casebook at its first screen",
        "no unit open yet",
        at_rest,
    );
    let first = steps::first_sign_in(driver).await?;
    let app_pss = tokio::task::spawn_blocking(move || memory::settled_pss(app_pid))
        .await
        .map_err(|e| e.to_string())?;
    let app_pss = memory_row(
        rows,
        "memory: Casebook with its webview",
        &format!("at the caseload of {clients}"),
        app_pss,
    );
    let ratio = match (&app_pss, &bare_pss) {
        (Ok(app), Ok(bare)) if *bare > 0 => Ok(*app as f64 / *bare as f64),
        (Err(why), _) | (_, Err(why)) => Err(why.clone()),
        _ => Err("the bare window's memory read as nothing".to_owned()),
    };
    rows.push(Row::new(
        "memory: Casebook over bare window",
        "PSS of each app and its processes",
        Budget::TimesBareWindow(1.3),
        ratio.map(Figures::Ratio),
    ));
    let again = steps::sign_ins_again(driver).await;
    rows.push(Row::new(
        "sign in to the answering caseload",
        &format!("{clients}, key derivation included, the first after start too"),
        Budget::P95Below(1500.0),
        again.map(|mut times| {
            times.insert(0, first);
            Figures::Times(times)
        }),
    ));
    steps::back_to_caseload(driver).await?;

    let opened = steps::open_busy_client(driver, &unit.busy_client).await;
    rows.push(Row::new(
        "open the busy client to their timeline",
        &format!(
            "{} timeline entries ({})",
            unit.timeline_entries, unit.busy_client_name
        ),
        Budget::P95Below(300.0),
        opened.map(Figures::Times),
    ));
    steps::back_to_caseload(driver).await?;

    for select in [
        "filter-rag",
        "filter-cohort",
        "filter-clock",
        "filter-area",
        "filter-whose",
        "filter-episodes",
    ] {
        let times = steps::filter(driver, select).await;
        rows.push(Row::new(
            &format!("change {select}"),
            &clients,
            Budget::P95Below(100.0),
            times.map(Figures::Times),
        ));
        steps::back_to_caseload(driver).await?;
    }
    for button in ["sort-name", "sort-rag", "sort-clock", "sort-keyworker"] {
        let times = steps::sort(driver, button).await;
        rows.push(Row::new(
            &format!("click {button}"),
            &clients,
            Budget::P95Below(100.0),
            times.map(Figures::Times),
        ));
    }
    // Back to the order the caseload opens with; fine if sorting failed.
    let _ = steps::sort_by_name_again(driver).await;

    let typed = steps::search(driver, &SEARCH_WORDS).await;
    rows.push(Row::new(
        "search, each keystroke",
        &format!("{clients}, typing {}", SEARCH_WORDS.join(" and ")),
        Budget::P95Below(100.0),
        typed.map(Figures::Times),
    ));
    steps::back_to_caseload(driver).await?;

    let (diary, back) = match steps::diary_and_back(driver).await {
        Ok((diary, back)) => (Ok(diary), Ok(back)),
        Err(why) => (Err(why.clone()), Err(why)),
    };
    rows.push(Row::new(
        "diary's week",
        "the unit's only keyworker's week (every appointment is theirs)",
        Budget::None,
        diary.map(Figures::Times),
    ));
    rows.push(Row::new(
        "caseload from the nav",
        &clients,
        Budget::None,
        back.map(Figures::Times),
    ));
    steps::back_to_caseload(driver).await?;

    // Last, as the step most likely to leave the page busy for minutes.
    let audit = steps::audit_trail(driver).await;
    rows.push(Row::new(
        "audit trail to its entries",
        &format!("the trail of making {clients}"),
        Budget::None,
        audit.map(Figures::Times),
    ));
    Ok(())
}

/// Waits while another tauri-driver (the end-to-end tests, on the same
/// machine) holds the ports this one needs: otherwise this run's client
/// would reach the other's driver.
async fn wait_for_free_driver_ports() -> Result<(), String> {
    let in_use = || {
        [webview_support::DRIVER_PORT, 4445]
            .into_iter()
            .any(|port| std::net::TcpStream::connect(("127.0.0.1", port)).is_ok())
    };
    let started = Instant::now();
    if in_use() {
        println!("Another tauri-driver holds port 4444 or 4445; waiting for it to finish…");
    }
    while in_use() {
        if started.elapsed() > Duration::from_secs(15 * 60) {
            return Err(
                "ports 4444 and 4445 stayed in use by another tauri-driver for 15 minutes"
                    .to_owned(),
            );
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    Ok(())
}

/// 10000 as "10,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
