//! Versions of safety-critical values, insert-only (see
//! `domain::resolve_items`).

use rusqlite::{Connection, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::ids::{AccountId, ClientId};
use crate::domain::rag::NewRagReview;
use crate::domain::resolve_items::{ContestedSubject, ValueVersion, heads};
use crate::error::{CoreError, CoreResult};

/// A version with who made it and when, for showing both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub version: ValueVersion,
    pub client: ClientId,
    /// The whole value (the decisive part and what goes with it), JSON.
    pub detail: serde_json::Value,
    pub made_by: Option<String>,
    pub made_at: String,
}

/// One version to add.
#[derive(Debug)]
pub struct NewVersion<'a> {
    pub id: uuid::Uuid,
    pub subject: ContestedSubject,
    pub subject_id: &'a str,
    pub client: ClientId,
    /// The part that decides whether two versions agree.
    pub value: &'a serde_json::Value,
    pub detail: &'a serde_json::Value,
    pub replaces: &'a [String],
    pub resolves: bool,
    pub made_by: AccountId,
}

pub fn insert(tx: &Transaction<'_>, stamp: WriteStamp, version: &NewVersion<'_>) -> CoreResult<()> {
    let id = version.id.to_string();
    let replaces = serde_json::to_string(version.replaces).map_err(|e| CoreError::internal(&e))?;
    tx.execute(
        "INSERT INTO value_versions (id, subject, subject_id, client_id, value, detail, replaces, resolves,
                                     made_by, made_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            id,
            version.subject.as_str(),
            version.subject_id,
            version.client.to_string(),
            version.value.to_string(),
            version.detail.to_string(),
            replaces,
            version.resolves,
            version.made_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the change"))?;
    change_log::append(tx, stamp, "value_versions", &id, Operation::Insert)
}

/// Every version of one value.
pub fn of_subject(
    conn: &Connection,
    subject: ContestedSubject,
    subject_id: &str,
) -> CoreResult<Vec<StoredVersion>> {
    query(
        conn,
        "WHERE v.subject = ?1 AND v.subject_id = ?2",
        params![subject.as_str(), subject_id],
    )
}

/// Every version of every value of one client.
pub fn of_client(
    conn: &Connection,
    client: ClientId,
) -> CoreResult<Vec<(ContestedSubject, String, StoredVersion)>> {
    query_with_subject(conn, "WHERE v.client_id = ?1", params![client.to_string()])
}

/// Every version of every value that has more than one head: the only
/// candidates for resolve items, found in SQL so the whole unit's versions
/// are never read for the usual answer of none.
pub fn of_subjects_with_several_heads(
    conn: &Connection,
) -> CoreResult<Vec<(ContestedSubject, String, StoredVersion)>> {
    query_with_subject(
        conn,
        "WHERE (v.subject, v.subject_id) IN (
             SELECT h.subject, h.subject_id FROM value_versions h
             WHERE NOT EXISTS (
                 SELECT 1 FROM value_versions w, json_each(w.replaces) r
                 WHERE w.subject = h.subject AND w.subject_id = h.subject_id AND r.value = h.id)
             GROUP BY h.subject, h.subject_id
             HAVING count(DISTINCT h.value) > 1)",
        [],
    )
}

const SELECT: &str =
    "SELECT v.subject, v.subject_id, v.id, v.value, v.replaces, v.hlc, v.client_id,
        a.full_name, v.made_at, v.detail
     FROM value_versions v LEFT JOIN accounts a ON a.id = v.made_by";

fn query(
    conn: &Connection,
    filter: &str,
    parameters: impl rusqlite::Params,
) -> CoreResult<Vec<StoredVersion>> {
    Ok(query_with_subject(conn, filter, parameters)?
        .into_iter()
        .map(|(_, _, version)| version)
        .collect())
}

