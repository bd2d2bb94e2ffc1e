//! The change log: every change to a synced row, in the order it was made,
//! appended in the same transaction as the change itself.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::tables::key_column;
use crate::clock::{HlcStamp, HybridLogicalClock};
use crate::domain::ids::DeviceId;
use crate::error::{CoreError, CoreResult};

/// Who and when, for one write: the device and the clock stamp that every
/// row written in the transaction carries.
#[derive(Debug, Clone, Copy)]
pub struct WriteStamp {
    pub hlc: HlcStamp,
    pub device: DeviceId,
    pub at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Insert,
    Update,
    Delete,
}

impl Operation {
    fn as_str(self) -> &'static str {
        match self {
            Operation::Insert => "insert",
            Operation::Update => "update",
            Operation::Delete => "delete",
        }
    }
}

/// Records the insert (or delete) of one row: the row as it now is, whole,
/// read back from its table in the same transaction, so what other devices
/// receive is exactly what this one holds (a field can never be left out by
/// mistake). Updates go through [`before_update`] instead, which also
/// records which fields changed.
pub fn append(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    table: &str,
    row_id: &str,
    operation: Operation,
) -> CoreResult<()> {
    if operation == Operation::Update {
        return Err(CoreError::internal(
            &"an update logged without its row before",
        ));
    }
    let row = whole_row(tx, table, row_id)?
        .ok_or_else(|| CoreError::internal(&"a change to a row that is not there"))?;
    insert_entry(tx, stamp, table, row_id, operation, &row, None)
}

/// A row as it was before an update, taken just before the update runs;
/// [`RowBefore::append`] then logs the update with the fields it changed.
#[derive(Debug)]
pub struct RowBefore {
    table: &'static str,
    row_id: String,
    image: Option<serde_json::Value>,
}

pub fn before_update(
    tx: &Transaction<'_>,
    table: &'static str,
    row_id: &str,
) -> CoreResult<RowBefore> {
    Ok(RowBefore {
        table,
        row_id: row_id.to_owned(),
        image: whole_row(tx, table, row_id)?,
    })
}

impl RowBefore {
    /// Logs the update: the whole row as it now is, the fields that differ
    /// from before, and those fields' new stamps. An upsert that found no
    /// row is logged as an update of every field: rows named by what they
    /// belong to (a client's profile, a unit setting) can be written first
    /// on two computers apart, and each field must then merge by its stamp
    /// rather than one computer's row being passed over as "held already".
    pub fn append(self, tx: &Transaction<'_>, stamp: WriteStamp) -> CoreResult<()> {
        let after = whole_row(tx, self.table, &self.row_id)?
            .ok_or_else(|| CoreError::internal(&"a change to a row that is not there"))?;
        let key = key_column(self.table);
        let changed: Vec<String> = after
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(name, value)| {
                !is_bookkeeping(name)
                    && Some(name.as_str()) != key
                    && self
                        .image
                        .as_ref()
                        .is_none_or(|before| before.get(name.as_str()) != Some(*value))
            })
            .map(|(name, _)| name.clone())
            .collect();
        for column in &changed {
            set_field_stamp(
                tx,
                self.table,
                &self.row_id,
                column,
                &stamp.hlc.encode(),
                &stamp.device.to_string(),
            )?;
        }
        insert_entry(
            tx,
            stamp,
            self.table,
            &self.row_id,
            Operation::Update,
            &after,
            Some(&changed),
        )
    }
}

/// The columns every synced row carries to say who wrote it last: not
/// fields of the record.
pub fn is_bookkeeping(column: &str) -> bool {
    column == "hlc" || column == "device_id"
}

/// Records that `column` of a row was last changed at `hlc` on `device`.
pub fn set_field_stamp(
    tx: &Transaction<'_>,
    table: &str,
    row_id: &str,
    column: &str,
    hlc: &str,
    device: &str,
) -> CoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO field_stamps (table_name, row_id, column_name, hlc, device_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id",
    )
    .and_then(|mut statement| statement.execute(params![table, row_id, column, hlc, device]))
    .map_err(|e| CoreError::from_sql(&e, "save the change"))?;
    Ok(())
}

/// The stamp of every field of a row that an update has changed.
pub fn field_stamps(
    tx: &Transaction<'_>,
    table: &str,
    row_id: &str,
) -> CoreResult<std::collections::HashMap<String, (String, String)>> {
    let mut statement = tx
        .prepare_cached(
            "SELECT column_name, hlc, device_id FROM field_stamps WHERE table_name = ?1 AND row_id = ?2",
        )
        .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
    let rows = statement
        .query_map(params![table, row_id], |row| {
            Ok((row.get::<_, String>(0)?, (row.get(1)?, row.get(2)?)))
        })
        .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
    rows.collect::<Result<_, _>>()
        .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))
}

