//! Casebook's core: everything the product knows and does, without a user
//! interface. The folder tree is the architecture: each feature has one
//! folder for its actions, named as a keyworker would name it, beside the
//! layers every feature shares.
//!
//! The layers, lowest first (a folder imports only from those above it in
//! this list, and from its own feature):
//! - [`error`], [`clock`], [`write_once`]: the `{code, message}` error, time
//!   and randomness passed in, and files that appear whole.
//! - [`domain`]: types and rules of the service, with no I/O.
//! - [`store`]: the SQLCipher database; the only module that writes SQL.
//! - [`vault`]: the unit key, key slots, key files and failed sign-ins.
//! - [`unit`]: a unit on disk, the unlocked unit, the access guards every
//!   feature asks, and the demo unit.
//!
//! The features, each a set of `impl UnlockedUnit` blocks: one action, one
//! transaction, access-checked and audited:
//! - [`clients`]: the record, caseload and search, allocation, profile,
//!   consent, merges, deletions and the timeline.
//! - [`risk`]: RAG ratings, safety flags, cohort flags and OGRS scores.
//! - [`episodes`]: referrals, pick-up clocks and exits.
//! - [`casework`]: appointments and the diary, session records, tasks and
//!   compliance with orders.
//! - [`pathways`]: seven pathways assessments and support plans.
//! - [`administration`]: accounts, unit settings and the audit trail.
//! - [`reports`]: every figure and file that leaves the unit: cohort
//!   outcomes, chart exports and the audit trail's CSV.
//! - [`sync`]: the shared folder: bundles, sending, receiving, joining,
//!   snapshots, computers and resolve items.
//!
//! Nothing here knows of Tauri, IPC or the web UI.

pub mod administration;
pub mod casework;
pub mod clients;
pub mod clock;
pub mod domain;
pub mod episodes;
pub mod error;
pub mod pathways;
pub mod reports;
pub mod risk;
pub mod store;
pub mod sync;
pub mod unit;
pub mod vault;
pub mod write_once;

pub use error::{CoreError, CoreResult, ErrorCode};
