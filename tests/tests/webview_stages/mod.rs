//! The stages of the end-to-end tests, one module for each part of the
//! story; `webview.rs` declares the tests and runs the stages in order.

pub mod break_glass_and_audit;
pub mod county_caseload;
pub mod first_start;
pub mod keywork_week;
pub mod keyworker;
pub mod partner_and_manager;
pub mod pathways;
pub mod two_computers;