fn query_with_subject(
    conn: &Connection,
    filter: &str,
    parameters: impl rusqlite::Params,
) -> CoreResult<Vec<(ContestedSubject, String, StoredVersion)>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the changes to resolve");
    let malformed = || CoreError::internal(&"malformed value version row");
    let mut statement = conn
        .prepare_cached(&format!("{SELECT} {filter} ORDER BY v.hlc, v.id"))
        .map_err(failed)?;
    let rows = statement
        .query_map(parameters, |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, String>(6)?,
                row.get::<_, Option<String>>(7)?,
                row.get::<_, String>(8)?,
                row.get::<_, String>(9)?,
            ))
        })
        .map_err(failed)?;
    let mut versions = Vec::new();
    for row in rows {
        let (subject, subject_id, id, value, replaces, hlc, client, made_by, made_at, detail) =
            row.map_err(failed)?;
        versions.push((
            ContestedSubject::parse(&subject).map_err(|_| malformed())?,
            subject_id,
            StoredVersion {
                version: ValueVersion {
                    id,
                    value,
                    replaces: serde_json::from_str(&replaces).map_err(|_| malformed())?,
                    hlc,
                },
                client: ClientId::parse(&client).map_err(|_| malformed())?,
                detail: serde_json::from_str(&detail).map_err(|_| malformed())?,
                made_by,
                made_at,
            },
        ));
    }
    Ok(versions)
}

/// Keeps a version of a safety-critical value, in the transaction that
/// changes it, replacing the versions this computer holds as latest.
#[allow(clippy::too_many_arguments)]
pub(crate) fn record_value_version(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    made_by: AccountId,
    subject: ContestedSubject,
    subject_id: &str,
    client: ClientId,
    detail: &serde_json::Value,
) -> CoreResult<()> {
    let value = decisive_part(subject, detail);
    let versions = of_subject(tx, subject, subject_id)?;
    let plain: Vec<ValueVersion> = versions.into_iter().map(|v| v.version).collect();
    let replaces: Vec<String> = heads(&plain).iter().map(|head| head.id.clone()).collect();
    insert(
        tx,
        stamp,
        &NewVersion {
            id,
            subject,
            subject_id,
            client,
            value: &value,
            detail,
            replaces: &replaces,
            resolves: false,
            made_by,
        },
    )
}

/// The part of a value that decides whether two versions agree: a RAG
/// rating but not its reason (two reviews apart that rate the same agree,
/// and both reviews are kept anyway); a flag's note, review date and end
/// but not who wrote them and when.
fn decisive_part(subject: ContestedSubject, detail: &serde_json::Value) -> serde_json::Value {
    let field = |name: &str| detail.get(name).cloned().unwrap_or(serde_json::Value::Null);
    match subject {
        ContestedSubject::Rag => serde_json::json!({ "rating": field("rating") }),
        ContestedSubject::Allocation => detail.clone(),
        ContestedSubject::SafetyFlag => serde_json::json!({
            "note": field("note"),
            "review_by": field("review_by"),
            "ended": !field("ended_at").is_null(),
            "end_reason": field("end_reason"),
        }),
        // Two people recording the same outcome and judgement agree,
        // whatever they wrote in the notes.
        ContestedSubject::AppointmentOutcome => serde_json::json!({
            "outcome": field("outcome"),
            "absence": field("absence"),
            "absence_reason": field("absence_reason"),
            "rescheduled_to": field("rescheduled_to"),
        }),
    }
}

/// The value kept for a RAG review.
pub(crate) fn rag_value(review: &NewRagReview) -> serde_json::Value {
    serde_json::json!({
        "rating": review.rating.as_str(),
        "reason": review.reason,
        "next_review": review.next_review.map(|d| d.format("%Y-%m-%d").to_string()),
    })
}

/// The value kept for an allocation.
pub(crate) fn allocation_value(
    keyworker: Option<AccountId>,
    co_worker: Option<AccountId>,
) -> serde_json::Value {
    serde_json::json!({
        "keyworker": keyworker.map(|k| k.to_string()),
        "co_worker": co_worker.map(|k| k.to_string()),
    })
}
