//! Merging one client record into another: every row that hangs from the
//! merged client moves to the one kept, and the merged client row is marked,
//! never deleted. The caller does all of it in one transaction.

use rusqlite::{Transaction, params};

use super::change_log::{self, WriteStamp};
use crate::domain::ids::ClientId;
use crate::error::{CoreError, CoreResult};

/// The tables whose rows belong to one client by `client_id`. The profile
/// is merged field by field by `client_profiles::move_to_client` instead.
const CLIENT_TABLES: [&str; 6] = [
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
