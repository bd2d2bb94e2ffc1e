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

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use casebook_core::clock::{Clock, HybridLogicalClock, OsEntropy, SystemClock, new_uuid_v7};
use casebook_core::domain::account::{Account, CaseRole};
use casebook_core::domain::assessments::{AssessmentKind, SignedAssessment};
use casebook_core::domain::client::{ClientDetailsText, NewClient};
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::ids::{
    AccountId, AssessmentId, ClientId, CohortFlagId, DeviceId, EpisodeId, UnitId,
};
use casebook_core::domain::names::{PersonName, UnitName, Username};
use casebook_core::domain::pathway_scores::PathwayScores;
use casebook_core::domain::referrals::{ExitReason, NewReferral, PickUpClock, ReferralRoute};
use casebook_core::domain::session_records::Pathway;
use casebook_core::reports::cohort_outcomes::{CohortFilter, CohortOutcomes, cohort_outcomes_in};
use casebook_core::store::{self, OpenMode, change_log::WriteStamp};
use casebook_core::vault::keys::UnitKey;
use chrono::{Duration as Days, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::Connection;

const DEFAULT_ASSESSMENTS: usize = 200_000;
/// One client for every this many assessments: 10,000 at the default.
const ASSESSMENTS_PER_CLIENT: usize = 20;
const RUNS: usize = 30;
const SEED: u64 = 0x7061_7468_7761_7973;

/// Referral routes and how many in a hundred come by each.
const ROUTES: [(ReferralRoute, u64); 8] = [
    (ReferralRoute::Probation, 25),
    (ReferralRoute::Court, 15),
    (ReferralRoute::PoliceCustody, 15),
    (ReferralRoute::Prison, 15),
    (ReferralRoute::IomPanel, 10),
    (ReferralRoute::SelfReferral, 10),
    (ReferralRoute::Housing, 5),
    (ReferralRoute::OtherAgency, 5),
];

const FLAGS: [CohortFlag; 6] = [
    CohortFlag::Ppo,
    CohortFlag::StatutoryIom,
    CohortFlag::NeighbourhoodCrime,
    CohortFlag::Drr,
    CohortFlag::LicenceDtcDac,
    CohortFlag::Voluntary,
];

const EVIDENCE: [&str; 6] = [
    "Sofa surfing with a friend since leaving prison; on the council's list.",
    "Using most days, fewer since the script started; two negative tests.",
    "Rent arrears with the housing association, repayment plan agreed.",
    "Registered with a GP at last; waiting list for talking therapies.",
    "Contact with the children supervised, twice a month at the family centre.",
    "Attends the group most weeks and talks through what sets off offending.",
];

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

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
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

struct PlannedClient {
    id: ClientId,
    details: NewClient,
    flag: Option<(CohortFlagId, CohortFlag)>,
    episodes: Vec<PlannedEpisode>,
}

struct PlannedEpisode {
    id: EpisodeId,
    referral: NewReferral,
    picked_up_at: NaiveDateTime,
    /// The day it closed and why; `None` while open.
    ended: Option<(NaiveDate, ExitReason)>,
    assessments: Vec<(AssessmentId, SignedAssessment)>,
}

struct Plan {
    clients: Vec<PlannedClient>,
    events: Vec<Event>,
}

/// One write to the unit: indices into the plan's clients, their episodes
/// and the episode's assessments.
#[derive(Clone, Copy)]
enum Event {
    /// The referral came in; the client was picked up (and, at their first
    /// referral, added with their cohort flag).
    Referral {
        client: usize,
        episode: usize,
    },
    Assessment {
        client: usize,
        episode: usize,
        index: usize,
    },
    Close {
        client: usize,
        episode: usize,
    },
}

/// A small deterministic generator (xorshift64*), so every run plans the
/// same rows.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number from `low` to `high`, both included.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low + 1) as u64) as i64
    }

    fn percent(&mut self) -> u64 {
        self.next() % 100
    }
}

/// What each episode holds before its reviews are counted out.
struct Skeleton {
    route: ReferralRoute,
    received: NaiveDate,
    picked_up: NaiveDate,
    ended: Option<(NaiveDate, ExitReason)>,
    terminated: bool,
}

