//! What the shell holds between commands: where the data lives, the unit
//! that is signed in to (if any), and the clock and key-derivation cost that
//! commands pass to the core.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use casebook_core::clock::{Clock, SystemClock};
use casebook_core::unit::unlocked::UnlockedUnit;
use casebook_core::vault::slot::KdfCost;
use casebook_core::{CoreError, ErrorCode};

/// No unit may keep an unattended screen open longer than this.
pub const MAX_IDLE_LOCK_SECONDS: u32 = 15 * 60;

/// How hard new key slots make Argon2id work.
#[derive(Debug, Clone, Copy)]
pub enum KdfPolicy {
    /// Measure this machine once and aim for about 0.75 s per unlock.
    Calibrated,
    /// A fixed cost; scenario tests use the cheap one to stay fast.
    Fixed(KdfCost),
}

pub struct AppState {
    pub data_folder: PathBuf,
    /// Where exports (the audit trail as CSV) are saved.
    pub export_folder: PathBuf,
    /// Seconds without input before the UI locks itself, when a test set
    /// it; otherwise the unit's setting applies.
    pub idle_lock_override: Option<u32>,
    pub clock: Box<dyn Clock>,
    kdf_policy: KdfPolicy,
    calibrated: OnceLock<KdfCost>,
    open_unit: Mutex<Option<UnlockedUnit>>,
    /// How many commands are waiting for `open_unit`. A sync, which holds
    /// it longest, stops after the bundle in hand when anyone is, so saving
    /// and locking never wait for a whole sync.
    waiting_for_unit: AtomicUsize,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("kdf_policy", &self.kdf_policy)
            .finish_non_exhaustive()
    }
}

impl AppState {
    pub fn new(data_folder: PathBuf, kdf_policy: KdfPolicy) -> AppState {
        AppState {
            export_folder: data_folder.join("exports"),
            idle_lock_override: None,
            data_folder,
            clock: Box::new(SystemClock),
            kdf_policy,
            calibrated: OnceLock::new(),
            open_unit: Mutex::new(None),
            waiting_for_unit: AtomicUsize::new(0),
        }
    }

    /// Overrides the unit's idle lock, kept between 10 seconds (for tests)
    /// and the 15 minutes that is the most the service allows.
    pub fn with_idle_lock_seconds(mut self, seconds: u32) -> AppState {
        self.idle_lock_override = Some(seconds.clamp(10, MAX_IDLE_LOCK_SECONDS));
        self
    }

    pub fn with_export_folder(mut self, folder: PathBuf) -> AppState {
        self.export_folder = folder;
        self
    }

    pub fn kdf_cost(&self) -> KdfCost {
        match self.kdf_policy {
            KdfPolicy::Fixed(cost) => cost,
            KdfPolicy::Calibrated => *self
                .calibrated
                .get_or_init(|| KdfCost::calibrate(std::time::Duration::from_millis(750))),
        }
    }

    /// The open-unit slot. A panic while it was held (which would be a bug)
    /// must not lock everyone out for the rest of the run, so a poisoned lock
    /// is taken over rather than refused.
    pub fn open_unit(&self) -> MutexGuard<'_, Option<UnlockedUnit>> {
        self.waiting_for_unit.fetch_add(1, Ordering::SeqCst);
        let guard = self
            .open_unit
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.waiting_for_unit.fetch_sub(1, Ordering::SeqCst);
        guard
    }

    /// Whether a command is waiting for the open unit (see
    /// `waiting_for_unit`).
    pub fn someone_waits_for_unit(&self) -> bool {
        self.waiting_for_unit.load(Ordering::SeqCst) > 0
    }
}

/// Locks whatever unit is open, recording the lock in its audit trail.
pub fn lock_open_unit(state: &AppState) {
    let open = state.open_unit().take();
    if let Some(unit) = open {
        unit.lock(state.clock.as_ref(), &mut casebook_core::clock::OsEntropy);
        tracing::info!("locked");
    }
}

/// Runs `action` on the signed-in unit, or says the unit is locked.
pub fn with_unlocked<T>(
    state: &AppState,
    action: impl FnOnce(&mut UnlockedUnit) -> Result<T, CoreError>,
) -> Result<T, CoreError> {
    let mut guard = state.open_unit();
    match guard.as_mut() {
        Some(unit) => action(unit),
        None => Err(CoreError::new(
            ErrorCode::Locked,
            "Casebook is locked. Sign in to continue.",
        )),
    }
}
