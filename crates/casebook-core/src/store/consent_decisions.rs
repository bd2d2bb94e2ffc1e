//! Consent decisions, insert-only.

use crate::domain::dates::parse_day;
use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::consent::{ConsentDecision, NewConsentDecision};
use crate::domain::ids::{AccountId, ClientId};
use crate::error::{CoreError, CoreResult};

/// A decision as stored, with the name of who recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    pub agency: String,
    pub decision: ConsentDecision,
    pub how: Option<String>,
    pub decided_on: chrono::NaiveDate,
    pub recorded_by: Option<String>,
    pub recorded_at: String,
}

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: uuid::Uuid,
    client: ClientId,
    recorded_by: AccountId,
    decision: &NewConsentDecision,
) -> CoreResult<()> {
    let id = id.to_string();
    let decided_on = decision.decided_on.format("%Y-%m-%d").to_string();
    tx.execute(
        "INSERT INTO consent_decisions (id, client_id, agency, decision, how, decided_on, recorded_by, recorded_at,
                                        hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            client.to_string(),
            decision.agency,
            decision.decision.as_str(),
            decision.how,
            decided_on,
            recorded_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the consent decision"))?;
    change_log::append(tx, stamp, "consent_decisions", &id, Operation::Insert)
}

/// Every decision about one client, newest first.
pub fn history(conn: &Connection, client: ClientId) -> CoreResult<Vec<ConsentRecord>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT c.agency, c.decision, c.how, c.decided_on, a.full_name, c.recorded_at
             FROM consent_decisions c LEFT JOIN accounts a ON a.id = c.recorded_by
             WHERE c.client_id = ?1 ORDER BY c.hlc DESC, c.id DESC",
        )
        .map_err(|e| CoreError::from_sql(&e, "read consent"))?;
    let rows = statement
        .query_map([client.to_string()], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, String>(5)?,
            ))
        })
        .map_err(|e| CoreError::from_sql(&e, "read consent"))?;
    let malformed = || CoreError::internal(&"malformed consent row");
    let mut records = Vec::new();
    for row in rows {
        let (agency, decision, how, decided_on, recorded_by, recorded_at) =
            row.map_err(|e| CoreError::from_sql(&e, "read consent"))?;
        records.push(ConsentRecord {
            agency,
            decision: ConsentDecision::parse(&decision).map_err(|_| malformed())?,
            how,
            decided_on: parse_day(&decided_on).map_err(|_| malformed())?,
            recorded_by,
            recorded_at,
        });
    }
    Ok(records)
}

/// For every client, the agencies whose latest decision is a withdrawal.
pub fn withdrawn_by_client(conn: &Connection) -> CoreResult<HashMap<ClientId, HashSet<String>>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT client_id, agency FROM consent_decisions c
             WHERE decision = 'withdrawn'
               AND hlc = (SELECT max(hlc) FROM consent_decisions
                          WHERE client_id = c.client_id AND agency = c.agency)",
        )
        .map_err(|e| CoreError::from_sql(&e, "read consent"))?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .map_err(|e| CoreError::from_sql(&e, "read consent"))?;
    let mut withdrawn: HashMap<ClientId, HashSet<String>> = HashMap::new();
    for row in rows {
        let (client, agency) = row.map_err(|e| CoreError::from_sql(&e, "read consent"))?;
        let client =
            ClientId::parse(&client).map_err(|_| CoreError::internal(&"malformed consent row"))?;
        withdrawn.entry(client).or_default().insert(agency);
    }
    Ok(withdrawn)
}
