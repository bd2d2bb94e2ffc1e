//! Synthetic but realistic clients, in any number, for the demo unit and the
//! county-scale benchmarks: names drawn from lists of common British names,
//! ages 19 to 62, a local authority area, a cohort mix like an IOM scheme's (about two thirds
//! neighbourhood crime), RAG ratings, referrals by every route at every
//! stage of their clocks for the one in ten still open, closed episodes from
//! the last ten years for the rest, and earlier episodes. The same seed makes the same
//! people. Everything goes through the operations a person uses, so the
//! data is as the app would hold it, audit trail and change log included.
//!
//! Each client is added whole before the next starts; each step is its own
//! transaction, so stopping part way (the progress callback says stop, or
//! the process is ended) leaves every saved client complete or, for the
//! client in hand, with a shorter history than planned, never a broken row.

use chrono::Duration;

use crate::clock::{Clock, Entropy};
use crate::domain::client::ClientDetailsText;
use crate::domain::client_profile::{ClientProfileText, LOCAL_AUTHORITY_AREAS};
use crate::domain::referrals::NewReferral;
use crate::error::{CoreError, CoreResult};
use crate::unit::unlocked::UnlockedUnit;

/// Common given names in England and Wales across the age range served.
const GIVEN: [&str; 48] = [
    "Aaron",
    "Adam",
    "Amy",
    "Andrew",
    "Ben",
    "Callum",
    "Carl",
    "Charlotte",
    "Chloe",
    "Craig",
    "Daniel",
    "Danielle",
    "Darren",
    "David",
    "Dean",
    "Emma",
    "Gary",
    "Gemma",
    "Hannah",
    "Jack",
    "James",
    "Jamie",
    "Jason",
    "Jessica",
    "Joe",
    "John",
    "Jordan",
    "Kayleigh",
    "Kelly",
    "Kieran",
    "Kyle",
    "Laura",
    "Lee",
    "Liam",
    "Lisa",
    "Luke",
    "Mark",
    "Michael",
    "Nathan",
    "Paul",
    "Rebecca",
    "Ryan",
    "Sam",
    "Sarah",
    "Scott",
    "Stacey",
    "Steven",
    "Thomas",
];

/// The most common family names in England and Wales.
const FAMILY: [&str; 60] = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "James",
    "Scott",
    "Phillips",
    "Watson",
    "Davis",
    "Parker",
    "Price",
    "Bennett",
    "Young",
    "Griffiths",
    "Mitchell",
    "Kelly",
    "Cook",
    "Carter",
    "Richardson",
    "Bailey",
    "Collins",
    "Bell",
    "Shaw",
    "Murphy",
];

/// How many clients in a hundred are still with the service: the rest
/// have a closed episode from the last ten years, as a county unit's
/// records mostly do.
pub const STILL_OPEN_PERCENT: u64 = 10;

/// A small, fast, well-known generator (SplitMix64): deterministic for a
/// seed, which is all synthetic data needs; nothing secret comes from it.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[usize::try_from(self.below(from.len() as u64)).unwrap_or(0)]
    }
}

/// A prison referral's release day (for made-up people, the day the
/// referral came in); other routes have none.
fn release_day(route: &str, received: chrono::NaiveDateTime) -> String {
    if route == "prison" {
        received.format("%Y-%m-%d").to_string()
    } else {
        String::new()
    }
}

