//! Changes received from another computer and refused by
//! `domain::received_changes`: kept with the bundle that carried them, for
//! administrators, never applied. Local to each computer (every computer
//! refuses the same changes). Migration 0029.

use rusqlite::{Connection, Transaction, params};

use super::change_log::Change;
use crate::error::{CoreError, CoreResult};

/// One refused change, where it came from and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedChange {
    /// The computer whose bundle carried it.
    pub device: String,
    pub bundle_sequence: u64,
    /// Its place in the bundle.
    pub change_index: usize,
    pub change: Change,
    /// `Refusal::as_str`.
    pub reason: String,
    pub refused_at: String,
}

/// Keeps a refused change, once: a bundle applied again after a crash
/// keeps nothing twice.
pub fn keep(tx: &Transaction<'_>, refused: &RefusedChange) -> CoreResult<()> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "apply the received changes");
    let json = serde_json::to_string(&refused.change).map_err(|e| CoreError::internal(&e))?;
    tx.prepare_cached(
        "INSERT INTO refused_changes (device_id, bundle_sequence, change_index, hlc, change_device,
             table_name, row_id, operation, change_json, reason, refused_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (device_id, bundle_sequence, change_index) DO NOTHING",
    )
    .and_then(|mut statement| {
        statement.execute(params![
            refused.device,
            i64::try_from(refused.bundle_sequence).unwrap_or(i64::MAX),
            i64::try_from(refused.change_index).unwrap_or(i64::MAX),
            refused.change.hlc,
            refused.change.device,
            refused.change.table,
            refused.change.row_id,
            refused.change.operation,
            json,
            refused.reason,
            refused.refused_at,
        ])
    })
    .map_err(failed)?;
    Ok(())
}

/// Every refused change, in the order the bundles carried them.
pub fn list(conn: &Connection) -> CoreResult<Vec<RefusedChange>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the refused changes");
    let mut statement = conn
        .prepare(
            "SELECT device_id, bundle_sequence, change_index, change_json, reason, refused_at
             FROM refused_changes ORDER BY device_id, bundle_sequence, change_index",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
            ))
        })
        .map_err(failed)?;
    let mut refused = Vec::new();
    for row in rows {
        let (device, sequence, index, json, reason, refused_at) = row.map_err(failed)?;
        let change: Change = serde_json::from_str(&json)
            .map_err(|_| CoreError::internal(&"a refused change kept here is unreadable"))?;
        refused.push(RefusedChange {
            device,
            bundle_sequence: u64::try_from(sequence).unwrap_or(0),
            change_index: usize::try_from(index).unwrap_or(0),
            change,
            reason,
            refused_at,
        });
    }
    Ok(refused)
}
