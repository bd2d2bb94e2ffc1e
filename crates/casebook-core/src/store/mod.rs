//! The encrypted unit database. Only this module writes SQL.
//!
//! The database is SQLCipher 4, opened with a raw 256-bit key derived from the
//! unit key, in WAL mode with foreign keys on. Migrations are embedded and
//! numbered and run on every open. Each function that changes data takes a
//! transaction, so one user action is one transaction and nothing is ever
//! half-saved; each also appends what it changed to the change log, which sync
//! will read.

pub mod accounts;
pub mod appointments;
pub mod assessments;
pub mod audit;
pub mod change_log;
pub mod client_change_stamps;
pub mod client_deletions;
pub mod client_merges;
pub mod client_profiles;
pub mod clients;
pub mod cohort_flags;
pub mod cohort_outcomes;
pub mod consent_decisions;
pub mod device_decisions;
pub mod episodes;
pub mod plan_goals;
pub mod probation_notices;
pub mod rag_reviews;
pub mod refused_changes;
pub mod safety_flags;
pub mod session_records;
pub mod session_templates;
pub mod snapshots;
pub mod sync_apply;
pub mod sync_state;
pub mod table_digest;
pub mod tables;
pub mod tasks;
pub mod unit_rows;
pub mod unit_settings;
pub mod value_versions;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::vault::keys::DatabaseKey;

/// The file name of the unit database inside a unit folder.
pub const DATABASE_FILE: &str = "casebook.db";

fn migrations() -> Migrations<'static> {
    // Keep MIGRATION_COUNT equal to the length of this list; a test checks.
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_foundation.sql")),
        M::up(include_str!("migrations/0002_audit_log.sql")),
        M::up(include_str!("migrations/0003_accounts.sql")),
        M::up(include_str!("migrations/0004_allocation_and_settings.sql")),
        M::up(include_str!("migrations/0005_client_identifiers.sql")),
        M::up(include_str!("migrations/0006_rag_reviews.sql")),
        M::up(include_str!("migrations/0007_safety_flags.sql")),
        M::up(include_str!("migrations/0008_cohort_flags.sql")),
        M::up(include_str!(
            "migrations/0009_co_worker_and_same_sex_request.sql"
        )),
        M::up(include_str!("migrations/0010_consent_decisions.sql")),
        M::up(include_str!("migrations/0011_episodes.sql")),
        M::up(include_str!("migrations/0012_client_profiles.sql")),
        M::up(include_str!("migrations/0013_client_merges.sql")),
        M::up(include_str!("migrations/0014_sync_outbox.sql")),
        M::up(include_str!("migrations/0015_sync_inbox.sql")),
        M::up(include_str!("migrations/0016_share_folder.sql")),
        M::up(include_str!("migrations/0017_contested_values.sql")),
        M::up(include_str!("migrations/0018_field_stamps.sql")),
        M::up(include_str!("migrations/0019_observed_clock.sql")),
        M::up(include_str!("migrations/0020_computers.sql")),
        M::up(include_str!("migrations/0021_audit_sync.sql")),
        M::up(include_str!("migrations/0022_acknowledgements.sql")),
        M::up(include_str!("migrations/0023_merge_logged_values.sql")),
        M::up(include_str!("migrations/0024_client_deletions.sql")),
        M::up(include_str!("migrations/0025_account_key_files.sql")),
        M::up(include_str!(
            "migrations/0026_appointments_sessions_tasks.sql"
        )),
        M::up(include_str!("migrations/0027_assessments_and_plans.sql")),
        M::up(include_str!("migrations/0028_change_log_by_stamp.sql")),
        M::up(include_str!(
            "migrations/0029_insert_only_and_refused_changes.sql"
        )),
        M::up(include_str!("migrations/0030_pinned_computer_keys.sql")),
        M::up(include_str!("migrations/0031_account_keys.sql")),
        M::up(include_str!("migrations/0032_change_authors.sql")),
    ])
}

/// Whether a new file may be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    CreateNew,
    ExistingOnly,
}

