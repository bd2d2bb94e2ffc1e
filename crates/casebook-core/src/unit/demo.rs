//! The demo unit: made-up people for trying Casebook out.
//!
//! The names are combinations of common British given and family names,
//! chosen by arithmetic on an index rather than drawn from any real record,
//! so the same demo unit is made every time and no real person is in it.
//! Their NHS numbers come from the range the NHS reserves for testing. Each
//! is given a keyworker, a RAG rating, cohort flags, a referral with its
//! clock, and here and there an OGRS score, a safety flag or an earlier
//! episode, so the demo shows the product at work.

use std::path::Path;

use chrono::{Datelike, Duration};

use crate::clock::{Clock, Entropy};
use crate::domain::assessments::{AssessmentForm, PathwayEntryForm};
use crate::domain::client::{ClientDetailsText, NewClient};
use crate::domain::client_profile::ClientProfileText;
use crate::domain::referrals::NewReferral;
use crate::domain::safety_flags::SafetyFlagText;
use crate::domain::session_records::Pathway;
use crate::error::CoreResult;
use crate::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
use crate::unit::unlocked::UnlockedUnit;
use crate::vault::slot::KdfCost;

/// The demo unit's sign-in, stated in the README and on its lock screen.
pub const DEMO_USERNAME: &str = "demo";
pub const DEMO_PASSWORD: &str = "try casebook safely";
pub const DEMO_UNIT_NAME: &str = "DEMO – Casebook practice unit";
const DEMO_CLIENTS: usize = 36;

const GIVEN: [&str; 18] = [
    "Aaron", "Bethany", "Callum", "Danielle", "Ellis", "Fiona", "Gareth", "Hollie", "Imran",
    "Jade", "Kieran", "Leanne", "Marcus", "Nadia", "Owen", "Paige", "Reece", "Shannon",
];
const FAMILY: [&str; 17] = [
    "Ashdown",
    "Brindle",
    "Copperfield",
    "Dunmore",
    "Eastleigh",
    "Fairweather",
    "Greenslade",
    "Hartwell",
    "Inchley",
    "Jessop",
    "Kimber",
    "Loxley",
    "Merriman",
    "Northcott",
    "Oakhurst",
    "Pennock",
    "Quarrie",
];

/// Where the demo clients live: the unit's busiest areas more often.
const DEMO_AREAS: [&str; 6] = [
    "southampton",
    "portsmouth",
    "southampton",
    "havant",
    "isle_of_wight",
    "basingstoke_and_deane",
];

/// The made-up clients of the demo unit, aged 19 to 62 on `today`.
pub fn demo_clients(today: chrono::NaiveDate) -> CoreResult<Vec<NewClient>> {
    (0..DEMO_CLIENTS)
        .map(|i| {
            let given = GIVEN[(i * 7) % GIVEN.len()];
            let family = FAMILY[(i * 5 + i / 3) % FAMILY.len()];
            let age_days = i64::try_from(19 * 366 + (i * 433) % (43 * 365)).unwrap_or(7000);
            let born = today - Duration::days(age_days);
            let born = format!("{:04}-{:02}-{:02}", born.year(), born.month(), born.day());
            let crn = format!("D{:06}", 100_000 + i * 37);
            let nhs_number = demo_nhs_number(i);
            NewClient::parse(
                &ClientDetailsText {
                    crn: &crn,
                    nhs_number: &nhs_number,
                    ..ClientDetailsText::named(given, family, &born)
                },
                today,
            )
        })
        .collect()
}

/// An NHS number from the range the NHS keeps for testing (starting 999,
/// never issued to anyone), with a correct check digit.
fn demo_nhs_number(i: usize) -> String {
    (0..)
        .map(|step| format!("999{:06}", (i * 1_009 + step) % 1_000_000))
        .find_map(|first_nine| {
            let sum: u32 = first_nine
                .chars()
                .filter_map(|c| c.to_digit(10))
                .zip((2..=10).rev())
                .map(|(digit, weight)| digit * weight)
                .sum();
            match 11 - sum % 11 {
                10 => None,
                11 => Some(format!("{first_nine}0")),
                check => Some(format!("{first_nine}{check}")),
            }
        })
        .unwrap_or_default()
}

