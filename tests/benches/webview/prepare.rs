//! The county unit the benchmark runs on: the demo unit with 10,000
//! generated clients, made by the release app's own `casebook demo`
//! command as the README describes, and one of them given a long timeline
//! (250 appointments and 250 signed session records) through the core's
//! public API. Making it takes minutes, so it is kept in the target folder
//! under a key naming what made it (the clients, the seed, the newest
//! database migration and the day, since referral clocks run from the day
//! it was made); each run works on a fresh copy.

use std::path::{Path, PathBuf};
use std::process::Command;

use casebook_core::clients::client_records::ClientView;
use casebook_core::clock::{Clock, OsEntropy, SystemClock};
use casebook_core::domain::appointments::AppointmentText;
use casebook_core::domain::session_records::SessionForm;
use casebook_core::unit::demo::{DEMO_PASSWORD, DEMO_USERNAME};
use casebook_core::unit::folder::{self as unit_folder, UnitKind};

pub const CLIENTS: usize = 10_000;
const SEED: u64 = 1;
/// Raise when the way the unit is made changes, so older copies are not used.
const MAKING_VERSION: u32 = 2;
/// Appointments and signed session records given to the busy client.
const APPOINTMENTS: i64 = 250;
const SESSIONS: i64 = 250;

/// A unit ready for a run, in a folder of its own.
#[derive(Debug)]
pub struct PreparedUnit {
    /// The data folder to point the app at (`CASEBOOK_DATA_DIR`).
    pub data_folder: PathBuf,
    /// The client with the long timeline.
    pub busy_client: String,
    pub busy_client_name: String,
    pub timeline_entries: usize,
    /// Whether the unit was made in this run rather than taken from an
    /// earlier one.
    pub made_now: bool,
    _copy: tempfile::TempDir,
}

/// What a finished unit says about itself, written last, so a half-made
/// folder is never taken for a finished one.
#[derive(serde::Serialize, serde::Deserialize)]
struct Made {
    busy_client: String,
    busy_client_name: String,
    timeline_entries: usize,
}

/// A fingerprint of the generator's source, so a kept unit made by an
/// earlier generator is not taken for one this generator would make.
fn generator_fingerprint() -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    include_str!("../../../crates/casebook-core/src/unit/demo_generator.rs").hash(&mut hasher);
    hasher.finish()
}

/// The kept unit if there is one for today's key, else a new one, copied
/// to a temporary folder for this run.
pub fn county_unit(app: &Path, target: &Path) -> Result<PreparedUnit, String> {
    let kept_units = target.join("webview-bench-units");
    let key = format!(
        "v{MAKING_VERSION}-{CLIENTS}-clients-seed-{SEED}-{}-{}-generator-{:016x}",
        newest_migration()?,
        SystemClock.local_now().date(),
        generator_fingerprint()
    );
    let kept = kept_units.join(&key);
    let made_now = !kept.join("made.json").exists();
    if made_now {
        // Older keys are of no further use: each is hundreds of megabytes.
        let _ = std::fs::remove_dir_all(&kept_units);
        let building = kept_units.join(format!("{key}.building"));
        std::fs::create_dir_all(&building).map_err(|e| format!("{}: {e}", building.display()))?;
        let made = make(app, &building)?;
        let text = serde_json::to_string_pretty(&made).map_err(|e| e.to_string())?;
        std::fs::write(building.join("made.json"), text).map_err(|e| e.to_string())?;
        std::fs::rename(&building, &kept).map_err(|e| e.to_string())?;
    }
    let text = std::fs::read_to_string(kept.join("made.json")).map_err(|e| e.to_string())?;
    let made: Made = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let copy = tempfile::tempdir().map_err(|e| e.to_string())?;
    copy_folder(&kept.join("data"), &copy.path().join("data"))?;
    Ok(PreparedUnit {
        data_folder: copy.path().join("data"),
        busy_client: made.busy_client,
        busy_client_name: made.busy_client_name,
        timeline_entries: made.timeline_entries,
        made_now,
        _copy: copy,
    })
}

