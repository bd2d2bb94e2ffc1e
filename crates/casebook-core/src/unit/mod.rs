//! A unit: its folder on disk (creating and unlocking it), the unlocked unit
//! that every feature adds its actions to, the access guards those actions
//! ask before they read or change anything, the caseload's index of clients
//! kept in memory, and the demo unit with its
//! generator of made-up people.

pub mod access_guards;
pub mod authorship;
pub mod caseload_index;
pub mod demo;
pub mod demo_generator;
pub mod digest;
pub mod folder;
pub mod unlocked;
