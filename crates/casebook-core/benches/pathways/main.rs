//! The cohort page's computation on the county workload: ten years of
//! seven pathways assessments, 200,000 of them (`CASEBOOK_BENCH_ASSESSMENTS`
//! sets another number for a quick run), for 10,000 clients at the default
//! (one client for every 20 assessments). Each client has one to three
//! episodes from 2016 to 2026 by the usual referral routes; each episode an
//! initial assessment, reviews through the episode, and, for about three in
//! four, a termination assessment on the day it closed. The rest closed
//! without one (the client disengaged) or are still open.
//!
//! The rows are planned once from a fixed seed and written to an encrypted
//! unit database and to plain SQLite with the same schema, through the same
//! store functions, in the order the service made them. Each database is
//! then opened afresh, as at sign-in, and `cohort_outcomes_in` timed on it
//! alone (the first look, then median and p95 of 30 runs) and reported
//! with the ratio, for:
//!
//! - the whole unit: every episode closed in the ten years;
//! - one referral route (court) over the same years;
//! - the default filter (every episode with an assessment).
//!
//! The figures are checked against the plan, so the time is that of real
//! work. Run with `make bench`.
//!
//! This file runs and reports the benchmark; the workload is planned in
//! `workload.rs` and written to each database by `fill.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod fill;
#[path = "../shared/signed_commit.rs"]
mod signed_commit;
mod workload;

use std::time::{Duration, Instant};

use casebook_core::clock::OsEntropy;
use casebook_core::domain::assessments::AssessmentKind;
use casebook_core::domain::referrals::ReferralRoute;
use casebook_core::domain::session_records::Pathway;
use casebook_core::reports::cohort_outcomes::{CohortFilter, CohortOutcomes, cohort_outcomes_in};
use casebook_core::store::{self, OpenMode};
use casebook_core::vault::keys::UnitKey;
use rusqlite::Connection;

use fill::fill;
use workload::{PlannedEpisode, day, plan};

const DEFAULT_ASSESSMENTS: usize = 200_000;

const RUNS: usize = 30;

