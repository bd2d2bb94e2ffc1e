//! One sync with the unit's shared folder: send what this device changed,
//! then receive what the others did. What the header shows comes from here.

use std::path::PathBuf;

use crate::clock::{Clock, Entropy};
use crate::domain::audit::AuditAction;
use crate::error::{CoreError, CoreResult};
use crate::store;
use crate::sync::inbox::ReceiveProgress;
use crate::unit::unlocked::UnlockedUnit;

/// Where this device stands with the shared folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncStatus {
    pub folder: Option<PathBuf>,
    /// This device's changes not sent yet.
    pub waiting: u64,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub sent: usize,
    pub received: usize,
    pub problems: Vec<String>,
    pub waiting: u64,
    /// Stopped after receiving part of what waits, because someone was
    /// waiting for the unit (a save, a lock); the next sync goes on.
    pub paused: bool,
}

impl UnlockedUnit {
    pub fn sync_status(&self) -> CoreResult<SyncStatus> {
        self.require_own_password()?;
        Ok(SyncStatus {
            folder: store::sync_state::share_folder(&self.conn)?.map(PathBuf::from),
            waiting: store::sync_state::waiting_changes(&self.conn, &self.device.to_string())?,
        })
    }

    /// Sends, then receives, through the folder this device was connected
    /// to or joined from. A share that cannot be reached is an error in
    /// plain words, and nothing waiting is lost.
    pub fn sync_now(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<SyncReport> {
        self.sync_now_with_progress(clock, entropy, &mut |_| {}, &|| false)
    }

    /// As `sync_now`, telling `progress` how far receiving has got.
    pub fn sync_now_with_progress(
        &mut self,
        clock: &dyn Clock,
        entropy: &mut dyn Entropy,
        progress: &mut dyn FnMut(ReceiveProgress),
        pause: &dyn Fn() -> bool,
    ) -> CoreResult<SyncReport> {
        let Some(folder) = self.sync_status()?.folder else {
            return Err(CoreError::invalid(
                "This computer is not connected to the unit's shared folder. A manager connects it under Settings.",
            ));
        };
        let sent = self.send_changes(&folder, clock, entropy)?;
        // Key files made here since (a new account, a changed password) go
        // to the share, so those people can join from it elsewhere.
        let key_problem = self.publish_key_files(&folder).err();
        let mut received = self.receive_changes_with_progress(&folder, clock, progress, pause)?;
        if received.changes_refused > 0 {
            // Kept aside by the receive (`store::refused_changes`); the
            // audit trail says when and how many.
            self.audit_alone(
                AuditAction::ChangesRefused,
                &serde_json::json!({ "count": received.changes_refused }),
                clock,
                entropy,
            )?;
        }
        if received.paused {
            // The rest waits for the next sync, which comes a few seconds
            // after the change that someone was waiting to save.
            return Ok(SyncReport {
                sent: sent.changes_sent,
                received: received.changes_applied,
                problems: received.problems,
                waiting: store::sync_state::waiting_changes(&self.conn, &self.device.to_string())?,
                paused: true,
            });
        }
        received.problems.extend(key_problem.map(|e| e.message));
        // A password changed or an account disabled on another computer:
        // its key files here follow, so an old password stops opening the
        // unit on this computer too.
        let accounts = store::accounts::key_files(&self.conn)?;
        if let Err(error) =
            crate::vault::key_files::adopt_current_key_files(&self.folder, &folder, &accounts)
        {
            received.problems.push(error.message);
        }
        // A snapshot that cannot be written now is written at a later sync;
        // it never stops this one.
        if self.snapshot_is_due(&folder)?
            && let Err(error) = self.write_snapshot(&folder, clock, entropy)
        {
            received.problems.push(error.message);
        }
        if let Err(error) = self.remove_old_bundles(
            &folder,
            chrono::Duration::days(i64::from(self.settings().keep_sync_files_days)),
            clock,
        ) {
            received.problems.push(error.message);
        }
        Ok(SyncReport {
            sent: sent.changes_sent,
            received: received.changes_applied,
            problems: received.problems,
            waiting: store::sync_state::waiting_changes(&self.conn, &self.device.to_string())?,
            paused: false,
        })
    }
}
