//! Failed sign-ins, counted per username typed, so that guessing slows down
//! and then stops: after 3 failures in a row each try must wait longer
//! (1, 2, 4 … up to 60 seconds), and after 10 the username is locked until
//! an administrator or the recovery key releases it.
//!
//! The count lives in `sign-in-attempts.json` beside the database, because a
//! failed sign-in has no key to write to the encrypted database with. It
//! holds usernames as typed and times, never passwords. Each failure also
//! waits there until the next successful sign-in copies it into the audit
//! trail. Usernames that do not exist are counted too, so the lock-out
//! message does not reveal which usernames are real.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult, ErrorCode};

pub const ATTEMPTS_FILE: &str = "sign-in-attempts.json";
pub const FAILURES_BEFORE_DELAY: u32 = 3;
pub const FAILURES_BEFORE_LOCKOUT: u32 = 10;
const LONGEST_DELAY_SECONDS: i64 = 60;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Attempts {
    failures: u32,
    last_failure_at: Option<DateTime<Utc>>,
    /// Failures not yet copied into the audit trail.
    unaudited: Vec<DateTime<Utc>>,
}

/// The attempts file of one unit, loaded.
#[derive(Debug)]
pub struct SignInAttempts {
    path: PathBuf,
    by_username: BTreeMap<String, Attempts>,
}

/// A failed sign-in waiting to go into the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnauditedFailure {
    pub username: String,
    pub at: DateTime<Utc>,
}

fn key(username: &str) -> String {
    username.trim().to_lowercase().chars().take(64).collect()
}

impl SignInAttempts {
    /// Loads the file. A missing file means no failures; an unreadable one
    /// is treated the same and logged, since it holds nothing that unlocks.
    pub fn load(unit_folder: &Path) -> SignInAttempts {
        let path = unit_folder.join(ATTEMPTS_FILE);
        let by_username = match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|_| {
                tracing::warn!(
                    "the sign-in attempts file could not be read; counting starts again"
                );
                BTreeMap::new()
            }),
            Err(_) => BTreeMap::new(),
        };
        SignInAttempts { path, by_username }
    }

    /// Refuses a sign-in that comes too soon after failures, or for a
    /// locked username, before any key derivation runs.
    pub fn check_allowed(&self, username: &str, now: DateTime<Utc>) -> CoreResult<()> {
        let Some(attempts) = self.by_username.get(&key(username)) else {
            return Ok(());
        };
        if attempts.failures >= FAILURES_BEFORE_LOCKOUT {
            return Err(CoreError::new(
                ErrorCode::AccountLockedOut,
                format!(
                    "This username is locked after {FAILURES_BEFORE_LOCKOUT} failed sign-ins. An administrator can release it, or an administrator can use the unit's recovery key."
                ),
            ));
        }
        if let (true, Some(last)) = (
            attempts.failures >= FAILURES_BEFORE_DELAY,
            attempts.last_failure_at,
        ) {
            let wait = delay_seconds(attempts.failures);
            let ready = last + chrono::Duration::seconds(wait);
            if now < ready {
                let left = (ready - now).num_seconds().max(1);
                return Err(CoreError::new(
                    ErrorCode::SignInDelayed,
                    format!(
                        "Too many failed sign-ins in a row. Wait {left} second{} and try again.",
                        if left == 1 { "" } else { "s" }
                    ),
                ));
            }
        }
        Ok(())
    }

    pub fn record_failure(&mut self, username: &str, now: DateTime<Utc>) {
        let attempts = self.by_username.entry(key(username)).or_default();
        attempts.failures = attempts.failures.saturating_add(1);
        attempts.last_failure_at = Some(now);
        attempts.unaudited.push(now);
    }

    /// Every failure not yet in the audit trail, oldest first.
    pub fn unaudited(&self) -> Vec<UnauditedFailure> {
        let mut all: Vec<UnauditedFailure> = self
            .by_username
            .iter()
            .flat_map(|(username, a)| {
                a.unaudited.iter().map(|at| UnauditedFailure {
                    username: username.clone(),
                    at: *at,
                })
            })
            .collect();
        all.sort_by_key(|f| f.at);
        all
    }

    /// After a successful sign-in whose audit entry holds the unaudited
    /// failures: forget them, and reset the count for `username`.
    pub fn record_success(&mut self, username: &str) {
        for attempts in self.by_username.values_mut() {
            attempts.unaudited.clear();
        }
        self.by_username.remove(&key(username));
        self.by_username
            .retain(|_, a| a.failures > 0 || !a.unaudited.is_empty());
    }

    /// Clears the count of `username` (an administrator's release).
    pub fn release(&mut self, username: &str) {
        if let Some(attempts) = self.by_username.get_mut(&key(username)) {
            attempts.failures = 0;
            attempts.last_failure_at = None;
        }
    }

    pub fn failures(&self, username: &str) -> u32 {
        self.by_username
            .get(&key(username))
            .map_or(0, |a| a.failures)
    }

    /// Saves the file: written in full under a temporary name and renamed
    /// over the old one, so it is never half-written.
    pub fn save(&self) -> CoreResult<()> {
        let bytes =
            serde_json::to_vec_pretty(&self.by_username).map_err(|e| CoreError::internal(&e))?;
        let temp = self.path.with_extension("json.partial");
        fs::write(&temp, bytes)
            .and_then(|()| fs::rename(&temp, &self.path))
            .map_err(|e| {
                let _ = fs::remove_file(&temp);
                CoreError::from_io(&e, "record the sign-in attempt")
            })
    }
}

