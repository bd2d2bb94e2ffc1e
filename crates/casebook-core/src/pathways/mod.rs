//! The seven pathways: assessments of need, and the support plan whose
//! goals and actions follow from them.

pub mod assessments;
