//! Tasks: actions agreed with a client, each with an owner and a due date.
//! Done, reassigned or cancelled by updating the row.

use crate::domain::dates::parse_day;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::ids::{AccountId, ClientId, PlanGoalId, SessionRecordId, TaskId};
use crate::domain::session_records::AgreedAction;
use crate::error::{CoreError, CoreResult};

fn failed(e: rusqlite::Error) -> CoreError {
    CoreError::from_sql(&e, "read the tasks")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub id: TaskId,
    pub client: ClientId,
    pub session: Option<SessionRecordId>,
    /// The support plan goal the task works toward, if it came from one.
    pub goal: Option<PlanGoalId>,
    pub what: String,
    /// `client`, `keyworker` or `partner_agency`.
    pub who: String,
    pub partner_agency: Option<String>,
    pub owner: AccountId,
    pub owner_name: Option<String>,
    pub due_on: chrono::NaiveDate,
    /// `open`, `done` or `cancelled`.
    pub status: String,
    pub status_reason: Option<String>,
    pub created_at: String,
    pub closed_by: Option<String>,
    pub closed_at: Option<String>,
}

impl Task {
    pub fn is_open(&self) -> bool {
        self.status == "open"
    }
}

#[allow(clippy::too_many_arguments)]
pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: TaskId,
    client: ClientId,
    session: Option<SessionRecordId>,
    goal: Option<PlanGoalId>,
    owner: AccountId,
    created_by: AccountId,
    action: &AgreedAction,
) -> CoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO tasks (id, client_id, session_id, goal_id, what, who, partner_agency, owner, due_on,
                            status, created_by, created_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?13, ?4, ?5, ?6, ?7, ?8, 'open', ?9, ?10, ?11, ?12)",
    )
    .and_then(|mut statement| {
        statement.execute(params![
            id.to_string(),
            client.to_string(),
            session.map(|s| s.to_string()),
            action.what,
            action.who.as_str(),
            action.partner_agency,
            owner.to_string(),
            action.due_on.format("%Y-%m-%d").to_string(),
            created_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string(),
            goal.map(|g| g.to_string())
        ])
    })
    .map_err(|e| CoreError::from_sql(&e, "save the task"))?;
    change_log::append(tx, stamp, "tasks", &id.to_string(), Operation::Insert)
}

/// Closes a task as done or cancelled, with a reason for a cancellation.
pub fn close(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: TaskId,
    status: &str,
    reason: Option<&str>,
    by: AccountId,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "tasks", &id.to_string())?;
    tx.execute(
        "UPDATE tasks SET status = ?2, status_reason = ?3, closed_by = ?4, closed_at = ?5, hlc = ?6, device_id = ?7
         WHERE id = ?1",
        params![
            id.to_string(),
            status,
            reason,
            by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the task"))?;
    before.append(tx, stamp)
}

/// Gives a task to another owner, with the reason.
pub fn reassign(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: TaskId,
    owner: AccountId,
    reason: &str,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "tasks", &id.to_string())?;
    tx.execute(
        "UPDATE tasks SET owner = ?2, status_reason = ?3, hlc = ?4, device_id = ?5 WHERE id = ?1",
        params![
            id.to_string(),
            owner.to_string(),
            reason,
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "reassign the task"))?;
    before.append(tx, stamp)
}

const SELECT: &str =
    "SELECT t.id, t.client_id, t.session_id, t.what, t.who, t.partner_agency, t.owner,
        o.full_name, t.due_on, t.status, t.status_reason, t.created_at, c.full_name, t.closed_at,
        t.goal_id
     FROM tasks t
     LEFT JOIN accounts o ON o.id = t.owner
     LEFT JOIN accounts c ON c.id = t.closed_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Task> {
    let bad = || {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            "stored task".into(),
        )
    };
    let text = |i: usize| row.get::<_, String>(i);
    Ok(Task {
        id: TaskId::parse(&text(0)?).map_err(|_| bad())?,
        client: ClientId::parse(&text(1)?).map_err(|_| bad())?,
        session: row
            .get::<_, Option<String>>(2)?
            .and_then(|id| SessionRecordId::parse(&id).ok()),
        goal: row
            .get::<_, Option<String>>(14)?
            .and_then(|id| PlanGoalId::parse(&id).ok()),
        what: text(3)?,
        who: text(4)?,
        partner_agency: row.get(5)?,
        owner: AccountId::parse(&text(6)?).map_err(|_| bad())?,
        owner_name: row.get(7)?,
        due_on: parse_day(&text(8)?).map_err(|_| bad())?,
        status: text(9)?,
        status_reason: row.get(10)?,
        created_at: text(11)?,
        closed_by: row.get(12)?,
        closed_at: row.get(13)?,
    })
}

pub fn find(conn: &Connection, id: TaskId) -> CoreResult<Option<Task>> {
    conn.prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))
        .and_then(|mut statement| statement.query_row([id.to_string()], from_row).optional())
        .map_err(failed)
}

/// One client's tasks, open ones first, soonest due first.
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<Task>> {
    let mut statement = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE t.client_id = ?1 ORDER BY t.status != 'open', t.due_on, t.id"
        ))
        .map_err(failed)?;
    let rows = statement
        .query_map([client.to_string()], from_row)
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// An owner's open tasks on records that stand, soonest due first (so the
/// overdue ones come first).
pub fn open_for_owner(conn: &Connection, owner: AccountId) -> CoreResult<Vec<Task>> {
    let mut statement = conn
        .prepare_cached(&format!(
            "{SELECT} JOIN clients k ON k.id = t.client_id
             WHERE t.owner = ?1 AND t.status = 'open' AND k.merged_into IS NULL
               AND t.client_id NOT IN (SELECT client_id FROM deleted_clients)
             ORDER BY t.due_on, t.id"
        ))
        .map_err(failed)?;
    let rows = statement
        .query_map([owner.to_string()], from_row)
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}