fn insert_entry(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    table: &str,
    row_id: &str,
    operation: Operation,
    row: &serde_json::Value,
    columns: Option<&[String]>,
) -> CoreResult<()> {
    let columns = columns
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| CoreError::internal(&e))?;
    tx.prepare_cached(
        "INSERT INTO change_log (hlc, device_id, table_name, row_id, operation, row_json, columns)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .and_then(|mut statement| {
        statement.execute(params![
            stamp.hlc.encode(),
            stamp.device.to_string(),
            table,
            row_id,
            operation.as_str(),
            row.to_string(),
            columns
        ])
    })
    .map_err(|e| CoreError::from_sql(&e, "save the change"))?;
    // Every change to a client's record counts against a deletion of it.
    super::client_change_stamps::note_change(
        tx,
        table,
        row_id,
        row,
        &stamp.hlc.encode(),
        &stamp.device.to_string(),
    )?;
    Ok(())
}

/// One row as a JSON object of its columns, or `None` when there is none.
fn whole_row(
    tx: &Transaction<'_>,
    table: &str,
    row_id: &str,
) -> CoreResult<Option<serde_json::Value>> {
    let key = key_column(table)
        .ok_or_else(|| CoreError::internal(&"change to a table that does not sync"))?;
    let mut statement = tx
        .prepare_cached(&format!("SELECT * FROM {table} WHERE {key} = ?1"))
        .map_err(|e| CoreError::from_sql(&e, "save the change"))?;
    let names: Vec<String> = statement
        .column_names()
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    let found = statement
        .query_row([row_id], |row| {
            let mut object = serde_json::Map::new();
            for (index, name) in names.iter().enumerate() {
                object.insert(name.clone(), json_value(row.get_ref(index)?));
            }
            Ok(object)
        })
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "save the change"))?;
    let Some(mut object) = found else {
        return Ok(None);
    };
    // A field that shows where a merge moved it is logged as the change log
    // gave it, so that others work the move out for themselves.
    for (column, logged) in logged_values(tx, table, row_id)? {
        object.insert(column, serde_json::Value::String(logged));
    }
    Ok(Some(serde_json::Value::Object(object)))
}

pub(crate) fn json_value(value: rusqlite::types::ValueRef<'_>) -> serde_json::Value {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(n) => serde_json::json!(n),
        ValueRef::Real(x) => serde_json::json!(x),
        ValueRef::Text(text) => serde_json::json!(String::from_utf8_lossy(text)),
        ValueRef::Blob(bytes) => serde_json::json!(hex::encode(bytes)),
    }
}

/// The clock resumed from the highest stamp this device has made or
/// received, so stamps keep increasing across restarts and an edit made
/// after reading another device's change is stamped after it.
pub fn resume_clock(conn: &rusqlite::Connection) -> CoreResult<HybridLogicalClock> {
    let (made, received): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT (SELECT max(hlc) FROM change_log), (SELECT observed_hlc FROM this_device)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .map_err(|e| CoreError::from_sql(&e, "read the unit"))?;
    let last = [made, received]
        .iter()
        .flatten()
        .filter_map(|text| HlcStamp::decode(text))
        .max()
        .unwrap_or_default();
    Ok(HybridLogicalClock::resume_after(last))
}

/// Records the latest stamp received from another device (only ever moves
/// forward), in the transaction that applies it.
pub fn record_observed(tx: &Transaction<'_>, stamp: HlcStamp) -> CoreResult<()> {
    tx.execute(
        "UPDATE this_device SET observed_hlc = ?1 WHERE observed_hlc IS NULL OR observed_hlc < ?1",
        [stamp.encode()],
    )
    .map_err(|e| CoreError::from_sql(&e, "apply the received changes"))?;
    Ok(())
}

/// One change as the change log holds it, and as a bundle carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Its place in the writing device's own change log: lets the writer
    /// find where a bundle it wrote (and perhaps failed to record) ended.
    pub log_seq: i64,
    pub hlc: String,
    pub device: String,
    pub table: String,
    pub row_id: String,
    pub operation: String,
    pub row: serde_json::Value,
    /// For an update, the fields it changed (format 1.1); absent for an
    /// insert, and in bundles of format 1.0, where every field counts as
    /// changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    /// For an audit entry, its place in the writer's own audit trail (as
    /// `log_seq` is for the change log), so the writer knows how far its
    /// trail was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_seq: Option<i64>,
    /// The account that made the change (format 1.2); absent in older
    /// bundles and for changes made before changes named their authors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The author's Ed25519 signature over the change
    /// (`unit::authorship::signed_bytes`), in hex (format 1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_signature: Option<String>,
}

