//! Sync benchmarks: what a county-sized unit costs to send through a shared
//! folder and to take in on another computer.
//!
//! Run with `make bench`. One unit of 10,000 generated clients with their
//! histories is connected to a folder standing for the share; a second
//! computer then joins it (replaying every change, as there are no
//! snapshots yet). The import rate is set beside inserting the same rows
//! into plain SQLite with no checks at all.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::ids::DeviceId;
use casebook_core::store;
use casebook_core::sync::bundle::{Change, NO_PREVIOUS};
use casebook_core::sync::joining::join_from_share;
use casebook_core::unit::demo_generator::add_generated_clients;
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use casebook_core::vault::slot::KdfCost;

const CLIENTS: usize = 10_000;
const PASSWORD: &str = "otter lamp river cloud";

fn main() {
    println!("Casebook sync benchmarks: one run, release build, {CLIENTS} generated clients.");
    println!();
    let data = tempfile::tempdir().unwrap();
    let share = tempfile::tempdir().unwrap();
    let folder = unit_folder::unit_folder(data.path(), UnitKind::Real);
    let new_unit = NewUnit::parse("Bench Unit", "admin", "Alex Admin", PASSWORD).unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &new_unit, plan, &SystemClock, &mut OsEntropy).unwrap();
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    add_generated_clients(
        &mut unit,
        CLIENTS,
        1,
        &SystemClock,
        &mut OsEntropy,
        &mut |_| true,
    )
    .unwrap();

    let started = Instant::now();
    let sent = unit
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let send_time = started.elapsed();
    let device_folder = std::fs::read_dir(share.path().join("devices"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let device = DeviceId::parse(&device_folder.file_name().unwrap().to_string_lossy()).unwrap();
    let bundles = unit
        .read_device_bundles(share.path(), device, 0, NO_PREVIOUS)
        .unwrap()
        .bundles;
    let bundle_count = bundles.len();
    let changes: Vec<Change> = bundles.into_iter().flat_map(|b| b.changes).collect();
    let bytes: u64 = std::fs::read_dir(&device_folder)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    unit.lock(&SystemClock, &mut OsEntropy);
    println!(
        "sent {} changes and {} audit entries in {} bundles: {:.2} s, {:.0} bundle bytes an item",
        sent.sent,
        changes.len() - sent.sent,
        bundle_count,
        send_time.as_secs_f64(),
        bytes as f64 / changes.len() as f64
    );

    let second = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut joined = join_from_share(
        share.path(),
        second.path(),
        "admin",
        PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let join_time = started.elapsed();
    assert_eq!(
        joined
            .view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .len(),
        CLIENTS
    );
    let joined_caseload = caseload_lines(&mut joined);
    // The caseload asks for the unit's resolve items each time it loads:
    // worked out from every value version (two or more for each client).
    let median_ms = |timings: &mut Vec<f64>| {
        timings.sort_by(f64::total_cmp);
        timings[timings.len() / 2]
    };
    let mut resolve_timings: Vec<f64> = (0..21)
        .map(|_| {
            let started = Instant::now();
            joined.resolve_items().unwrap();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let mut caseload_timings: Vec<f64> = (0..21)
        .map(|_| {
            let started = Instant::now();
            joined.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let versions = joined.synced_rows_count("value_versions").unwrap();
    joined.lock(&SystemClock, &mut OsEntropy);

    let plain_time = insert_plainly(&changes);
    let rate = changes.len() as f64 / join_time.as_secs_f64();
    let plain_rate = changes.len() as f64 / plain_time.as_secs_f64();
    println!(
        "join (verify, decrypt, apply every change and audit entry): {:.2} s, {:.0} items/s",
        join_time.as_secs_f64(),
        rate
    );
    println!(
        "the same rows inserted into plain SQLite: {:.2} s, {:.0} items/s; ratio {:.2}x",
        plain_time.as_secs_f64(),
        plain_rate,
        join_time.as_secs_f64() / plain_time.as_secs_f64()
    );

    let resolve_ms = median_ms(&mut resolve_timings);
    let caseload_ms = median_ms(&mut caseload_timings);
    println!(
        "resolve items from {versions} value versions: median {resolve_ms:.1} ms, {:.2}x the caseload's own median {caseload_ms:.1} ms",
        resolve_ms / caseload_ms
    );

    // A snapshot of the whole unit, and a third computer joining from it.
    let mut unit =
        unit_folder::unlock(&folder, "admin", PASSWORD, &SystemClock, &mut OsEntropy).unwrap();
    let started = Instant::now();
    let name = unit
        .write_snapshot(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap()
        .unwrap();
    let snapshot_time = started.elapsed();
    let snapshot_bytes = std::fs::metadata(share.path().join("snapshots").join(&name))
        .unwrap()
        .len();
    unit.lock(&SystemClock, &mut OsEntropy);
    let third = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let from_snapshot = join_from_share(
        share.path(),
        third.path(),
        "admin",
        PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let snapshot_join_time = started.elapsed();
    // Each joining computer approved itself, so their digests differ by
    // that row; what they show is the same.
    let mut from_snapshot = from_snapshot;
    assert_eq!(
        caseload_lines(&mut from_snapshot),
        joined_caseload,
        "joining from the snapshot makes the same unit as replaying"
    );
    from_snapshot.lock(&SystemClock, &mut OsEntropy);
    println!(
        "snapshot of the whole unit: written in {:.2} s, {:.1} MB",
        snapshot_time.as_secs_f64(),
        snapshot_bytes as f64 / 1e6
    );
    println!(
        "join from the snapshot: {:.2} s ({:.2}x the time of replaying every bundle)",
        snapshot_join_time.as_secs_f64(),
        snapshot_join_time.as_secs_f64() / join_time.as_secs_f64()
    );
    println!();
    println!("Budget: at least 20,000 changes a second.");
}

/// Every client on a unit's caseload with their rating, in id order.
fn caseload_lines(
    unit: &mut casebook_core::unit::unlocked::UnlockedUnit,
) -> Vec<(String, Option<casebook_core::domain::rag::Rag>)> {
    let mut lines: Vec<_> = unit
        .view_caseload(&SystemClock, &mut OsEntropy)
        .unwrap()
        .into_iter()
        .map(|line| (line.client.id.to_string(), line.rag))
        .collect();
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    lines
}

/// Inserts every change's row into a plain, unencrypted database with the
/// same schema, one transaction per 5,000 rows as bundles are: the floor an
/// import could reach if it checked nothing.
fn insert_plainly(changes: &[Change]) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = store::open_unencrypted_for_comparison(&dir.path().join("plain.db")).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF;").unwrap();
    let started = Instant::now();
    for chunk in changes.chunks(5_000) {
        let tx = conn.transaction().unwrap();
        for change in chunk {
            insert_row(&tx, change);
        }
        tx.commit().unwrap();
    }
    started.elapsed()
}

fn insert_row(tx: &rusqlite::Transaction<'_>, change: &Change) {
    let row = change.row.as_object().unwrap();
    let names: Vec<&str> = row.keys().map(String::as_str).collect();
    let places: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT OR REPLACE INTO {} ({}) VALUES ({})",
        change.table,
        names.join(", "),
        places.join(", ")
    );
    let values: Vec<rusqlite::types::Value> = row
        .values()
        .map(|v| match v {
            serde_json::Value::Null => rusqlite::types::Value::Null,
            serde_json::Value::Bool(b) => rusqlite::types::Value::Integer(i64::from(*b)),
            serde_json::Value::Number(n) => n
                .as_i64()
                .map(rusqlite::types::Value::Integer)
                .unwrap_or(rusqlite::types::Value::Null),
            serde_json::Value::String(s) => rusqlite::types::Value::Text(s.clone()),
            other => rusqlite::types::Value::Text(other.to_string()),
        })
        .collect();
    tx.prepare_cached(&sql)
        .unwrap()
        .execute(rusqlite::params_from_iter(values))
        .unwrap();
}
