//! Merging one client record into another: every row that hangs from the
//! merged client moves to the one kept, and the merged client row is marked,
//! never deleted. The caller does all of it in one transaction.

use rusqlite::{OptionalExtension, Transaction, params};

use super::change_log::{self, WriteStamp};
use crate::domain::ids::ClientId;
use crate::domain::merges_in_force::{MergeMade, kept_record, merges_in_force};
use crate::error::{CoreError, CoreResult};

/// Moves every row of the merged client to the one kept, each move in the
/// change log as an update of `client_id`, so other devices follow it.
pub fn move_rows(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    merged: ClientId,
    kept: ClientId,
) -> CoreResult<usize> {
    let mut moved = 0;
    for table in super::tables::client_tables() {
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
        for id in &ids {
            forget_logged_value(tx, table, id, "client_id")?;
        }
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
    forget_logged_value(tx, "clients", &merged.to_string(), "merged_into")?;
    before.append(tx, stamp)?;
    follow_every_merge(tx)
}

/// Forgets the value the change log gave a field, where a change has just
/// given it another; true if there was one.
pub fn forget_logged_value(
    tx: &Transaction<'_>,
    table: &str,
    row_id: &str,
    column: &str,
) -> CoreResult<bool> {
    let forgotten = tx
        .prepare_cached(
            "DELETE FROM merge_logged_values WHERE table_name = ?1 AND row_id = ?2 AND column_name = ?3",
        )
        .and_then(|mut statement| statement.execute(params![table, row_id, column]))
        .map_err(|e| CoreError::from_sql(&e, "merge the records"))?;
    Ok(forgotten > 0)
}

/// Sets a field to the value following merges gives it, remembering the
/// value the change log gave when the two differ.
fn show_followed(
    tx: &Transaction<'_>,
    table: &str,
    row_id: &str,
    column: &str,
    logged: &str,
    shown: Option<&str>,
) -> CoreResult<()> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "apply the received changes");
    tx.prepare_cached(&format!(
        "UPDATE {table} SET {column} = ?2 WHERE id = ?1 AND {column} IS NOT ?2"
    ))
    .and_then(|mut statement| statement.execute(params![row_id, shown]))
    .map_err(failed)?;
    if shown == Some(logged) {
        forget_logged_value(tx, table, row_id, column).map(drop)
    } else {
        tx.prepare_cached(
            "INSERT INTO merge_logged_values (table_name, row_id, column_name, logged_value)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET logged_value = excluded.logged_value",
        )
        .and_then(|mut statement| statement.execute(params![table, row_id, column, logged]))
        .map_err(failed)?;
        Ok(())
    }
}

