//! Casebook's core: everything the product knows and does, without a user
//! interface.
//!
//! - [`domain`]: types and rules of the service, with no I/O.
//! - [`store`]: the SQLCipher database; the only module that writes SQL.
//! - [`vault`]: the unit key, derived keys and password key slots.
//! - [`unit_folder`]: a unit on disk; creating and unlocking it.
//! - [`unlocked_unit`]: what a signed-in person can do; its siblings
//!   [`client_records`], [`allocation`], [`rag_records`], [`cohort_records`],
//!   [`consent_records`], [`safety_flag_records`], [`appointment_records`],
//!   [`session_notes`], [`task_records`], [`compliance_records`],
//!   [`account_administration`],
//!   [`audit_views`] and [`unit_settings_administration`] add the rest.
//! - [`demo`]: the demo unit's made-up people.
//! - [`clock`]: time, randomness and the hybrid logical clock, passed in.
//! - [`key_files`]: the keys folder: reading, adding and retiring slot files.
//! - [`sign_in_attempts`]: failed sign-ins, delays and lock-outs.
//! - [`write_once`]: files that appear whole and are never rewritten.
//! - [`error`]: the `{code, message}` error every function returns.
//!
//! Nothing here knows of Tauri, IPC or the web UI.

pub mod account_administration;
pub mod allocation;
pub mod appointment_records;
pub mod assessment_records;
pub mod audit_views;
pub mod caseload;
pub mod chart_exports;
pub mod client_profile_records;
pub mod client_records;
pub mod clock;
pub mod cohort_records;
pub mod compliance_records;
pub mod computers;
pub mod consent_records;
pub mod deletion_records;
pub mod demo;
pub mod demo_generator;
pub mod domain;
pub mod episode_records;
pub mod error;
pub mod key_files;
pub mod merge_records;
pub mod pathway_cohorts;
pub mod rag_records;
pub mod resolve_items;
pub mod safety_flag_records;
pub mod session_notes;
pub mod sign_in_attempts;
pub mod store;
pub mod sync;
pub mod task_records;
pub mod timeline;
pub mod unit_digest;
pub mod unit_folder;
pub mod unit_settings_administration;
pub mod unlocked_unit;
pub mod vault;
pub mod write_once;

pub use error::{CoreError, CoreResult, ErrorCode};
