//! Seven pathways assessments (insert-only), their addenda (insert-only)
//! and drafts (this computer only).

use crate::domain::dates::parse_day;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use super::session_records::Addendum;
use crate::domain::assessments::{AssessmentForm, AssessmentKind, SignedAssessment};
use crate::domain::ids::{AccountId, AssessmentDraftId, AssessmentId, ClientId, EpisodeId};
use crate::domain::pathway_scores::PathwayScores;
use crate::error::{CoreError, CoreResult};

fn failed(e: rusqlite::Error) -> CoreError {
    CoreError::from_sql(&e, "read the assessments")
}

/// The score columns, in the order of `Pathway::ALL`; each is named by its
/// pathway's code.
const SCORE_COLUMNS: &str =
    "accommodation, education_training_employment, health, drugs_and_alcohol,
     finance_benefits_debt, children_and_families, attitudes_thinking_behaviour";

/// A signed assessment as stored, with its assessor's name and addenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub id: AssessmentId,
    pub client: ClientId,
    pub episode: Option<EpisodeId>,
    pub kind: AssessmentKind,
    pub assessed_on: NaiveDate,
    pub scores: PathwayScores,
    /// The client's own score where they see a pathway differently.
    pub client_views: BTreeMap<String, u8>,
    pub evidence: BTreeMap<String, String>,
    pub assessed_by: AccountId,
    pub assessor_name: Option<String>,
    pub signed_at: String,
    pub addenda: Vec<Addendum>,
}

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: AssessmentId,
    client: ClientId,
    episode: Option<EpisodeId>,
    assessed_by: AccountId,
    assessment: &SignedAssessment,
) -> CoreResult<()> {
    let scores = assessment.scores.in_order().map(|s| s.unwrap_or_default());
    let client_views: BTreeMap<&str, u8> = assessment
        .client_views
        .iter()
        .map(|(p, s)| (p.as_str(), *s))
        .collect();
    let evidence: BTreeMap<&str, &str> = assessment
        .evidence
        .iter()
        .map(|(p, e)| (p.as_str(), e.as_str()))
        .collect();
    tx.prepare_cached(&format!(
        "INSERT INTO assessments (id, client_id, episode_id, kind, assessed_on, {SCORE_COLUMNS},
                                  client_views, evidence, assessed_by, signed_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
    ))
    .and_then(|mut statement| {
        statement.execute(params![
            id.to_string(),
            client.to_string(),
            episode.map(|e| e.to_string()),
            assessment.kind.as_str(),
            assessment.assessed_on.format("%Y-%m-%d").to_string(),
            scores[0],
            scores[1],
            scores[2],
            scores[3],
            scores[4],
            scores[5],
            scores[6],
            serde_json::to_string(&client_views).unwrap_or_default(),
            serde_json::to_string(&evidence).unwrap_or_default(),
            assessed_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ])
    })
    .map_err(|e| CoreError::from_sql(&e, "sign off the assessment"))?;
    change_log::append(tx, stamp, "assessments", &id.to_string(), Operation::Insert)
}

pub fn insert_addendum(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    assessment: &Assessment,
    written_by: AccountId,
    text: &str,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO assessment_addenda (id, assessment_id, client_id, text, written_by, written_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id.to_string(),
            assessment.id.to_string(),
            assessment.client.to_string(),
            text,
            written_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the addendum"))?;
    change_log::append(
        tx,
        stamp,
        "assessment_addenda",
        &id.to_string(),
        Operation::Insert,
    )
}

fn select() -> String {
    format!(
        "SELECT s.id, s.client_id, s.episode_id, s.kind, s.assessed_on, {SCORE_COLUMNS}, s.client_views,
                s.evidence, s.assessed_by, a.full_name, s.signed_at
         FROM assessments s LEFT JOIN accounts a ON a.id = s.assessed_by"
    )
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Assessment> {
    let bad = |what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("stored assessment {what}").into(),
        )
    };
    let text = |i: usize| row.get::<_, String>(i);
    let mut scores = [0_u8; 7];
    for (index, score) in scores.iter_mut().enumerate() {
        *score = row.get(5 + index)?;
    }
    Ok(Assessment {
        id: AssessmentId::parse(&text(0)?).map_err(|_| bad("id"))?,
        client: ClientId::parse(&text(1)?).map_err(|_| bad("client"))?,
        episode: row
            .get::<_, Option<String>>(2)?
            .and_then(|id| EpisodeId::parse(&id).ok()),
        kind: AssessmentKind::parse(&text(3)?).map_err(|_| bad("kind"))?,
        assessed_on: parse_day(&text(4)?).map_err(|_| bad("date"))?,
        scores: PathwayScores::from_stored(scores),
        client_views: serde_json::from_str(&text(12)?).map_err(|_| bad("client views"))?,
        evidence: serde_json::from_str(&text(13)?).map_err(|_| bad("evidence"))?,
        assessed_by: AccountId::parse(&text(14)?).map_err(|_| bad("assessor"))?,
        assessor_name: row.get(15)?,
        signed_at: text(16)?,
        addenda: Vec::new(),
    })
}

pub fn find(conn: &Connection, id: AssessmentId) -> CoreResult<Option<Assessment>> {
    let found = conn
        .prepare_cached(&format!("{} WHERE s.id = ?1", select()))
        .and_then(|mut statement| statement.query_row([id.to_string()], from_row).optional())
        .map_err(failed)?;
    match found {
        Some(mut assessment) => {
            assessment.addenda = addenda(conn, assessment.id)?;
            Ok(Some(assessment))
        }
        None => Ok(None),
    }
}