fn main() {
    let assessments: usize = std::env::var("CASEBOOK_BENCH_ASSESSMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_ASSESSMENTS);
    let plan = plan(assessments);
    let episodes: Vec<&PlannedEpisode> = plan.clients.iter().flat_map(|c| &c.episodes).collect();
    let closed_with = episodes
        .iter()
        .filter(|e| e.ended.is_some() && has(e, AssessmentKind::Termination))
        .count();
    let closed_without = episodes
        .iter()
        .filter(|e| e.ended.is_some() && !has(e, AssessmentKind::Termination))
        .count();
    let open = episodes.iter().filter(|e| e.ended.is_none()).count();
    println!(
        "Casebook pathways benchmarks: {} clients, {} episodes, {} assessments, 2016-2026, release build.",
        plan.clients.len(),
        episodes.len(),
        episodes.iter().map(|e| e.assessments.len()).sum::<usize>()
    );
    println!(
        "  episodes: {closed_with} closed with a termination assessment, {closed_without} closed without, {open} open"
    );

    let dir = tempfile::tempdir().unwrap();
    let key = UnitKey::generate(&mut OsEntropy);
    let (unit_path, plain_path) = (dir.path().join("unit.db"), dir.path().join("plain.db"));
    let open_encrypted = |mode| store::open(&unit_path, &key.database_key(), mode).unwrap();
    let open_plain = || store::open_unencrypted_for_comparison(&plain_path).unwrap();
    for (name, path, mut conn) in [
        ("encrypted", &unit_path, open_encrypted(OpenMode::CreateNew)),
        ("plain", &plain_path, open_plain()),
    ] {
        let started = Instant::now();
        fill(&mut conn, &plan);
        println!(
            "  filled the {name} database in {:.1} s ({} MB)",
            started.elapsed().as_secs_f64(),
            std::fs::metadata(path).unwrap().len() / 1_000_000
        );
    }
    let ten_years = CohortFilter {
        closed_from: Some(day(2016, 1, 1)),
        closed_to: Some(day(2026, 12, 31)),
        ..CohortFilter::default()
    };
    let court = CohortFilter {
        route: Some(ReferralRoute::Court),
        ..ten_years.clone()
    };
    let workloads = [
        ("whole unit, closed 2016-2026", ten_years),
        ("court referrals, closed 2016-2026", court),
        ("default filter (every episode)", CohortFilter::default()),
    ];
    // Each database is timed on a fresh connection, as after a sign-in,
    // with no other connection open. This SQLite build (with
    // SQLITE_ENABLE_MEMORY_MANAGEMENT) keeps one page-cache LRU for every
    // connection in the process, so a second busy connection would evict
    // the first one's pages, which the app, with its one connection to
    // the unit, never sees.
    let encrypted = measure(&open_encrypted(OpenMode::ExistingOnly), &workloads);
    let plain = measure(&open_plain(), &workloads);
    for (((name, filter), enc), pla) in workloads.iter().zip(&encrypted).zip(&plain) {
        assert!(
            enc.outcomes.counted > 0,
            "{name}: the cohort counted no episodes, so the timing would mean nothing"
        );
        check_against_plan(name, filter, &episodes, &enc.outcomes);
        check_against_plan(name, filter, &episodes, &pla.outcomes);
    }
    let rows: Vec<(&str, &Measured, &Measured)> = workloads
        .iter()
        .zip(&encrypted)
        .zip(&plain)
        .map(|(((name, _), enc), pla)| (*name, enc, pla))
        .collect();

    println!();
    println!(
        "{:<52} {:>10} {:>10} {:>7}",
        "workload", "encrypted", "plain", "ratio"
    );
    let line = |what: &str, e: Duration, p: Duration| {
        println!(
            "{:<52} {:>7.2} ms {:>7.2} ms {:>6.2}x",
            what,
            ms(e),
            ms(p),
            e.as_secs_f64() / p.as_secs_f64()
        );
    };
    line(
        "cohort, whole unit: first look after opening",
        encrypted[0].first,
        plain[0].first,
    );
    for (index, (name, enc, pla)) in rows.iter().enumerate() {
        line(&format!("cohort, {name}: median"), enc.median, pla.median);
        let budget = if index == 0 { " (budget 300 ms)" } else { "" };
        line(&format!("  p95{budget}"), enc.p95, pla.p95);
    }
    println!();
    for (name, enc, _) in &rows {
        let outcomes = &enc.outcomes;
        println!(
            "{name}: counted {}, left out {}, overall improvement {}",
            outcomes.counted,
            outcomes.left_out,
            outcomes
                .overall_improvement
                .map_or("none".to_owned(), |i| format!("{:+.1} %", i * 100.0))
        );
    }
    let whole_unit = &encrypted[0].outcomes;
    let (initial, termination) = (whole_unit.initial.unwrap(), whole_unit.termination.unwrap());
    println!("whole unit, average need by pathway (initial -> termination):");
    for (index, pathway) in Pathway::ALL.iter().enumerate() {
        println!(
            "  {:<30} {:>5.2} -> {:>5.2}",
            pathway.as_str(),
            initial[index],
            termination[index]
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One workload's figures and times.
struct Measured {
    outcomes: CohortOutcomes,
    /// The first run, on a cold page cache for the first workload.
    first: Duration,
    median: Duration,
    p95: Duration,
}

/// Each workload's figures on one connection, with the time of its first
/// run and the median and p95 of the next `RUNS`.
fn measure(conn: &Connection, workloads: &[(&str, CohortFilter)]) -> Vec<Measured> {
    workloads
        .iter()
        .map(|(_, filter)| {
            let started = Instant::now();
            let outcomes = cohort_outcomes_in(conn, filter).unwrap();
            let first = started.elapsed();
            let times = (0..RUNS)
                .map(|_| {
                    let started = Instant::now();
                    std::hint::black_box(cohort_outcomes_in(conn, filter).unwrap());
                    started.elapsed()
                })
                .collect();
            let (median, p95) = percentiles(times);
            Measured {
                outcomes,
                first,
                median,
                p95,
            }
        })
        .collect()
}

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95))
}

/// The cohort's figures worked out again from the plan, in Rust, and
/// compared with the database's.
fn check_against_plan(
    name: &str,
    filter: &CohortFilter,
    episodes: &[&PlannedEpisode],
    outcomes: &CohortOutcomes,
) {
    let chosen = episodes.iter().filter(|e| {
        filter.route.is_none_or(|r| r == e.referral.route)
            && filter
                .closed_from
                .is_none_or(|from| e.ended.is_some_and(|(end, _)| end >= from))
            && filter
                .closed_to
                .is_none_or(|to| e.ended.is_some_and(|(end, _)| end <= to))
    });
    let mut counted = 0_u64;
    let mut left_out = 0_u64;
    let mut sums = [0.0_f64; 2];
    for episode in chosen {
        let score_sum = |kind| {
            episode
                .assessments
                .iter()
                .find(|(_, a)| a.kind == kind)
                .map(|(_, a)| {
                    a.scores
                        .in_order()
                        .iter()
                        .map(|s| f64::from(s.unwrap()))
                        .sum::<f64>()
                })
        };
        match (
            score_sum(AssessmentKind::Initial),
            score_sum(AssessmentKind::Termination),
        ) {
            (Some(initial), Some(termination)) => {
                counted += 1;
                sums[0] += initial;
                sums[1] += termination;
            }
            _ => left_out += 1,
        }
    }
    assert_eq!(
        (outcomes.counted, outcomes.left_out),
        (counted, left_out),
        "{name}: counted and left out differ from the plan"
    );
    let expected = (sums[1] - sums[0]) / sums[0];
    let got = outcomes.overall_improvement.unwrap();
    assert!(
        (got - expected).abs() < 1e-9,
        "{name}: overall improvement {got} differs from the plan's {expected}"
    );
}

fn has(episode: &PlannedEpisode, kind: AssessmentKind) -> bool {
    episode.assessments.iter().any(|(_, a)| a.kind == kind)
}