/// Creates the demo unit in the data folder unless it is there already.
pub fn ensure_demo_unit(
    data_folder: &Path,
    kdf_cost: KdfCost,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
) -> CoreResult<()> {
    let folder = unit_folder::unit_folder(data_folder, UnitKind::Demo);
    if unit_folder::describe(&folder)?.is_some() {
        return Ok(());
    }
    let new_unit = NewUnit::parse(
        DEMO_UNIT_NAME,
        DEMO_USERNAME,
        "Demo Keyworker",
        DEMO_PASSWORD,
    )?;
    let clients = demo_clients(clock.now().date_naive())?;
    let plan = CreationPlan {
        kdf_cost,
        demo: true,
        initial_clients: &clients,
    };
    // The demo unit's recovery key is not kept: its credentials are public
    // and its people made up, so there is nothing to recover.
    unit_folder::create(&folder, &new_unit, plan, clock, entropy)?;
    // The made-up caseload is then filled in through the same operations a
    // person uses, so the demo shows what the product does. If this fails
    // part way (a full disk) the demo unit is still a working unit, only a
    // plainer one.
    let mut unit = unit_folder::unlock(&folder, DEMO_USERNAME, DEMO_PASSWORD, clock, entropy)?;
    let filled = fill_demo_caseload(&mut unit, clock, entropy);
    unit.lock(clock, entropy);
    filled
}

/// Allocates the demo clients to the demo account and gives them RAG
/// ratings, cohort flags (about two thirds neighbourhood crime, as in a
/// typical IOM cohort), a few OGRS scores and safety flags. Deterministic.
fn fill_demo_caseload(
    unit: &mut UnlockedUnit,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
) -> CoreResult<()> {
    let me = unit.account().id;
    let today = clock.now().date_naive();
    let in_days = |days: i64| (today + Duration::days(days)).to_string();
    let clients = unit.view_caseload(clock, entropy)?;
    for (i, entry) in clients.iter().enumerate() {
        let id = entry.client.id;
        unit.allocate_client(id, Some(me), None, "", clock, entropy)?;
        let rating = ["red", "amber", "amber", "green", "green"][i % 5];
        let reason = match rating {
            "red" => "Arrested again last week; not engaging",
            "amber" => "Missed two appointments this month",
            _ => "Engaging well and in stable housing",
        };
        if i % 6 != 5 {
            unit.review_rag(id, rating, reason, &in_days(28), clock, entropy)?;
        }
        if i % 3 != 0 {
            unit.set_cohort_flag(id, "neighbourhood_crime", clock, entropy)?;
        }
        if i % 7 == 0 {
            unit.set_cohort_flag(id, "ppo", clock, entropy)?;
        }
        if i % 4 == 1 {
            unit.set_cohort_flag(id, "drr", clock, entropy)?;
        }
        if i % 6 == 0 {
            // An OGRS of 75 or more: the client page proposes statutory IOM.
            unit.record_ogrs(
                id,
                &(75 + i % 20).to_string(),
                &in_days(-30),
                clock,
                entropy,
            )?;
        }
        if i % 9 == 0 {
            let flag = SafetyFlagText {
                kind: "lone_visit_not_advised",
                note: "Visit in pairs: a large dog at the address",
                review_by: &in_days(i64::try_from(i % 10).unwrap_or(0)),
                ..SafetyFlagText::default()
            };
            unit.raise_safety_flag(id, &flag, clock, entropy)?;
        }
        let area = DEMO_AREAS[i % DEMO_AREAS.len()];
        let profile = ClientProfileText {
            local_authority: area,
            ..ClientProfileText::default()
        };
        unit.update_client_profile(id, &profile, clock, entropy)?;
        fill_demo_episodes(unit, id, i, clock, entropy)?;
    }
    Ok(())
}

/// A signed-off form of `kind` on the day of `on` with these scores.
fn assessed(kind: &str, on: chrono::NaiveDateTime, scores: [u8; 7]) -> AssessmentForm {
    AssessmentForm {
        kind: kind.to_owned(),
        assessed_on: on.format("%Y-%m-%d").to_string(),
        pathways: Pathway::ALL
            .iter()
            .zip(scores)
            .map(|(pathway, score)| PathwayEntryForm {
                pathway: pathway.as_str().to_owned(),
                score: score.to_string(),
                ..PathwayEntryForm::default()
            })
            .collect(),
        termination_while_open: false,
    }
}

/// Made-up initial and termination need scores for an earlier episode:
/// near the averages of the 2016 report's table (HIOMS for the IOM panel,
/// Probation for the court), varied a little from client to client.
fn demo_scores(from_iom: bool, i: usize) -> ([u8; 7], [u8; 7]) {
    let (initial, termination) = if from_iom {
        ([5, 5, 5, 7, 5, 4, 6], [3, 3, 3, 4, 4, 3, 3])
    } else {
        ([4, 6, 3, 3, 4, 3, 4], [2, 4, 2, 1, 3, 2, 3])
    };
    let vary = |scores: [u8; 7], salt: usize| {
        let mut varied = scores;
        for (index, score) in varied.iter_mut().enumerate() {
            let step = (i * 3 + index * 5 + salt) % 3;
            *score = (*score + u8::try_from(step).unwrap_or(0))
                .saturating_sub(1)
                .clamp(1, 10);
        }
        varied
    };
    (vary(initial, 0), vary(termination, 1))
}