/// The hash the first bundle of a device names as its previous one.
pub const NO_PREVIOUS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Every change after `after_seq`, of every device, oldest first.
pub fn changes_since(conn: &rusqlite::Connection, after_seq: i64) -> CoreResult<Vec<Change>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the change log");
    let mut statement = conn
        .prepare(&format!(
            "SELECT {CHANGE_COLUMNS} FROM change_log WHERE seq > ?1 ORDER BY seq"
        ))
        .map_err(failed)?;
    let rows = statement
        .query_map([after_seq], change_of_row)
        .map_err(failed)?;
    let mut changes = Vec::new();
    for row in rows {
        changes.push(row.map_err(failed)??);
    }
    Ok(changes)
}

/// The columns `change_of_row` reads, in its order.
pub(crate) const CHANGE_COLUMNS: &str = "seq, hlc, device_id, table_name, row_id, operation, row_json, columns, author_id, author_signature";

/// A change from a row of `CHANGE_COLUMNS`.
pub(crate) fn change_of_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<CoreResult<Change>> {
    let (row_json, columns): (String, Option<String>) = (row.get(6)?, row.get(7)?);
    let author: Option<String> = row.get(8)?;
    let author_signature: Option<String> = row.get(9)?;
    let (log_seq, hlc, device, table, row_id, operation) = (
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    );
    // The JSON was written by this device's own change log; a fault in it
    // is the store's, reported as such.
    let parsed = || -> CoreResult<Change> {
        Ok(Change {
            log_seq,
            hlc,
            device,
            table,
            row_id,
            operation,
            row: serde_json::from_str(&row_json).map_err(|e| CoreError::internal(&e))?,
            columns: columns
                .map(|c| serde_json::from_str(&c))
                .transpose()
                .map_err(|e| CoreError::internal(&e))?,
            audit_seq: None,
            // A change from before changes named their authors is marked
            // with an empty author here, and named by nobody in a bundle.
            author: author.filter(|author| !author.is_empty()),
            author_signature,
        })
    };
    Ok(parsed())
}

/// The changes of the transaction `tx` is in that name no author yet, in
/// the order they were made.
pub fn changes_without_author(tx: &Transaction<'_>) -> CoreResult<Vec<Change>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the change log");
    let mut statement = tx
        .prepare_cached(&format!(
            "SELECT {CHANGE_COLUMNS} FROM change_log WHERE author_id IS NULL ORDER BY seq"
        ))
        .map_err(failed)?;
    let rows = statement.query_map([], change_of_row).map_err(failed)?;
    let mut changes = Vec::new();
    for row in rows {
        changes.push(row.map_err(failed)??);
    }
    Ok(changes)
}

/// Whether any change names no author yet.
pub fn has_changes_without_author(conn: &rusqlite::Connection) -> CoreResult<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM change_log WHERE author_id IS NULL)")
        .and_then(|mut statement| statement.query_row([], |row| row.get(0)))
        .map_err(|e| CoreError::from_sql(&e, "read the change log"))
}

/// Names the author of the change at `log_seq`, with their signature in
/// hex (`None` when the author has no keys to sign with yet).
pub fn set_author(
    tx: &Transaction<'_>,
    log_seq: i64,
    author: &str,
    signature: Option<&str>,
) -> CoreResult<()> {
    tx.prepare_cached("UPDATE change_log SET author_id = ?2, author_signature = ?3 WHERE seq = ?1")
        .and_then(|mut statement| statement.execute(params![log_seq, author, signature]))
        .map_err(|e| CoreError::from_sql(&e, "save the change"))?;
    Ok(())
}

/// The values the change log gave the fields of one row that following
/// merges shows otherwise: what this computer logs and sends for the row.
pub fn logged_values(
    tx: &Transaction<'_>,
    table: &str,
    row_id: &str,
) -> CoreResult<Vec<(String, String)>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "save the change");
    let mut statement = tx
        .prepare_cached(
            "SELECT column_name, logged_value FROM merge_logged_values
             WHERE table_name = ?1 AND row_id = ?2",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map(params![table, row_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}