/// The clients, their episodes and assessments: `assessments` in all.
fn plan(assessments: usize) -> Plan {
    let mut rng = Seeded(SEED);
    let clock = SystemClock;
    let mut entropy = OsEntropy;
    let start = day(2016, 1, 4);
    let last = day(2026, 10, 30);
    let span = (last - start).num_days();
    let today = clock.now().date_naive();
    let clients = (assessments / ASSESSMENTS_PER_CLIENT).max(1);

    // Episodes first: when each came in, by which route, how it ended.
    let mut skeletons: Vec<Vec<Skeleton>> = Vec::with_capacity(clients);
    for _ in 0..clients {
        let count = rng.between(1, 3);
        let mut next_start = start + Days::days(rng.between(0, span - 400));
        let mut episodes = Vec::new();
        for _ in 0..count {
            let pick = rng.percent();
            let mut total = 0;
            let route = ROUTES
                .iter()
                .find(|(_, share)| {
                    total += share;
                    pick < total
                })
                .map_or(ReferralRoute::Probation, |(route, _)| *route);
            let received = next_start;
            let picked_up = received + Days::days(rng.between(0, 14));
            let length = rng.between(120, 900);
            let fate = rng.percent();
            let end = picked_up + Days::days(length);
            if end > last || fate >= 92 {
                // Still open: the client's last episode, begun lately.
                let received = received.max(last - Days::days(rng.between(30, 540)));
                episodes.push(Skeleton {
                    route,
                    received,
                    picked_up: received + Days::days(rng.between(0, 14)),
                    ended: None,
                    terminated: false,
                });
                break;
            }
            let terminated = fate < 81;
            let reason = if terminated {
                [
                    ExitReason::PlannedCompletion,
                    ExitReason::PlannedCompletion,
                    ExitReason::Transferred,
                    ExitReason::Custody,
                    ExitReason::MovedAway,
                ][rng.between(0, 4) as usize]
            } else {
                ExitReason::Disengaged
            };
            episodes.push(Skeleton {
                route,
                received,
                picked_up,
                ended: Some((end, reason)),
                terminated,
            });
            next_start = end + Days::days(rng.between(30, 400));
            if next_start > last - Days::days(60) {
                break;
            }
        }
        skeletons.push(episodes);
    }

    // Then reviews: whatever the initial and termination assessments leave
    // of the total, spread from none to twice the average an episode.
    let episodes: usize = skeletons.iter().map(Vec::len).sum();
    let fixed: usize = skeletons
        .iter()
        .flatten()
        .map(|s| 1 + usize::from(s.terminated))
        .sum();
    let reviews_left = assessments.saturating_sub(fixed);
    let average = reviews_left as f64 / episodes as f64;
    let mut reviews: Vec<usize> = (0..episodes)
        .map(|_| ((rng.next() % 10_001) as f64 / 10_000.0 * 2.0 * average).round() as usize)
        .collect();
    let mut drawn: usize = reviews.iter().sum();
    let mut at = 0;
    while drawn != reviews_left {
        if drawn < reviews_left {
            reviews[at] += 1;
            drawn += 1;
        } else if reviews[at] > 0 {
            reviews[at] -= 1;
            drawn -= 1;
        }
        at = (at + 7919) % episodes;
    }

    let mut reviews = reviews.into_iter();
    let mut planned = Vec::with_capacity(clients);
    for (i, skeletons) in skeletons.into_iter().enumerate() {
        let born = format!("{}-{:02}-{:02}", 1960 + i % 40, 1 + i % 12, 1 + i % 28);
        let given = format!("Given{}", letters(i));
        let family = format!("Family{}", letters(i / 7));
        let details =
            NewClient::parse(&ClientDetailsText::named(&given, &family, &born), today).unwrap();
        let flag = (rng.percent() < 30).then(|| {
            (
                CohortFlagId(new_uuid_v7(&clock, &mut entropy)),
                FLAGS[rng.between(0, FLAGS.len() as i64 - 1) as usize],
            )
        });
        let mut episodes = Vec::with_capacity(skeletons.len());
        for skeleton in skeletons {
            let received_at = skeleton
                .received
                .and_time(NaiveTime::from_hms_opt(9 + rng.between(0, 7) as u32, 0, 0).unwrap());
            let referral = NewReferral {
                route: skeleton.route,
                referrer: "Bench referrer".to_owned(),
                received_at,
                reason: None,
                release_date: (skeleton.route == ReferralRoute::Prison)
                    .then(|| skeleton.received + Days::days(rng.between(0, 20))),
            };
            let picked_up_at = skeleton
                .picked_up
                .max(referral.release_date.unwrap_or(skeleton.picked_up))
                .and_time(NaiveTime::from_hms_opt(14, 0, 0).unwrap());
            let assessed_to = skeleton.ended.map_or(last, |(end, _)| end);
            let assessed_from = picked_up_at.date().min(assessed_to);
            let count = reviews.next().unwrap();
            let mut assessments = Vec::with_capacity(count + 2);
            let initial = need_scores(&mut rng);
            let change: [i64; 7] = std::array::from_fn(|_| {
                let p = rng.percent();
                if p < 15 {
                    rng.between(0, 2)
                } else if p < 35 {
                    0
                } else {
                    -rng.between(1, 5)
                }
            });
            let at_point = |fraction: f64, rng: &mut Seeded| -> [u8; 7] {
                std::array::from_fn(|p| {
                    let moved = f64::from(initial[p]) + change[p] as f64 * fraction;
                    (moved.round() as i64 + rng.between(-1, 1)).clamp(1, 10) as u8
                })
            };
            let mut add = |kind, on: NaiveDate, scores: [u8; 7], rng: &mut Seeded| {
                let evidence = (0..rng.between(1, 3))
                    .map(|n| {
                        (
                            Pathway::ALL[rng.between(0, 6) as usize],
                            EVIDENCE[((n as u64 + rng.next()) % 6) as usize].to_owned(),
                        )
                    })
                    .collect();
                assessments.push((
                    AssessmentId(new_uuid_v7(&clock, &mut entropy)),
                    SignedAssessment {
                        kind,
                        assessed_on: on,
                        scores: PathwayScores::from_stored(scores),
                        client_views: Vec::new(),
                        evidence,
                    },
                ));
            };
            add(AssessmentKind::Initial, assessed_from, initial, &mut rng);
            let days = (assessed_to - assessed_from).num_days();
            for r in 1..=count {
                let fraction = r as f64 / (count + 1) as f64;
                let on = assessed_from + Days::days((days as f64 * fraction) as i64);
                let scores = at_point(fraction, &mut rng);
                add(AssessmentKind::Review, on, scores, &mut rng);
            }
            if skeleton.terminated {
                let scores = at_point(1.0, &mut rng);
                add(AssessmentKind::Termination, assessed_to, scores, &mut rng);
            }
            episodes.push(PlannedEpisode {
                id: EpisodeId(new_uuid_v7(&clock, &mut entropy)),
                referral,
                picked_up_at,
                ended: skeleton.ended,
                assessments,
            });
        }
        planned.push(PlannedClient {
            id: ClientId(new_uuid_v7(&clock, &mut entropy)),
            details,
            flag,
            episodes,
        });
    }

    // The writes in the order the service made them, day by day, so rows
    // and ids lie in the files as the app would have left them: an
    // episode's initial and termination assessments years apart, among
    // everyone else's.
    let mut events = Vec::new();
    for (client, planned) in planned.iter().enumerate() {
        for (episode, planned) in planned.episodes.iter().enumerate() {
            let on = planned.referral.received_at.date();
            events.push((on, 0, Event::Referral { client, episode }));
            for (index, (_, assessment)) in planned.assessments.iter().enumerate() {
                let event = Event::Assessment {
                    client,
                    episode,
                    index,
                };
                events.push((assessment.assessed_on, 1, event));
            }
            if let Some((on, _)) = planned.ended {
                events.push((on, 2, Event::Close { client, episode }));
            }
        }
    }
    events.sort_by_key(|(on, order, _)| (*on, *order));
    let events: Vec<Event> = events.into_iter().map(|(_, _, event)| event).collect();
    for event in &events {
        match *event {
            Event::Referral { client, episode } => {
                planned[client].episodes[episode].id = EpisodeId(new_uuid_v7(&clock, &mut entropy));
            }
            Event::Assessment {
                client,
                episode,
                index,
            } => {
                planned[client].episodes[episode].assessments[index].0 =
                    AssessmentId(new_uuid_v7(&clock, &mut entropy));
            }
            Event::Close { .. } => {}
        }
    }
    Plan {
        clients: planned,
        events,
    }
}

