//! The generated county workload: ten years of clients, their episodes
//! and seven pathways assessments, planned from a fixed seed so that every
//! run plans the same rows, with the order the service made them in.

use casebook_core::clock::{Clock, OsEntropy, SystemClock, new_uuid_v7};
use casebook_core::domain::assessments::{AssessmentKind, SignedAssessment};
use casebook_core::domain::client::{ClientDetailsText, NewClient};
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::ids::{AssessmentId, ClientId, CohortFlagId, EpisodeId};
use casebook_core::domain::pathway_scores::PathwayScores;
use casebook_core::domain::referrals::{ExitReason, NewReferral, ReferralRoute};
use casebook_core::domain::session_records::Pathway;
use chrono::{Duration as Days, NaiveDate, NaiveDateTime, NaiveTime};

/// One client for every this many assessments: 10,000 at the default.
pub(crate) const ASSESSMENTS_PER_CLIENT: usize = 20;

pub(crate) const SEED: u64 = 0x7061_7468_7761_7973;

/// Referral routes and how many in a hundred come by each.
pub(crate) const ROUTES: [(ReferralRoute, u64); 8] = [
    (ReferralRoute::Probation, 25),
    (ReferralRoute::Court, 15),
    (ReferralRoute::PoliceCustody, 15),
    (ReferralRoute::Prison, 15),
    (ReferralRoute::IomPanel, 10),
    (ReferralRoute::SelfReferral, 10),
    (ReferralRoute::Housing, 5),
    (ReferralRoute::OtherAgency, 5),
];

pub(crate) const FLAGS: [CohortFlag; 6] = [
    CohortFlag::Ppo,
    CohortFlag::StatutoryIom,
    CohortFlag::NeighbourhoodCrime,
    CohortFlag::Drr,
    CohortFlag::LicenceDtcDac,
    CohortFlag::Voluntary,
];

pub(crate) const EVIDENCE: [&str; 6] = [
    "Sofa surfing with a friend since leaving prison; on the council's list.",
    "Using most days, fewer since the script started; two negative tests.",
    "Rent arrears with the housing association, repayment plan agreed.",
    "Registered with a GP at last; waiting list for talking therapies.",
    "Contact with the children supervised, twice a month at the family centre.",
    "Attends the group most weeks and talks through what sets off offending.",
];

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) struct PlannedClient {
    pub(crate) id: ClientId,
    pub(crate) details: NewClient,
    pub(crate) flag: Option<(CohortFlagId, CohortFlag)>,
    pub(crate) episodes: Vec<PlannedEpisode>,
}

pub(crate) struct PlannedEpisode {
    pub(crate) id: EpisodeId,
    pub(crate) referral: NewReferral,
    pub(crate) picked_up_at: NaiveDateTime,
    /// The day it closed and why; `None` while open.
    pub(crate) ended: Option<(NaiveDate, ExitReason)>,
    pub(crate) assessments: Vec<(AssessmentId, SignedAssessment)>,
}

pub(crate) struct Plan {
    pub(crate) clients: Vec<PlannedClient>,
    pub(crate) events: Vec<Event>,
}

/// One write to the unit: indices into the plan's clients, their episodes
/// and the episode's assessments.
#[derive(Clone, Copy)]
pub(crate) enum Event {
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
pub(crate) struct Seeded(u64);

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
pub(crate) struct Skeleton {
    pub(crate) route: ReferralRoute,
    pub(crate) received: NaiveDate,
    pub(crate) picked_up: NaiveDate,
    pub(crate) ended: Option<(NaiveDate, ExitReason)>,
    pub(crate) terminated: bool,
}

/// The clients, their episodes and assessments: `assessments` in all.
pub(crate) fn plan(assessments: usize) -> Plan {
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
pub(crate) fn need_scores(rng: &mut Seeded) -> [u8; 7] {
    const TYPICAL: [i64; 7] = [6, 6, 5, 7, 6, 4, 7];
    std::array::from_fn(|p| (TYPICAL[p] + rng.between(-3, 3)).clamp(1, 10) as u8)
}

pub(crate) fn letters(mut n: usize) -> String {
    let mut out = String::new();
    loop {
        out.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return out;
        }
    }
}
