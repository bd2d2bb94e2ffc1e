//! A client's time with the service: referrals received, their pick-up
//! clocks, the outcome of a referral not taken on, and the episode's exit.

pub mod referrals;
