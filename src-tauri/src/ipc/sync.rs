//! Sync through the unit's shared folder: status, a sync's report, and the
//! requests to connect a folder and to join a unit from one.

use casebook_core::domain::computers::{ComputerStanding, Decision};
use casebook_core::sync::computers::ComputerLine;
use casebook_core::sync::inbox::ReceiveProgress;
use casebook_core::sync::refused_changes::RefusedChangeLine;
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
    /// Stopped part way so that a save or a lock could go first; another
    /// sync goes on from there.
    pub paused: bool,
}

impl SyncReportDto {
    pub fn from_report(report: &SyncReport) -> SyncReportDto {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        SyncReportDto {
            sent: count(report.sent),
            received: count(report.received),
            problems: report.problems.clone(),
            waiting: u32::try_from(report.waiting).unwrap_or(u32::MAX),
            paused: report.paused,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ComputerStanding")]
pub enum ComputerStandingDto {
    Approved,
    Withdrawn,
    Waiting,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComputerDecisionDto {
    /// `approved` or `withdrawn`.
    pub decision: String,
    pub reason: Option<String>,
    pub decided_by: Option<String>,
    /// RFC 3339.
    pub decided_at: String,
}

/// One computer of the unit, for Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComputerDto {
    pub device: String,
    pub name: String,
    /// The username of the person who first sent from it.
    pub joined_by: Option<String>,
    /// RFC 3339.
    pub joined_at: Option<String>,
    pub standing: ComputerStandingDto,
    pub this_computer: bool,
    pub decisions: Vec<ComputerDecisionDto>,
}

impl ComputerDto {
    pub fn from_line(line: &ComputerLine) -> ComputerDto {
        ComputerDto {
            device: line.device.clone(),
            name: line.name.clone(),
            joined_by: line.joined_by.clone(),
            joined_at: line.joined_at.clone(),
            standing: match line.standing {
                ComputerStanding::Approved => ComputerStandingDto::Approved,
                ComputerStanding::Withdrawn => ComputerStandingDto::Withdrawn,
                ComputerStanding::Waiting => ComputerStandingDto::Waiting,
            },
            this_computer: line.this_computer,
            decisions: line
                .decisions
                .iter()
                .map(|d| ComputerDecisionDto {
                    decision: match d.decision {
                        Decision::Approved => "approved".to_owned(),
                        Decision::Withdrawn => "withdrawn".to_owned(),
                    },
                    reason: d.reason.clone(),
                    decided_by: d.decided_by.clone(),
                    decided_at: d.decided_at.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawComputerRequest {
    pub device: String,
    pub reason: String,
}

/// How far a sync has got: bundles from other computers applied, of those
/// it found waiting. Sent as the `sync-progress` event during a sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgressDto {
    pub done: u32,
    pub total: u32,
}

impl SyncProgressDto {
    pub fn from_progress(progress: ReceiveProgress) -> SyncProgressDto {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        SyncProgressDto {
            done: count(progress.done),
            total: count(progress.total),
        }
    }
}

/// A change received from another computer and refused, for
/// administrators under Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RefusedChangeDto {
    /// The computer whose bundle carried it, and its name where known.
    pub device: String,
    pub computer: String,
    pub bundle_sequence: u64,
    pub table: String,
    pub operation: String,
    /// The rule it broke (`names_another_computer`, `insert_only_changed`, …).
    pub reason: String,
    /// The whole refusal in plain words.
    pub sentence: String,
    /// RFC 3339.
    pub refused_at: String,
}

impl RefusedChangeDto {
    pub fn from_line(line: RefusedChangeLine) -> RefusedChangeDto {
        RefusedChangeDto {
            device: line.device,
            computer: line.computer,
            bundle_sequence: line.bundle_sequence,
            table: line.table,
            operation: line.operation,
            reason: line.reason,
            sentence: line.sentence,
            refused_at: line.refused_at,
        }
    }
}