/// A referral for each demo client: prison releases, probation and custody
/// referrals at every point of their clocks (a few breached, as in life),
/// others picked up, and some clients with an earlier episode closed.
fn fill_demo_episodes(
    unit: &mut UnlockedUnit,
    id: crate::domain::ids::ClientId,
    i: usize,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
) -> CoreResult<()> {
    let now = clock.local_now();
    let spread = i64::try_from(i).unwrap_or(0);
    let day = |at: chrono::NaiveDateTime| at.format("%Y-%m-%d").to_string();
    let refer = |route: &str, referrer: &str, at: chrono::NaiveDateTime, release: &str| {
        NewReferral::parse(
            route,
            referrer,
            &day(at),
            &at.format("%H:%M").to_string(),
            "Drug use linked to offending",
            release,
            now,
        )
    };
    if i % 4 == 3 {
        // Earlier episodes alternate between the court and the IOM panel,
        // each assessed at the start and the end, so the cohort page has
        // two routes to compare.
        let from_iom = i % 8 == 7;
        let (route, referrer) = if from_iom {
            ("iom_panel", "IOM panel")
        } else {
            ("court", "Magistrates' court")
        };
        let long_ago = now - Duration::days(400 + spread * 3);
        let episodes =
            unit.receive_referral(id, &refer(route, referrer, long_ago, "")?, clock, entropy)?;
        let episode = episodes[0].id;
        unit.record_pick_up(
            episode,
            &day(long_ago + Duration::days(9)),
            "10:30",
            clock,
            entropy,
        )?;
        let (initial, termination) = demo_scores(from_iom, i);
        let started = long_ago + Duration::days(14);
        unit.sign_assessment(
            id,
            &assessed("initial", started, initial),
            None,
            clock,
            entropy,
        )?;
        let ended = long_ago + Duration::days(180);
        unit.close_episode(
            episode,
            "planned_completion",
            "",
            &day(ended),
            clock,
            entropy,
        )?;
        unit.sign_assessment(
            id,
            &assessed("termination", ended, termination),
            None,
            clock,
            entropy,
        )?;
    }
    let (referral, pick_up_after) = match i % 5 {
        0 => {
            let received = now - Duration::days(4 + spread % 19);
            let released = day(received + Duration::days(2));
            let released = if received + Duration::days(2) > now {
                day(now)
            } else {
                released
            };
            (
                refer(
                    "prison",
                    "HMP Winchester, Through the Gate",
                    received,
                    &released,
                )?,
                None,
            )
        }
        1 => {
            let received = now - Duration::days(12 + spread % 37);
            (
                refer(
                    "probation",
                    "Probation, Hampshire and Isle of Wight",
                    received,
                    "",
                )?,
                None,
            )
        }
        2 => {
            let received = now - Duration::hours(3 + spread % 30);
            (
                refer(
                    "police_custody",
                    "Custody suite, Southampton Central",
                    received,
                    "",
                )?,
                None,
            )
        }
        3 => {
            let received = now - Duration::days(30 + spread);
            (
                refer("iom_panel", "IOM panel", received, "")?,
                Some(Duration::days(6)),
            )
        }
        _ => {
            let received = now - Duration::days(20 + spread);
            (
                refer("self", "The client", received, "")?,
                Some(Duration::days(2)),
            )
        }
    };
    let received = referral.received_at;
    let episodes = unit.receive_referral(id, &referral, clock, entropy)?;
    if let Some(after) = pick_up_after {
        unit.record_pick_up(
            episodes[0].id,
            &day(received + after),
            "11:00",
            clock,
            entropy,
        )?;
        // IOM clients picked up have had their initial assessment, and
        // every other one a review since, so their pages show a picture.
        if i % 5 == 3 {
            let (initial, termination) = demo_scores(true, i);
            let started = received + after + Duration::days(3);
            unit.sign_assessment(
                id,
                &assessed("initial", started, initial),
                None,
                clock,
                entropy,
            )?;
            if i % 10 == 3 {
                let reviewed = started + Duration::days(21);
                let review = assessed("review", reviewed, termination);
                unit.sign_assessment(id, &review, None, clock, entropy)?;
            }
        }
    }
    Ok(())
}
