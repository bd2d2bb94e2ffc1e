//! Sync through the unit's shared folder: status, a sync's report, and the
//! requests to connect a folder and to join a unit from one.

use casebook_core::sync::sync_now::{SyncReport, SyncStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatusDto {
    /// The shared folder's path, if this computer is connected.
    pub folder: Option<String>,
    /// This computer's changes not sent yet.
    pub waiting: u32,
}

impl SyncStatusDto {
    pub fn from_status(status: &SyncStatus) -> SyncStatusDto {
        SyncStatusDto {
            folder: status
                .folder
                .as_ref()
                .map(|f| f.to_string_lossy().into_owned()),
            waiting: u32::try_from(status.waiting).unwrap_or(u32::MAX),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReportDto {
    /// Changes sent from this computer.
    pub sent: u32,
    /// Changes from other computers applied here.
    pub received: u32,
    /// Plain-words problems: files set aside, gaps, changes waiting.
    pub problems: Vec<String>,
    pub waiting: u32,
}

impl SyncReportDto {
    pub fn from_report(report: &SyncReport) -> SyncReportDto {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        SyncReportDto {
            sent: count(report.sent),
            received: count(report.received),
            problems: report.problems.clone(),
            waiting: u32::try_from(report.waiting).unwrap_or(u32::MAX),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectShareRequest {
    /// A folder path as typed or picked; a Windows UNC path works too.
    pub folder: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JoinUnitRequest {
    pub folder: String,
    pub username: String,
    pub password: String,
}
