//! Running the unit: accounts and their roles, passwords and recovery keys,
//! the unit's settings, and browsing and checking the audit trail. Most of
//! it is for administrators; the audit trail is for managers too.

pub mod accounts;
pub mod audit_trail;
pub mod unit_settings;
