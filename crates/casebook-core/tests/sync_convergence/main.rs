//! The convergence property: whatever changes devices make while apart, and
//! in whatever order they send and receive, after a final full exchange
//! every device holds the same rows and shows the same resolve items. The
//! share misbehaves as shares do: bundles are copied under other names and
//! come into sight late and out of order. And computers forge: a computer
//! writes a bundle by hand holding a change no honest computer writes, and
//! every other computer must refuse it alike. Real encrypted units, one per device,
//! exchanging bundles through a folder standing for the share.
//!
//! The ordinary test run takes 48 cases (24 of 2–4 devices, 24 of 5–6) of up
//! to 40 steps for each device; `make test` then runs 2,000 cases (1,000 of
//! each) of up to 200 steps for each device in a release build
//! (PROPTEST_CASES and CASEBOOK_CONVERGENCE_STEPS; see the README).
//!
//! This file holds the tests; the steps a case is made of are in
//! `steps.rs`, running one on a computer in `run_step.rs`, the share's
//! faults in `share.rs`, and the final exchange and its checks in
//! `checks.rs`. The cases proptest found failing are kept beside this file
//! in `main.proptest-regressions`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod checks;
#[path = "../common/mod.rs"]
mod common;
mod run_step;
mod share;
mod steps;

use checks::converge;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use steps::{Step, step};

/// The most steps in a case for each device: 40, or
/// `CASEBOOK_CONVERGENCE_STEPS` for the longer run `make test` does in a
/// release build.
fn most_steps() -> usize {
    std::env::var("CASEBOOK_CONVERGENCE_STEPS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40)
}

/// A unit of `devices` computers, each taking up to `most_steps()` steps.
fn unit_of(devices: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = (usize, Vec<Step>)> {
    devices.prop_flat_map(|devices| {
        (
            Just(devices),
            proptest::collection::vec(step(6), 1..most_steps() * devices),
        )
    })
}

// Two tests, so the test runner's two threads share the work: small units
// and larger ones. Failing cases are kept beside this file, in
// `main.proptest-regressions`: proptest's default would look for a folder
// holding a main.rs, find this one, and keep them in
// `tests/proptest-regressions/main.txt` instead.
proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn two_to_four_computers_converge_whatever_the_order((devices, steps) in unit_of(2..=4)) {
        converge(devices, &steps)?;
    }

    #[test]
    fn five_or_six_computers_converge_whatever_the_order((devices, steps) in unit_of(5..=6)) {
        converge(devices, &steps)?;
    }
}

/// Found by the property test: two computers merge the same record into
/// two different records while apart.
#[test]
fn one_record_merged_into_two_different_records_apart() {
    use Step::{Add, Merge, Rate, Receive, Rename, Send};
    let steps = [
        Add { device: 1, name: 1 },
        Rename {
            device: 0,
            client: 0,
            name: 0,
        },
        Rename {
            device: 2,
            client: 0,
            name: 0,
        },
        Rename {
            device: 0,
            client: 0,
            name: 0,
        },
        Add { device: 1, name: 0 },
        Rate {
            device: 0,
            client: 0,
            rating: 0,
        },
        Add { device: 0, name: 1 },
        Add { device: 5, name: 0 },
        Send { device: 1 },
        Add { device: 2, name: 2 },
        Rate {
            device: 0,
            client: 0,
            rating: 0,
        },
        Rename {
            device: 1,
            client: 0,
            name: 2,
        },
        Add { device: 2, name: 2 },
        Receive { device: 0 },
        Add { device: 0, name: 0 },
        Rename {
            device: 2,
            client: 0,
            name: 0,
        },
        Merge {
            device: 2,
            kept: 5,
            merged: 0,
        },
        Add { device: 1, name: 2 },
        Rename {
            device: 0,
            client: 0,
            name: 0,
        },
        Add { device: 0, name: 0 },
        Add { device: 1, name: 0 },
        Merge {
            device: 5,
            kept: 4,
            merged: 0,
        },
        Add { device: 0, name: 0 },
    ];
    converge(2, &steps).unwrap();
}
