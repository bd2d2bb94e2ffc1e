//! The changes received from other computers and refused
//! (`domain::received_changes`), as an administrator reads them: which
//! computer sent each, what it tried to change, and why it was refused, in
//! plain words. Looking at them is audited.

use crate::clock::{Clock, Entropy};
use crate::domain::audit::AuditAction;
use crate::domain::received_changes::Refusal;
use crate::error::CoreResult;
use crate::store;
use crate::sync::computers::device_files;
use crate::unit::unlocked::UnlockedUnit;

/// One refused change, as an administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedChangeLine {
    /// The computer whose bundle carried it, and its name where known.
    pub device: String,
    pub computer: String,
    pub bundle_sequence: u64,
    /// The table it tried to change, and how (`insert`, `update`, …).
    pub table: String,
    pub operation: String,
    /// `Refusal::as_str`, and the sentence an administrator reads.
    pub reason: String,
    pub sentence: String,
    pub refused_at: String,
}

impl UnlockedUnit {
    /// Every refused change, oldest bundle first. Administrators only.
    pub fn refused_changes(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<RefusedChangeLine>> {
        self.require_administrator("see the refused changes")?;
        let refused = store::refused_changes::list(&self.conn)?;
        // Names come from the computers' files on the share; without the
        // share a computer is named by the start of its id.
        let names: Vec<(String, String)> = self
            .sync_status()?
            .folder
            .and_then(|share| device_files(&share).ok())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|file| file.name.map(|name| (file.device, name)))
            .collect();
        self.audit_alone(
            AuditAction::ViewedRefusedChanges,
            &serde_json::json!({ "count": refused.len() }),
            clock,
            entropy,
        )?;
        Ok(refused
            .into_iter()
            .map(|kept| {
                let computer = names
                    .iter()
                    .find(|(device, _)| *device == kept.device)
                    .map(|(_, name)| name.clone())
                    .unwrap_or_else(|| {
                        format!("{}…", kept.device.chars().take(8).collect::<String>())
                    });
                let because = Refusal::parse(&kept.reason)
                    .map(Refusal::plain_words)
                    .unwrap_or("it breaks a rule of this version of Casebook");
                RefusedChangeLine {
                    sentence: format!(
                        "A change to {} from computer {computer} was refused: {because}.",
                        table_words(&kept.change.table)
                    ),
                    device: kept.device,
                    computer,
                    bundle_sequence: kept.bundle_sequence,
                    table: kept.change.table,
                    operation: kept.change.operation,
                    reason: kept.reason,
                    refused_at: kept.refused_at,
                }
            })
            .collect())
    }
}

/// A table's rows as a person would name them.
fn table_words(table: &str) -> String {
    match table {
        "audit_log" => "the audit trail".to_owned(),
        "rag_reviews" => "RAG reviews".to_owned(),
        "ogrs_scores" => "OGRS scores".to_owned(),
        "device_decisions" => "decisions about computers".to_owned(),
        other => other.replace('_', " "),
    }
}