/// Adds `count` generated clients to the unit, allocated to the signed-in
/// account. `progress` hears how many are done after each client and
/// returns false to stop. Returns how many were added.
pub fn add_generated_clients(
    unit: &mut UnlockedUnit,
    count: usize,
    seed: u64,
    clock: &dyn Clock,
    entropy: &mut dyn Entropy,
    progress: &mut dyn FnMut(usize) -> bool,
) -> CoreResult<usize> {
    let mut random = SplitMix(seed);
    let me = unit.account().id;
    let now = clock.local_now();
    let today = now.date();
    let day = |at: chrono::NaiveDateTime| at.format("%Y-%m-%d").to_string();
    for done in 0..count {
        let given = random.pick(&GIVEN);
        let family = random.pick(&FAMILY);
        let age_days = i64::try_from(19 * 366 + random.below(43 * 365)).unwrap_or(9000);
        let born = day((today - Duration::days(age_days)).and_time(chrono::NaiveTime::MIN));
        let crn = format!(
            "{}{:06}",
            char::from(b'A' + (random.below(26) as u8)),
            random.below(1_000_000)
        );
        let client = unit
            .add_client(
                &ClientDetailsText {
                    crn: &crn,
                    confirmed_new_person: true,
                    ..ClientDetailsText::named(given, family, &born)
                },
                clock,
                entropy,
            )?
            .id;
        unit.allocate_client(client, Some(me), None, "", clock, entropy)?;
        let area = LOCAL_AUTHORITY_AREAS
            [usize::try_from(random.below(LOCAL_AUTHORITY_AREAS.len() as u64 - 1)).unwrap_or(0)]
        .0;
        let profile = ClientProfileText {
            local_authority: area,
            ..ClientProfileText::default()
        };
        unit.update_client_profile(client, &profile, clock, entropy)?;
        let rating = match random.below(10) {
            0 | 1 => "red",
            2..=5 => "amber",
            _ => "green",
        };
        let reason = match rating {
            "red" => "Re-offending risk high: recent arrest",
            "amber" => "Missed appointments this month",
            _ => "Engaging and stable",
        };
        unit.review_rag(client, rating, reason, "", clock, entropy)?;
        for (flag, percent) in [
            ("neighbourhood_crime", 65),
            ("ppo", 10),
            ("drr", 20),
            ("atr", 8),
            ("community_order", 25),
            ("licence_dtc_dac", 15),
            ("domestic_abuse", 12),
        ] {
            if random.chance(percent) {
                unit.set_cohort_flag(client, flag, clock, entropy)?;
            }
        }
        if random.chance(20) {
            let long_ago =
                now - Duration::days(200 + i64::try_from(random.below(900)).unwrap_or(0));
            let referral = NewReferral::parse(
                "court",
                "Magistrates' court",
                &day(long_ago),
                "10:00",
                "",
                "",
                now,
            )?;
            let episode = unit.receive_referral(client, &referral, clock, entropy)?[0].id;
            unit.record_pick_up(
                episode,
                &day(long_ago + Duration::days(10)),
                "11:00",
                clock,
                entropy,
            )?;
            let exit = random.pick(&["planned_completion", "disengaged", "custody", "moved_away"]);
            unit.close_episode(
                episode,
                exit,
                "",
                &day(long_ago + Duration::days(150)),
                clock,
                entropy,
            )?;
        }
        // Ten years of a county's clients: most finished their time with
        // the service long ago, so their last episode is closed.
        if !random.chance(STILL_OPEN_PERCENT) {
            let received =
                now - Duration::days(400 + i64::try_from(random.below(3200)).unwrap_or(0));
            let route = random.pick(&["prison", "probation", "court", "iom_panel"]);
            let release = release_day(route, received);
            let referral = NewReferral::parse(
                route,
                "Generated referrer",
                &day(received),
                "10:00",
                "",
                &release,
                now,
            )?;
            // The new episode is the open one; an earlier one may have a
            // later referral date and so come first in the list.
            let episode = unit
                .receive_referral(client, &referral, clock, entropy)?
                .into_iter()
                .find(crate::store::episodes::Episode::is_open)
                .ok_or_else(|| CoreError::internal(&"a referral just received opened no episode"))?
                .id;
            let seen = received + Duration::days(3);
            unit.record_pick_up(episode, &day(seen), "11:00", clock, entropy)?;
            let exit = random.pick(&["planned_completion", "disengaged", "custody", "moved_away"]);
            let ended = seen + Duration::days(60 + i64::try_from(random.below(300)).unwrap_or(0));
            unit.close_episode(episode, exit, "", &day(ended), clock, entropy)?;
            if !progress(done + 1) {
                return Ok(done + 1);
            }
            continue;
        }
        let days_ago = i64::try_from(random.below(60)).unwrap_or(0);
        let received = now
            - Duration::days(days_ago)
            - Duration::hours(i64::try_from(random.below(20)).unwrap_or(0));
        let received = received.max(now - Duration::days(90)).min(now);
        let route = random.pick(&[
            "prison",
            "prison",
            "probation",
            "probation",
            "court",
            "police_custody",
            "iom_panel",
            "self",
        ]);
        let release = release_day(route, received);
        let referral = NewReferral::parse(
            route,
            "Generated referrer",
            &day(received),
            &received.format("%H:%M").to_string(),
            "",
            &release,
            now,
        )?;
        let episode = unit.receive_referral(client, &referral, clock, entropy)?[0].id;
        let seen = received + Duration::days(2);
        if random.chance(60) && seen <= now {
            unit.record_pick_up(
                episode,
                &day(seen),
                &seen.format("%H:%M").to_string(),
                clock,
                entropy,
            )?;
        }
        if !progress(done + 1) {
            return Ok(done + 1);
        }
    }
    Ok(count)
}
