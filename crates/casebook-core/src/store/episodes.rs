//! Episodes and the referrals that open them. Each row is written when the
//! referral comes in, and again only for the pick-up, the outcome and the
//! end; every update names the state it expects, so an episode that ended
//! meanwhile (on this device or another) is never changed.

use crate::domain::dates::parse_day;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::change_log::{self, Operation, WriteStamp};
use crate::domain::ids::{AccountId, ClientId, EpisodeId};
use crate::domain::referrals::{
    ClockStatus, ExitReason, NewReferral, PickUpClock, PickUpTarget, ReferralOutcome, ReferralRoute,
};
use crate::error::{CoreError, CoreResult};

/// An episode as stored, with the name of who opened it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Episode {
    pub id: EpisodeId,
    pub client: ClientId,
    pub route: ReferralRoute,
    pub referrer: String,
    pub received_at: NaiveDateTime,
    pub reason: Option<String>,
    pub release_date: Option<NaiveDate>,
    /// The pick-up clock as worked out when the referral came in; `None`
    /// for routes with no target.
    pub clock: Option<PickUpClock>,
    pub picked_up_at: Option<NaiveDateTime>,
    pub outcome: Option<ReferralOutcome>,
    pub ended_on: Option<NaiveDate>,
    pub exit_reason: Option<ExitReason>,
    pub exit_note: Option<String>,
    pub opened_by: Option<String>,
}

impl Episode {
    /// Open: not ended by an outcome or an exit.
    pub fn is_open(&self) -> bool {
        self.ended_on.is_none()
    }

    /// Where the referral's pick-up clock stands at `now`; none for a
    /// route with no target. A referral that ended without a pick-up (not
    /// eligible, declined, referred on) has a stopped clock.
    pub fn clock_status(&self, now: NaiveDateTime) -> Option<ClockStatus> {
        let clock = self.clock?;
        Some(match (&self.outcome, self.picked_up_at) {
            (Some(outcome), None) if *outcome != ReferralOutcome::Accepted => ClockStatus::Stopped,
            _ => clock.status(now, self.picked_up_at),
        })
    }
}

const TIME: &str = "%Y-%m-%dT%H:%M";
use crate::domain::dates::DAY;

const SELECT: &str =
    "SELECT e.id, e.client_id, e.route, e.referrer, e.received_at, e.reason, e.release_date,
        e.clock_starts, e.pick_up_due, e.picked_up_at, e.outcome, e.outcome_note, e.ended_on,
        e.exit_reason, e.exit_note, a.full_name
     FROM episodes e LEFT JOIN accounts a ON a.id = e.opened_by";

pub fn insert(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: EpisodeId,
    client: ClientId,
    opened_by: AccountId,
    referral: &NewReferral,
    clock: Option<PickUpClock>,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO episodes (id, client_id, route, referrer, received_at, reason, release_date,
                               clock_starts, pick_up_due, opened_by, opened_at, hlc, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id.to_string(),
            client.to_string(),
            referral.route.as_str(),
            referral.referrer,
            referral.received_at.format(TIME).to_string(),
            referral.reason,
            referral.release_date.map(|d| d.format(DAY).to_string()),
            clock.map(|c| c.starts.format(TIME).to_string()),
            clock.map(|c| c.due.format(TIME).to_string()),
            opened_by.to_string(),
            stamp.at.to_rfc3339(),
            stamp.hlc.encode(),
            stamp.device.to_string()
        ],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the referral"))?;
    change_log::append(tx, stamp, "episodes", &id.to_string(), Operation::Insert)
}

/// The first attended face-to-face contact: the referral is accepted.
pub fn record_pick_up(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: EpisodeId,
    picked_up_at: NaiveDateTime,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "episodes", &id.to_string())?;
    let changed = tx
        .execute(
            "UPDATE episodes SET picked_up_at = ?2, outcome = 'accepted', hlc = ?3, device_id = ?4
             WHERE id = ?1 AND outcome IS NULL AND ended_on IS NULL",
            params![
                id.to_string(),
                picked_up_at.format(TIME).to_string(),
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "save the pick-up"))?;
    if changed != 1 {
        return Err(not_awaiting_pick_up());
    }
    before.append(tx, stamp)
}

