//! Settings an administrator chooses for the whole unit.

use super::assessments::AssessmentSchedule;
use super::compliance::AbsenceThresholds;
use crate::error::{CoreError, CoreResult};

/// The longest idle time before the screen locks. Staff share workstations,
/// so an unattended screen must not stay open for long.
pub const MAX_IDLE_LOCK_MINUTES: u32 = 15;
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 5;
/// Custody screening requests are seen within a time the unit agrees with
/// the police: commonly the same or the next day. A week is the most that
/// could still be called screening in custody.
pub const MAX_CUSTODY_SCREENING_HOURS: u32 = 168;
pub const DEFAULT_CUSTODY_SCREENING_HOURS: u32 = 24;
/// How long sync files stay on the shared folder at least, after every
/// computer has them: long enough for a restore from the share's backups to
/// find them, short enough that the share does not fill up.
pub const MIN_KEEP_SYNC_FILES_DAYS: u32 = 7;
pub const MAX_KEEP_SYNC_FILES_DAYS: u32 = 365;
pub const DEFAULT_KEEP_SYNC_FILES_DAYS: u32 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitSettings {
    /// Minutes without input before Casebook locks itself (1 to 15).
    pub idle_lock_minutes: u32,
    /// Whether keyworkers can read (not change) clients allocated to
    /// others. When they cannot, opening such a client needs a reason
    /// (break-glass).
    pub keyworkers_see_other_clients: bool,
    /// Whether partners still see a client's summary after the client
    /// withdrew consent for their agency: only where the unit's agreement
    /// (or the law, for a client on licence) says they must. Off by default.
    pub partners_keep_summary_after_withdrawal: bool,
    /// Hours within which a police custody screening request must be
    /// picked up (1 to 168).
    pub custody_screening_hours: u32,
    /// Whether a new computer's changes wait for a manager's approval. Off,
    /// a person joining a computer from the shared folder approves it
    /// themselves by signing in; either way a manager can withdraw any
    /// computer's access.
    pub new_computers_need_approval: bool,
    /// Days a computer's old sync files stay on the shared folder after
    /// every computer has them (7 to 365).
    pub keep_sync_files_days: u32,
    /// When a warning and when a referral for breach are due, by the count
    /// of unacceptable absences in 12 months on an order.
    pub absence_thresholds: AbsenceThresholds,
    /// When the initial assessment and each review are due.
    pub assessment_schedule: AssessmentSchedule,
}

impl Default for UnitSettings {
    fn default() -> UnitSettings {
        UnitSettings {
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            keyworkers_see_other_clients: true,
            partners_keep_summary_after_withdrawal: false,
            custody_screening_hours: DEFAULT_CUSTODY_SCREENING_HOURS,
            new_computers_need_approval: false,
            keep_sync_files_days: DEFAULT_KEEP_SYNC_FILES_DAYS,
            absence_thresholds: AbsenceThresholds::default(),
            assessment_schedule: AssessmentSchedule::default(),
        }
    }
}

impl UnitSettings {
    pub fn parse(
        idle_lock_minutes: u32,
        keyworkers_see_other_clients: bool,
        partners_keep_summary_after_withdrawal: bool,
        custody_screening_hours: u32,
    ) -> CoreResult<UnitSettings> {
        if !(1..=MAX_IDLE_LOCK_MINUTES).contains(&idle_lock_minutes) {
            return Err(CoreError::invalid(format!(
                "The idle lock must be between 1 and {MAX_IDLE_LOCK_MINUTES} minutes."
            )));
        }
        if !(1..=MAX_CUSTODY_SCREENING_HOURS).contains(&custody_screening_hours) {
            return Err(CoreError::invalid(format!(
                "The custody screening time must be between 1 and {MAX_CUSTODY_SCREENING_HOURS} hours."
            )));
        }
        Ok(UnitSettings {
            idle_lock_minutes,
            keyworkers_see_other_clients,
            partners_keep_summary_after_withdrawal,
            custody_screening_hours,
            new_computers_need_approval: false,
            keep_sync_files_days: DEFAULT_KEEP_SYNC_FILES_DAYS,
            absence_thresholds: AbsenceThresholds::default(),
            assessment_schedule: AssessmentSchedule::default(),
        })
    }

    /// The same settings, with these absence thresholds.
    pub fn with_absence_thresholds(self, thresholds: AbsenceThresholds) -> UnitSettings {
        UnitSettings {
            absence_thresholds: thresholds,
            ..self
        }
    }

    /// The same settings, with this assessment schedule.
    pub fn with_assessment_schedule(self, schedule: AssessmentSchedule) -> UnitSettings {
        UnitSettings {
            assessment_schedule: schedule,
            ..self
        }
    }

    /// The same settings, keeping old sync files `days` days (7 to 365).
    pub fn keeping_sync_files(self, days: u32) -> CoreResult<UnitSettings> {
        if !(MIN_KEEP_SYNC_FILES_DAYS..=MAX_KEEP_SYNC_FILES_DAYS).contains(&days) {
            return Err(CoreError::invalid(format!(
                "Keep old sync files between {MIN_KEEP_SYNC_FILES_DAYS} and {MAX_KEEP_SYNC_FILES_DAYS} days."
            )));
        }
        Ok(UnitSettings {
            keep_sync_files_days: days,
            ..self
        })
    }

    /// The same settings, with new computers needing approval or not.
    pub fn with_computer_approval(self, needed: bool) -> UnitSettings {
        UnitSettings {
            new_computers_need_approval: needed,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_lock_is_between_one_and_fifteen_minutes() {
        assert!(UnitSettings::parse(0, true, false, 24).is_err());
        assert!(UnitSettings::parse(16, true, false, 24).is_err());
        assert_eq!(
            UnitSettings::parse(15, false, false, 24)
                .unwrap()
                .idle_lock_minutes,
            15
        );
        assert_eq!(UnitSettings::default().idle_lock_minutes, 5);
        assert!(UnitSettings::parse(5, true, false, 0).is_err());
        assert!(UnitSettings::parse(5, true, false, 169).is_err());
    }

    #[test]
    fn old_sync_files_are_kept_between_a_week_and_a_year() {
        let settings = UnitSettings::default();
        assert_eq!(settings.keep_sync_files_days, 30);
        assert!(settings.keeping_sync_files(6).is_err());
        assert!(settings.keeping_sync_files(366).is_err());
        assert_eq!(
            settings
                .keeping_sync_files(90)
                .unwrap()
                .keep_sync_files_days,
            90
        );
    }
}
