//! The synthetic client generator, on real encrypted units: the same seed
//! makes the same people, the cohort mix is like an IOM scheme's, and it
//! stops when asked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::unit::demo_generator::add_generated_clients;
use common::Unit;

fn generated_names(count: usize, seed: u64) -> Vec<String> {
    let unit = Unit::new();
    let mut manager = unit.as_("admin");
    add_generated_clients(
        &mut manager,
        count,
        seed,
        &SystemClock,
        &mut OsEntropy,
        &mut |_| true,
    )
    .unwrap();
    let mut names: Vec<String> = manager
        .view_caseload(&SystemClock, &mut OsEntropy)
        .unwrap()
        .into_iter()
        .map(|e| {
            format!(
                "{} {} {:?}",
                e.client.given_name.as_str(),
                e.client.family_name.as_str(),
                e.client.identifiers.crn
            )
        })
        .collect();
    names.sort();
    names
}

#[test]
fn the_same_seed_makes_the_same_people() {
    assert_eq!(generated_names(12, 7), generated_names(12, 7));
    assert_ne!(generated_names(12, 7), generated_names(12, 8));
}

#[test]
fn the_mix_looks_like_an_iom_cohort_and_progress_can_stop_it() {
    let unit = Unit::new();
    let mut manager = unit.as_("admin");
    let mut heard = Vec::new();
    let added = add_generated_clients(
        &mut manager,
        150,
        1,
        &SystemClock,
        &mut OsEntropy,
        &mut |done| {
            heard.push(done);
            true
        },
    )
    .unwrap();
    assert_eq!(added, 150);
    assert_eq!(heard.len(), 150);
    let caseload = manager.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    let neighbourhood = caseload
        .iter()
        .filter(|e| e.cohort_flags.contains(&CohortFlag::NeighbourhoodCrime))
        .count();
    assert!(
        (75..=120).contains(&neighbourhood),
        "about two thirds: {neighbourhood} of 150"
    );
    assert!(caseload.iter().all(|e| e.rag.is_some()));
    // About one in ten is still open; the rest closed in the last ten years.
    let open: Vec<_> = caseload
        .iter()
        .filter_map(|e| e.open_episode.as_ref())
        .collect();
    assert!(
        (5..=30).contains(&open.len()),
        "about 15 of 150 open: {}",
        open.len()
    );
    let awaiting = open.iter().filter(|ep| ep.picked_up_at.is_none()).count();
    assert!(
        awaiting >= 1 && awaiting < open.len(),
        "some open referrals await pick-up, some were picked up: {awaiting} of {}",
        open.len()
    );
    let stopped = add_generated_clients(
        &mut manager,
        50,
        2,
        &SystemClock,
        &mut OsEntropy,
        &mut |done| done < 5,
    )
    .unwrap();
    assert_eq!(stopped, 5);
    assert_eq!(
        manager
            .view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .len(),
        155
    );
}