/// Opens (or creates) the unit database with its key, checks the key reads
/// it, and brings the schema up to date.
pub fn open(path: &Path, key: &DatabaseKey, mode: OpenMode) -> CoreResult<Connection> {
    let mut conn = open_file(path, mode)?;
    // Quiet SQLCipher's own "hmac check failed" lines on stderr: a wrong key
    // is reported to the person in plain words instead.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")
        .map_err(|e| CoreError::from_sql(&e, "open the unit"))?;
    let pragma = zeroize::Zeroizing::new(format!(
        "PRAGMA key = \"{}\";",
        key.sqlcipher_pragma_value().as_str()
    ));
    conn.execute_batch(&pragma)
        .map_err(|e| CoreError::from_sql(&e, "open the unit"))?;
    // PRAGMA key always succeeds; a wrong key shows at the first read.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    })
    .map_err(|e| CoreError::from_sql(&e, "open the unit"))?;
    configure(&conn)?;
    migrations().to_latest(&mut conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => {
            CoreError::from_sql(&err, "update the unit database")
        }
        other => CoreError::internal(&format_args!("migration: {other}")),
    })?;
    Ok(conn)
}

/// Opens a plain, unencrypted SQLite file with the same settings and schema.
/// Benchmarks use it to measure what encryption costs; Casebook never stores
/// anything in one.
#[doc(hidden)]
pub fn open_unencrypted_for_comparison(path: &Path) -> CoreResult<Connection> {
    let mut conn = open_file(path, OpenMode::CreateNew)?;
    configure(&conn)?;
    migrations()
        .to_latest(&mut conn)
        .map_err(|e| CoreError::internal(&e))?;
    Ok(conn)
}

fn open_file(path: &Path, mode: OpenMode) -> CoreResult<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    match mode {
        OpenMode::CreateNew => flags |= OpenFlags::SQLITE_OPEN_CREATE,
        OpenMode::ExistingOnly if !path.exists() => {
            return Err(CoreError::new(
                ErrorCode::NoUnit,
                "The unit's database file is missing from its folder. Nothing was changed; restore it from a backup.",
            ));
        }
        OpenMode::ExistingOnly => {}
    }
    Connection::open_with_flags(path, flags)
        .map_err(|e| CoreError::from_sql(&e, "open the unit database"))
}

fn configure(conn: &Connection) -> CoreResult<()> {
    // WAL lets reads go on while a write commits. synchronous = FULL makes a
    // committed transaction survive a power cut, which matters more here than
    // the last bit of write speed: nothing entered may be lost. Temporary
    // tables and sort spills stay in memory so no plaintext reaches a temp
    // file. The page cache is SQLite's default 2 MiB: the caseload and search
    // are answered from the caseload index in memory
    // (`unit::caseload_index`), so a larger cache of decrypted pages would
    // mostly hold again what the index holds. It goes with the connection on
    // lock.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -2048;
         PRAGMA busy_timeout = 5000;",
    )
    .map_err(|e| CoreError::from_sql(&e, "open the unit database"))?;
    // Applying received changes prepares a few statements for each synced
    // table (its key lookup, its column list, its insert and update shapes);
    // the default cache of 16 would turn them over on every change.
    conn.set_prepared_statement_cache_capacity(256);
    Ok(())
}

/// The schema version a database has once every embedded migration has run.
pub fn latest_schema_version() -> i64 {
    // One migration per version; the count is small and fixed at build time.
    i64::try_from(MIGRATION_COUNT).unwrap_or(i64::MAX)
}

const MIGRATION_COUNT: usize = 32;

/// The schema version the database is at (the number of the last migration).
pub fn schema_version(conn: &Connection) -> CoreResult<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| CoreError::from_sql(&e, "read the unit"))
}

/// Starts the one transaction of a user action. It is immediate, taking the
/// write lock at once, so it cannot fail halfway for want of it.
pub fn begin<'c>(conn: &'c mut Connection, what: &str) -> CoreResult<rusqlite::Transaction<'c>> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| CoreError::from_sql(&e, what))
}

/// Commits, reporting a full disk or read-only file in plain words.
///
/// A change in the change log that names no author is refused here: every
/// change is signed by the account that made it before it is committed
/// (`unit::authorship`), so one that is not was written by a path that
/// forgot to, and must not reach other computers under nobody's name.
pub fn commit(tx: rusqlite::Transaction<'_>, what: &str) -> CoreResult<()> {
    if change_log::has_changes_without_author(&tx)? {
        return Err(CoreError::internal(&format_args!(
            "{what}: a change was written without its author"
        )));
    }
    tx.commit().map_err(|e| CoreError::from_sql(&e, what))
}

