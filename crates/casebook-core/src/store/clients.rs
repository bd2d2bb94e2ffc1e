//! Clients.

use crate::domain::dates::parse_day;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::client::{Client, ClientIdentifiers, DateOfBirth, NewClient};
use crate::domain::identifiers::{Crn, NhsNumber, PncId};
use crate::domain::ids::{AccountId, ClientId};
use crate::domain::names::PersonName;
use crate::error::{CoreError, CoreResult};

const COLUMNS: &str =
    "id, given_name, family_name, date_of_birth, keyworker_id, crn, pnc_id, nhs_number,
     co_worker_id, gender, wants_same_sex_keyworker";

fn stored_date(date: DateOfBirth) -> String {
    date.date().format("%Y-%m-%d").to_string()
}

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: ClientId,
    created_by: AccountId,
    keyworker: Option<AccountId>,
    client: &NewClient,
) -> CoreResult<Client> {
    let client = Client {
        id,
        given_name: client.given_name.clone(),
        family_name: client.family_name.clone(),
        date_of_birth: client.date_of_birth,
        identifiers: client.identifiers.clone(),
        gender: client.gender.clone(),
        wants_same_sex_keyworker: client.wants_same_sex_keyworker,
        keyworker,
        co_worker: None,
    };
    let id_text = id.to_string();
    tx.execute(
        "INSERT INTO clients (id, given_name, family_name, date_of_birth, keyworker_id, crn, pnc_id, nhs_number,
                              gender, wants_same_sex_keyworker, created_at, created_by, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            id_text,
            client.given_name.as_str(),
            client.family_name.as_str(),
            stored_date(client.date_of_birth),
            keyworker.map(|k| k.to_string()),
            client.identifiers.crn.as_ref().map(Crn::as_str),
            client.identifiers.pnc_id.as_ref().map(PncId::as_str),
            client.identifiers.nhs_number.as_ref().map(NhsNumber::as_str),
            client.gender,
            client.wants_same_sex_keyworker,
            stamp.at.to_rfc3339(),
            created_by.to_string(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the client"))?;
    change_log::append(tx, stamp, "clients", &id_text, Operation::Insert)?;
    Ok(client)
}

/// Writes a changed client (details or allocation) over its row.
pub fn update(tx: &Transaction<'_>, stamp: WriteStamp, client: &Client) -> CoreResult<()> {
    let id_text = client.id.to_string();
    let before = change_log::before_update(tx, "clients", &id_text)?;
    let changed = tx
        .execute(
            "UPDATE clients SET given_name = ?2, family_name = ?3, date_of_birth = ?4, keyworker_id = ?5,
                                crn = ?6, pnc_id = ?7, nhs_number = ?8, co_worker_id = ?9, gender = ?10,
                                wants_same_sex_keyworker = ?11, hlc = ?12, device_id = ?13
             WHERE id = ?1",
            params![
                id_text,
                client.given_name.as_str(),
                client.family_name.as_str(),
                stored_date(client.date_of_birth),
                client.keyworker.map(|k| k.to_string()),
                client.identifiers.crn.as_ref().map(Crn::as_str),
                client.identifiers.pnc_id.as_ref().map(PncId::as_str),
                client.identifiers.nhs_number.as_ref().map(NhsNumber::as_str),
                client.co_worker.map(|k| k.to_string()),
                client.gender,
                client.wants_same_sex_keyworker,
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "save the client"))?;
    if changed != 1 {
        return Err(no_such_client());
    }
    before.append(tx, stamp)
}

/// The record a merged client was merged into, if `id` was merged.
pub fn merged_into(conn: &Connection, id: ClientId) -> CoreResult<Option<ClientId>> {
    let kept: Option<Option<String>> = conn
        .query_row(
            "SELECT merged_into FROM clients WHERE id = ?1",
            [id.to_string()],
            |row| row.get(0),
        )
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "read the client"))?;
    kept.flatten()
        .map(|text| {
            ClientId::parse(&text).map_err(|_| CoreError::internal(&"malformed merge link"))
        })
        .transpose()
}

pub fn no_such_client() -> CoreError {
    CoreError::invalid("There is no such client in this unit. Refresh the caseload and try again.")
}

pub fn find(conn: &Connection, id: ClientId) -> CoreResult<Option<Client>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM clients WHERE id = ?1 AND merged_into IS NULL AND id NOT IN (SELECT client_id FROM deleted_clients)"),
        [id.to_string()],
        raw_row,
    )
    .optional()
    .map_err(|e| CoreError::from_sql(&e, "read the client"))?
    .map(client_from_raw)
    .transpose()
}

/// Every client, by family name then given name.
pub fn list(conn: &Connection) -> CoreResult<Vec<Client>> {
    query_many(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM clients WHERE merged_into IS NULL AND id NOT IN (SELECT client_id FROM deleted_clients)
             ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id"
        ),
        [],
    )
}

