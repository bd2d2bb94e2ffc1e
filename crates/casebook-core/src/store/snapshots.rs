//! Every synced row at once, for a snapshot, and loading a snapshot's rows
//! into a joining device's empty database.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::change_log::{json_value, set_field_stamp};
use super::sync_apply::apply_change;
use super::tables::{AUDIT_LOG, key_column, synced_table_names};
use crate::error::{CoreError, CoreResult};
use crate::store::change_log::Change;

/// One row as a snapshot holds it: the row whole, and the stamps of the
/// fields updates have changed (so that changes after the snapshot merge
/// field by field exactly as on the device that wrote it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotRow {
    pub table: String,
    pub row_id: String,
    pub row: serde_json::Value,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stamps: BTreeMap<String, (String, String)>,
}

/// Every row of every synced table, parents before children.
pub fn every_synced_row(conn: &Connection) -> CoreResult<Vec<SnapshotRow>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "write a snapshot");
    let mut stamps: HashMap<(String, String), BTreeMap<String, (String, String)>> = HashMap::new();
    {
        let mut statement = conn
            .prepare("SELECT table_name, row_id, column_name, hlc, device_id FROM field_stamps")
            .map_err(failed)?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                ))
            })
            .map_err(failed)?;
        for row in rows {
            let (table, row_id, column, hlc, device) = row.map_err(failed)?;
            stamps
                .entry((table, row_id))
                .or_default()
                .insert(column, (hlc, device));
        }
    }
    let mut logged: HashMap<(String, String), Vec<(String, String)>> = HashMap::new();
    {
        let mut statement = conn
            .prepare(
                "SELECT table_name, row_id, column_name, logged_value FROM merge_logged_values",
            )
            .map_err(failed)?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    (row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                    (row.get::<_, String>(2)?, row.get::<_, String>(3)?),
                ))
            })
            .map_err(failed)?;
        for row in rows {
            let (key, value) = row.map_err(failed)?;
            logged.entry(key).or_default().push(value);
        }
    }
    let mut found = Vec::new();
    // The audit trail comes last and in its own order (each device's chain
    // must be loaded in the order it was written), without its local `seq`.
    for table in synced_table_names().chain([AUDIT_LOG.name]) {
        let key = key_column(table)
            .ok_or_else(|| CoreError::internal(&"a synced table without a key"))?;
        let sql = if table == "audit_log" {
            "SELECT id, at, device_id, account_id, action, client_id, detail, previous_hash, hash,
                    coalesce(hlc, '') AS hlc
             FROM audit_log ORDER BY seq"
                .to_owned()
        } else {
            format!("SELECT * FROM {table} ORDER BY {key}")
        };
        let mut statement = conn.prepare(&sql).map_err(failed)?;
        let names: Vec<String> = statement
            .column_names()
            .iter()
            .map(|n| (*n).to_owned())
            .collect();
        let key_index = names
            .iter()
            .position(|n| n == key)
            .ok_or_else(|| CoreError::internal(&"a synced table without its key column"))?;
        let mut rows = statement.query([]).map_err(failed)?;
        while let Some(row) = rows.next().map_err(failed)? {
            let mut object = serde_json::Map::new();
            for (index, name) in names.iter().enumerate() {
                object.insert(
                    name.clone(),
                    json_value(row.get_ref(index).map_err(failed)?),
                );
            }
            let row_id: String = row.get(key_index).map_err(failed)?;
            // As the change log gave them: the joining computer works out
            // where merges move them for itself (`follow_every_merge`).
            for (column, value) in logged
                .remove(&(table.to_owned(), row_id.clone()))
                .unwrap_or_default()
            {
                object.insert(column, serde_json::Value::String(value));
            }
            found.push(SnapshotRow {
                table: table.to_owned(),
                stamps: stamps
                    .remove(&(table.to_owned(), row_id.clone()))
                    .unwrap_or_default(),
                row_id,
                row: serde_json::Value::Object(object),
            });
        }
    }
    // Each client's change stamps, so that a deletion arriving after the
    // snapshot is weighed against every change, not only those that won.
    for (client, stamps) in super::client_deletions::every_change_stamp(conn)? {
        found.push(SnapshotRow {
            table: CHANGE_STAMPS.to_owned(),
            row_id: client,
            row: serde_json::to_value(stamps).map_err(|e| CoreError::internal(&e))?,
            stamps: BTreeMap::new(),
        });
    }
    Ok(found)
}

/// The table name a snapshot gives the change stamps of each client.
const CHANGE_STAMPS: &str = "client_change_stamps";

/// Loads a snapshot's rows into an empty database, in the caller's
/// transaction (with foreign keys checked when it commits).
pub fn load_rows(tx: &Transaction<'_>, rows: &[SnapshotRow]) -> CoreResult<()> {
    let damaged =
        || CoreError::invalid("A snapshot on the shared folder is damaged. It was set aside.");
    let mut change_stamps = BTreeMap::new();
    for snapshot_row in rows {
        if snapshot_row.table == CHANGE_STAMPS {
            let stamps: BTreeMap<String, String> =
                serde_json::from_value(snapshot_row.row.clone()).map_err(|_| damaged())?;
            change_stamps.insert(snapshot_row.row_id.clone(), stamps);
            continue;
        }
        let text = |name: &str| {
            snapshot_row
                .row
                .get(name)
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
                .ok_or_else(damaged)
        };
        let change = Change {
            log_seq: 0,
            hlc: text("hlc")?,
            device: text("device_id")?,
            table: snapshot_row.table.clone(),
            row_id: snapshot_row.row_id.clone(),
            operation: "insert".to_owned(),
            row: snapshot_row.row.clone(),
            columns: None,
            audit_seq: None,
            author: None,
            author_signature: None,
        };
        apply_change(tx, &change)?;
        for (column, (hlc, device)) in &snapshot_row.stamps {
            set_field_stamp(
                tx,
                &snapshot_row.table,
                &snapshot_row.row_id,
                column,
                hlc,
                device,
            )?;
        }
    }
    super::client_deletions::load_change_stamps(tx, &change_stamps)?;
    // The rows hold the values the change log gave; where merges move them
    // is worked out here, as on the computer that wrote the snapshot.
    super::client_merges::follow_every_merge(tx)
}
