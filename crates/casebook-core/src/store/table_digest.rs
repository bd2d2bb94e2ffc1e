//! A fingerprint of every table in the unit database: how many rows each
//! holds and a hash of their contents. Read-only; tests take one before
//! and after an action to show that it changed nothing.

use std::collections::BTreeMap;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::error::{CoreError, CoreResult};

/// One table's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDigest {
    pub rows: u64,
    /// SHA-256, in hex, over every row's values in rowid order (tables
    /// without a rowid in key order).
    pub contents: String,
}

/// Every table's fingerprint, by table name.
pub fn table_digests(conn: &Connection) -> CoreResult<BTreeMap<String, TableDigest>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the unit's tables");
    let mut names = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .map_err(failed)?;
    let tables = names
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(failed)?
        .collect::<Result<Vec<String>, _>>()
        .map_err(failed)?;
    let mut digests = BTreeMap::new();
    for table in tables {
        let quoted = table.replace('"', "\"\"");
        // Every row in a stable order: the rowid where there is one, else
        // the values themselves.
        let sql = match conn.prepare(&format!("SELECT * FROM \"{quoted}\" ORDER BY rowid")) {
            Ok(statement) => statement,
            Err(_) => conn
                .prepare(&format!("SELECT * FROM \"{quoted}\" ORDER BY 1, 2"))
                .or_else(|_| conn.prepare(&format!("SELECT * FROM \"{quoted}\" ORDER BY 1")))
                .map_err(failed)?,
        };
        let mut statement = sql;
        let columns = statement.column_count();
        let mut rows = statement.query([]).map_err(failed)?;
        let mut hasher = Sha256::new();
        let mut count = 0u64;
        while let Some(row) = rows.next().map_err(failed)? {
            count += 1;
            for index in 0..columns {
                let value = row.get_ref(index).map_err(failed)?;
                let text = super::change_log::json_value(value).to_string();
                hasher.update(text.len().to_le_bytes());
                hasher.update(text.as_bytes());
            }
        }
        digests.insert(
            table,
            TableDigest {
                rows: count,
                contents: hex::encode(hasher.finalize()),
            },
        );
    }
    Ok(digests)
}
