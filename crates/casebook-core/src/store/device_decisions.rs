//! Decisions about which computers may send changes, insert-only; and
//! each computer's key as pinned here when its changes were first taken.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::computers::{Decision, DeviceDecision};
use crate::domain::ids::AccountId;
use crate::error::{CoreError, CoreResult};

#[allow(clippy::too_many_arguments)]
pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    device: &str,
    decision: Decision,
    public_key: &str,
    reason: Option<&str>,
    decided_by: AccountId,
) -> CoreResult<()> {
    let id = id.to_string();
    tx.execute(
        "INSERT INTO device_decisions (id, device, decision, public_key, reason, decided_by, decided_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            device,
            decision.as_str(),
            public_key,
            reason,
            decided_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the decision"))?;
    change_log::append(tx, stamp, "device_decisions", &id, Operation::Insert)
}

/// Every public key whose computer's access was withdrawn, under any
/// device id: withdrawal is by key, so a withdrawn computer cannot come
/// back under a new id with its old key.
pub fn withdrawn_keys(conn: &Connection) -> CoreResult<Vec<String>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the unit's computers");
    let mut statement = conn
        .prepare_cached(
            "SELECT DISTINCT lower(public_key) FROM device_decisions WHERE decision = 'withdrawn'",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// The key a computer's changes were first taken with here, if any.
pub fn pinned_key(conn: &Connection, device: &str) -> CoreResult<Option<String>> {
    conn.query_row(
        "SELECT public_key FROM sync_pinned_keys WHERE device_id = ?1",
        [device],
        |row| row.get(0),
    )
    .optional()
    .map_err(|e| CoreError::from_sql(&e, "read the unit's computers"))
}

/// Pins a computer's key the first time its changes are taken here; a
/// key already pinned stays.
pub fn pin_key(conn: &Connection, device: &str, public_key: &str, at: &str) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO sync_pinned_keys (device_id, public_key, pinned_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (device_id) DO NOTHING",
        [device, public_key, at],
    )
    .map_err(|e| CoreError::from_sql(&e, "record the unit's computers"))?;
    Ok(())
}

/// Every decision about one computer, with who made it, oldest first.
pub fn about(conn: &Connection, device: &str) -> CoreResult<Vec<DeviceDecision>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the unit's computers");
    let mut statement = conn
        .prepare_cached(
            "SELECT d.decision, d.public_key, d.reason, a.full_name, d.decided_at
             FROM device_decisions d LEFT JOIN accounts a ON a.id = d.decided_by
             WHERE d.device = ?1 ORDER BY d.hlc",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([device], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, String>(4)?,
            ))
        })
        .map_err(failed)?;
    let mut found = Vec::new();
    for row in rows {
        let (decision, public_key, reason, decided_by, decided_at) = row.map_err(failed)?;
        let decision = Decision::parse(&decision)
            .ok_or_else(|| CoreError::internal(&"malformed device decision"))?;
        found.push(DeviceDecision {
            decision,
            public_key,
            reason,
            decided_by,
            decided_at,
        });
    }
    Ok(found)
}