/// A client's assessments with their addenda, oldest first (the order the
/// charts draw them in).
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<Assessment>> {
    let mut assessments: Vec<Assessment> = {
        let mut statement = conn
            .prepare_cached(&format!(
                "{} WHERE s.client_id = ?1 ORDER BY s.assessed_on, s.signed_at, s.id",
                select()
            ))
            .map_err(failed)?;
        let rows = statement
            .query_map([client.to_string()], from_row)
            .map_err(failed)?;
        rows.collect::<Result<_, _>>().map_err(failed)?
    };
    for assessment in &mut assessments {
        assessment.addenda = addenda(conn, assessment.id)?;
    }
    Ok(assessments)
}

fn addenda(conn: &Connection, assessment: AssessmentId) -> CoreResult<Vec<Addendum>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT d.text, a.full_name, d.written_at
             FROM assessment_addenda d LEFT JOIN accounts a ON a.id = d.written_by
             WHERE d.assessment_id = ?1 ORDER BY d.written_at, d.id",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([assessment.to_string()], |row| {
            Ok(Addendum {
                text: row.get(0)?,
                written_by: row.get(1)?,
                written_at: row.get(2)?,
            })
        })
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// An assessment as typed so far, on this computer only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentDraft {
    pub id: AssessmentDraftId,
    pub client: ClientId,
    pub author: AccountId,
    pub form: AssessmentForm,
    pub started_at: String,
    pub saved_at: String,
}

pub fn save_draft(tx: &Transaction<'_>, draft: &AssessmentDraft) -> CoreResult<()> {
    let form = serde_json::to_string(&draft.form).map_err(|e| CoreError::internal(&e))?;
    tx.prepare_cached(
        "INSERT INTO assessment_drafts (id, client_id, author, form, started_at, saved_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET form = excluded.form, saved_at = excluded.saved_at",
    )
    .and_then(|mut statement| {
        statement.execute(params![
            draft.id.to_string(),
            draft.client.to_string(),
            draft.author.to_string(),
            form,
            draft.started_at,
            draft.saved_at
        ])
    })
    .map_err(|e| CoreError::from_sql(&e, "save the draft"))?;
    Ok(())
}

pub fn delete_draft(tx: &Transaction<'_>, id: AssessmentDraftId) -> CoreResult<()> {
    tx.execute(
        "DELETE FROM assessment_drafts WHERE id = ?1",
        [id.to_string()],
    )
    .map_err(|e| CoreError::from_sql(&e, "remove the draft"))?;
    Ok(())
}

fn draft_from_row(row: &Row<'_>) -> rusqlite::Result<AssessmentDraft> {
    let bad = || {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            "stored assessment draft".into(),
        )
    };
    let text = |i: usize| row.get::<_, String>(i);
    Ok(AssessmentDraft {
        id: AssessmentDraftId::parse(&text(0)?).map_err(|_| bad())?,
        client: ClientId::parse(&text(1)?).map_err(|_| bad())?,
        author: AccountId::parse(&text(2)?).map_err(|_| bad())?,
        form: serde_json::from_str(&text(3)?).map_err(|_| bad())?,
        started_at: text(4)?,
        saved_at: text(5)?,
    })
}

const SELECT_DRAFT: &str =
    "SELECT id, client_id, author, form, started_at, saved_at FROM assessment_drafts";

pub fn find_draft(conn: &Connection, id: AssessmentDraftId) -> CoreResult<Option<AssessmentDraft>> {
    conn.prepare_cached(&format!("{SELECT_DRAFT} WHERE id = ?1"))
        .and_then(|mut statement| {
            statement
                .query_row([id.to_string()], draft_from_row)
                .optional()
        })
        .map_err(failed)
}

/// A client's drafts by one author, oldest first.
pub fn drafts_for(
    conn: &Connection,
    client: ClientId,
    author: AccountId,
) -> CoreResult<Vec<AssessmentDraft>> {
    let mut statement = conn
        .prepare_cached(&format!(
            "{SELECT_DRAFT} WHERE client_id = ?1 AND author = ?2 ORDER BY started_at, id"
        ))
        .map_err(failed)?;
    let rows = statement
        .query_map([client.to_string(), author.to_string()], draft_from_row)
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// Moves drafts to the client kept by a merge (drafts do not sync, so the
/// merge's change log does not carry them).
pub fn move_drafts(tx: &Transaction<'_>, from: ClientId, to: ClientId) -> CoreResult<()> {
    tx.execute(
        "UPDATE assessment_drafts SET client_id = ?2 WHERE client_id = ?1",
        [from.to_string(), to.to_string()],
    )
    .map_err(|e| CoreError::from_sql(&e, "merge the records"))?;
    Ok(())
}

/// For each open episode with an initial or review assessment, the date of
/// the latest: what the next review is counted from.
pub fn latest_of_open_episodes(
    conn: &Connection,
) -> CoreResult<std::collections::HashMap<EpisodeId, NaiveDate>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT a.episode_id, max(a.assessed_on)
             FROM assessments a JOIN episodes e ON e.id = a.episode_id
             WHERE e.ended_on IS NULL AND a.kind != 'termination'
             GROUP BY a.episode_id",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .map_err(failed)?;
    let mut latest = std::collections::HashMap::new();
    for row in rows {
        let (episode, on) = row.map_err(failed)?;
        if let (Ok(episode), Ok(on)) = (EpisodeId::parse(&episode), parse_day(&on)) {
            latest.insert(episode, on);
        }
    }
    Ok(latest)
}
