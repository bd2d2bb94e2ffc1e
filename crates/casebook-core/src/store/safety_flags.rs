//! Safety flags.

use crate::domain::dates::parse_day;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::ids::{AccountId, ClientId, SafetyFlagId};
use crate::domain::safety_flags::{MappaDetails, NewSafetyFlag, SafetyFlagKind};
use crate::error::{CoreError, CoreResult};

/// A flag as stored, with people's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyFlag {
    pub id: SafetyFlagId,
    pub client: ClientId,
    pub kind: SafetyFlagKind,
    pub mappa: Option<MappaDetails>,
    pub note: String,
    pub review_by: chrono::NaiveDate,
    pub raised_by: Option<String>,
    pub raised_at: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    pub ended_by: Option<String>,
    pub ended_at: Option<String>,
    pub end_reason: Option<String>,
}

impl SafetyFlag {
    pub fn is_active(&self) -> bool {
        self.ended_at.is_none()
    }
}

const SELECT: &str = "SELECT f.id, f.client_id, f.kind, f.mappa_category, f.mappa_level, f.note, f.review_by,
        raiser.full_name, f.raised_at, reviewer.full_name, f.reviewed_at, ender.full_name, f.ended_at, f.end_reason
     FROM safety_flags f
     LEFT JOIN accounts raiser ON raiser.id = f.raised_by
     LEFT JOIN accounts reviewer ON reviewer.id = f.reviewed_by
     LEFT JOIN accounts ender ON ender.id = f.ended_by";

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: SafetyFlagId,
    client: ClientId,
    raised_by: AccountId,
    flag: &NewSafetyFlag,
) -> CoreResult<()> {
    let review_by = flag.review_by.format("%Y-%m-%d").to_string();
    tx.execute(
        "INSERT INTO safety_flags (id, client_id, kind, mappa_category, mappa_level, note, review_by,
                                   raised_by, raised_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            id.to_string(),
            client.to_string(),
            flag.kind.as_str(),
            flag.mappa.map(|m| m.category),
            flag.mappa.map(|m| m.level),
            flag.note,
            review_by,
            raised_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the safety flag"))?;
    change_log::append(
        tx,
        stamp,
        "safety_flags",
        &id.to_string(),
        Operation::Insert,
    )
}

/// A review: a new note and the next review date.
pub fn review(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: SafetyFlagId,
    reviewer: AccountId,
    note: &str,
    review_by: chrono::NaiveDate,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "safety_flags", &id.to_string())?;
    let changed = tx
        .execute(
            "UPDATE safety_flags SET note = ?2, review_by = ?3, reviewed_by = ?4, reviewed_at = ?5, hlc = ?6, device_id = ?7
             WHERE id = ?1 AND ended_at IS NULL",
            params![
                id.to_string(),
                note,
                review_by.format("%Y-%m-%d").to_string(),
                reviewer.to_string(),
                stamp.at.to_rfc3339(),
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "save the review"))?;
    if changed != 1 {
        return Err(no_such_active_flag());
    }
    before.append(tx, stamp)
}

pub fn end(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: SafetyFlagId,
    ended_by: AccountId,
    reason: &str,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "safety_flags", &id.to_string())?;
    let changed = tx
        .execute(
            "UPDATE safety_flags SET ended_by = ?2, ended_at = ?3, end_reason = ?4, hlc = ?5, device_id = ?6
             WHERE id = ?1 AND ended_at IS NULL",
            params![
                id.to_string(),
                ended_by.to_string(),
                stamp.at.to_rfc3339(),
                reason,
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "end the safety flag"))?;
    if changed != 1 {
        return Err(no_such_active_flag());
    }
    before.append(tx, stamp)
}

pub fn no_such_active_flag() -> CoreError {
    CoreError::invalid(
        "That safety flag is not active any more (someone may have ended it). Refresh the page.",
    )
}

pub fn find(conn: &Connection, id: SafetyFlagId) -> CoreResult<Option<SafetyFlag>> {
    conn.query_row(
        &format!("{SELECT} WHERE f.id = ?1"),
        [id.to_string()],
        raw_row,
    )
    .optional()
    .map_err(|e| CoreError::from_sql(&e, "read the safety flag"))?
    .map(flag_from_raw)
    .transpose()
}

/// One client's flags: active first (soonest review first), then ended.
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<SafetyFlag>> {
    query_many(
        conn,
        &format!(
            "{SELECT} WHERE f.client_id = ?1
             ORDER BY f.ended_at IS NOT NULL, f.review_by, f.raised_at"
        ),
        [client.to_string()],
    )
}

/// Every active flag in the unit, soonest review first.
pub fn active(conn: &Connection) -> CoreResult<Vec<SafetyFlag>> {
    query_many(
        conn,
        &format!("{SELECT} WHERE f.ended_at IS NULL ORDER BY f.review_by, f.raised_at"),
        [],
    )
}

