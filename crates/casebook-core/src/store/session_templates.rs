//! Templates for common kinds of session, kept by managers. A template is
//! changed by updating its row and retired rather than deleted.

use rusqlite::{Connection, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::ids::{AccountId, SessionTemplateId};
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionTemplate {
    pub id: SessionTemplateId,
    pub name: String,
    pub pathways: Vec<String>,
    pub interventions: Vec<String>,
    pub notes: String,
}

/// Writes a template: a new one is inserted, a known one updated field by
/// field (so two managers changing different parts apart both keep theirs).
pub fn save(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    template: &SessionTemplate,
    retired: bool,
    by: AccountId,
) -> CoreResult<()> {
    let id = template.id.to_string();
    let exists: bool = tx
        .query_row(
            "SELECT count(*) FROM session_templates WHERE id = ?1",
            [&id],
            |row| row.get::<_, i64>(0),
        )
        .map_err(|e| CoreError::from_sql(&e, "save the template"))?
        > 0;
    let pathways = serde_json::Value::from(template.pathways.clone()).to_string();
    let interventions = serde_json::Value::from(template.interventions.clone()).to_string();
    let values = params![
        id,
        template.name,
        pathways,
        interventions,
        template.notes,
        retired,
        by.to_string(),
        stamp.at.to_rfc3339(),
        stamp.hlc.encode(),
        stamp.device.to_string()
    ];
    if exists {
        let before = change_log::before_update(tx, "session_templates", &id)?;
        tx.execute(
            "UPDATE session_templates SET name = ?2, pathways = ?3, interventions = ?4, notes = ?5,
                    retired = ?6, updated_by = ?7, updated_at = ?8, hlc = ?9, device_id = ?10
             WHERE id = ?1",
            values,
        )
        .map_err(|e| CoreError::from_sql(&e, "save the template"))?;
        before.append(tx, stamp)
    } else {
        tx.execute(
            "INSERT INTO session_templates (id, name, pathways, interventions, notes, retired,
                                            updated_by, updated_at, hlc, device_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            values,
        )
        .map_err(|e| CoreError::from_sql(&e, "save the template"))?;
        change_log::append(tx, stamp, "session_templates", &id, Operation::Insert)
    }
}

/// The templates in use, by name.
pub fn in_use(conn: &Connection) -> CoreResult<Vec<SessionTemplate>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read the templates");
    let mut statement = conn
        .prepare_cached(
            "SELECT id, name, pathways, interventions, notes FROM session_templates
             WHERE retired = 0 ORDER BY name COLLATE NOCASE, id",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
            ))
        })
        .map_err(failed)?;
    let mut templates = Vec::new();
    for row in rows {
        let (id, name, pathways, interventions, notes) = row.map_err(failed)?;
        let Ok(id) = SessionTemplateId::parse(&id) else {
            continue;
        };
        templates.push(SessionTemplate {
            id,
            name,
            pathways: serde_json::from_str(&pathways).unwrap_or_default(),
            interventions: serde_json::from_str(&interventions).unwrap_or_default(),
            notes,
        });
    }
    Ok(templates)
}