/// 1, 2, 4, … seconds from the third failure on, at most a minute.
pub fn delay_seconds(failures: u32) -> i64 {
    if failures < FAILURES_BEFORE_DELAY {
        return 0;
    }
    let doublings = (failures - FAILURES_BEFORE_DELAY).min(6);
    (1i64 << doublings).min(LONGEST_DELAY_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(second: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap() + chrono::Duration::seconds(second)
    }

    #[test]
    fn delays_grow_after_the_third_failure_and_ten_lock_out() {
        let dir = tempfile::tempdir().unwrap();
        let mut attempts = SignInAttempts::load(dir.path());
        for i in 0..3 {
            assert!(attempts.check_allowed("Kim", at(i)).is_ok());
            attempts.record_failure("kim", at(i));
        }
        let delayed = attempts.check_allowed("kim", at(2)).unwrap_err();
        assert_eq!(delayed.code, ErrorCode::SignInDelayed);
        assert!(
            delayed.message.contains("Wait 1 second "),
            "{}",
            delayed.message
        );
        assert!(attempts.check_allowed("kim", at(3)).is_ok());
        for i in 3..10 {
            attempts.record_failure("kim", at(100 * i));
        }
        assert_eq!(
            attempts.check_allowed("kim", at(10_000)).unwrap_err().code,
            ErrorCode::AccountLockedOut
        );
        attempts.release("kim");
        assert!(attempts.check_allowed("kim", at(10_000)).is_ok());
    }

    #[test]
    fn the_file_survives_a_restart_and_success_clears_what_was_audited() {
        let dir = tempfile::tempdir().unwrap();
        let mut attempts = SignInAttempts::load(dir.path());
        attempts.record_failure("kim", at(0));
        attempts.record_failure("nobody", at(1));
        attempts.save().unwrap();
        let mut reloaded = SignInAttempts::load(dir.path());
        assert_eq!(reloaded.unaudited().len(), 2);
        reloaded.record_success("kim");
        assert!(reloaded.unaudited().is_empty());
        assert_eq!(reloaded.failures("kim"), 0);
        assert_eq!(reloaded.failures("nobody"), 1);
    }

    #[test]
    fn delays_never_pass_a_minute() {
        assert_eq!(delay_seconds(2), 0);
        assert_eq!(delay_seconds(3), 1);
        assert_eq!(delay_seconds(5), 4);
        assert_eq!(delay_seconds(100), 60);
    }
}