/// Every merge as the change log gave it, with its stamp.
fn merges_made(tx: &Transaction<'_>) -> CoreResult<Vec<MergeMade>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "apply the received changes");
    let mut statement = tx
        .prepare_cached(
            "WITH merged (id) AS (
                 SELECT id FROM clients WHERE merged_into IS NOT NULL
                 UNION
                 SELECT row_id FROM merge_logged_values
                 WHERE table_name = 'clients' AND column_name = 'merged_into'
             )
             SELECT c.id, coalesce(l.logged_value, c.merged_into),
                    coalesce(s.hlc, ''), coalesce(s.device_id, '')
             FROM merged m
             JOIN clients c ON c.id = m.id
             LEFT JOIN merge_logged_values l
                    ON l.table_name = 'clients' AND l.row_id = c.id AND l.column_name = 'merged_into'
             LEFT JOIN field_stamps s
                    ON s.table_name = 'clients' AND s.row_id = c.id AND s.column_name = 'merged_into'",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| {
            Ok(MergeMade {
                merged: row.get(0)?,
                into: row.get(1)?,
                stamp: (row.get(2)?, row.get(3)?),
            })
        })
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// Works out again which merges stand and where every row of a merged
/// record belongs, from the merges and row moves the change log gave. Run
/// whenever a merge arrives, after a merge made here and after a snapshot
/// is loaded. Not logged: every computer that holds the same changes makes
/// the same moves, so they end the same.
pub fn follow_every_merge(tx: &Transaction<'_>) -> CoreResult<()> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "apply the received changes");
    let made = merges_made(tx)?;
    let in_force = merges_in_force(&made);
    for merge in &made {
        show_followed(
            tx,
            "clients",
            &merge.merged,
            "merged_into",
            &merge.into,
            in_force.get(&merge.merged).map(String::as_str),
        )?;
    }
    // Rows moved before: back to where the change log put them, then on to
    // the record kept now.
    let moved: Vec<(String, String, String)> = {
        let mut statement = tx
            .prepare_cached(
                "SELECT table_name, row_id, logged_value FROM merge_logged_values
                 WHERE column_name = 'client_id'",
            )
            .map_err(failed)?;
        let rows = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .map_err(failed)?;
        rows.collect::<Result<_, _>>().map_err(failed)?
    };
    for (table, row_id, logged) in moved {
        let shown = kept_record(&in_force, &logged).unwrap_or(&logged);
        show_followed(tx, &table, &row_id, "client_id", &logged, Some(shown))?;
    }
    // Rows still on a merged record.
    for merged in in_force.keys() {
        let Some(kept) = kept_record(&in_force, merged) else {
            continue;
        };
        for table in super::tables::client_tables() {
            let ids: Vec<String> = {
                let mut statement = tx
                    .prepare_cached(&format!("SELECT id FROM {table} WHERE client_id = ?1"))
                    .map_err(failed)?;
                let rows = statement
                    .query_map([merged], |row| row.get(0))
                    .map_err(failed)?;
                rows.collect::<Result<_, _>>().map_err(failed)?
            };
            for row_id in ids {
                show_followed(tx, table, &row_id, "client_id", merged, Some(kept))?;
            }
        }
        // Drafts are this computer's own and never logged: they follow the
        // merge here, so a merge made on another computer leaves none on
        // a record no list shows.
        super::session_records::move_drafts(tx, ClientId::parse(merged)?, ClientId::parse(kept)?)?;
        super::assessments::move_drafts(tx, ClientId::parse(merged)?, ClientId::parse(kept)?)?;
    }
    Ok(())
}

/// After a received change that set `fields` of a row: a merge arriving
/// moves rows (and may stop another merge standing); a row arriving for a
/// merged record, made on a computer that had not heard of the merge yet,
/// follows it to the record kept.
pub fn follow_merges(
    tx: &Transaction<'_>,
    table: &str,
    row_id: &str,
    fields: &[String],
) -> CoreResult<()> {
    if table == "clients" && fields.iter().any(|f| f == "merged_into") {
        let had_logged_value = forget_logged_value(tx, table, row_id, "merged_into")?;
        let merged: Option<String> = tx
            .prepare_cached("SELECT merged_into FROM clients WHERE id = ?1")
            .and_then(|mut statement| statement.query_row([row_id], |row| row.get(0)))
            .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
        // A client arriving unmerged (every new record) moves nothing: only
        // a merge arriving, or one no longer standing, sets rows moving.
        if merged.is_some() || had_logged_value {
            follow_every_merge(tx)?;
        }
        return Ok(());
    }
    if !super::tables::belongs_to_one_client(table) || !fields.iter().any(|f| f == "client_id") {
        return Ok(());
    }
    forget_logged_value(tx, table, row_id, "client_id")?;
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "apply the received changes");
    let client: Option<String> = tx
        .prepare_cached(&format!("SELECT client_id FROM {table} WHERE id = ?1"))
        .and_then(|mut statement| statement.query_row([row_id], |row| row.get(0)).optional())
        .map_err(failed)?;
    let Some(client) = client else {
        return Ok(());
    };
    let merged: Option<Option<String>> = tx
        .prepare_cached("SELECT merged_into FROM clients WHERE id = ?1")
        .and_then(|mut statement| statement.query_row([&client], |row| row.get(0)).optional())
        .map_err(failed)?;
    if merged.flatten().is_some() {
        // Rare (a record merged elsewhere): work the kept record out from
        // the merges that stand.
        let in_force = merges_in_force(&merges_made(tx)?);
        if let Some(kept) = kept_record(&in_force, &client) {
            let kept = kept.to_owned();
            show_followed(tx, table, row_id, "client_id", &client, Some(&kept))?;
        }
    }
    Ok(())
}
