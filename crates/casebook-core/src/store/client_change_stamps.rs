//! The stamps of the latest change to each client's record from each
//! computer, noted by the change log for every change made here or
//! received, and whether each client is deleted now, worked out again from
//! those stamps and the deletions by `domain::client_deletions::is_deleted`.
//! The change log calls this file, so it calls nothing that writes the log.

use rusqlite::{Connection, Transaction, params};

use crate::domain::client_deletions::{ChangeStamps, is_deleted};
use crate::error::{CoreError, CoreResult};

fn failed(e: rusqlite::Error) -> CoreError {
    CoreError::from_sql(&e, "save the deletion")
}

/// The client a change to a synced row belongs to, if it belongs to one:
/// as the change log gave it, so every computer counts it the same.
fn client_of(table: &str, row_id: &str, row: &serde_json::Value) -> Option<String> {
    match table {
        "clients" | "client_profiles" => Some(row_id.to_owned()),
        _ if super::tables::belongs_to_one_client(table) => row
            .get("client_id")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned),
        _ => None,
    }
}

/// Notes a change made here or received, whether or not it won its fields,
/// and works out again whether its client is deleted. A deletion arriving
/// does the same for the client it names.
pub fn note_change(
    tx: &Transaction<'_>,
    table: &str,
    row_id: &str,
    row: &serde_json::Value,
    hlc: &str,
    device: &str,
) -> CoreResult<()> {
    if table == "client_deletions" {
        if let Some(client) = row.get("client_id").and_then(serde_json::Value::as_str) {
            settle(tx, client)?;
        }
        return Ok(());
    }
    let Some(client) = client_of(table, row_id, row) else {
        return Ok(());
    };
    tx.prepare_cached(
        "INSERT INTO client_change_stamps (client_id, device_id, hlc) VALUES (?1, ?2, ?3)
         ON CONFLICT (client_id, device_id) DO UPDATE SET hlc = max(hlc, excluded.hlc)",
    )
    .and_then(|mut statement| statement.execute(params![client, device, hlc]))
    .map_err(failed)?;
    let deletions: i64 = tx
        .prepare_cached("SELECT count(*) FROM client_deletions WHERE client_id = ?1")
        .and_then(|mut statement| statement.query_row([&client], |row| row.get(0)))
        .map_err(failed)?;
    if deletions > 0 {
        settle(tx, &client)?;
    }
    Ok(())
}

/// The latest change to `client`'s record from each computer, as held here.
pub fn change_stamps(conn: &Connection, client: &str) -> CoreResult<ChangeStamps> {
    let mut statement = conn
        .prepare_cached("SELECT device_id, hlc FROM client_change_stamps WHERE client_id = ?1")
        .map_err(failed)?;
    let rows = statement
        .query_map([client], |row| Ok((row.get(0)?, row.get(1)?)))
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// Works out again whether `client` is deleted.
pub fn settle(tx: &Transaction<'_>, client: &str) -> CoreResult<()> {
    let changes = change_stamps(tx, client)?;
    let deletions: Vec<ChangeStamps> = {
        let mut statement = tx
            .prepare_cached("SELECT seen FROM client_deletions WHERE client_id = ?1")
            .map_err(failed)?;
        let rows = statement
            .query_map([client], |row| row.get::<_, String>(0))
            .map_err(failed)?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(failed)?
            .iter()
            // A deletion whose stamps cannot be read saw nothing: it never
            // hides a record.
            .map(|seen| serde_json::from_str(seen).unwrap_or_default())
            .collect()
    };
    let sql = if is_deleted(&changes, &deletions) {
        "INSERT OR IGNORE INTO deleted_clients (client_id) VALUES (?1)"
    } else {
        "DELETE FROM deleted_clients WHERE client_id = ?1"
    };
    tx.prepare_cached(sql)
        .and_then(|mut statement| statement.execute([client]))
        .map_err(failed)?;
    Ok(())
}

/// Works out again every client a deletion names (after a snapshot loads).
pub fn settle_all(tx: &Transaction<'_>) -> CoreResult<()> {
    let clients: Vec<String> = {
        let mut statement = tx
            .prepare("SELECT DISTINCT client_id FROM client_deletions")
            .map_err(failed)?;
        let rows = statement.query_map([], |row| row.get(0)).map_err(failed)?;
        rows.collect::<Result<_, _>>().map_err(failed)?
    };
    for client in clients {
        settle(tx, &client)?;
    }
    Ok(())
}
