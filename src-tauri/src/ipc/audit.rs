//! The audit trail as the UI reads it.

use casebook_core::domain::audit::ChainVerdict;
use casebook_core::store::audit::AuditView;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditFilterDto {
    pub account_id: Option<String>,
    pub client_id: Option<String>,
    pub action: Option<String>,
    /// `YYYY-MM-DD`, first day included.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, last day included.
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryDto {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: String,
    pub who: String,
    pub action: String,
    pub client_id: Option<String>,
    /// "Family, Given"; absent for readers who see no client data.
    pub client_name: Option<String>,
    pub detail: String,
}

/// One page of the audit trail, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditPageDto {
    pub entries: Vec<AuditEntryDto>,
    /// How many entries the filter selects in all.
    pub total: u32,
    /// The page shown, counting from 0.
    pub page: u32,
    pub page_count: u32,
    pub page_size: u32,
}

impl AuditPageDto {
    pub fn from_page(page: &casebook_core::administration::audit_trail::AuditPage) -> AuditPageDto {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        AuditPageDto {
            entries: page.entries.iter().map(AuditEntryDto::from_view).collect(),
            total: count(page.total),
            page: count(page.page),
            page_count: count(page.page_count),
            page_size: count(casebook_core::administration::audit_trail::AUDIT_PAGE_SIZE),
        }
    }
}

impl AuditEntryDto {
    pub fn from_view(view: &AuditView) -> AuditEntryDto {
        AuditEntryDto {
            seq: view.entry.seq,
            at: view.entry.at.clone(),
            who: view
                .who
                .clone()
                .unwrap_or_else(|| "(before sign-in)".to_owned()),
            action: view.entry.action.clone(),
            client_id: view.entry.client_id.clone(),
            client_name: view.client_name.clone(),
            detail: view.entry.detail.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditCheckDto {
    pub intact: bool,
    #[ts(type = "number")]
    pub entries: i64,
    #[ts(type = "number | null")]
    pub broken_at_seq: Option<i64>,
    pub reason: Option<String>,
}

impl AuditCheckDto {
    pub fn from_verdict(verdict: &ChainVerdict) -> AuditCheckDto {
        match verdict {
            ChainVerdict::Intact { entries } => AuditCheckDto {
                intact: true,
                entries: i64::try_from(*entries).unwrap_or(i64::MAX),
                broken_at_seq: None,
                reason: None,
            },
            ChainVerdict::Broken { seq, reason } => AuditCheckDto {
                intact: false,
                entries: 0,
                broken_at_seq: Some(*seq),
                reason: Some(reason.clone()),
            },
        }
    }
}
