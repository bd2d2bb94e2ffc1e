//! Types and rules of the service, with no I/O.
//!
//! Every type here that holds something a person typed can only be built
//! through a `parse` function that checks it, so the rest of Casebook takes
//! the checked type and never sees unchecked input.

pub mod access;
pub mod account;
pub mod appointments;
pub mod assessments;
pub mod audit;
pub mod client;
pub mod client_deletions;
pub mod client_profile;
pub mod cohort;
pub mod cohort_filter;
pub mod compliance;
pub mod computers;
pub mod consent;
pub mod dates;
pub mod duplicates;
pub mod field_merge;
pub mod free_text;
pub mod identifiers;
pub mod ids;
pub mod merges_in_force;
pub mod names;
pub mod password;
pub mod pathway_scores;
pub mod pick_up_clocks;
pub mod rag;
pub mod received_changes;
pub mod referrals;
pub mod resolve_items;
pub mod safety_flags;
pub mod search;
pub mod session_records;
pub mod unit_settings;
