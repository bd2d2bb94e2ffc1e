//! Session records (insert-only), their addenda (insert-only), drafts
//! (this computer only) and full-text search over signed notes.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::ids::{AccountId, AppointmentId, ClientId, SessionDraftId, SessionRecordId};
use crate::domain::session_records::{SessionForm, SignedSession};
use crate::error::{CoreError, CoreResult};

fn failed(e: rusqlite::Error) -> CoreError {
    CoreError::from_sql(&e, "read the session records")
}

/// A signed record as stored, with its author's name and its addenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: SessionRecordId,
    pub client: ClientId,
    pub appointment: Option<AppointmentId>,
    pub held_on: String,
    pub starts_at: String,
    pub minutes: u32,
    pub place: String,
    pub present: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    pub notes: String,
    pub concerns: Option<String>,
    pub confidential: bool,
    pub author: AccountId,
    pub author_name: Option<String>,
    pub signed_at: String,
    pub addenda: Vec<Addendum>,
}

/// A correction or addition to a signed record, with who and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addendum {
    pub text: String,
    pub written_by: Option<String>,
    pub written_at: String,
}

fn codes_json<T>(codes: &[T], as_str: fn(&T) -> &'static str) -> String {
    serde_json::Value::from(codes.iter().map(as_str).collect::<Vec<_>>()).to_string()
}

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: SessionRecordId,
    client: ClientId,
    appointment: Option<AppointmentId>,
    author: AccountId,
    session: &SignedSession,
) -> CoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO session_records (id, client_id, appointment_id, held_on, starts_at, minutes, place,
                                      present, pathways, interventions, notes, concerns, confidential,
                                      author, signed_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )
    .and_then(|mut statement| {
        statement.execute(params![
            id.to_string(),
            client.to_string(),
            appointment.map(|a| a.to_string()),
            session.held_on.format("%Y-%m-%d").to_string(),
            session.starts_at.format("%H:%M").to_string(),
            session.minutes,
            session.place.as_str(),
            session.present,
            codes_json(&session.pathways, |p| p.as_str()),
            codes_json(&session.interventions, |i| i.as_str()),
            session.notes,
            session.concerns,
            session.confidential,
            author.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ])
    })
    .map_err(|e| CoreError::from_sql(&e, "sign off the session record"))?;
    change_log::append(
        tx,
        stamp,
        "session_records",
        &id.to_string(),
        Operation::Insert,
    )
}

pub fn insert_addendum(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    session: &SessionRecord,
    written_by: AccountId,
    text: &str,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO session_addenda (id, session_id, client_id, text, written_by, written_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id.to_string(),
            session.id.to_string(),
            session.client.to_string(),
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
        "session_addenda",
        &id.to_string(),
        Operation::Insert,
    )
}

const SELECT: &str =
    "SELECT s.id, s.client_id, s.appointment_id, s.held_on, s.starts_at, s.minutes, s.place,
        s.present, s.pathways, s.interventions, s.notes, s.concerns, s.confidential, s.author,
        a.full_name, s.signed_at
     FROM session_records s LEFT JOIN accounts a ON a.id = s.author";

fn from_row(row: &Row<'_>) -> rusqlite::Result<SessionRecord> {
    let bad = |what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("stored session record {what}").into(),
        )
    };
    let text = |i: usize| row.get::<_, String>(i);
    let codes = |i: usize| -> rusqlite::Result<Vec<String>> {
        serde_json::from_str(&text(i)?).map_err(|_| bad("codes"))
    };
    Ok(SessionRecord {
        id: SessionRecordId::parse(&text(0)?).map_err(|_| bad("id"))?,
        client: ClientId::parse(&text(1)?).map_err(|_| bad("client"))?,
        appointment: row
            .get::<_, Option<String>>(2)?
            .and_then(|id| AppointmentId::parse(&id).ok()),
        held_on: text(3)?,
        starts_at: text(4)?,
        minutes: row.get(5)?,
        place: text(6)?,
        present: text(7)?,
        pathways: codes(8)?,
        interventions: codes(9)?,
        notes: text(10)?,
        concerns: row.get(11)?,
        confidential: row.get(12)?,
        author: AccountId::parse(&text(13)?).map_err(|_| bad("author"))?,
        author_name: row.get(14)?,
        signed_at: text(15)?,
        addenda: Vec::new(),
    })
}

pub fn find(conn: &Connection, id: SessionRecordId) -> CoreResult<Option<SessionRecord>> {
    let found = conn
        .prepare_cached(&format!("{SELECT} WHERE s.id = ?1"))
        .and_then(|mut statement| statement.query_row([id.to_string()], from_row).optional())
        .map_err(failed)?;
    match found {
        Some(mut record) => {
            record.addenda = addenda(conn, record.id)?;
            Ok(Some(record))
        }
        None => Ok(None),
    }
}

fn addenda(conn: &Connection, session: SessionRecordId) -> CoreResult<Vec<Addendum>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT d.text, a.full_name, d.written_at FROM session_addenda d
             LEFT JOIN accounts a ON a.id = d.written_by
             WHERE d.session_id = ?1 ORDER BY d.hlc, d.id",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([session.to_string()], |row| {
            Ok(Addendum {
                text: row.get(0)?,
                written_by: row.get(1)?,
                written_at: row.get(2)?,
            })
        })
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// One client's signed records with their addenda, latest first.
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<SessionRecord>> {
    let mut records: Vec<SessionRecord> = {
        let mut statement = conn
            .prepare_cached(&format!(
                "{SELECT} WHERE s.client_id = ?1 ORDER BY s.held_on DESC, s.starts_at DESC, s.id"
            ))
            .map_err(failed)?;
        let rows = statement
            .query_map([client.to_string()], from_row)
            .map_err(failed)?;
        rows.collect::<Result<_, _>>().map_err(failed)?
    };
    for record in &mut records {
        record.addenda = addenda(conn, record.id)?;
    }
    Ok(records)
}

