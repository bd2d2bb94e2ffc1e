//! Deleted client records: the deletions (insert-only, synced), the stamps
//! of the latest change to each record from each computer, and which
//! records are deleted now, worked out from the two by
//! `domain::client_deletions::is_deleted`.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::client_deletions::ChangeStamps;
use crate::domain::ids::{AccountId, ClientId};
use crate::error::{CoreError, CoreResult};

fn failed(e: rusqlite::Error) -> CoreError {
    CoreError::from_sql(&e, "save the deletion")
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
    let seen = serde_json::to_string(&super::client_change_stamps::change_stamps(
        tx,
        &client.to_string(),
    )?)
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
    super::client_change_stamps::settle_all(tx)
}
