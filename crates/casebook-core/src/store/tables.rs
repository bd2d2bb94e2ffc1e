//! The one list of the tables that sync: each table's name, the column that
//! identifies its rows, and whether its rows belong to one client by
//! `client_id` (and so move with a merge and count against a deletion).
//! The change log, applying received changes, snapshots, merges and the
//! digest that compares devices all read this list; a table added to the
//! schema syncs when, and only when, it has a row here. Nothing in this file
//! calls anything else in `store/`: it is the floor every other file stands
//! on.

/// One table that syncs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncedTable {
    pub name: &'static str,
    pub key_column: &'static str,
    /// Rows that belong to one client by `client_id`. `clients` itself and
    /// `client_profiles` (merged field by field) are not among them.
    pub rows_of_one_client: bool,
    /// Rows only ever added: a change may not alter one (except to follow
    /// its client into a merge) on this computer, where triggers refuse it
    /// (migration 0029), nor arriving from another, where
    /// `domain::received_changes` refuses it.
    pub insert_only: bool,
}

/// Every table whose rows sync, in the order their rows are compared.
#[rustfmt::skip]
pub const SYNCED_TABLES: [SyncedTable; 23] = [
    SyncedTable { name: "accounts", key_column: "id", rows_of_one_client: false, insert_only: false },
    SyncedTable { name: "clients", key_column: "id", rows_of_one_client: false, insert_only: false },
    SyncedTable { name: "client_deletions", key_column: "id", rows_of_one_client: false, insert_only: true },
    SyncedTable { name: "unit_settings", key_column: "key", rows_of_one_client: false, insert_only: false },
    SyncedTable { name: "rag_reviews", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "safety_flags", key_column: "id", rows_of_one_client: true, insert_only: false },
    SyncedTable { name: "cohort_flags", key_column: "id", rows_of_one_client: true, insert_only: false },
    SyncedTable { name: "ogrs_scores", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "consent_decisions", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "episodes", key_column: "id", rows_of_one_client: true, insert_only: false },
    SyncedTable { name: "client_profiles", key_column: "client_id", rows_of_one_client: false, insert_only: false },
    SyncedTable { name: "appointments", key_column: "id", rows_of_one_client: true, insert_only: false },
    SyncedTable { name: "session_records", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "session_addenda", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "tasks", key_column: "id", rows_of_one_client: true, insert_only: false },
    SyncedTable { name: "probation_notices", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "session_templates", key_column: "id", rows_of_one_client: false, insert_only: false },
    SyncedTable { name: "assessments", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "assessment_addenda", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "plan_goals", key_column: "id", rows_of_one_client: true, insert_only: false },
    SyncedTable { name: "plan_reviews", key_column: "id", rows_of_one_client: true, insert_only: true },
    SyncedTable { name: "value_versions", key_column: "id", rows_of_one_client: false, insert_only: true },
    SyncedTable { name: "device_decisions", key_column: "id", rows_of_one_client: false, insert_only: true },
];

/// The audit trail syncs too, with its own hash chains, and is compared by
/// verifying them rather than by the digest.
pub const AUDIT_LOG: SyncedTable = SyncedTable {
    name: "audit_log",
    key_column: "id",
    rows_of_one_client: false,
    insert_only: true,
};

/// The table of this name that syncs, the audit trail included.
pub fn synced_table(name: &str) -> Option<SyncedTable> {
    SYNCED_TABLES
        .iter()
        .chain([&AUDIT_LOG])
        .find(|table| table.name == name)
        .copied()
}

/// Whether rows of `table` are only ever added.
pub fn is_insert_only(table: &str) -> bool {
    synced_table(table).is_some_and(|table| table.insert_only)
}

/// The column that identifies a row of each synced table.
pub fn key_column(table: &str) -> Option<&'static str> {
    synced_table(table).map(|table| table.key_column)
}

/// The names of the synced tables, audit trail aside, in order.
pub fn synced_table_names() -> impl Iterator<Item = &'static str> {
    SYNCED_TABLES.iter().map(|table| table.name)
}

/// Whether rows of `table` sync (the audit trail aside).
pub fn is_synced(table: &str) -> bool {
    synced_table_names().any(|name| name == table)
}

/// The tables whose rows belong to one client by `client_id`.
pub fn client_tables() -> impl Iterator<Item = &'static str> {
    SYNCED_TABLES
        .iter()
        .filter(|table| table.rows_of_one_client)
        .map(|table| table.name)
}

/// Whether rows of `table` belong to one client by `client_id`.
pub fn belongs_to_one_client(table: &str) -> bool {
    client_tables().any(|name| name == table)
}
