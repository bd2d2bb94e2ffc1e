//! The caseload index: every client of the unit with what the caseload and
//! search filter, sort and count by (rating, area, flags, cohort, the open
//! episode, other names), read from the file once and then kept in memory
//! while the unit is unlocked, so a filter, a sort, a page or a search
//! keystroke at county scale costs a pass over memory, not seven queries.
//!
//! The index is only ever used while it is current. It is stamped with the
//! connection's count of changed rows (`total_changes`) and the file's
//! `data_version` when it is read. Every write through the unit's own
//! connection, a received sync bundle included, moves the first; a write by
//! any other connection to the file (the `casebook demo` command run while
//! the app is open) moves the second. Either way the next caseload or
//! search reads the index again. So a stale caseload cannot be shown, and a wrong guess
//! here costs time, never truth. What depends on the account (access) or on
//! the day (clocks, assessments due) is worked out at each query from the
//! index, never stored in it. It is dropped with the unlocked unit at lock.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::client::Client;
use crate::domain::cohort::CohortFlag;
use crate::domain::ids::{AccountId, ClientId, EpisodeId};
use crate::domain::names::PersonName;
use crate::domain::safety_flags::SafetyFlagKind;
use crate::domain::search::SearchExtras;
use crate::error::CoreResult;
use crate::store::{self, episodes::Episode, rag_reviews::CurrentRag};

/// One client as the caseload knows them.
#[derive(Debug, Clone)]
pub struct IndexedClient {
    pub client: Client,
    pub rag: Option<CurrentRag>,
    pub local_authority: Option<String>,
    pub active_flags: Vec<SafetyFlagKind>,
    pub cohort_flags: Vec<CohortFlag>,
    /// Boxed: nine clients in ten of a county unit have none open, and an
    /// episode held in line would cost each of them its size.
    pub open_episode: Option<Box<Episode>>,
    /// Whether the client has ever had an episode: one with none open is
    /// closed only if they had one.
    pub ever_referred: bool,
    /// The latest assessment of the open episode, for what is due next.
    pub last_assessed: Option<NaiveDate>,
    pub search_extras: SearchExtras,
}

/// Every client of the unit, in name order, with the facts above.
#[derive(Debug, Clone)]
pub struct CaseloadIndex {
    /// The connection's `total_changes` and the file's `data_version`
    /// when this was read.
    stamp: (u64, i64),
    /// In name order (family, given, id): the order of the caseload when
    /// no other is chosen, and of ties in any other.
    pub clients: Vec<IndexedClient>,
    /// Every account's full name, for keyworkers on the lines.
    pub staff_names: HashMap<AccountId, PersonName>,
    /// Clients who withdrew consent, with the agencies they withdrew it from.
    pub withdrawn: HashMap<ClientId, HashSet<String>>,
}

impl CaseloadIndex {
    /// Reads the whole index from the file.
    pub fn read(conn: &Connection) -> CoreResult<CaseloadIndex> {
        let stamp = stamp_of(conn)?;
        let mut ratings = store::rag_reviews::current_for_all(conn)?;
        let mut areas = store::client_profiles::areas(conn)?;
        let mut extras = store::client_profiles::search_extras(conn)?;
        let mut flags: HashMap<ClientId, Vec<SafetyFlagKind>> = HashMap::new();
        for flag in store::safety_flags::active(conn)? {
            flags.entry(flag.client).or_default().push(flag.kind);
        }
        let mut cohorts: HashMap<ClientId, Vec<CohortFlag>> = HashMap::new();
        for entry in store::cohort_flags::active(conn)? {
            cohorts.entry(entry.client).or_default().push(entry.flag);
        }
        let mut episodes: HashMap<ClientId, Box<Episode>> = store::episodes::open(conn)?
            .into_iter()
            .map(|episode| (episode.client, Box::new(episode)))
            .collect();
        let last_assessed: HashMap<EpisodeId, NaiveDate> =
            store::assessments::latest_of_open_episodes(conn)?;
        let referred = store::episodes::clients_ever_referred(conn)?;
        let clients = store::clients::list(conn)?
            .into_iter()
            .map(|client| {
                let open_episode = episodes.remove(&client.id);
                IndexedClient {
                    rag: ratings.remove(&client.id),
                    local_authority: areas.remove(&client.id),
                    active_flags: flags.remove(&client.id).unwrap_or_default(),
                    cohort_flags: cohorts.remove(&client.id).unwrap_or_default(),
                    last_assessed: open_episode
                        .as_ref()
                        .and_then(|episode| last_assessed.get(&episode.id).copied()),
                    open_episode,
                    ever_referred: referred.contains(&client.id),
                    search_extras: extras.remove(&client.id).unwrap_or_default(),
                    client,
                }
            })
            .collect();
        let staff_names = store::accounts::list(conn)?
            .into_iter()
            .map(|account| (account.id, account.full_name))
            .collect();
        let withdrawn = store::consent_decisions::withdrawn_by_client(conn)?
            .into_iter()
            .collect();
        Ok(CaseloadIndex {
            stamp,
            clients,
            staff_names,
            withdrawn,
        })
    }

    /// Whether nothing has been written to the file since this was read.
    pub fn is_current(&self, conn: &Connection) -> CoreResult<bool> {
        Ok(self.stamp == stamp_of(conn)?)
    }

    /// Marks the index current again after a write known to change nothing
    /// it holds (the audit entry of looking at the caseload).
    pub fn still_current_after_own_write(&mut self, conn: &Connection) -> CoreResult<()> {
        self.stamp = stamp_of(conn)?;
        Ok(())
    }
}

fn stamp_of(conn: &Connection) -> CoreResult<(u64, i64)> {
    Ok((conn.total_changes(), store::data_version(conn)?))
}
