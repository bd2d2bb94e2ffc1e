//! Merging one client record into another: every row that hangs from the
//! merged client moves to the one kept, and the merged client row is marked,
//! never deleted. The caller does all of it in one transaction.

use rusqlite::{OptionalExtension, Transaction, params};

use super::change_log::{self, WriteStamp};
use crate::domain::ids::ClientId;
use crate::error::{CoreError, CoreResult};

/// The tables whose rows belong to one client by `client_id`. The profile
/// is merged field by field by `client_profiles::move_to_client` instead.
pub const CLIENT_TABLES: [&str; 6] = [
    "rag_reviews",
    "safety_flags",
    "cohort_flags",
    "ogrs_scores",
    "consent_decisions",
    "episodes",
];

/// Moves every row of the merged client to the one kept, each move in the
/// change log as an update of `client_id`, so other devices follow it.
pub fn move_rows(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    merged: ClientId,
    kept: ClientId,
) -> CoreResult<usize> {
    let mut moved = 0;
    for table in CLIENT_TABLES {
        let ids: Vec<String> = {
            let mut statement = tx
                .prepare(&format!("SELECT id FROM {table} WHERE client_id = ?1"))
                .map_err(|e| CoreError::from_sql(&e, "merge the records"))?;
            let rows = statement
                .query_map([merged.to_string()], |row| row.get(0))
                .map_err(|e| CoreError::from_sql(&e, "merge the records"))?;
            rows.collect::<Result<_, _>>()
                .map_err(|e| CoreError::from_sql(&e, "merge the records"))?
        };
        let befores = ids
            .iter()
            .map(|id| change_log::before_update(tx, table, id))
            .collect::<CoreResult<Vec<_>>>()?;
        tx.execute(
            &format!(
                "UPDATE {table} SET client_id = ?2, hlc = ?3, device_id = ?4 WHERE client_id = ?1"
            ),
            params![
                merged.to_string(),
                kept.to_string(),
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "merge the records"))?;
        for before in befores {
            before.append(tx, stamp)?;
        }
        moved += ids.len();
    }
    Ok(moved)
}

/// Marks the merged client; refused if it was merged already (on this
/// device or another).
pub fn mark_merged(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    merged: ClientId,
    kept: ClientId,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "clients", &merged.to_string())?;
    let changed = tx
        .execute(
            "UPDATE clients SET merged_into = ?2, hlc = ?3, device_id = ?4
             WHERE id = ?1 AND merged_into IS NULL",
            params![
                merged.to_string(),
                kept.to_string(),
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "merge the records"))?;
    if changed != 1 {
        return Err(CoreError::invalid(
            "That record was merged already. Refresh the page.",
        ));
    }
    before.append(tx, stamp)
}

/// The record a client's rows belong with now: the client itself, or the
/// record it was merged into (following merges of merges).
fn kept_record(tx: &Transaction<'_>, client: &str) -> CoreResult<Option<String>> {
    let mut current = client.to_owned();
    let mut moved = false;
    let mut seen = vec![client.to_owned()];
    // A chain of merges is short. Two computers merging two records into
    // each other while apart make a loop: then nothing moves (see SYNC.md).
    loop {
        let next: Option<String> = tx
            .query_row(
                "SELECT merged_into FROM clients WHERE id = ?1",
                [&current],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?
            .flatten();
        match next {
            Some(next) if seen.contains(&next) => return Ok(None),
            Some(next) => {
                seen.push(next.clone());
                current = next;
                moved = true;
            }
            None => break,
        }
    }
    Ok(moved.then_some(current))
}

/// After a received change: rows of a merged record follow it to the
/// record it was merged into, whichever arrived first (a review added on one
/// computer while another merged the record). Not logged: every computer
/// makes the same move when it holds both, so they stay the same.
pub fn follow_merges(tx: &Transaction<'_>, table: &str, row_id: &str) -> CoreResult<()> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "apply the received changes");
    if table == "clients" {
        if let Some(kept) = kept_record(tx, row_id)? {
            for client_table in CLIENT_TABLES {
                tx.prepare_cached(&format!(
                    "UPDATE {client_table} SET client_id = ?2 WHERE client_id = ?1"
                ))
                .and_then(|mut statement| statement.execute(params![row_id, kept]))
                .map_err(failed)?;
            }
        }
        return Ok(());
    }
    if !CLIENT_TABLES.contains(&table) {
        return Ok(());
    }
    let client: Option<String> = tx
        .prepare_cached(&format!("SELECT client_id FROM {table} WHERE id = ?1"))
        .and_then(|mut statement| statement.query_row([row_id], |row| row.get(0)).optional())
        .map_err(failed)?;
    if let Some(client) = client
        && let Some(kept) = kept_record(tx, &client)?
    {
        tx.prepare_cached(&format!("UPDATE {table} SET client_id = ?2 WHERE id = ?1"))
            .and_then(|mut statement| statement.execute(params![row_id, kept]))
            .map_err(failed)?;
    }
    Ok(())
}