/// A referral not taken on: the outcome ends the episode that day.
pub fn record_ending_outcome(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: EpisodeId,
    outcome: &ReferralOutcome,
    ended_on: NaiveDate,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "episodes", &id.to_string())?;
    let changed = tx
        .execute(
            "UPDATE episodes SET outcome = ?2, outcome_note = ?3, ended_on = ?4, hlc = ?5, device_id = ?6
             WHERE id = ?1 AND outcome IS NULL AND ended_on IS NULL",
            params![
                id.to_string(),
                outcome.as_str(),
                outcome.note(),
                ended_on.format(DAY).to_string(),
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "save the outcome"))?;
    if changed != 1 {
        return Err(not_awaiting_pick_up());
    }
    before.append(tx, stamp)
}

/// The end of an accepted episode.
pub fn close(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    id: EpisodeId,
    reason: ExitReason,
    note: Option<&str>,
    ended_on: NaiveDate,
) -> CoreResult<()> {
    let before = change_log::before_update(tx, "episodes", &id.to_string())?;
    let changed = tx
        .execute(
            "UPDATE episodes SET ended_on = ?2, exit_reason = ?3, exit_note = ?4, hlc = ?5, device_id = ?6
             WHERE id = ?1 AND outcome = 'accepted' AND ended_on IS NULL",
            params![
                id.to_string(),
                ended_on.format(DAY).to_string(),
                reason.as_str(),
                note,
                stamp.hlc.encode(),
                stamp.device.to_string()
            ],
        )
        .map_err(|e| CoreError::from_sql(&e, "close the episode"))?;
    if changed != 1 {
        return Err(CoreError::invalid(
            "This episode is not open any more (it may have been closed on another device). Refresh the page.",
        ));
    }
    before.append(tx, stamp)
}

fn not_awaiting_pick_up() -> CoreError {
    CoreError::invalid(
        "This referral already has an outcome (it may have been recorded on another device). Refresh the page.",
    )
}

pub fn find(conn: &Connection, id: EpisodeId) -> CoreResult<Option<Episode>> {
    conn.query_row(
        &format!("{SELECT} WHERE e.id = ?1"),
        [id.to_string()],
        raw_row,
    )
    .optional()
    .map_err(|e| CoreError::from_sql(&e, "read the episode"))?
    .map(episode_from_raw)
    .transpose()
}

/// One client's episodes, newest referral first.
pub fn for_client(conn: &Connection, client: ClientId) -> CoreResult<Vec<Episode>> {
    query_many(
        conn,
        &format!("{SELECT} WHERE e.client_id = ?1 ORDER BY e.received_at DESC, e.id DESC"),
        [client.to_string()],
    )
}

/// Every client with an episode, open or ended, for the caseload's filter
/// of closed records.
pub fn clients_ever_referred(conn: &Connection) -> CoreResult<std::collections::HashSet<ClientId>> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "read which clients were referred");
    let mut statement = conn
        .prepare_cached("SELECT DISTINCT client_id FROM episodes")
        .map_err(failed)?;
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(failed)?;
    let mut clients = std::collections::HashSet::new();
    for row in rows {
        let client = ClientId::parse(&row.map_err(failed)?)
            .map_err(|_| CoreError::internal(&"malformed episode row"))?;
        clients.insert(client);
    }
    Ok(clients)
}

/// Every open episode in the unit, for the caseload.
pub fn open(conn: &Connection) -> CoreResult<Vec<Episode>> {
    query_many(
        conn,
        &format!("{SELECT} WHERE e.ended_on IS NULL ORDER BY e.received_at"),
        [],
    )
}