/// Copies everything in the WAL into the main file and empties the WAL.
pub fn checkpoint(conn: &Connection) -> CoreResult<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(|e| CoreError::from_sql(&e, "save the unit"))
}

/// Begins a transaction whose foreign keys are checked at commit rather than
/// at each row: received changes and snapshot rows may arrive before the
/// rows they point at.
pub fn begin_with_deferred_foreign_keys<'c>(
    conn: &'c mut Connection,
    what: &str,
) -> CoreResult<rusqlite::Transaction<'c>> {
    let tx = begin(conn, what)?;
    tx.execute_batch("PRAGMA defer_foreign_keys = ON;")
        .map_err(|e| CoreError::from_sql(&e, what))?;
    Ok(tx)
}

/// SQLite's `data_version`: it changes when another connection commits a
/// change to the file (never for this connection's own writes).
pub fn data_version(conn: &Connection) -> CoreResult<i64> {
    conn.query_row("PRAGMA data_version", [], |row| row.get(0))
        .map_err(|e| CoreError::from_sql(&e, "check whether the file changed"))
}

#[cfg(test)]
mod tests {
    /// A change that names no author is never committed: the path that
    /// wrote it forgot to sign it (`unit::authorship`).
    #[test]
    fn a_change_without_its_author_is_not_committed() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = super::open_unencrypted_for_comparison(&dir.path().join("t.db")).unwrap();
        let tx = super::begin(&mut conn, "test").unwrap();
        tx.execute(
            "INSERT INTO change_log (hlc, device_id, table_name, row_id, operation, row_json)
             VALUES ('001', 'd', 'clients', 'r', 'insert', '{}')",
            [],
        )
        .unwrap();
        let refused = super::commit(tx, "test").unwrap_err();
        assert_eq!(refused.code, crate::error::ErrorCode::Internal);
        let left: i64 = conn
            .query_row("SELECT COUNT(*) FROM change_log", [], |row| row.get(0))
            .unwrap();
        assert_eq!(left, 0, "nothing of the transaction is kept");
    }

    #[test]
    fn migration_count_matches_the_list() {
        let dir = tempfile::tempdir().unwrap();
        let conn = super::open_unencrypted_for_comparison(&dir.path().join("t.db")).unwrap();
        assert_eq!(
            super::schema_version(&conn).unwrap(),
            super::latest_schema_version()
        );
    }

    /// Every insert-only table has a trigger against removal and one
    /// against changing any field but those a merge moves, so a column
    /// added to such a table later is held too.
    #[test]
    fn every_insert_only_table_refuses_changes_and_removals() {
        let dir = tempfile::tempdir().unwrap();
        let conn = super::open_unencrypted_for_comparison(&dir.path().join("t.db")).unwrap();
        let tables = super::tables::SYNCED_TABLES
            .iter()
            .chain([&super::tables::AUDIT_LOG])
            .filter(|table| table.insert_only);
        for table in tables {
            let triggers: Vec<String> = conn
                .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1")
                .unwrap()
                .query_map([table.name], |row| row.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert!(
                triggers
                    .iter()
                    .any(|sql| sql.contains("BEFORE DELETE") && sql.contains("RAISE(ABORT")),
                "{} has no trigger against removal",
                table.name
            );
            let columns: Vec<String> = conn
                .prepare("SELECT name FROM pragma_table_info(?1)")
                .unwrap()
                .query_map([table.name], |row| row.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let held = |column: &str| {
                triggers.iter().any(|sql| {
                    sql.contains("RAISE(ABORT")
                        && (sql.contains("BEFORE UPDATE ON")
                            || sql
                                .split_once("BEFORE UPDATE OF ")
                                .and_then(|(_, rest)| rest.split_once(" ON "))
                                .is_some_and(|(listed, _)| {
                                    listed.split(", ").any(|name| name == column)
                                }))
                })
            };
            for column in columns
                .iter()
                .filter(|c| !["client_id", "hlc", "device_id"].contains(&c.as_str()))
            {
                assert!(held(column), "{}.{column} can be changed", table.name);
            }
        }
    }
}
