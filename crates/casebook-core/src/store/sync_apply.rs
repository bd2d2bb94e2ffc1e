//! Applying other devices' changes, and the version vector that says how
//! far each device's bundles have been applied.
//!
//! A change carries its row whole and, for an update, the fields it
//! changed. Each field is last-writer-wins by clock stamp (then device, to
//! break a tie the same way everywhere): a field is set only by a change
//! later than the latest one applied to it. So every device ends with the
//! latest write of every field whatever order the bundles arrive in, two
//! devices that changed different fields of one record apart both keep
//! their change, and applying a change twice changes nothing. Rows that are
//! only ever inserted (reviews, scores, consent decisions) have one write
//! each, so they are simply kept.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{field_stamps, is_bookkeeping, set_field_stamp};
use super::tables::{is_synced, key_column, synced_table_names};
use crate::domain::field_merge::{FieldPlan, fields_set, plan_fields};
use crate::error::{CoreError, CoreResult};
use crate::store::change_log::{Change, NO_PREVIOUS};

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

/// The whole version vector: every other device and how far its bundles
/// have been applied (sequence and that bundle's hash).
pub fn all_applied(conn: &Connection) -> CoreResult<Vec<(String, u64, String)>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read what has been received");
    let mut statement = conn
        .prepare("SELECT device_id, sequence, hash FROM sync_applied ORDER BY device_id")
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)? as u64,
                row.get::<_, String>(2)?,
            ))
        })
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// Records what a device's latest applied bundle said it had applied of
/// every device's bundles (only ever moving forward).
pub fn record_acks(
    tx: &Transaction<'_>,
    device: &str,
    acks: &std::collections::BTreeMap<String, u64>,
) -> CoreResult<()> {
    for (of_device, sequence) in acks {
        tx.prepare_cached(
            "INSERT INTO sync_acks (device, of_device, sequence) VALUES (?1, ?2, ?3)
             ON CONFLICT (device, of_device) DO UPDATE SET sequence = max(sequence, excluded.sequence)",
        )
        .and_then(|mut statement| {
            statement.execute(params![
                device,
                of_device,
                i64::try_from(*sequence).unwrap_or(i64::MAX)
            ])
        })
        .map_err(|e| CoreError::from_sql(&e, "record the received changes"))?;
    }
    Ok(())
}

/// How far `device` has said it applied `of_device`'s bundles (0 if never).
pub fn acknowledged(conn: &Connection, device: &str, of_device: &str) -> CoreResult<u64> {
    Ok(conn
        .query_row(
            "SELECT sequence FROM sync_acks WHERE device = ?1 AND of_device = ?2",
            params![device, of_device],
            |row| row.get::<_, i64>(0),
        )
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "read what has been received"))?
        .map_or(0, |n| u64::try_from(n).unwrap_or(0)))
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

