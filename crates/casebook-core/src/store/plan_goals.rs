//! Support plan goals (changed field by field) and the plan as it stood at
//! each review (insert-only): the plan and its history.

use crate::domain::dates::parse_day;
use chrono::NaiveDate;
use rusqlite::{Connection, Row, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::assessments::PlanGoal;
use crate::domain::ids::{AccountId, AssessmentId, ClientId, PlanGoalId};
use crate::domain::session_records::Pathway;
use crate::error::{CoreError, CoreResult};

fn failed(e: rusqlite::Error) -> CoreError {
    CoreError::from_sql(&e, "read the support plan")
}

/// A goal as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredGoal {
    pub id: PlanGoalId,
    pub client: ClientId,
    pub pathway: String,
    pub client_words: String,
    pub keyworker_words: Option<String>,
    /// `client`, `keyworker` or `partner_agency`.
    pub who: String,
    pub partner_agency: Option<String>,
    pub target_on: NaiveDate,
    pub status: String,
    pub updated_by: Option<String>,
    pub updated_at: String,
}

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: PlanGoalId,
    client: ClientId,
    by: AccountId,
    goal: &PlanGoal,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO plan_goals (id, client_id, pathway, client_words, keyworker_words, who, partner_agency,
                                 target_on, status, created_by, created_at, updated_by, updated_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11, ?12, ?13)",
        params![
            id.to_string(),
            client.to_string(),
            goal.pathway.as_str(),
            goal.client_words,
            goal.keyworker_words,
            goal.who.as_str(),
            goal.partner_agency,
            goal.target_on.format("%Y-%m-%d").to_string(),
            goal.status.as_str(),
            by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the goal"))?;
    change_log::append(tx, stamp, "plan_goals", &id.to_string(), Operation::Insert)
}

/// Changes a goal's words, owner, target and status; the fields that did
/// not change are not written, so a change made apart to another field of
/// the same goal stands when the two computers sync.
pub fn update(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: PlanGoalId,
    by: AccountId,
    goal: &PlanGoal,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "plan_goals", &id.to_string())?;
    tx.execute(
        "UPDATE plan_goals SET pathway = ?2, client_words = ?3, keyworker_words = ?4, who = ?5,
                               partner_agency = ?6, target_on = ?7, status = ?8, updated_by = ?9,
                               updated_at = ?10, hlc = ?11, device_id = ?12
         WHERE id = ?1",
        params![
            id.to_string(),
            goal.pathway.as_str(),
            goal.client_words,
            goal.keyworker_words,
            goal.who.as_str(),
            goal.partner_agency,
            goal.target_on.format("%Y-%m-%d").to_string(),
            goal.status.as_str(),
            by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the goal"))?;
    before.append(tx, stamp)
}

const SELECT: &str =
    "SELECT g.id, g.client_id, g.pathway, g.client_words, g.keyworker_words, g.who,
        g.partner_agency, g.target_on, g.status, a.full_name, g.updated_at
     FROM plan_goals g LEFT JOIN accounts a ON a.id = g.updated_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredGoal> {
    let bad = || {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            "stored goal".into(),
        )
    };
    let text = |i: usize| row.get::<_, String>(i);
    Ok(StoredGoal {
        id: PlanGoalId::parse(&text(0)?).map_err(|_| bad())?,
        client: ClientId::parse(&text(1)?).map_err(|_| bad())?,
        pathway: text(2)?,
        client_words: text(3)?,
        keyworker_words: row.get(4)?,
        who: text(5)?,
        partner_agency: row.get(6)?,
        target_on: parse_day(&text(7)?).map_err(|_| bad())?,
        status: text(8)?,
        updated_by: row.get(9)?,
        updated_at: text(10)?,
    })
}

pub fn find(conn: &Connection, id: PlanGoalId) -> CoreResult<Option<StoredGoal>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached(&format!("{SELECT} WHERE g.id = ?1"))
        .and_then(|mut statement| statement.query_row([id.to_string()], from_row).optional())
        .map_err(failed)
}

/// A client's goals in pathway order, then oldest first.
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<StoredGoal>> {
    let mut goals: Vec<StoredGoal> = {
        let mut statement = conn
            .prepare_cached(&format!(
                "{SELECT} WHERE g.client_id = ?1 ORDER BY g.created_at, g.id"
            ))
            .map_err(failed)?;
        let rows = statement
            .query_map([client.to_string()], from_row)
            .map_err(failed)?;
        rows.collect::<Result<_, _>>().map_err(failed)?
    };
    let order = |code: &str| {
        Pathway::ALL
            .iter()
            .position(|p| p.as_str() == code)
            .unwrap_or(Pathway::ALL.len())
    };
    goals.sort_by_key(|g| order(&g.pathway));
    Ok(goals)
}

/// The plan as it stood at a review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanReview {
    pub assessment: AssessmentId,
    /// The goals as they stood: a JSON list of objects with `pathway`,
    /// `clientWords`, `keyworkerWords`, `who`, `partnerAgency`, `targetOn`
    /// and `status`.
    pub goals: serde_json::Value,
    pub reviewed_by: Option<String>,
    pub reviewed_at: String,
}

pub fn insert_review(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    client: ClientId,
    assessment: AssessmentId,
    by: AccountId,
    goals: &[StoredGoal],
) -> CoreResult<()> {
    let goals: Vec<serde_json::Value> = goals
        .iter()
        .map(|g| {
            serde_json::json!({
                "pathway": g.pathway,
                "clientWords": g.client_words,
                "keyworkerWords": g.keyworker_words,
                "who": g.who,
                "partnerAgency": g.partner_agency,
                "targetOn": g.target_on.format("%Y-%m-%d").to_string(),
                "status": g.status,
            })
        })
        .collect();
    let goals = serde_json::Value::from(goals).to_string();
    tx.execute(
        "INSERT INTO plan_reviews (id, client_id, assessment_id, goals, reviewed_by, reviewed_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id.to_string(),
            client.to_string(),
            assessment.to_string(),
            goals,
            by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "keep the plan's history"))?;
    change_log::append(
        tx,
        stamp,
        "plan_reviews",
        &id.to_string(),
        Operation::Insert,
    )
}

/// A client's plan reviews, newest first.
pub fn reviews_for(conn: &Connection, client: ClientId) -> CoreResult<Vec<PlanReview>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT r.assessment_id, r.goals, a.full_name, r.reviewed_at
             FROM plan_reviews r LEFT JOIN accounts a ON a.id = r.reviewed_by
             WHERE r.client_id = ?1 ORDER BY r.reviewed_at DESC, r.id DESC",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([client.to_string()], |row| {
            let bad = || {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    "stored plan review".into(),
                )
            };
            Ok(PlanReview {
                assessment: AssessmentId::parse(&row.get::<_, String>(0)?).map_err(|_| bad())?,
                goals: serde_json::from_str(&row.get::<_, String>(1)?).map_err(|_| bad())?,
                reviewed_by: row.get(2)?,
                reviewed_at: row.get(3)?,
            })
        })
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}
