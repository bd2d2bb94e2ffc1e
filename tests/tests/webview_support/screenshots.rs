//! What a run leaves for its readers: screenshots of the window as the X
//! display shows it, and the switch-user timings beside them.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use thirtyfour::prelude::*;

pub fn screenshot_folder() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("e2e-screenshots")
}

/// Waits two animation frames, so the picture shows the last change, then
/// saves the window as the X display shows it. WebDriver's own screenshot is
/// not used: WebKitWebDriver's hangs once the page has gone idle after an
/// animation-frame callback.
pub async fn screenshot(driver: &WebDriver, name: &str) {
    driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let path = screenshot_folder().join(format!("{name}.png"));
    let status = Command::new("import")
        .args(["-window", "root", "-crop", "1200x800+0+0", "+repage"])
        .arg(&path)
        .status()
        .expect("ImageMagick's import must be installed (make e2e installs it)");
    assert!(status.success(), "taking the screenshot {name} failed");
}

/// Keeps a measurement beside the screenshots for `make bench` readers: a
/// figure, never a pass or fail.
pub fn record_switch_times(mut times: Vec<Duration>) {
    times.sort();
    let Some(median) = times.get(times.len() / 2) else {
        return;
    };
    let listed: Vec<String> = times
        .iter()
        .map(|t| format!("{} ms", t.as_millis()))
        .collect();
    let line = format!(
        "switch user, click to sign-in screen (debug build, Xvfb): median {} ms of {} ({})\n",
        median.as_millis(),
        times.len(),
        listed.join(", ")
    );
    let path = screenshot_folder().join("../e2e-measurements.txt");
    std::fs::write(path, &line).unwrap();
    println!("{line}");
}
