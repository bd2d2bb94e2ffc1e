//! RAG reviews, insert-only.

use crate::domain::dates::parse_day;
use std::collections::HashMap;

use rusqlite::{Connection, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::ids::{AccountId, ClientId};
use crate::domain::rag::{NewRagReview, Rag};
use crate::error::{CoreError, CoreResult};

/// A review as stored, with the reviewer's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RagReview {
    pub rating: Rag,
    pub reason: Option<String>,
    pub next_review: Option<chrono::NaiveDate>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: String,
}

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    client: ClientId,
    reviewer: AccountId,
    review: &NewRagReview,
) -> CoreResult<()> {
    let id = id.to_string();
    let next_review = review.next_review.map(|d| d.format("%Y-%m-%d").to_string());
    tx.execute(
        "INSERT INTO rag_reviews (id, client_id, rating, reason, next_review, reviewed_by, reviewed_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            client.to_string(),
            review.rating.as_str(),
            review.reason,
            next_review,
            reviewer.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the RAG status"))?;
    change_log::append(tx, stamp, "rag_reviews", &id, Operation::Insert)
}

/// Every review of one client, newest first.
pub fn history(conn: &Connection, client: ClientId) -> CoreResult<Vec<RagReview>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT r.rating, r.reason, r.next_review, a.full_name, r.reviewed_at
             FROM rag_reviews r LEFT JOIN accounts a ON a.id = r.reviewed_by
             WHERE r.client_id = ?1
             ORDER BY r.hlc DESC, r.id DESC",
        )
        .map_err(|e| CoreError::from_sql(&e, "read the RAG history"))?;
    let rows = statement
        .query_map([client.to_string()], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, String>(4)?,
            ))
        })
        .map_err(|e| CoreError::from_sql(&e, "read the RAG history"))?;
    let mut reviews = Vec::new();
    for row in rows {
        let (rating, reason, next_review, reviewed_by, reviewed_at) =
            row.map_err(|e| CoreError::from_sql(&e, "read the RAG history"))?;
        reviews.push(RagReview {
            rating: stored_rating(&rating)?,
            reason,
            next_review: next_review
                .as_deref()
                .map(parse_day)
                .transpose()
                .map_err(|_| CoreError::internal(&"malformed RAG review date"))?,
            reviewed_by,
            reviewed_at,
        });
    }
    Ok(reviews)
}

/// A client's current rating and when it is next to be reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentRag {
    pub rating: Rag,
    pub next_review: Option<chrono::NaiveDate>,
}

/// Every client's current rating (its latest review), for the caseload.
pub fn current_for_all(conn: &Connection) -> CoreResult<HashMap<ClientId, CurrentRag>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT client_id, rating, next_review FROM rag_reviews r
             WHERE hlc = (SELECT max(hlc) FROM rag_reviews WHERE client_id = r.client_id)",
        )
        .map_err(|e| CoreError::from_sql(&e, "read RAG statuses"))?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
            ))
        })
        .map_err(|e| CoreError::from_sql(&e, "read RAG statuses"))?;
    let mut current = HashMap::new();
    for row in rows {
        let (client, rating, next_review) =
            row.map_err(|e| CoreError::from_sql(&e, "read RAG statuses"))?;
        let malformed = || CoreError::internal(&"malformed RAG review row");
        let client = ClientId::parse(&client).map_err(|_| malformed())?;
        let next_review = next_review
            .as_deref()
            .map(parse_day)
            .transpose()
            .map_err(|_| malformed())?;
        current.insert(
            client,
            CurrentRag {
                rating: stored_rating(&rating)?,
                next_review,
            },
        );
    }
    Ok(current)
}

fn stored_rating(text: &str) -> CoreResult<Rag> {
    Rag::parse(text).map_err(|_| CoreError::internal(&"malformed RAG rating"))
}
