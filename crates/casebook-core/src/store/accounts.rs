//! Staff accounts.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::account::{Account, Role};
use crate::domain::ids::AccountId;
use crate::domain::names::{PersonName, Username};
use crate::error::{CoreError, CoreResult};

pub fn insert(tx: &Transaction<'_>, stamp: WriteStamp, account: &Account) -> CoreResult<()> {
    let id = account.id.to_string();
    tx.execute(
        "INSERT INTO accounts (id, username, full_name, role, created_at, hlc, device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            account.username.as_str(),
            account.full_name.as_str(),
            account.role.as_str(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the account"))?;
    let row = serde_json::json!({
        "id": id,
        "username": account.username.as_str(),
        "full_name": account.full_name.as_str(),
        "role": account.role.as_str(),
        "created_at": stamp.at.to_rfc3339(),
    });
    change_log::append(tx, stamp, "accounts", &id, Operation::Insert, &row)
}

pub fn find(conn: &Connection, id: AccountId) -> CoreResult<Option<Account>> {
    conn.query_row(
        "SELECT id, username, full_name, role FROM accounts WHERE id = ?1",
        [id.to_string()],
        |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        },
    )
    .optional()
    .map_err(|e| CoreError::from_sql(&e, "read the account"))?
    .map(|(id, username, full_name, role)| {
        Ok(Account {
            id: AccountId::parse(&id)?,
            username: Username::parse(&username)?,
            full_name: PersonName::parse(&full_name, "full name")?,
            role: Role::parse(&role)
                .ok_or_else(|| CoreError::internal(&"unknown role in the database"))?,
        })
    })
    .transpose()
    .map_err(|_: CoreError| CoreError::internal(&"malformed account row"))
}
