//! The demo unit: made-up people for trying Casebook out.
//!
//! The names are combinations of common British given and family names,
//! chosen by arithmetic on an index rather than drawn from any real record,
//! so the same demo unit is made every time and no real person is in it.
//! Their NHS numbers come from the range the NHS reserves for testing. Each
//! is given a keyworker, a RAG rating, cohort flags and here and there an
//! OGRS score or a safety flag, so the demo shows the product at work.

use std::path::Path;

use chrono::{Datelike, Duration};

use crate::clock::{Clock, Entropy};
use crate::domain::client::{ClientDetailsText, NewClient};
use crate::domain::safety_flags::SafetyFlagText;
use crate::error::CoreResult;
use crate::unit_folder::{self, CreationPlan, NewUnit, UnitKind};
use crate::unlocked_unit::UnlockedUnit;
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

/// The made-up clients of the demo unit, aged 19 to 62 on `today`.
pub fn demo_clients(today: chrono::NaiveDate) -> CoreResult<Vec<NewClient>> {
    (0..DEMO_CLIENTS)
        .map(|i| {
            let given = GIVEN[(i * 7) % GIVEN.len()];
            let family = FAMILY[(i * 5 + i / 3) % FAMILY.len()];
            let age_days = i64::try_from(19 * 365 + (i * 433) % (43 * 365)).unwrap_or(7000);
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
    }
    Ok(())
}