/// Signed records whose notes hold every word (case and accents ignored;
/// a word typed with a `*` at its end matches words it begins), with their
/// client, the most recently signed here first. Ranking by relevance would
/// score every match, which over a million notes with common words is
/// hundreds of thousands; whole words in rowid order let FTS5 stop at the
/// limit (a prefix reads every word it begins, so it is asked for only).
pub fn search_notes(
    conn: &Connection,
    words: &str,
    limit: usize,
) -> CoreResult<Vec<(SessionRecordId, ClientId)>> {
    let query: Vec<String> = words
        .split_whitespace()
        .filter_map(|word| {
            let prefix = word.ends_with('*');
            let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            match (word.is_empty(), prefix) {
                (true, _) => None,
                (false, true) => Some(format!("\"{word}\"*")),
                (false, false) => Some(format!("\"{word}\"")),
            }
        })
        .collect();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = conn
        .prepare_cached(
            "SELECT s.id, s.client_id FROM session_note_search f
             JOIN session_records s ON s.rowid = f.rowid
             WHERE session_note_search MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map(
            params![query.join(" "), i64::try_from(limit).unwrap_or(i64::MAX)],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
        )
        .map_err(failed)?;
    let mut found = Vec::new();
    for row in rows {
        let (session, client) = row.map_err(failed)?;
        if let (Ok(session), Ok(client)) =
            (SessionRecordId::parse(&session), ClientId::parse(&client))
        {
            found.push((session, client));
        }
    }
    Ok(found)
}

/// A draft as kept on this computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDraft {
    pub id: SessionDraftId,
    pub client: ClientId,
    pub author: AccountId,
    pub form: SessionForm,
    pub started_at: String,
    pub saved_at: String,
}

/// Saves a draft whole, over its last save. Drafts are local: nothing goes
/// to the change log.
pub fn save_draft(tx: &Transaction<'_>, draft: &SessionDraft) -> CoreResult<()> {
    let form = serde_json::to_string(&draft.form).map_err(|e| CoreError::internal(&e))?;
    tx.prepare_cached(
        "INSERT INTO session_drafts (id, client_id, author, appointment_id, form, started_at, saved_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET form = excluded.form, appointment_id = excluded.appointment_id,
                                        saved_at = excluded.saved_at",
    )
    .and_then(|mut statement| {
        statement.execute(params![
            draft.id.to_string(),
            draft.client.to_string(),
            draft.author.to_string(),
            Some(draft.form.appointment_id.trim()).filter(|a| !a.is_empty()),
            form,
            draft.started_at,
            draft.saved_at
        ])
    })
    .map_err(|e| CoreError::from_sql(&e, "save the draft"))?;
    Ok(())
}

pub fn delete_draft(tx: &Transaction<'_>, id: SessionDraftId) -> CoreResult<()> {
    tx.execute("DELETE FROM session_drafts WHERE id = ?1", [id.to_string()])
        .map_err(|e| CoreError::from_sql(&e, "sign off the session record"))?;
    Ok(())
}

fn draft_from_row(row: &Row<'_>) -> rusqlite::Result<SessionDraft> {
    let bad = || {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            "stored session draft".into(),
        )
    };
    let text = |i: usize| row.get::<_, String>(i);
    Ok(SessionDraft {
        id: SessionDraftId::parse(&text(0)?).map_err(|_| bad())?,
        client: ClientId::parse(&text(1)?).map_err(|_| bad())?,
        author: AccountId::parse(&text(2)?).map_err(|_| bad())?,
        form: serde_json::from_str(&text(3)?).map_err(|_| bad())?,
        started_at: text(4)?,
        saved_at: text(5)?,
    })
}

const SELECT_DRAFT: &str =
    "SELECT id, client_id, author, form, started_at, saved_at FROM session_drafts";

pub fn find_draft(conn: &Connection, id: SessionDraftId) -> CoreResult<Option<SessionDraft>> {
    conn.prepare_cached(&format!("{SELECT_DRAFT} WHERE id = ?1"))
        .and_then(|mut statement| {
            statement
                .query_row([id.to_string()], draft_from_row)
                .optional()
        })
        .map_err(failed)
}

/// Every draft on this computer, oldest first.
pub fn drafts(conn: &Connection) -> CoreResult<Vec<SessionDraft>> {
    let mut statement = conn
        .prepare_cached(&format!("{SELECT_DRAFT} ORDER BY started_at, id"))
        .map_err(failed)?;
    let rows = statement.query_map([], draft_from_row).map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

/// Drafts of a merged record follow it to the record kept (drafts are
/// local and never logged, so each computer moves its own, for a merge made
/// here or received: see `client_merges::follow_every_merge`).
pub fn move_drafts(tx: &Transaction<'_>, merged: ClientId, kept: ClientId) -> CoreResult<()> {
    tx.execute(
        "UPDATE session_drafts SET client_id = ?2 WHERE client_id = ?1",
        params![merged.to_string(), kept.to_string()],
    )
    .map_err(|e| CoreError::from_sql(&e, "merge the records"))?;
    Ok(())
}
