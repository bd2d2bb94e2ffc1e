//! The unit's computers: which have joined through the shared folder, and
//! a manager's decisions about them (approve a new one, withdraw a lost
//! one's access). The rules are in `domain::computers`; the receiving side
//! applies them in `sync::inbox`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::clock::{Clock, Entropy, new_uuid_v7};
use crate::domain::audit::AuditAction;
use crate::domain::computers::{ComputerStanding, Decision, DeviceDecision, standing};
use crate::domain::free_text::parse_free_text;
use crate::domain::ids::DeviceId;
use crate::error::{CoreError, CoreResult};
use crate::store;
use crate::sync::outbox::{DeviceFile, share_error};
use crate::unit::authorship;
use crate::unit::unlocked::UnlockedUnit;

/// One computer of the unit, as a manager sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComputerLine {
    pub device: String,
    pub name: String,
    pub joined_by: Option<String>,
    pub joined_at: Option<String>,
    pub standing: ComputerStanding,
    pub this_computer: bool,
    /// Every decision about it, oldest first.
    pub decisions: Vec<DeviceDecision>,
}

impl UnlockedUnit {
    /// Every computer that has sent to the unit's shared folder, this one
    /// first. Managers and administrators.
    pub fn computers(&self) -> CoreResult<Vec<ComputerLine>> {
        self.require_computer_decider("see the unit's computers")?;
        let share = self.connected_share()?;
        let mut lines = Vec::new();
        let withdrawn_keys = store::device_decisions::withdrawn_keys(&self.conn)?;
        for file in device_files(&share)? {
            let decisions = store::device_decisions::about(&self.conn, &file.device)?;
            lines.push(ComputerLine {
                standing: standing(&decisions, &withdrawn_keys, &file.public_key),
                this_computer: file.device == self.device.to_string(),
                device: file.device,
                name: file
                    .name
                    .unwrap_or_else(|| "A computer with no name".to_owned()),
                joined_by: file.joined_by,
                joined_at: file.joined_at,
                decisions,
            });
        }
        lines.sort_by(|a, b| {
            (!a.this_computer, &a.joined_at, &a.device).cmp(&(
                !b.this_computer,
                &b.joined_at,
                &b.device,
            ))
        });
        Ok(lines)
    }

    /// Approves a computer, pinning the key it published: what it sends is
    /// applied from now on, on every computer of the unit.
    pub fn approve_computer(
        &mut self,
        device: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<ComputerLine>> {
        self.decide_about_computer(device, Decision::Approved, None, clock, entropy)
    }

    /// Withdraws a computer's access (lost, stolen, or no longer the
    /// unit's): nothing more it sends is applied anywhere. Needs a reason.
    pub fn withdraw_computer(
        &mut self,
        device: &str,
        reason: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<ComputerLine>> {
        let reason = parse_free_text(
            reason,
            5,
            500,
            "Say why this computer's access is withdrawn (at least 5 characters).",
        )?;
        if device == self.device.to_string() {
            return Err(CoreError::invalid(
                "This is the computer you are using. Withdraw it from another computer of the unit.",
            ));
        }
        self.decide_about_computer(device, Decision::Withdrawn, Some(&reason), clock, entropy)
    }

    fn decide_about_computer(
        &mut self,
        device: &str,
        decision: Decision,
        reason: Option<&str>,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<Vec<ComputerLine>> {
        self.require_computer_decider("decide about the unit's computers")?;
        let device = DeviceId::parse(device)?.to_string();
        let share = self.connected_share()?;
        let file = device_files(&share)?
            .into_iter()
            .find(|file| file.device == device)
            .ok_or_else(|| {
                CoreError::invalid(
                    "That computer is not on the unit's shared folder. Nothing was changed.",
                )
            })?;
        let decisions = store::device_decisions::about(&self.conn, &device)?;
        let withdrawn_keys = store::device_decisions::withdrawn_keys(&self.conn)?;
        match (
            decision,
            standing(&decisions, &withdrawn_keys, &file.public_key),
        ) {
            (_, ComputerStanding::Withdrawn) => {
                return Err(CoreError::invalid(
                    "That computer's access was withdrawn already. A withdrawn computer stays withdrawn; join again from the shared folder instead.",
                ));
            }
            (Decision::Approved, ComputerStanding::Approved) => return self.computers(),
            _ => {}
        }
        let stamp = self.stamp(clock);
        let action = match decision {
            Decision::Approved => AuditAction::ComputerApproved,
            Decision::Withdrawn => AuditAction::ComputerWithdrawn,
        };
        let detail = serde_json::json!({ "computer": device, "reason": reason });
        let audit = self.audit_record(action, None, &detail, clock, entropy);
        let id = new_uuid_v7(clock, entropy);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "save the decision")?;
        store::device_decisions::insert(
            &tx,
            stamp,
            id,
            &device,
            decision,
            &file.public_key,
            reason,
            me,
        )?;
        store::audit::append(&tx, &audit)?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "save the decision",
        )?;
        self.computers()
    }

    /// Approves this computer itself when it has no decision yet and may:
    /// the unit lets people approve their own computers, or the person
    /// signed in is a manager or administrator. Called before each send, so
    /// the approval goes out with this computer's first changes.
    pub(crate) fn approve_own_computer_if_allowed(
        &mut self,
        public_key: &str,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<()> {
        let device = self.device.to_string();
        let decisions = store::device_decisions::about(&self.conn, &device)?;
        if !decisions.is_empty() {
            return Ok(());
        }
        let may = !self.settings.new_computers_need_approval || self.may_decide_about_computers();
        if !may {
            return Ok(());
        }
        let stamp = self.stamp(clock);
        let id = new_uuid_v7(clock, entropy);
        let me = self.account.id;
        let tx = store::begin(&mut self.conn, "approve this computer")?;
        store::device_decisions::insert(
            &tx,
            stamp,
            id,
            &device,
            Decision::Approved,
            public_key,
            None,
            me,
        )?;
        authorship::commit_as_author(
            tx,
            self.account.id,
            self.account_keys.as_ref(),
            "approve this computer",
        )
    }

    fn connected_share(&self) -> CoreResult<PathBuf> {
        self.sync_status()?.folder.ok_or_else(|| {
            CoreError::invalid("This computer is not connected to the unit's shared folder yet.")
        })
    }
}

/// Every readable `device.json` on the share. A damaged one is left out
/// here; receiving reports it.
pub(crate) fn device_files(share: &Path) -> CoreResult<Vec<DeviceFile>> {
    let folder = share.join("devices");
    if !share.is_dir() {
        return Err(share_error(
            &std::io::Error::from(std::io::ErrorKind::NotFound),
            "read the unit's computers",
        ));
    }
    let Ok(entries) = fs::read_dir(&folder) else {
        return Ok(Vec::new());
    };
    Ok(entries
        .flatten()
        .filter_map(|entry| fs::read(entry.path().join("device.json")).ok())
        .filter_map(|bytes| serde_json::from_slice::<DeviceFile>(&bytes).ok())
        // One spelling of a key, as receiving compares it.
        .map(|file| DeviceFile {
            public_key: file.public_key.to_ascii_lowercase(),
            ..file
        })
        .filter(|file| DeviceId::parse(&file.device).is_ok())
        .collect())
}