fn query_many(
    conn: &Connection,
    sql: &str,
    parameters: impl rusqlite::Params,
) -> CoreResult<Vec<SafetyFlag>> {
    let mut statement = conn
        .prepare_cached(sql)
        .map_err(|e| CoreError::from_sql(&e, "read safety flags"))?;
    let rows = statement
        .query_map(parameters, raw_row)
        .map_err(|e| CoreError::from_sql(&e, "read safety flags"))?;
    let mut flags = Vec::new();
    for row in rows {
        flags.push(flag_from_raw(
            row.map_err(|e| CoreError::from_sql(&e, "read safety flags"))?,
        )?);
    }
    Ok(flags)
}

struct RawFlag {
    id: String,
    client: String,
    kind: String,
    mappa_category: Option<u8>,
    mappa_level: Option<u8>,
    note: String,
    review_by: String,
    raised_by: Option<String>,
    raised_at: String,
    reviewed_by: Option<String>,
    reviewed_at: Option<String>,
    ended_by: Option<String>,
    ended_at: Option<String>,
    end_reason: Option<String>,
}

fn raw_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawFlag> {
    Ok(RawFlag {
        id: row.get(0)?,
        client: row.get(1)?,
        kind: row.get(2)?,
        mappa_category: row.get(3)?,
        mappa_level: row.get(4)?,
        note: row.get(5)?,
        review_by: row.get(6)?,
        raised_by: row.get(7)?,
        raised_at: row.get(8)?,
        reviewed_by: row.get(9)?,
        reviewed_at: row.get(10)?,
        ended_by: row.get(11)?,
        ended_at: row.get(12)?,
        end_reason: row.get(13)?,
    })
}

fn flag_from_raw(raw: RawFlag) -> CoreResult<SafetyFlag> {
    let malformed = || CoreError::internal(&"malformed safety flag row");
    Ok(SafetyFlag {
        id: SafetyFlagId::parse(&raw.id).map_err(|_| malformed())?,
        client: ClientId::parse(&raw.client).map_err(|_| malformed())?,
        kind: SafetyFlagKind::parse(&raw.kind).map_err(|_| malformed())?,
        mappa: match (raw.mappa_category, raw.mappa_level) {
            (Some(category), Some(level)) => Some(MappaDetails { category, level }),
            _ => None,
        },
        note: raw.note,
        review_by: parse_day(&raw.review_by).map_err(|_| malformed())?,
        raised_by: raw.raised_by,
        raised_at: raw.raised_at,
        reviewed_by: raw.reviewed_by,
        reviewed_at: raw.reviewed_at,
        ended_by: raw.ended_by,
        ended_at: raw.ended_at,
        end_reason: raw.end_reason,
    })
}

/// What a person can change about a flag (its note, review date and
/// whether it ended, with who and when), as kept in a value version.
pub fn state(conn: &Connection, id: SafetyFlagId) -> CoreResult<serde_json::Value> {
    conn.query_row(
        "SELECT note, review_by, reviewed_by, reviewed_at, ended_by, ended_at, end_reason
         FROM safety_flags WHERE id = ?1",
        [id.to_string()],
        |row| {
            Ok(serde_json::json!({
                "note": row.get::<_, String>(0)?,
                "review_by": row.get::<_, String>(1)?,
                "reviewed_by": row.get::<_, Option<String>>(2)?,
                "reviewed_at": row.get::<_, Option<String>>(3)?,
                "ended_by": row.get::<_, Option<String>>(4)?,
                "ended_at": row.get::<_, Option<String>>(5)?,
                "end_reason": row.get::<_, Option<String>>(6)?,
            }))
        },
    )
    .map_err(|e| CoreError::from_sql(&e, "read the safety flag"))
}

/// Puts a flag back to a state kept by `state`: the choice of a person
/// resolving two changes made apart.
pub fn restore(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: SafetyFlagId,
    state: &serde_json::Value,
) -> CoreResult<()> {
    let text = |name: &str| state.get(name).and_then(serde_json::Value::as_str);
    let (Some(note), Some(review_by)) = (text("note"), text("review_by")) else {
        return Err(CoreError::internal(&"malformed safety flag state"));
    };
    let before = change_log::before_update(tx, "safety_flags", &id.to_string())?;
    tx.execute(
        "UPDATE safety_flags SET note = ?2, review_by = ?3, reviewed_by = ?4, reviewed_at = ?5,
                                 ended_by = ?6, ended_at = ?7, end_reason = ?8, hlc = ?9, device_id = ?10
         WHERE id = ?1",
        params![
            id.to_string(),
            note,
            review_by,
            text("reviewed_by"),
            text("reviewed_at"),
            text("ended_by"),
            text("ended_at"),
            text("end_reason"),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the safety flag"))?;
    before.append(tx, stamp)
}
