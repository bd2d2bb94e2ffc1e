//! The unit's own row and this device's row.

use rusqlite::{Connection, Transaction, params};

use crate::domain::ids::{DeviceId, UnitId};
use crate::domain::names::UnitName;
use crate::error::{CoreError, CoreResult};

pub fn insert_unit(
    tx: &Transaction<'_>,
    id: UnitId,
    name: &UnitName,
    at: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO unit (id, name, created_at) VALUES (?1, ?2, ?3)",
        params![id.to_string(), name.as_str(), at.to_rfc3339()],
    )
    .map_err(|e| CoreError::from_sql(&e, "create the unit"))?;
    Ok(())
}

pub fn insert_this_device(
    tx: &Transaction<'_>,
    id: DeviceId,
    at: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO this_device (id, created_at) VALUES (?1, ?2)",
        params![id.to_string(), at.to_rfc3339()],
    )
    .map_err(|e| CoreError::from_sql(&e, "create the unit"))?;
    Ok(())
}

pub fn unit_id(conn: &Connection) -> CoreResult<UnitId> {
    let text: String = conn
        .query_row("SELECT id FROM unit", [], |row| row.get(0))
        .map_err(|e| CoreError::from_sql(&e, "read the unit"))?;
    UnitId::parse(&text).map_err(|_| CoreError::internal(&"malformed unit id in the database"))
}

pub fn this_device(conn: &Connection) -> CoreResult<DeviceId> {
    let text: String = conn
        .query_row("SELECT id FROM this_device", [], |row| row.get(0))
        .map_err(|e| CoreError::from_sql(&e, "read the unit"))?;
    DeviceId::parse(&text).map_err(|_| CoreError::internal(&"malformed device id in the database"))
}
