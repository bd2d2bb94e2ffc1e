//! Staff accounts.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::account::{ADMINISTRATION_ONLY, Account, CaseRole};
use crate::domain::ids::AccountId;
use crate::domain::names::{PersonName, Username};
use crate::error::{CoreError, CoreResult};
use crate::vault::account_keys::{AccountPublicKeys, Endorsement};

const COLUMNS: &str = "id, username, full_name, role, agency, administrator, gender, must_change_password, disabled_at";

fn role_text(account: &Account) -> &'static str {
    account
        .case_role
        .map(CaseRole::as_str)
        .unwrap_or(ADMINISTRATION_ONLY)
}

pub fn insert(tx: &Transaction<'_>, stamp: WriteStamp, account: &Account) -> CoreResult<()> {
    let id = account.id.to_string();
    tx.execute(
        "INSERT INTO accounts (id, username, full_name, role, agency, administrator, gender, must_change_password,
                               disabled_at, created_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            id,
            account.username.as_str(),
            account.full_name.as_str(),
            role_text(account),
            account.agency,
            account.administrator,
            account.gender,
            account.must_change_password,
            account.disabled.then(|| stamp.at.to_rfc3339()),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => {
            CoreError::invalid("There is already an account with that username. Choose another.")
        }
        _ => CoreError::from_sql(&e, "save the account"),
    })?;
    change_log::append(tx, stamp, "accounts", &id, Operation::Insert)
}

/// Saves what changes over an account's life: its roles, whether it must
/// change its password, and whether it is disabled.
pub fn update_status(tx: &Transaction<'_>, stamp: WriteStamp, account: &Account) -> CoreResult<()> {
    let id = account.id.to_string();
    let before = change_log::before_update(tx, "accounts", &id)?;
    tx.execute(
        "UPDATE accounts SET must_change_password = ?2, disabled_at = ?3, role = ?4, administrator = ?5,
                             hlc = ?6, device_id = ?7
         WHERE id = ?1",
        params![
            id,
            account.must_change_password,
            account.disabled.then(|| stamp.at.to_rfc3339()),
            role_text(account),
            account.administrator,
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the account"))?;
    before.append(tx, stamp)
}

/// Records the SHA-256 of `account`'s new key file, so other computers take
/// that file from the share (see `key_files::adopt_current_key_files`).
pub fn set_key_file(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    account: AccountId,
    sha256: &str,
) -> CoreResult<()> {
    let id = account.to_string();
    let before = change_log::before_update(tx, "accounts", &id)?;
    tx.execute(
        "UPDATE accounts SET key_file = ?2, hlc = ?3, device_id = ?4 WHERE id = ?1",
        params![id, sha256, stamp.hlc.encode(), stamp.device.to_string()],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the account"))?;
    before.append(tx, stamp)
}

/// Records `account`'s own public keys and the endorsement that vouches
/// for them (`vault::account_keys`).
pub fn set_public_keys(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    account: AccountId,
    keys: &AccountPublicKeys,
    endorsement: &Endorsement,
) -> CoreResult<()> {
    let id = account.to_string();
    let before = change_log::before_update(tx, "accounts", &id)?;
    tx.execute(
        "UPDATE accounts SET signing_key = ?2, agreement_key = ?3, keys_endorsed_by = ?4,
                             keys_endorsement = ?5, hlc = ?6, device_id = ?7
         WHERE id = ?1",
        params![
            id,
            keys.signing_hex(),
            keys.agreement_hex(),
            endorsement.by.to_string(),
            hex::encode(endorsement.signature.to_bytes()),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the account"))?;
    before.append(tx, stamp)
}

/// `account`'s own public keys and their endorsement, once it has keys.
pub fn public_keys(
    conn: &Connection,
    account: AccountId,
) -> CoreResult<Option<(AccountPublicKeys, Endorsement)>> {
    let row: Option<[Option<String>; 4]> = conn
        .query_row(
            "SELECT signing_key, agreement_key, keys_endorsed_by, keys_endorsement
             FROM accounts WHERE id = ?1",
            [account.to_string()],
            |row| Ok([row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?]),
        )
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "read the account"))?;
    let Some([Some(signing), Some(agreement), Some(by), Some(signature)]) = row else {
        return Ok(None);
    };
    let damaged = || CoreError::internal(&"an account's key endorsement is damaged");
    let signature: [u8; 64] = hex::decode(signature)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(damaged)?;
    Ok(Some((
        AccountPublicKeys::from_hex(&signing, &agreement)?,
        Endorsement {
            by: AccountId::parse(&by)?,
            signature: ed25519_dalek::Signature::from_bytes(&signature),
        },
    )))
}

/// Every account's current key file, where one is recorded, and whether
/// the account is disabled: `(account, key_file, disabled)`.
pub fn key_files(conn: &Connection) -> CoreResult<Vec<(String, Option<String>, bool)>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the accounts");
    let mut statement = conn
        .prepare("SELECT id, key_file, disabled_at IS NOT NULL FROM accounts ORDER BY id")
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .map_err(failed)?;
    rows.collect::<Result<_, _>>().map_err(failed)
}

pub fn find(conn: &Connection, id: AccountId) -> CoreResult<Option<Account>> {
    query_one(
        conn,
        &format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"),
        &id.to_string(),
    )
}

pub fn find_by_username(conn: &Connection, username: &Username) -> CoreResult<Option<Account>> {
    query_one(
        conn,
        &format!("SELECT {COLUMNS} FROM accounts WHERE username = ?1"),
        username.as_str(),
    )
}

/// Every account, by username.
pub fn list(conn: &Connection) -> CoreResult<Vec<Account>> {
    let mut statement = conn
        .prepare(&format!("SELECT {COLUMNS} FROM accounts ORDER BY username"))
        .map_err(|e| CoreError::from_sql(&e, "read the accounts"))?;
    let rows = statement
        .query_map([], raw_row)
        .map_err(|e| CoreError::from_sql(&e, "read the accounts"))?;
    let mut accounts = Vec::new();
    for row in rows {
        accounts.push(account_from_raw(
            row.map_err(|e| CoreError::from_sql(&e, "read the accounts"))?,
        )?);
    }
    Ok(accounts)
}

fn query_one(conn: &Connection, sql: &str, key: &str) -> CoreResult<Option<Account>> {
    conn.query_row(sql, [key], raw_row)
        .optional()
        .map_err(|e| CoreError::from_sql(&e, "read the account"))?
        .map(account_from_raw)
        .transpose()
}

type RawAccount = (
    String,
    String,
    String,
    String,
    String,
    bool,
    Option<String>,
    bool,
    Option<String>,
);

fn raw_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawAccount> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
    ))
}

fn account_from_raw(raw: RawAccount) -> CoreResult<Account> {
    let (
        id,
        username,
        full_name,
        role,
        agency,
        administrator,
        gender,
        must_change_password,
        disabled_at,
    ) = raw;
    let malformed = |_| CoreError::internal(&"malformed account row");
    let case_role = match role.as_str() {
        ADMINISTRATION_ONLY => None,
        other => Some(
            CaseRole::parse(other)
                .ok_or_else(|| CoreError::internal(&"unknown role in the database"))?,
        ),
    };
    Ok(Account {
        id: AccountId::parse(&id).map_err(malformed)?,
        username: Username::parse(&username).map_err(malformed)?,
        full_name: PersonName::parse(&full_name, "full name").map_err(malformed)?,
        agency,
        case_role,
        administrator,
        gender,
        must_change_password,
        disabled: disabled_at.is_some(),
    })
}
