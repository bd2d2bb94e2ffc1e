//! Applying other devices' changes, and the version vector that says how
//! far each device's bundles have been applied.
//!
//! A change carries its row whole. It is applied if its clock stamp (then
//! its device, to break a tie the same way everywhere) is later than the
//! stamp of the row held here, and is otherwise already outdone: so every
//! device ends with the latest write of every row whatever order the
//! bundles arrive in, and applying a change twice changes nothing. Rows
//! that are only ever inserted (reviews, scores, consent decisions) have
//! one write each, so they are simply kept.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::key_column;
use crate::error::{CoreError, CoreResult};
use crate::sync::bundle::{Change, NO_PREVIOUS};

/// How far `device`'s bundles have been applied: `(0, NO_PREVIOUS)` if none.
pub fn applied(conn: &Connection, device: &str) -> CoreResult<(u64, String)> {
    Ok(conn
        .query_row(
            "SELECT sequence, hash FROM sync_applied WHERE device_id = ?1",
            [device],
            |row| Ok((row.get::<_, i64>(0)? as u64, row.get::<_, String>(1)?)),
        )
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "read what has been received"))?
        .unwrap_or((0, NO_PREVIOUS.to_owned())))
}

pub fn record_applied(
    tx: &Transaction<'_>,
    device: &str,
    sequence: u64,
    hash: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO sync_applied (device_id, sequence, hash, applied_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (device_id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash,
                                               applied_at = excluded.applied_at",
        params![
            device,
            i64::try_from(sequence).map_err(|e| CoreError::internal(&e))?,
            hash,
            at.to_rfc3339()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "record the received changes"))?;
    Ok(())
}

/// Applies one change; true when it changed the row held here.
pub fn apply_change(tx: &Transaction<'_>, change: &Change) -> CoreResult<bool> {
    let newer_format = || {
        CoreError::invalid(
            "Changes arrived from a newer version of Casebook. Update Casebook on this computer to receive them.",
        )
    };
    let key = key_column(&change.table).ok_or_else(newer_format)?;
    let row = change.row.as_object().ok_or_else(newer_format)?;
    let held: Option<(String, String)> = tx
        .query_row(
            &format!(
                "SELECT hlc, device_id FROM {} WHERE {key} = ?1",
                change.table
            ),
            [&change.row_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
    if let Some((hlc, device)) = &held
        && (hlc.as_str(), device.as_str()) >= (change.hlc.as_str(), change.device.as_str())
    {
        return Ok(false);
    }
    let columns: Vec<String> = {
        let statement = tx
            .prepare_cached(&format!("SELECT * FROM {} LIMIT 0", change.table))
            .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
        statement
            .column_names()
            .iter()
            .map(|n| (*n).to_owned())
            .filter(|n| n != "hlc" && n != "device_id" && n != key && row.contains_key(n))
            .collect()
    };
    let mut values: Vec<Value> = columns.iter().map(|c| sql_value(&row[c])).collect();
    values.push(Value::Text(change.hlc.clone()));
    values.push(Value::Text(change.device.clone()));
    values.push(Value::Text(change.row_id.clone()));
    let sql = if held.is_some() {
        let sets: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ?{}", i + 1))
            .collect();
        let n = columns.len();
        format!(
            "UPDATE {} SET {}{}hlc = ?{}, device_id = ?{} WHERE {key} = ?{}",
            change.table,
            sets.join(", "),
            if sets.is_empty() { "" } else { ", " },
            n + 1,
            n + 2,
            n + 3
        )
    } else {
        let names: Vec<&str> = columns.iter().map(String::as_str).collect();
        let places: Vec<String> = (1..=columns.len() + 3).map(|i| format!("?{i}")).collect();
        format!(
            "INSERT INTO {} ({}{}hlc, device_id, {key}) VALUES ({})",
            change.table,
            names.join(", "),
            if names.is_empty() { "" } else { ", " },
            places.join(", ")
        )
    };
    // The statement text repeats for every row of a table, so the prepared
    // statement is cached: a long import prepares each shape once.
    tx.prepare_cached(&sql)
        .and_then(|mut statement| statement.execute(rusqlite::params_from_iter(values)))
        .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
    Ok(true)
}

/// Whether any row of `tables` points at a row this device does not hold
/// (checked before a bundle's transaction commits).
pub fn points_at_missing_rows(tx: &Transaction<'_>, tables: &[&str]) -> CoreResult<bool> {
    for table in tables {
        if key_column(table).is_none() {
            continue;
        }
        let mut statement = tx
            .prepare(&format!("PRAGMA foreign_key_check({table})"))
            .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
        let mut rows = statement
            .query([])
            .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
        if rows
            .next()
            .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?
            .is_some()
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The tables whose rows sync, for comparing what devices hold.
pub const SYNCED_TABLES: [&str; 11] = [
    "accounts",
    "clients",
    "unit_settings",
    "rag_reviews",
    "safety_flags",
    "cohort_flags",
    "ogrs_scores",
    "consent_decisions",
    "episodes",
    "client_profiles",
    "value_versions",
];

/// A SHA-256 over every synced row, in key order: two devices that have
/// received each other's changes hold the same digest.
pub fn synced_rows_digest(conn: &Connection) -> CoreResult<String> {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for table in SYNCED_TABLES {
        let key = key_column(table).unwrap_or("rowid");
        let mut statement = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY {key}"))
            .map_err(|e| CoreError::from_sql(&e, "compare the unit"))?;
        let width = statement.column_count();
        let mut rows = statement
            .query([])
            .map_err(|e| CoreError::from_sql(&e, "compare the unit"))?;
        hasher.update(table.as_bytes());
        while let Some(row) = rows
            .next()
            .map_err(|e| CoreError::from_sql(&e, "compare the unit"))?
        {
            for index in 0..width {
                let value: Value = row
                    .get(index)
                    .map_err(|e| CoreError::from_sql(&e, "compare the unit"))?;
                hasher.update(format!("{value:?}\u{1f}").as_bytes());
            }
            hasher.update(b"\n");
        }
    }
    Ok(hex::encode(hasher.finalize()))
}

fn sql_value(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .or_else(|| n.as_f64().map(Value::Real))
            .unwrap_or(Value::Null),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}