/// Clients with exactly this family name (ignoring case) and date of birth:
/// what a keyworker knows of someone before asking to open their record.
pub fn find_by_family_name_and_birth(
    conn: &Connection,
    family_name: &PersonName,
    date_of_birth: DateOfBirth,
) -> CoreResult<Vec<Client>> {
    query_many(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM clients
             WHERE family_name = ?1 COLLATE NOCASE AND date_of_birth = ?2 AND merged_into IS NULL AND id NOT IN (SELECT client_id FROM deleted_clients)
             ORDER BY given_name COLLATE NOCASE, id"
        ),
        params![family_name.as_str(), stored_date(date_of_birth)],
    )
}

/// Clients who share the date of birth or any of the identifiers given:
/// the only ones that can be probable duplicates.
pub fn duplicate_candidates(conn: &Connection, client: &NewClient) -> CoreResult<Vec<Client>> {
    let ids = &client.identifiers;
    query_many(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM clients
             WHERE (date_of_birth = ?1 OR crn = ?2 OR pnc_id = ?3 OR nhs_number = ?4)
               AND merged_into IS NULL AND id NOT IN (SELECT client_id FROM deleted_clients)
             ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id"
        ),
        params![
            stored_date(client.date_of_birth),
            ids.crn.as_ref().map(Crn::as_str),
            ids.pnc_id.as_ref().map(PncId::as_str),
            ids.nhs_number.as_ref().map(NhsNumber::as_str)
        ],
    )
}

pub fn count(conn: &Connection) -> CoreResult<u64> {
    let count: i64 = conn
        .query_row(
            "SELECT count(*) FROM clients WHERE merged_into IS NULL AND id NOT IN (SELECT client_id FROM deleted_clients)",
            [],
            |row| row.get(0),
        )
        .map_err(|e| CoreError::from_sql(&e, "read the caseload"))?;
    Ok(u64::try_from(count).unwrap_or(0))
}

fn query_many(
    conn: &Connection,
    sql: &str,
    parameters: impl rusqlite::Params,
) -> CoreResult<Vec<Client>> {
    let mut statement = conn
        .prepare_cached(sql)
        .map_err(|e| CoreError::from_sql(&e, "read the caseload"))?;
    let rows = statement
        .query_map(parameters, raw_row)
        .map_err(|e| CoreError::from_sql(&e, "read the caseload"))?;
    let mut clients = Vec::new();
    for row in rows {
        clients.push(client_from_raw(
            row.map_err(|e| CoreError::from_sql(&e, "read the caseload"))?,
        )?);
    }
    Ok(clients)
}

/// A row as read, before its values are checked again.
struct RawClient {
    id: String,
    given: String,
    family: String,
    born: String,
    keyworker: Option<String>,
    crn: Option<String>,
    pnc_id: Option<String>,
    nhs_number: Option<String>,
    co_worker: Option<String>,
    gender: Option<String>,
    wants_same_sex_keyworker: bool,
}

fn raw_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawClient> {
    Ok(RawClient {
        id: row.get(0)?,
        given: row.get(1)?,
        family: row.get(2)?,
        born: row.get(3)?,
        keyworker: row.get(4)?,
        crn: row.get(5)?,
        pnc_id: row.get(6)?,
        nhs_number: row.get(7)?,
        co_worker: row.get(8)?,
        gender: row.get(9)?,
        wants_same_sex_keyworker: row.get(10)?,
    })
}

/// Rows were checked when entered; one that no longer parses means the file
/// was damaged, which is reported without showing what the row held.
fn client_from_raw(raw: RawClient) -> CoreResult<Client> {
    let malformed = |_| CoreError::internal(&"malformed client row");
    Ok(Client {
        id: ClientId::parse(&raw.id).map_err(malformed)?,
        given_name: PersonName::parse(&raw.given, "given name").map_err(malformed)?,
        family_name: PersonName::parse(&raw.family, "family name").map_err(malformed)?,
        date_of_birth: DateOfBirth::from_stored(
            parse_day(&raw.born).map_err(|_| CoreError::internal(&"malformed client row"))?,
        ),
        identifiers: ClientIdentifiers::parse(
            raw.crn.as_deref().unwrap_or(""),
            raw.pnc_id.as_deref().unwrap_or(""),
            raw.nhs_number.as_deref().unwrap_or(""),
        )
        .map_err(malformed)?,
        gender: raw.gender,
        wants_same_sex_keyworker: raw.wants_same_sex_keyworker,
        keyworker: raw
            .keyworker
            .as_deref()
            .map(AccountId::parse)
            .transpose()
            .map_err(malformed)?,
        co_worker: raw
            .co_worker
            .as_deref()
            .map(AccountId::parse)
            .transpose()
            .map_err(malformed)?,
    })
}
