//! Resolve items: safety-critical values two computers changed while
//! apart, each side with who and when, and the request that chooses one.

use casebook_core::domain::resolve_items::ContestedSubject;
use casebook_core::sync::resolve_items::{ContestedValue, ResolveItem, ResolveOption};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RagDto, SafetyFlagKindDto, StaffMemberDto};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ContestedSubject")]
pub enum ContestedSubjectDto {
    Rag,
    Allocation,
    SafetyFlag,
    AppointmentOutcome,
}

impl ContestedSubjectDto {
    fn from_subject(subject: ContestedSubject) -> ContestedSubjectDto {
        match subject {
            ContestedSubject::Rag => ContestedSubjectDto::Rag,
            ContestedSubject::Allocation => ContestedSubjectDto::Allocation,
            ContestedSubject::SafetyFlag => ContestedSubjectDto::SafetyFlag,
            ContestedSubject::AppointmentOutcome => ContestedSubjectDto::AppointmentOutcome,
        }
    }

    pub fn to_subject(self) -> ContestedSubject {
        match self {
            ContestedSubjectDto::Rag => ContestedSubject::Rag,
            ContestedSubjectDto::Allocation => ContestedSubject::Allocation,
            ContestedSubjectDto::SafetyFlag => ContestedSubject::SafetyFlag,
            ContestedSubjectDto::AppointmentOutcome => ContestedSubject::AppointmentOutcome,
        }
    }
}

/// One side's value; `kind` says which of the three it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[ts(rename = "ContestedValue")]
pub enum ContestedValueDto {
    Rag {
        rating: RagDto,
        reason: Option<String>,
    },
    Allocation {
        keyworker: Option<StaffMemberDto>,
        co_worker: Option<StaffMemberDto>,
    },
    SafetyFlag {
        flag_kind: SafetyFlagKindDto,
        note: String,
        /// `YYYY-MM-DD`.
        review_by: String,
        ended: bool,
        end_reason: Option<String>,
    },
    AppointmentOutcome {
        outcome: String,
        reason: Option<String>,
        absence: Option<String>,
        absence_reason: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResolveOptionDto {
    pub version_id: String,
    pub value: ContestedValueDto,
    pub made_by: Option<String>,
    /// RFC 3339.
    pub made_at: String,
    /// The side that stands until someone chooses (the later change).
    pub in_effect: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResolveItemDto {
    pub subject: ContestedSubjectDto,
    pub subject_id: String,
    pub client_id: String,
    pub given_name: String,
    pub family_name: String,
    /// Latest first.
    pub options: Vec<ResolveOptionDto>,
}

impl ResolveItemDto {
    pub fn from_item(item: &ResolveItem) -> ResolveItemDto {
        ResolveItemDto {
            subject: ContestedSubjectDto::from_subject(item.subject),
            subject_id: item.subject_id.clone(),
            client_id: item.client.to_string(),
            given_name: item.given_name.as_str().to_owned(),
            family_name: item.family_name.as_str().to_owned(),
            options: item.options.iter().map(option_dto).collect(),
        }
    }
}

fn option_dto(option: &ResolveOption) -> ResolveOptionDto {
    let value = match &option.value {
        ContestedValue::Rag { rating, reason } => ContestedValueDto::Rag {
            rating: (*rating).into(),
            reason: reason.clone(),
        },
        ContestedValue::Allocation {
            keyworker,
            co_worker,
        } => ContestedValueDto::Allocation {
            keyworker: keyworker.as_ref().map(StaffMemberDto::from_staff),
            co_worker: co_worker.as_ref().map(StaffMemberDto::from_staff),
        },
        ContestedValue::SafetyFlag {
            kind,
            note,
            review_by,
            ended,
            end_reason,
        } => ContestedValueDto::SafetyFlag {
            flag_kind: (*kind).into(),
            note: note.clone(),
            review_by: review_by.clone(),
            ended: *ended,
            end_reason: end_reason.clone(),
        },
        ContestedValue::AppointmentOutcome {
            outcome,
            reason,
            absence,
            absence_reason,
        } => ContestedValueDto::AppointmentOutcome {
            outcome: outcome.as_str().to_owned(),
            reason: reason.clone(),
            absence: absence.clone(),
            absence_reason: absence_reason.clone(),
        },
    };
    ResolveOptionDto {
        version_id: option.version_id.clone(),
        value,
        made_by: option.made_by.clone(),
        made_at: option.made_at.clone(),
        in_effect: option.in_effect,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResolveRequest {
    pub subject: ContestedSubjectDto,
    pub subject_id: String,
    /// The `versionId` of the side the person chose.
    pub chosen: String,
}
