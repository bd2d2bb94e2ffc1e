//! One-to-one keywork: appointments and the diary, session records with
//! their drafts, addenda and templates, tasks, and compliance with orders.

pub mod appointments;
pub mod compliance;
pub mod session_records;
pub mod tasks;
