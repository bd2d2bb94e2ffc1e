//! What leaves the unit: every figure and file made for someone outside the
//! record. Cohort outcomes are aggregate (averages and counts, never a
//! client); chart exports and the audit trail's CSV are files in the export
//! folder, each written whole and audited.

pub mod chart_exports;
pub mod cohort_outcomes;
