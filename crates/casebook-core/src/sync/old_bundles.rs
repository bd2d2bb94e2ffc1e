//! Removing this device's own old bundles from the share, so that the
//! share does not grow for ever. A bundle goes only when nothing can need
//! it: every computer of the unit whose access stands has said (in its own
//! bundles' `acks`) that it has applied it, the newest good snapshot covers
//! it (so a computer joining later starts after it), and it was written
//! longer ago than the unit's grace period (a unit setting, 30 days unless
//! changed). A device removes only files in its own
//! folder, as it is the only one that writes there.

use std::fs;
use std::path::Path;

use crate::clock::Clock;
use crate::domain::computers::{ComputerStanding, standing};
use crate::error::CoreResult;
use crate::store;
use crate::sync::computers::device_files;
use crate::sync::outbox::{device_folder, share_error};
use crate::sync::snapshot::newest_good_snapshot;
use crate::unit::unlocked::UnlockedUnit;

impl UnlockedUnit {
    /// Removes this device's bundles that no computer can need any more
    /// and that were written more than `grace` ago; returns how many.
    pub fn remove_old_bundles(
        &mut self,
        share: &Path,
        grace: chrono::Duration,
        clock: &dyn Clock,
    ) -> CoreResult<usize> {
        self.require_own_password()?;
        let me = self.device.to_string();
        let folder = device_folder(share, &me);
        let before = clock.now() - grace;
        // Only bundles old enough and still there are candidates; most syncs
        // find none and stop here, before reading any snapshot.
        let candidates: Vec<(u64, String)> = store::sync_state::sent_bundles(&self.conn)?
            .into_iter()
            .filter(|(_, file_name, written_at)| {
                chrono::DateTime::parse_from_rfc3339(written_at).is_ok_and(|at| at < before)
                    && folder.join(file_name).exists()
            })
            .map(|(sequence, file_name, _)| (sequence, file_name))
            .collect();
        if candidates.is_empty() {
            return Ok(0);
        }
        let unit = store::unit_rows::unit_id(&self.conn)?;
        let Some(snapshot) = newest_good_snapshot(share, &self.unit_key, unit) else {
            return Ok(0);
        };
        let mut removable = snapshot.covers.get(&me).map_or(0, |c| c.sequence);
        let withdrawn_keys = store::device_decisions::withdrawn_keys(&self.conn)?;
        for file in device_files(share)? {
            if file.device == me {
                continue;
            }
            let decisions = store::device_decisions::about(&self.conn, &file.device)?;
            if standing(&decisions, &withdrawn_keys, &file.public_key)
                == ComputerStanding::Withdrawn
            {
                continue;
            }
            removable = removable.min(store::sync_apply::acknowledged(
                &self.conn,
                &file.device,
                &me,
            )?);
        }
        let mut removed = 0;
        for (sequence, file_name) in candidates {
            if sequence > removable {
                break;
            }
            match fs::remove_file(folder.join(&file_name)) {
                Ok(()) => removed += 1,
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => return Err(share_error(&error, "remove old sync files")),
            }
        }
        Ok(removed)
    }
}