/// Applies one change; returns the fields it set (every field for a row
/// inserted), none when it changed nothing here.
///
/// A row not held yet is inserted whole. For a row held, each field the
/// change set is taken only if the change is later than the latest change
/// to that field applied here (last writer wins per field, so two devices
/// that changed different fields of one record apart both keep theirs),
/// and the row's own stamp becomes the later of the two. An insert of a row
/// already held changes nothing: its fields either still hold the inserted
/// values or were changed since by later updates.
pub fn apply_change(tx: &Transaction<'_>, change: &Change) -> CoreResult<Vec<String>> {
    let newer_format = || {
        CoreError::invalid(
            "Changes arrived from a newer version of Casebook. Update Casebook on this computer to receive them.",
        )
    };
    let key = key_column(&change.table).ok_or_else(newer_format)?;
    let row = change.row.as_object().ok_or_else(newer_format)?;
    let held: Option<(String, String)> = tx
        .prepare_cached(&format!(
            "SELECT coalesce(hlc, ''), device_id FROM {} WHERE {key} = ?1",
            change.table
        ))
        .and_then(|mut statement| {
            statement
                .query_row([&change.row_id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
        })
        .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
    let fields: Vec<String> = {
        let statement = tx
            .prepare_cached(&format!("SELECT * FROM {} LIMIT 0", change.table))
            .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
        statement
            .column_names()
            .iter()
            .map(|n| (*n).to_owned())
            .filter(|n| !is_bookkeeping(n) && n != key && row.contains_key(n))
            .collect()
    };
    let incoming = (change.hlc.as_str(), change.device.as_str());
    let Some((held_hlc, held_device)) = held else {
        insert_row(tx, change, key, &fields)?;
        // The fields an update set are stamped, so an older change to them
        // arriving later does not undo it.
        for column in change.columns.iter().flatten() {
            if fields.contains(column) {
                set_field_stamp(
                    tx,
                    &change.table,
                    &change.row_id,
                    column,
                    &change.hlc,
                    &change.device,
                )?;
            }
        }
        return Ok(fields);
    };
    let is_insert = change.operation == "insert";
    if is_insert && change.columns.is_none() {
        // An insert of a row already held changes nothing.
        return Ok(Vec::new());
    }
    let set = fields_set(&fields, change.columns.as_deref(), is_insert);
    let stamps = field_stamps(tx, &change.table, &change.row_id)?;
    let Some(FieldPlan { winners, row_stamp }) = plan_fields(
        incoming,
        (held_hlc.as_str(), held_device.as_str()),
        &set,
        &stamps,
    ) else {
        return Ok(Vec::new());
    };
    let mut values: Vec<Value> = winners.iter().map(|c| sql_value(&row[c])).collect();
    values.push(Value::Text(row_stamp.0));
    values.push(Value::Text(row_stamp.1));
    values.push(Value::Text(change.row_id.clone()));
    let sets: Vec<String> = winners
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}, ", i + 1))
        .collect();
    let n = winners.len();
    let sql = format!(
        "UPDATE {} SET {}hlc = ?{}, device_id = ?{} WHERE {key} = ?{}",
        change.table,
        sets.concat(),
        n + 1,
        n + 2,
        n + 3
    );
    tx.prepare_cached(&sql)
        .and_then(|mut statement| statement.execute(rusqlite::params_from_iter(values)))
        .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
    for column in &winners {
        set_field_stamp(
            tx,
            &change.table,
            &change.row_id,
            column,
            &change.hlc,
            &change.device,
        )?;
    }
    Ok(winners)
}

/// Inserts a row not held here, whole.
fn insert_row(
    tx: &Transaction<'_>,
    change: &Change,
    key: &str,
    fields: &[String],
) -> CoreResult<()> {
    let row = change
        .row
        .as_object()
        .ok_or_else(|| CoreError::internal(&"a row that is not an object"))?;
    let mut values: Vec<Value> = fields.iter().map(|c| sql_value(&row[c])).collect();
    values.push(Value::Text(change.hlc.clone()));
    values.push(Value::Text(change.device.clone()));
    values.push(Value::Text(change.row_id.clone()));
    let names: Vec<&str> = fields.iter().map(String::as_str).collect();
    let places: Vec<String> = (1..=fields.len() + 3).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}{}hlc, device_id, {key}) VALUES ({})",
        change.table,
        names.join(", "),
        if names.is_empty() { "" } else { ", " },
        places.join(", ")
    );
    // The statement text repeats for every row of a table, so the prepared
    // statement is cached: a long import prepares each shape once.
    tx.prepare_cached(&sql)
        .and_then(|mut statement| statement.execute(rusqlite::params_from_iter(values)))
        .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
    Ok(())
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

/// A SHA-256 over every synced row, in key order: two devices that have
/// received each other's changes hold the same digest.
pub fn synced_rows_digest(conn: &Connection) -> CoreResult<String> {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for table in synced_table_names() {
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

/// How many rows of one synced table this device holds, shown or not.
pub fn synced_rows_count(conn: &Connection, table: &str) -> CoreResult<u64> {
    if !is_synced(table) {
        return Err(CoreError::internal(&"a table that does not sync"));
    }
    let count: i64 = conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .map_err(|e| CoreError::from_sql(&e, "compare the unit"))?;
    Ok(u64::try_from(count).unwrap_or(0))
}
