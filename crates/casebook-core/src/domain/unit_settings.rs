//! Settings an administrator chooses for the whole unit.

use crate::error::{CoreError, CoreResult};

/// The longest idle time before the screen locks. Staff share workstations,
/// so an unattended screen must not stay open for long.
pub const MAX_IDLE_LOCK_MINUTES: u32 = 15;
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 5;

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
}

impl Default for UnitSettings {
    fn default() -> UnitSettings {
        UnitSettings {
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            keyworkers_see_other_clients: true,
            partners_keep_summary_after_withdrawal: false,
        }
    }
}

impl UnitSettings {
    pub fn parse(
        idle_lock_minutes: u32,
        keyworkers_see_other_clients: bool,
        partners_keep_summary_after_withdrawal: bool,
    ) -> CoreResult<UnitSettings> {
        if !(1..=MAX_IDLE_LOCK_MINUTES).contains(&idle_lock_minutes) {
            return Err(CoreError::invalid(format!(
                "The idle lock must be between 1 and {MAX_IDLE_LOCK_MINUTES} minutes."
            )));
        }
        Ok(UnitSettings {
            idle_lock_minutes,
            keyworkers_see_other_clients,
            partners_keep_summary_after_withdrawal,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_lock_is_between_one_and_fifteen_minutes() {
        assert!(UnitSettings::parse(0, true, false).is_err());
        assert!(UnitSettings::parse(16, true, false).is_err());
        assert_eq!(
            UnitSettings::parse(15, false, false)
                .unwrap()
                .idle_lock_minutes,
            15
        );
        assert_eq!(UnitSettings::default().idle_lock_minutes, 5);
    }
}