/// Initial need on each pathway: mostly moderate to high, drugs and
/// alcohol and attitudes highest, as in a criminal justice caseload.
fn need_scores(rng: &mut Seeded) -> [u8; 7] {
    const TYPICAL: [i64; 7] = [6, 6, 5, 7, 6, 4, 7];
    std::array::from_fn(|p| (TYPICAL[p] + rng.between(-3, 3)).clamp(1, 10) as u8)
}

/// Writes the plan through the store, in one transaction and in the
/// order of its events: a unit, a device, a manager, then each client at
/// their first referral with their cohort flag, each episode (referral,
/// pick-up, close) and each assessment, every row with its change-log
/// entry as the app writes them.
fn fill(conn: &mut Connection, plan: &Plan) {
    let clock = SystemClock;
    let mut entropy = OsEntropy;
    let device = DeviceId(new_uuid_v7(&clock, &mut entropy));
    let mut hlc = HybridLogicalClock::default();
    let mut stamp = || {
        let now = clock.now();
        WriteStamp {
            hlc: hlc.stamp(now),
            device,
            at: now,
        }
    };
    let account = Account {
        id: AccountId(new_uuid_v7(&clock, &mut entropy)),
        username: Username::parse("admin").unwrap(),
        full_name: PersonName::parse("Alex Admin", "full name").unwrap(),
        agency: "Casebook charity service".to_owned(),
        case_role: Some(CaseRole::Manager),
        administrator: true,
        gender: None,
        must_change_password: false,
        disabled: false,
    };
    let tx = store::begin(conn, "set up").unwrap();
    store::unit_rows::insert_unit(
        &tx,
        UnitId(new_uuid_v7(&clock, &mut entropy)),
        &UnitName::parse("Bench").unwrap(),
        clock.now(),
    )
    .unwrap();
    store::unit_rows::insert_this_device(&tx, device, clock.now()).unwrap();
    store::accounts::insert(&tx, stamp(), &account).unwrap();
    let mut added = vec![false; plan.clients.len()];
    for event in &plan.events {
        match *event {
            Event::Referral { client, episode } => {
                let planned = &plan.clients[client];
                if !added[client] {
                    added[client] = true;
                    store::clients::insert(
                        &tx,
                        stamp(),
                        planned.id,
                        account.id,
                        Some(account.id),
                        &planned.details,
                    )
                    .unwrap();
                    if let Some((id, flag)) = planned.flag {
                        store::cohort_flags::insert(&tx, stamp(), id, planned.id, flag, account.id)
                            .unwrap();
                    }
                }
                let episode = &planned.episodes[episode];
                let referral = &episode.referral;
                let pick_up = PickUpClock::for_referral(
                    referral.route,
                    referral.received_at,
                    referral.release_date,
                    24,
                );
                store::episodes::insert(
                    &tx,
                    stamp(),
                    episode.id,
                    planned.id,
                    account.id,
                    referral,
                    pick_up,
                )
                .unwrap();
                store::episodes::record_pick_up(&tx, stamp(), episode.id, episode.picked_up_at)
                    .unwrap();
            }
            Event::Assessment {
                client,
                episode,
                index,
            } => {
                let planned = &plan.clients[client];
                let episode = &planned.episodes[episode];
                let (id, assessment) = &episode.assessments[index];
                store::assessments::insert(
                    &tx,
                    stamp(),
                    *id,
                    planned.id,
                    Some(episode.id),
                    account.id,
                    assessment,
                )
                .unwrap();
            }
            Event::Close { client, episode } => {
                let episode = &plan.clients[client].episodes[episode];
                let (ended_on, reason) = episode.ended.unwrap();
                store::episodes::close(&tx, stamp(), episode.id, reason, None, ended_on).unwrap();
            }
        }
    }
    store::commit(tx, "set up").unwrap();
    store::checkpoint(conn).unwrap();
}

fn letters(mut n: usize) -> String {
    let mut out = String::new();
    loop {
        out.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return out;
        }
    }
}
