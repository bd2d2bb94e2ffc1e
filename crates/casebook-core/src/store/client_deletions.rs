//! Deleted client records: the deletions (insert-only, synced), the stamps
//! of the latest change to each record from each computer, and which
//! records are deleted now, worked out from the two by
//! `domain::client_deletions::is_deleted`.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::client_deletions::{ChangeStamps, is_deleted};
use crate::domain::ids::{AccountId, ClientId};
use crate::error::{CoreError, CoreResult};

fn failed(e: rusqlite::Error) -> CoreError {
    CoreError::from_sql(&e, "save the deletion")
}

/// The client a change to a synced row belongs to, if it belongs to one:
/// as the change log gave it, so every computer counts it the same.
fn client_of(table: &str, row_id: &str, row: &serde_json::Value) -> Option<String> {
    match table {
        "clients" | "client_profiles" => Some(row_id.to_owned()),
        _ if super::client_merges::CLIENT_TABLES.contains(&table) => row
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

/// Records a deletion of `client` that has seen every change to it held
/// here, and hides the record.
pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    client: ClientId,
    deleted_by: AccountId,
    reason: &str,
) -> CoreResult<()> {
    let id = id.to_string();
    let seen = serde_json::to_string(&change_stamps(tx, &client.to_string())?)
        .map_err(|e| CoreError::internal(&e))?;
    tx.execute(
        "INSERT INTO client_deletions (id, client_id, reason, seen, deleted_by, deleted_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            client.to_string(),
            reason,
            seen,
            deleted_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(failed)?;
    change_log::append(tx, stamp, "client_deletions", &id, Operation::Insert)
}

/// Whether `client` is deleted now.
pub fn is_client_deleted(conn: &Connection, client: ClientId) -> CoreResult<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM deleted_clients WHERE client_id = ?1",
            [client.to_string()],
            |_| Ok(()),
        )
        .optional()
        .map_err(failed)?
        .is_some())
}

/// Every client's change stamps, for a snapshot: client → computer → stamp.
pub fn every_change_stamp(
    conn: &Connection,
) -> CoreResult<std::collections::BTreeMap<String, ChangeStamps>> {
    let mut statement = conn
        .prepare("SELECT client_id, device_id, hlc FROM client_change_stamps")
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .map_err(failed)?;
    let mut found: std::collections::BTreeMap<String, ChangeStamps> = Default::default();
    for row in rows {
        let (client, device, hlc) = row.map_err(failed)?;
        found.entry(client).or_default().insert(device, hlc);
    }
    Ok(found)
}

/// Loads a snapshot's change stamps (taking the later of any held).
pub fn load_change_stamps(
    tx: &Transaction<'_>,
    stamps: &std::collections::BTreeMap<String, ChangeStamps>,
) -> CoreResult<()> {
    for (client, by_device) in stamps {
        for (device, hlc) in by_device {
            tx.prepare_cached(
                "INSERT INTO client_change_stamps (client_id, device_id, hlc) VALUES (?1, ?2, ?3)
                 ON CONFLICT (client_id, device_id) DO UPDATE SET hlc = max(hlc, excluded.hlc)",
            )
            .and_then(|mut statement| statement.execute(params![client, device, hlc]))
            .map_err(failed)?;
        }
    }
    settle_all(tx)
}