/// The name of the core's newest migration: a new one changes the
/// database, and with it the unit to keep.
fn newest_migration() -> Result<String, String> {
    let folder =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/casebook-core/src/store/migrations");
    let entries = std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
        .filter_map(|name| name.strip_suffix(".sql").map(str::to_owned))
        .max()
        .ok_or_else(|| format!("no migrations in {}", folder.display()))
}

/// Makes the unit in `folder/data`: the demo command, then the busy client.
fn make(app: &Path, folder: &Path) -> Result<Made, String> {
    let data = folder.join("data");
    println!("Adding {CLIENTS} generated clients to a new demo unit (a few minutes)…");
    let status = Command::new(app)
        .args([
            "demo",
            "--clients",
            &CLIENTS.to_string(),
            "--seed",
            &SEED.to_string(),
        ])
        .env("CASEBOOK_DATA_DIR", &data)
        .env("CASEBOOK_LOG_DIR", folder.join("logs"))
        .status()
        .map_err(|e| format!("could not run {} demo: {e}", app.display()))?;
    if !status.success() {
        return Err(format!("{} demo failed: {status}", app.display()));
    }
    give_a_long_timeline(&data).map_err(|e| format!("giving a client a long timeline: {e}"))
}

/// The client first on the caseload by name gets 250 appointments (one a
/// day up to a few days ahead, so the diary's week has some) and 250 signed
/// session records, through the core as the app's commands would.
fn give_a_long_timeline(data: &Path) -> Result<Made, casebook_core::CoreError> {
    let (clock, entropy) = (SystemClock, &mut OsEntropy);
    let folder = unit_folder::unit_folder(data, UnitKind::Demo);
    let mut unit = unit_folder::unlock(&folder, DEMO_USERNAME, DEMO_PASSWORD, &clock, entropy)?;
    let me = unit.account().id.to_string();
    let caseload = unit.view_caseload(&clock, entropy)?;
    // The first by name of those with an open episode: on the first page of
    // the caseload as a manager first sees it (the unit's open episodes).
    let first = caseload
        .iter()
        .filter(|entry| entry.open_episode.is_some())
        .min_by_key(|entry| {
            (
                entry.client.family_name.as_str().to_owned(),
                entry.client.given_name.as_str().to_owned(),
            )
        })
        .map(|entry| entry.client.clone())
        .ok_or_else(|| casebook_core::CoreError::internal(&"the demo unit has no clients"))?;
    let now = clock.local_now();
    for day in 0..APPOINTMENTS {
        let starts = (now - chrono::Duration::days(APPOINTMENTS - 5 - day))
            .date()
            .and_hms_opt(10, 0, 0)
            .unwrap_or(now);
        let ends = starts + chrono::Duration::hours(1);
        unit.book_appointment(
            first.id,
            &AppointmentText {
                starts_at: &starts.format("%Y-%m-%dT%H:%M").to_string(),
                ends_at: &ends.format("%Y-%m-%dT%H:%M").to_string(),
                kind: "one_to_one",
                place: "office",
                ..AppointmentText::default()
            },
            &[&me],
            &clock,
            entropy,
        )?;
    }
    for day in 1..=SESSIONS {
        let form = SessionForm {
            held_on: (now.date() - chrono::Duration::days(day)).to_string(),
            starts_at: "10:00".into(),
            minutes: "50".into(),
            place: "office".into(),
            pathways: vec!["accommodation".into(), "drugs_and_alcohol".into()],
            interventions: vec!["relapse_prevention".into()],
            notes: format!("Session {day}: discussed housing and the week's appointments."),
            ..SessionForm::default()
        };
        let draft = unit.save_session_draft(None, first.id, form, &clock, entropy)?;
        unit.sign_session_record(draft.id, &clock, entropy)?;
    }
    let timeline_entries = match unit.view_client(first.id, &clock, entropy)? {
        ClientView::Record(record) => record.timeline.len(),
        ClientView::Summary(_) => 0,
    };
    unit.lock(&clock, entropy);
    Ok(Made {
        busy_client: first.id.to_string(),
        busy_client_name: format!(
            "{}, {}",
            first.family_name.as_str(),
            first.given_name.as_str()
        ),
        timeline_entries,
    })
}

/// Copies a folder and everything in it.
fn copy_folder(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}