fn query_many(
    conn: &Connection,
    sql: &str,
    parameters: impl rusqlite::Params,
) -> CoreResult<Vec<Episode>> {
    let mut statement = conn
        .prepare_cached(sql)
        .map_err(|e| CoreError::from_sql(&e, "read episodes"))?;
    let rows = statement
        .query_map(parameters, raw_row)
        .map_err(|e| CoreError::from_sql(&e, "read episodes"))?;
    let mut episodes = Vec::new();
    for row in rows {
        episodes.push(episode_from_raw(
            row.map_err(|e| CoreError::from_sql(&e, "read episodes"))?,
        )?);
    }
    Ok(episodes)
}

struct RawEpisode {
    id: String,
    client: String,
    route: String,
    referrer: String,
    received_at: String,
    reason: Option<String>,
    release_date: Option<String>,
    clock_starts: Option<String>,
    pick_up_due: Option<String>,
    picked_up_at: Option<String>,
    outcome: Option<String>,
    outcome_note: Option<String>,
    ended_on: Option<String>,
    exit_reason: Option<String>,
    exit_note: Option<String>,
    opened_by: Option<String>,
}

fn raw_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawEpisode> {
    Ok(RawEpisode {
        id: row.get(0)?,
        client: row.get(1)?,
        route: row.get(2)?,
        referrer: row.get(3)?,
        received_at: row.get(4)?,
        reason: row.get(5)?,
        release_date: row.get(6)?,
        clock_starts: row.get(7)?,
        pick_up_due: row.get(8)?,
        picked_up_at: row.get(9)?,
        outcome: row.get(10)?,
        outcome_note: row.get(11)?,
        ended_on: row.get(12)?,
        exit_reason: row.get(13)?,
        exit_note: row.get(14)?,
        opened_by: row.get(15)?,
    })
}

fn malformed() -> CoreError {
    CoreError::internal(&"malformed episode row")
}

fn time(text: &str) -> CoreResult<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, TIME).map_err(|_| malformed())
}

fn day(text: &str) -> CoreResult<NaiveDate> {
    parse_day(text).map_err(|_| malformed())
}

fn episode_from_raw(raw: RawEpisode) -> CoreResult<Episode> {
    let route = ReferralRoute::parse(&raw.route).map_err(|_| malformed())?;
    let clock = match (raw.clock_starts.as_deref(), raw.pick_up_due.as_deref()) {
        (Some(starts), Some(due)) => {
            let (starts, due) = (time(starts)?, time(due)?);
            // The target is read back from the route; the hours of a custody
            // clock are its length as stored, not today's unit setting.
            let target = match route.target(0) {
                Some(PickUpTarget::Hours(_)) => {
                    PickUpTarget::Hours(u32::try_from((due - starts).num_hours()).unwrap_or(0))
                }
                Some(days) => days,
                None => return Err(malformed()),
            };
            Some(PickUpClock {
                starts,
                due,
                target,
            })
        }
        _ => None,
    };
    let outcome = match raw.outcome.as_deref() {
        Some(kind) => {
            Some(ReferralOutcome::from_stored(kind, raw.outcome_note).ok_or_else(malformed)?)
        }
        None => None,
    };
    Ok(Episode {
        id: EpisodeId::parse(&raw.id).map_err(|_| malformed())?,
        client: ClientId::parse(&raw.client).map_err(|_| malformed())?,
        route,
        referrer: raw.referrer,
        received_at: time(&raw.received_at)?,
        reason: raw.reason,
        release_date: raw.release_date.as_deref().map(day).transpose()?,
        clock,
        picked_up_at: raw.picked_up_at.as_deref().map(time).transpose()?,
        outcome,
        ended_on: raw.ended_on.as_deref().map(day).transpose()?,
        exit_reason: raw
            .exit_reason
            .as_deref()
            .map(|r| ExitReason::parse(r).map_err(|_| malformed()))
            .transpose()?,
        exit_note: raw.exit_note,
        opened_by: raw.opened_by,
    })
}
