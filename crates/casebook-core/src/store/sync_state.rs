//! This device's sync bookkeeping: its signing key, the bundles it has
//! written, and the changes not yet in any bundle. Local only: none of it
//! syncs.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::error::{CoreError, CoreResult};
use crate::store::change_log::{Change, NO_PREVIOUS};

/// The seed of this device's signing key, if it has one yet.
pub fn signing_key_seed(conn: &Connection) -> CoreResult<Option<[u8; 32]>> {
    let hex_seed: Option<String> = conn
        .query_row("SELECT signing_key FROM this_device", [], |row| row.get(0))
        .map_err(|e| CoreError::from_sql(&e, "read this device's sync key"))?;
    hex_seed
        .map(|text| {
            hex::decode(text)
                .ok()
                .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
                .ok_or_else(|| CoreError::internal(&"malformed device signing key"))
        })
        .transpose()
}

pub fn set_signing_key_seed(tx: &Transaction<'_>, seed: &[u8; 32]) -> CoreResult<()> {
    tx.execute(
        "UPDATE this_device SET signing_key = ?1 WHERE signing_key IS NULL",
        [hex::encode(seed)],
    )
    .map_err(|e| CoreError::from_sql(&e, "save this device's sync key"))?;
    Ok(())
}

/// The last bundle this device wrote: its sequence, hash and the last
/// change-log entry it held. `(0, NO_PREVIOUS, 0)` before the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastSent {
    pub sequence: u64,
    pub hash: String,
    pub last_change: i64,
    /// The last of this device's own audit entries sent (its `seq`).
    pub last_audit: i64,
}

pub fn last_sent(conn: &Connection) -> CoreResult<LastSent> {
    Ok(conn
        .query_row(
            "SELECT sequence, hash, last_change, last_audit FROM sync_sent_bundles ORDER BY sequence DESC LIMIT 1",
            [],
            |row| {
                Ok(LastSent {
                    sequence: row.get::<_, i64>(0)? as u64,
                    hash: row.get(1)?,
                    last_change: row.get(2)?,
                    last_audit: row.get(3)?,
                })
            },
        )
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "read what this device has sent"))?
        .unwrap_or(LastSent {
            sequence: 0,
            hash: NO_PREVIOUS.to_owned(),
            last_change: 0,
            last_audit: 0,
        }))
}

pub fn record_sent(
    tx: &Transaction<'_>,
    sent: &LastSent,
    file_name: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO sync_sent_bundles (sequence, hash, last_change, file_name, written_at, last_audit)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            i64::try_from(sent.sequence).map_err(|e| CoreError::internal(&e))?,
            sent.hash,
            sent.last_change,
            file_name,
            at.to_rfc3339(),
            sent.last_audit
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "record the sent changes"))?;
    Ok(())
}

/// This device's own changes after change-log entry `after`, oldest first,
/// at most `limit` of them.
pub fn pending_changes(
    conn: &Connection,
    device: &str,
    after: i64,
    limit: usize,
) -> CoreResult<Vec<Change>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT seq, hlc, device_id, table_name, row_id, operation, row_json, columns, author_id, author_signature FROM change_log
             WHERE seq > ?1 AND device_id = ?2 ORDER BY seq LIMIT ?3",
        )
        .map_err(|e| CoreError::from_sql(&e, "read the changes to send"))?;
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the changes to send");
    let rows = statement
        .query_map(
            params![after, device, limit as i64],
            super::change_log::change_of_row,
        )
        .map_err(failed)?;
    let mut changes = Vec::new();
    for row in rows {
        changes.push(row.map_err(failed)??);
    }
    Ok(changes)
}

