//! Clients.

use rusqlite::{Connection, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::client::{Client, DateOfBirth, NewClient};
use crate::domain::ids::{AccountId, ClientId};
use crate::domain::names::PersonName;
use crate::error::{CoreError, CoreResult};

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: ClientId,
    created_by: AccountId,
    client: &NewClient,
) -> CoreResult<Client> {
    let id_text = id.to_string();
    let date_of_birth = client.date_of_birth.date().format("%Y-%m-%d").to_string();
    tx.execute(
        "INSERT INTO clients (id, given_name, family_name, date_of_birth, created_at, created_by, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id_text,
            client.given_name.as_str(),
            client.family_name.as_str(),
            date_of_birth,
            stamp.at.to_rfc3339(),
            created_by.to_string(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the client"))?;
    let row = serde_json::json!({
        "id": id_text,
        "given_name": client.given_name.as_str(),
        "family_name": client.family_name.as_str(),
        "date_of_birth": date_of_birth,
        "created_at": stamp.at.to_rfc3339(),
        "created_by": created_by.to_string(),
    });
    change_log::append(tx, stamp, "clients", &id_text, Operation::Insert, &row)?;
    Ok(Client {
        id,
        given_name: client.given_name.clone(),
        family_name: client.family_name.clone(),
        date_of_birth: client.date_of_birth,
    })
}

/// Every client, by family name then given name.
pub fn list(conn: &Connection) -> CoreResult<Vec<Client>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT id, given_name, family_name, date_of_birth FROM clients
             ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id",
        )
        .map_err(|e| CoreError::from_sql(&e, "read the caseload"))?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })
        .map_err(|e| CoreError::from_sql(&e, "read the caseload"))?;
    let mut clients = Vec::new();
    for row in rows {
        let (id, given, family, born) =
            row.map_err(|e| CoreError::from_sql(&e, "read the caseload"))?;
        clients.push(client_from_row(&id, &given, &family, &born)?);
    }
    Ok(clients)
}

pub fn count(conn: &Connection) -> CoreResult<u64> {
    let count: i64 = conn
        .query_row("SELECT count(*) FROM clients", [], |row| row.get(0))
        .map_err(|e| CoreError::from_sql(&e, "read the caseload"))?;
    Ok(u64::try_from(count).unwrap_or(0))
}

/// Rows were checked when entered; one that no longer parses means the file
/// was damaged, which is reported without showing what the row held.
fn client_from_row(id: &str, given: &str, family: &str, born: &str) -> CoreResult<Client> {
    let malformed = |_| CoreError::internal(&"malformed client row");
    Ok(Client {
        id: ClientId::parse(id).map_err(malformed)?,
        given_name: PersonName::parse(given, "given name").map_err(malformed)?,
        family_name: PersonName::parse(family, "family name").map_err(malformed)?,
        date_of_birth: DateOfBirth::from_stored(
            chrono::NaiveDate::parse_from_str(born, "%Y-%m-%d")
                .map_err(|_| CoreError::internal(&"malformed client row"))?,
        ),
    })
}
