//! Risk and eligibility: RAG reviews, safety flags with their reviews, and
//! cohort flags with OGRS scores.

pub mod cohort_flags;
pub mod rag;
pub mod safety_flags;