/// Every bundle this device has written: its sequence, file name and when
/// it was written (RFC 3339), oldest first.
pub fn sent_bundles(conn: &Connection) -> CoreResult<Vec<(u64, String, String)>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read what this device has sent");
    let mut statement = conn
        .prepare("SELECT sequence, file_name, written_at FROM sync_sent_bundles ORDER BY sequence")
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, i64>(0)? as u64, row.get(1)?, row.get(2)?))
        })
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// This device's own audit entries after entry `after` (by `seq`), oldest
/// first, at most `limit`, as changes for a bundle: each inserts one row.
pub fn pending_audit(
    conn: &Connection,
    device: &str,
    after: i64,
    limit: usize,
) -> CoreResult<Vec<Change>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the audit trail to send");
    let mut statement = conn
        .prepare_cached(
            "SELECT seq, id, at, device_id, account_id, action, client_id, detail, previous_hash, hash, hlc
             FROM audit_log WHERE device_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )
        .map_err(failed)?;
    let mut rows = statement
        .query(params![device, after, limit as i64])
        .map_err(failed)?;
    let mut changes = Vec::new();
    while let Some(row) = rows.next().map_err(failed)? {
        let text = |index: usize| row.get::<_, Option<String>>(index);
        let at: String = row.get(2).map_err(failed)?;
        let hlc = text(10)
            .map_err(failed)?
            .unwrap_or_else(|| super::audit::stamp_of_time(&at));
        let id: String = row.get(1).map_err(failed)?;
        let entry = serde_json::json!({
            "id": id,
            "at": at,
            "device_id": text(3).map_err(failed)?,
            "account_id": text(4).map_err(failed)?,
            "action": text(5).map_err(failed)?,
            "client_id": text(6).map_err(failed)?,
            "detail": text(7).map_err(failed)?,
            "previous_hash": text(8).map_err(failed)?,
            "hash": text(9).map_err(failed)?,
            "hlc": hlc,
        });
        changes.push(Change {
            log_seq: 0,
            hlc,
            device: device.to_owned(),
            table: "audit_log".to_owned(),
            row_id: id,
            operation: "insert".to_owned(),
            row: entry,
            columns: None,
            audit_seq: Some(row.get(0).map_err(failed)?),
            // An audit entry names its account inside it and is held by its
            // device's hash chain; it is not signed by its author.
            author: None,
            author_signature: None,
        });
    }
    Ok(changes)
}

/// Where this device reaches the shared folder, if it is connected.
pub fn share_folder(conn: &Connection) -> CoreResult<Option<String>> {
    conn.query_row("SELECT share_folder FROM this_device", [], |row| row.get(0))
        .map_err(|e| CoreError::from_sql(&e, "read where the shared folder is"))
}

pub fn set_share_folder(tx: &Transaction<'_>, folder: &str) -> CoreResult<()> {
    tx.execute("UPDATE this_device SET share_folder = ?1", [folder])
        .map_err(|e| CoreError::from_sql(&e, "save where the shared folder is"))?;
    Ok(())
}

/// How many of this device's changes are not in any bundle yet, as a
/// person counts them: one for each thing they did (a RAG review and the
/// version kept beside it share one clock stamp, and count once).
pub fn waiting_changes(conn: &Connection, device: &str) -> CoreResult<u64> {
    let after = last_sent(conn)?.last_change;
    let count: i64 = conn
        .query_row(
            "SELECT count(DISTINCT hlc) FROM change_log WHERE seq > ?1 AND device_id = ?2",
            params![after, device],
            |row| row.get(0),
        )
        .map_err(|e| CoreError::from_sql(&e, "read the changes to send"))?;
    Ok(u64::try_from(count).unwrap_or(0))
}

/// Gives this computer a new device id and forgets what it sent under the
/// old one: a copied unit becomes a device of its own.
pub fn become_new_device(tx: &Transaction<'_>, device: &str) -> CoreResult<()> {
    let what = "register this computer as a new device";
    tx.execute_batch("DELETE FROM sync_sent_bundles;")
        .map_err(|e| CoreError::from_sql(&e, what))?;
    tx.execute(
        "UPDATE this_device SET id = ?1, signing_key = NULL",
        [device],
    )
    .map_err(|e| CoreError::from_sql(&e, what))?;
    Ok(())
}
