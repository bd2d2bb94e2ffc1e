//! Time and randomness, passed in rather than reached for, so that rules,
//! identifiers and merges are deterministic under test.
//!
//! The hybrid logical clock (HLC) here stamps every change. It follows the
//! wall clock when it can and counts upward when it cannot (two changes in
//! the same millisecond, or a wall clock that went backwards), so stamps from
//! one device are strictly increasing and stamps from different devices order
//! sensibly when sync compares them.

use std::fmt;

use chrono::{DateTime, NaiveDateTime, Utc};

/// The wall clock.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The time on the wall where the person is. Times people type (when a
    /// referral came in, when a client was seen) are local times, so checks
    /// such as "not in the future" compare with this, not with UTC, which
    /// is an hour behind in British Summer Time.
    fn local_now(&self) -> NaiveDateTime {
        self.now().naive_utc()
    }
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn local_now(&self) -> NaiveDateTime {
        chrono::Local::now().naive_local()
    }
}

/// A clock that always says the same time, for tests and benchmarks.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// A source of random bytes for keys, salts, nonces and identifiers.
pub trait Entropy {
    fn fill(&mut self, bytes: &mut [u8]);
}

/// The operating system's cryptographic random number generator.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsEntropy;

impl Entropy for OsEntropy {
    fn fill(&mut self, bytes: &mut [u8]) {
        // The OS generator failing means the machine cannot make keys at
        // all; carrying on with predictable bytes would be far worse than
        // stopping.
        #[allow(clippy::expect_used)]
        getrandom::fill(bytes).expect("the operating system's random number generator failed");
    }
}

/// A stamp of the hybrid logical clock. Ordered by wall time, then counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct HlcStamp {
    pub millis: u64,
    pub counter: u32,
}

impl HlcStamp {
    /// Fixed-width text form whose byte order is the stamp order, so the
    /// database can sort and compare stamps as plain text.
    pub fn encode(self) -> String {
        format!("{:015}.{:06}", self.millis, self.counter)
    }

    pub fn decode(text: &str) -> Option<HlcStamp> {
        let (millis, counter) = text.split_once('.')?;
        if millis.len() != 15 || counter.len() != 6 {
            return None;
        }
        Some(HlcStamp {
            millis: millis.parse().ok()?,
            counter: counter.parse().ok()?,
        })
    }
}

impl fmt::Display for HlcStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

/// The local state of the hybrid logical clock: the last stamp handed out.
#[derive(Debug, Clone, Copy, Default)]
pub struct HybridLogicalClock {
    last: HlcStamp,
}

impl HybridLogicalClock {
    /// Resumes from the highest stamp already recorded, so a restart never
    /// hands out a stamp that was used before.
    pub fn resume_after(last: HlcStamp) -> HybridLogicalClock {
        HybridLogicalClock { last }
    }

    /// Takes in a stamp from another device, so this device's next stamp is
    /// later than every change it has seen, whatever its own wall clock
    /// says (a laptop a day slow still orders its edits after what it read).
    pub fn observe(&mut self, seen: HlcStamp) {
        self.last = self.last.max(seen);
    }

    /// The next stamp for a local change made at wall time `now`.
    pub fn stamp(&mut self, now: DateTime<Utc>) -> HlcStamp {
        let wall = u64::try_from(now.timestamp_millis()).unwrap_or(0);
        self.last = if wall > self.last.millis {
            HlcStamp {
                millis: wall,
                counter: 0,
            }
        } else {
            HlcStamp {
                millis: self.last.millis,
                counter: self.last.counter.saturating_add(1),
            }
        };
        self.last
    }
}

/// A new UUIDv7 from the given clock and entropy: time-ordered, so rows keyed
/// by it insert at the end of their index.
pub fn new_uuid_v7(clock: &dyn Clock, entropy: &mut dyn Entropy) -> uuid::Uuid {
    let millis = u64::try_from(clock.now().timestamp_millis()).unwrap_or(0);
    let mut random = [0u8; 10];
    entropy.fill(&mut random);
    uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn stamps_strictly_increase_even_when_the_wall_clock_goes_back() {
        let mut hlc = HybridLogicalClock::default();
        let t1 = Utc.with_ymd_and_hms(2026, 1, 2, 10, 0, 0).unwrap();
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap();
        let a = hlc.stamp(t1);
        let b = hlc.stamp(t1);
        let c = hlc.stamp(t0);
        assert!(a < b && b < c);
        assert_eq!(c.millis, a.millis);
    }

    #[test]
    fn encoded_stamps_sort_like_stamps() {
        let small = HlcStamp {
            millis: 9,
            counter: 999,
        };
        let large = HlcStamp {
            millis: 10,
            counter: 0,
        };
        assert!(small.encode() < large.encode());
        assert_eq!(HlcStamp::decode(&large.encode()), Some(large));
        assert_eq!(HlcStamp::decode("12.3"), None);
    }

    #[test]
    fn resumed_clock_never_repeats_a_stamp() {
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut first = HybridLogicalClock::default();
        let last = first.stamp(t);
        let mut resumed = HybridLogicalClock::resume_after(last);
        assert!(resumed.stamp(t) > last);
    }
}
