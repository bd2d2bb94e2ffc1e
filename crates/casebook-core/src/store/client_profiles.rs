//! Client profiles: one row per client, written whole.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, WriteStamp};
use crate::domain::client_profile::{ClientProfile, Postcode};
use crate::domain::ids::{AccountId, ClientId};
use crate::domain::search::SearchExtras;
use crate::error::{CoreError, CoreResult};

const COLUMNS: &str = "other_names, pronouns, address, postcode, local_authority, phone, safe_contact_times,
     letters_home, preferred_language, needs_interpreter, reasonable_adjustments, needs_literacy_support,
     ethnicity, religion, sexual_orientation, disability, armed_forces";

pub fn write(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    client: ClientId,
    by: AccountId,
    profile: &ClientProfile,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "client_profiles", &client.to_string())?;
    tx.execute(
        &format!(
            "INSERT INTO client_profiles (client_id, {COLUMNS}, updated_by, updated_at, hlc, device_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
             ON CONFLICT (client_id) DO UPDATE SET
               other_names = excluded.other_names, pronouns = excluded.pronouns, address = excluded.address,
               postcode = excluded.postcode, local_authority = excluded.local_authority, phone = excluded.phone,
               safe_contact_times = excluded.safe_contact_times, letters_home = excluded.letters_home,
               preferred_language = excluded.preferred_language, needs_interpreter = excluded.needs_interpreter,
               reasonable_adjustments = excluded.reasonable_adjustments,
               needs_literacy_support = excluded.needs_literacy_support, ethnicity = excluded.ethnicity,
               religion = excluded.religion, sexual_orientation = excluded.sexual_orientation,
               disability = excluded.disability, armed_forces = excluded.armed_forces,
               updated_by = excluded.updated_by, updated_at = excluded.updated_at, hlc = excluded.hlc,
               device_id = excluded.device_id"
        ),
        params![
            client.to_string(),
            profile.other_names.join("\n"),
            profile.pronouns,
            profile.address,
            profile.postcode.as_ref().map(Postcode::as_str),
            profile.local_authority,
            profile.phone,
            profile.safe_contact_times,
            profile.letters_home,
            profile.preferred_language,
            profile.needs_interpreter,
            profile.reasonable_adjustments,
            profile.needs_literacy_support,
            profile.ethnicity,
            profile.religion,
            profile.sexual_orientation,
            profile.disability,
            profile.armed_forces,
            by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the client's details"))?;
    before.append(tx, stamp)
}

/// One client's profile; empty when none was ever saved.
pub fn read(conn: &Connection, client: ClientId) -> CoreResult<ClientProfile> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM client_profiles WHERE client_id = ?1"),
        [client.to_string()],
        profile_from_row,
    )
    .optional()
    .map_err(|e| CoreError::from_sql(&e, "read the client's details"))
    .map(Option::unwrap_or_default)
}

/// Every client's other names and postcode, for search.
pub fn search_extras(conn: &Connection) -> CoreResult<HashMap<ClientId, SearchExtras>> {
    let mut statement = conn
        .prepare_cached("SELECT client_id, other_names, postcode FROM client_profiles")
        .map_err(|e| CoreError::from_sql(&e, "read clients' other names"))?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
            ))
        })
        .map_err(|e| CoreError::from_sql(&e, "read clients' other names"))?;
    let mut extras = HashMap::new();
    for row in rows {
        let (client, names, postcode) =
            row.map_err(|e| CoreError::from_sql(&e, "read clients' other names"))?;
        let client = ClientId::parse(&client)
            .map_err(|_| CoreError::internal(&"malformed client profile row"))?;
        extras.insert(
            client,
            SearchExtras {
                other_names: split_names(&names),
                postcode: postcode.as_deref().and_then(Postcode::from_stored),
            },
        );
    }
    Ok(extras)
}

/// Every client's local authority area, for the caseload's filter.
pub fn areas(conn: &Connection) -> CoreResult<HashMap<ClientId, String>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT client_id, local_authority FROM client_profiles WHERE local_authority IS NOT NULL",
        )
        .map_err(|e| CoreError::from_sql(&e, "read clients' areas"))?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .map_err(|e| CoreError::from_sql(&e, "read clients' areas"))?;
    let mut areas = HashMap::new();
    for row in rows {
        let (client, area) = row.map_err(|e| CoreError::from_sql(&e, "read clients' areas"))?;
        let client = ClientId::parse(&client)
            .map_err(|_| CoreError::internal(&"malformed client profile row"))?;
        areas.insert(client, area);
    }
    Ok(areas)
}

/// Moves a profile to another client for a merge, unless that client has
/// one already (the record kept wins; the other's names are added to its
/// other names by the caller).
pub fn move_to_client(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    from: ClientId,
    to: ClientId,
    by: AccountId,
) -> CoreResult<()> {
    let moving = read(tx, from)?;
    let mut kept = read(tx, to)?;
    for name in moving.other_names {
        if !kept.other_names.contains(&name) {
            kept.other_names.push(name);
        }
    }
    macro_rules! fill {
        ($($field:ident),*) => { $( if kept.$field.is_none() { kept.$field = moving.$field; } )* };
    }
    fill!(
        pronouns,
        address,
        postcode,
        local_authority,
        phone,
        safe_contact_times,
        letters_home,
        preferred_language,
        reasonable_adjustments,
        ethnicity,
        religion,
        sexual_orientation,
        disability,
        armed_forces
    );
    kept.needs_interpreter |= moving.needs_interpreter;
    kept.needs_literacy_support |= moving.needs_literacy_support;
    write(tx, stamp, to, by, &kept)
}

/// Adds names to a client's other names (for a merge: the merged record's
/// own names are kept as other names of the record kept).
pub fn add_other_names(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    client: ClientId,
    by: AccountId,
    names: &[String],
) -> CoreResult<()> {
    let mut profile = read(tx, client)?;
    for name in names {
        if !profile.other_names.contains(name) {
            profile.other_names.push(name.clone());
        }
    }
    write(tx, stamp, client, by, &profile)
}

fn split_names(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

fn profile_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ClientProfile> {
    Ok(ClientProfile {
        other_names: split_names(&row.get::<_, String>(0)?),
        pronouns: row.get(1)?,
        address: row.get(2)?,
        postcode: row
            .get::<_, Option<String>>(3)?
            .as_deref()
            .and_then(Postcode::from_stored),
        local_authority: row.get(4)?,
        phone: row.get(5)?,
        safe_contact_times: row.get(6)?,
        letters_home: row.get(7)?,
        preferred_language: row.get(8)?,
        needs_interpreter: row.get(9)?,
        reasonable_adjustments: row.get(10)?,
        needs_literacy_support: row.get(11)?,
        ethnicity: row.get(12)?,
        religion: row.get(13)?,
        sexual_orientation: row.get(14)?,
        disability: row.get(15)?,
        armed_forces: row.get(16)?,
    })
}
