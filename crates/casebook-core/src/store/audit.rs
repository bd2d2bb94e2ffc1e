//! The audit trail table: appending an entry (in the caller's transaction,
//! so the record of an action commits with the action) and reading the whole
//! trail for checking.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::audit::{AuditAction, AuditEntry, GENESIS_HASH, entry_hash};
use crate::domain::ids::{AccountId, ClientId, DeviceId};
use crate::error::{CoreError, CoreResult};

/// What a caller says about an action; the store adds the links.
#[derive(Debug, Clone)]
pub struct AuditRecord<'a> {
    pub id: uuid::Uuid,
    pub at: chrono::DateTime<chrono::Utc>,
    pub device: DeviceId,
    pub account: Option<AccountId>,
    pub action: AuditAction,
    pub client: Option<ClientId>,
    pub detail: &'a serde_json::Value,
}

pub fn append(tx: &Transaction<'_>, record: &AuditRecord<'_>) -> CoreResult<()> {
    let device = record.device.to_string();
    let previous_hash: Option<String> = tx
        .query_row(
            "SELECT hash FROM audit_log WHERE device_id = ?1 ORDER BY seq DESC LIMIT 1",
            [&device],
            |row| row.get(0),
        )
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "record the action in the audit trail"))?;
    let mut entry = AuditEntry {
        seq: 0,
        id: record.id.to_string(),
        at: record
            .at
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        device_id: device,
        account_id: record.account.map(|a| a.to_string()),
        action: record.action.as_str().to_owned(),
        client_id: record.client.map(|c| c.to_string()),
        detail: record.detail.to_string(),
        previous_hash: previous_hash.unwrap_or_else(|| GENESIS_HASH.to_owned()),
        hash: String::new(),
    };
    entry.hash = entry_hash(&entry);
    tx.execute(
        "INSERT INTO audit_log (id, at, device_id, account_id, action, client_id, detail, previous_hash, hash, hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            entry.id,
            entry.at,
            entry.device_id,
            entry.account_id,
            entry.action,
            entry.client_id,
            entry.detail,
            entry.previous_hash,
            entry.hash,
            stamp_of_time(&entry.at)
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "record the action in the audit trail"))?;
    Ok(())
}

/// The clock stamp an audit entry travels with: its time, to the
/// millisecond. Entries are only inserted, so the stamp never decides
/// between two versions; it only moves the receiver's clock on.
pub fn stamp_of_time(at: &str) -> String {
    let millis = chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| u64::try_from(t.timestamp_millis()).unwrap_or(0))
        .unwrap_or(0);
    crate::clock::HlcStamp { millis, counter: 0 }.encode()
}

/// Reads the ten audit columns, in table order, from the start of a row.
fn entry_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: row.get(0)?,
        id: row.get(1)?,
        at: row.get(2)?,
        device_id: row.get(3)?,
        account_id: row.get(4)?,
        action: row.get(5)?,
        client_id: row.get(6)?,
        detail: row.get(7)?,
        previous_hash: row.get(8)?,
        hash: row.get(9)?,
    })
}

/// Every entry, oldest first.
pub fn all(conn: &Connection) -> CoreResult<Vec<AuditEntry>> {
    let mut statement = conn
        .prepare(
            "SELECT seq, id, at, device_id, account_id, action, client_id, detail, previous_hash, hash
             FROM audit_log ORDER BY seq",
        )
        .map_err(|e| CoreError::from_sql(&e, "read the audit trail"))?;
    let rows = statement
        .query_map([], entry_from_row)
        .map_err(|e| CoreError::from_sql(&e, "read the audit trail"))?;
    rows.collect::<Result<Vec<_>, _>>()
        .map_err(|e| CoreError::from_sql(&e, "read the audit trail"))
}

/// An entry with the full name of who did it, for people to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditView {
    pub entry: AuditEntry,
    pub who: Option<String>,
    /// "Family, Given" of the client the entry is about, if any.
    pub client_name: Option<String>,
}

/// Which of the entries a filter selects to read, newest first: a page of
/// the trail, or all of it for an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditWindow {
    pub skip: usize,
    pub take: usize,
}

impl AuditWindow {
    pub const ALL: AuditWindow = AuditWindow {
        skip: 0,
        take: usize::MAX,
    };
}

/// The condition a filter puts on `audit_log a`, over parameters ?1 to ?5.
const FILTER_CONDITION: &str = "(?1 IS NULL OR a.account_id = ?1)
               AND (?2 IS NULL OR a.action = ?2)
               AND (?3 IS NULL OR a.at >= ?3)
               AND (?4 IS NULL OR a.at < ?4)
               AND (?5 IS NULL OR a.client_id = ?5)";

/// A filter as the five parameters of `FILTER_CONDITION`.
fn filter_parameters(filter: &crate::domain::audit::AuditFilter) -> [Option<String>; 5] {
    [
        filter.account.map(|a| a.to_string()),
        filter.action.map(|a| a.as_str().to_owned()),
        filter.from.map(|d| d.format("%Y-%m-%d").to_string()),
        filter
            .to
            .and_then(|d| d.succ_opt())
            .map(|d| d.format("%Y-%m-%d").to_string()),
        filter.client.map(|c| c.to_string()),
    ]
}

/// How many entries a filter selects.
pub fn count(conn: &Connection, filter: &crate::domain::audit::AuditFilter) -> CoreResult<usize> {
    let [account, action, from, before, client] = filter_parameters(filter);
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM audit_log a WHERE {FILTER_CONDITION}"
        ))
        .and_then(|mut statement| {
            statement.query_row(params![account, action, from, before, client], |row| {
                row.get(0)
            })
        })
        .map_err(|e| CoreError::from_sql(&e, "count the audit trail"))?;
    Ok(usize::try_from(total).unwrap_or(0))
}

/// The entries a filter selects, newest first, in `window`.
pub fn filtered(
    conn: &Connection,
    filter: &crate::domain::audit::AuditFilter,
    window: AuditWindow,
) -> CoreResult<Vec<AuditView>> {
    let [account, action, from, before, client] = filter_parameters(filter);
    let take = i64::try_from(window.take).unwrap_or(i64::MAX);
    let skip = i64::try_from(window.skip).unwrap_or(i64::MAX);
    let mut statement = conn
        .prepare_cached(&format!(
            "SELECT a.seq, a.id, a.at, a.device_id, a.account_id, a.action, a.client_id, a.detail, a.previous_hash,
                    a.hash, accounts.full_name, clients.family_name || ', ' || clients.given_name
             FROM audit_log a
             LEFT JOIN accounts ON accounts.id = a.account_id
             LEFT JOIN clients ON clients.id = a.client_id
             WHERE {FILTER_CONDITION}
             ORDER BY a.seq DESC
             LIMIT ?6 OFFSET ?7"
        ))
        .map_err(|e| CoreError::from_sql(&e, "read the audit trail"))?;
    let rows = statement
        .query_map(
            params![account, action, from, before, client, take, skip],
            |row| {
                Ok(AuditView {
                    entry: entry_from_row(row)?,
                    who: row.get(10)?,
                    client_name: row.get(11)?,
                })
            },
        )
        .map_err(|e| CoreError::from_sql(&e, "read the audit trail"))?;
    rows.collect::<Result<Vec<_>, _>>()
        .map_err(|e| CoreError::from_sql(&e, "read the audit trail"))
}
