//! What was sent to probation about a client's absences, and when
//! (insert-only).

use rusqlite::{Connection, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::ids::{AccountId, ClientId};
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbationNotice {
    pub order_flag: String,
    /// `warning`, `breach_referral` or `other`.
    pub what: String,
    pub sent_on: String,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
    pub recorded_at: String,
}

/// What a person entered about one notice, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProbationNotice {
    pub order_flag: String,
    pub what: String,
    pub sent_on: chrono::NaiveDate,
    pub note: Option<String>,
}

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    client: ClientId,
    by: AccountId,
    notice: &NewProbationNotice,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO probation_notices (id, client_id, order_flag, what, sent_on, note, recorded_by,
                                        recorded_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id.to_string(),
            client.to_string(),
            notice.order_flag,
            notice.what,
            notice.sent_on.format("%Y-%m-%d").to_string(),
            notice.note,
            by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save what was sent to probation"))?;
    change_log::append(
        tx,
        stamp,
        "probation_notices",
        &id.to_string(),
        Operation::Insert,
    )
}

/// One client's notices, latest sent first.
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<ProbationNotice>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read what was sent to probation");
    let mut statement = conn
        .prepare_cached(
            "SELECT n.order_flag, n.what, n.sent_on, n.note, a.full_name, n.recorded_at
             FROM probation_notices n LEFT JOIN accounts a ON a.id = n.recorded_by
             WHERE n.client_id = ?1 ORDER BY n.sent_on DESC, n.hlc DESC",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([client.to_string()], |row| {
            Ok(ProbationNotice {
                order_flag: row.get(0)?,
                what: row.get(1)?,
                sent_on: row.get(2)?,
                note: row.get(3)?,
                recorded_by: row.get(4)?,
                recorded_at: row.get(5)?,
            })
        })
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}
