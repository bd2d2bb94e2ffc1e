//! Clients: one client's record or summary, adding and changing it, the
//! caseload and search, allocation to a keyworker, the profile, consent to
//! share, merging duplicates, deleting a record entered in error, and the
//! timeline of everything that happened to a client.

pub mod allocation;
pub mod caseload;
pub mod caseload_query;
pub mod client_deletions;
pub mod client_merges;
pub mod client_profiles;
pub mod client_records;
pub mod consent;
pub mod timeline;
