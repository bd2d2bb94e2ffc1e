//! Cohort flags and the OGRS score.

use crate::domain::dates::parse_day;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::cohort::{CohortFlag, OgrsScore};
use crate::domain::ids::{AccountId, ClientId, CohortFlagId};
use crate::error::{CoreError, CoreResult};

/// A flag as stored, with people's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortFlagEntry {
    pub id: CohortFlagId,
    pub client: ClientId,
    pub flag: CohortFlag,
    pub set_by: Option<String>,
    pub set_at: String,
    pub removed_by: Option<String>,
    pub removed_at: Option<String>,
    pub removal_reason: Option<String>,
}

impl CohortFlagEntry {
    pub fn is_active(&self) -> bool {
        self.removed_at.is_none()
    }
}

const SELECT: &str =
    "SELECT f.id, f.client_id, f.flag, setter.full_name, f.set_at, remover.full_name,
        f.removed_at, f.removal_reason
     FROM cohort_flags f
     LEFT JOIN accounts setter ON setter.id = f.set_by
     LEFT JOIN accounts remover ON remover.id = f.removed_by";

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: CohortFlagId,
    client: ClientId,
    flag: CohortFlag,
    set_by: AccountId,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO cohort_flags (id, client_id, flag, set_by, set_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id.to_string(),
            client.to_string(),
            flag.as_str(),
            set_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the cohort flag"))?;
    change_log::append(
        tx,
        stamp,
        "cohort_flags",
        &id.to_string(),
        Operation::Insert,
    )
}

pub fn remove(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: CohortFlagId,
    removed_by: AccountId,
    reason: &str,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "cohort_flags", &id.to_string())?;
    let changed = tx
        .execute(
            "UPDATE cohort_flags SET removed_by = ?2, removed_at = ?3, removal_reason = ?4, hlc = ?5, device_id = ?6
             WHERE id = ?1 AND removed_at IS NULL",
            params![
                id.to_string(),
                removed_by.to_string(),
                stamp.at.to_rfc3339(),
                reason,
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "remove the cohort flag"))?;
    if changed != 1 {
        return Err(no_such_active_flag());
    }
    before.append(tx, stamp)
}

pub fn no_such_active_flag() -> CoreError {
    CoreError::invalid(
        "That cohort flag is not set any more (someone may have removed it). Refresh the page.",
    )
}

pub fn find(conn: &Connection, id: CohortFlagId) -> CoreResult<Option<CohortFlagEntry>> {
    conn.query_row(
        &format!("{SELECT} WHERE f.id = ?1"),
        [id.to_string()],
        raw_row,
    )
    .optional()
    .map_err(|e| CoreError::from_sql(&e, "read the cohort flag"))?
    .map(entry_from_raw)
    .transpose()
}

/// One client's flags: active ones first, then removed ones, each oldest first.
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<CohortFlagEntry>> {
    query_many(
        conn,
        &format!("{SELECT} WHERE f.client_id = ?1 ORDER BY f.removed_at IS NOT NULL, f.set_at"),
        [client.to_string()],
    )
}

/// Every active flag in the unit.
pub fn active(conn: &Connection) -> CoreResult<Vec<CohortFlagEntry>> {
    query_many(
        conn,
        &format!("{SELECT} WHERE f.removed_at IS NULL ORDER BY f.set_at"),
        [],
    )
}

pub fn insert_ogrs(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    client: ClientId,
    recorded_by: AccountId,
    ogrs: OgrsScore,
) -> CoreResult<()> {
    let id = id.to_string();
    let scored_on = ogrs.scored_on.format("%Y-%m-%d").to_string();
    tx.execute(
        "INSERT INTO ogrs_scores (id, client_id, score, scored_on, recorded_by, recorded_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            client.to_string(),
            ogrs.score,
            scored_on,
            recorded_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the OGRS score"))?;
    change_log::append(tx, stamp, "ogrs_scores", &id, Operation::Insert)
}

/// The latest OGRS score recorded for a client.
pub fn latest_ogrs(conn: &Connection, client: ClientId) -> CoreResult<Option<OgrsScore>> {
    conn.query_row(
        "SELECT score, scored_on FROM ogrs_scores WHERE client_id = ?1 ORDER BY hlc DESC, id DESC LIMIT 1",
        [client.to_string()],
        |row| Ok((row.get::<_, u8>(0)?, row.get::<_, String>(1)?)),
    )
    .optional()
    .map_err(|e| CoreError::from_sql(&e, "read the OGRS score"))?
    .map(|(score, on)| {
        Ok(OgrsScore {
            score,
            scored_on: parse_day(&on)
                .map_err(|_| CoreError::internal(&"malformed OGRS date"))?,
        })
    })
    .transpose()
}

fn query_many(
    conn: &Connection,
    sql: &str,
    parameters: impl rusqlite::Params,
) -> CoreResult<Vec<CohortFlagEntry>> {
    let mut statement = conn
        .prepare_cached(sql)
        .map_err(|e| CoreError::from_sql(&e, "read cohort flags"))?;
    let rows = statement
        .query_map(parameters, raw_row)
        .map_err(|e| CoreError::from_sql(&e, "read cohort flags"))?;
    let mut entries = Vec::new();
    for row in rows {
        entries.push(entry_from_raw(
            row.map_err(|e| CoreError::from_sql(&e, "read cohort flags"))?,
        )?);
    }
    Ok(entries)
}

type RawEntry = (
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn raw_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawEntry> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

fn entry_from_raw(raw: RawEntry) -> CoreResult<CohortFlagEntry> {
    let (id, client, flag, set_by, set_at, removed_by, removed_at, removal_reason) = raw;
    let malformed = |_| CoreError::internal(&"malformed cohort flag row");
    Ok(CohortFlagEntry {
        id: CohortFlagId::parse(&id).map_err(malformed)?,
        client: ClientId::parse(&client).map_err(malformed)?,
        flag: CohortFlag::parse(&flag).map_err(malformed)?,
        set_by,
        set_at,
        removed_by,
        removed_at,
        removal_reason,
    })
}
