//! The caseload a page at a time, through the core, with a real encrypted
//! unit: filters, orders and counts worked out by hand on a small cohort;
//! pages that never hold more than a page; a change by any path shown on
//! the next page (the in-memory index never goes stale); and a partner who
//! cannot learn through a filter what their summary leaves out.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clients::caseload::{
    CASELOAD_PAGE_SIZE, CaseloadFilter, CaseloadPage, CaseloadQuery, CaseloadSort, ClockFilter,
    EpisodeFilter, RagFilter, Whose,
};
use casebook_core::clock::{Clock, OsEntropy, SystemClock};
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::ids::ClientId;
use casebook_core::domain::rag::Rag;
use casebook_core::domain::referrals::NewReferral;
use casebook_core::unit::unlocked::UnlockedUnit;
use chrono::Duration;
use common::Unit;

fn add(unit: &mut UnlockedUnit, given: &str, family: &str) -> ClientId {
    unit.add_client(
        &ClientDetailsText {
            confirmed_new_person: true,
            ..ClientDetailsText::named(given, family, "1985-02-03")
        },
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap()
    .id
}

fn refer(
    unit: &mut UnlockedUnit,
    client: ClientId,
    days_ago: i64,
) -> casebook_core::domain::ids::EpisodeId {
    let now = SystemClock.local_now();
    let received = now - Duration::days(days_ago);
    let referral = NewReferral::parse(
        "probation",
        "Probation practitioner",
        &received.format("%Y-%m-%d").to_string(),
        &received.format("%H:%M").to_string(),
        "",
        "",
        now,
    )
    .unwrap();
    unit.receive_referral(client, &referral, &SystemClock, &mut OsEntropy)
        .unwrap()[0]
        .id
}

/// A family name for the `number`th made-up client, in the same order as
/// the numbers (names are letters only).
fn made_up_family_name(number: usize) -> String {
    let letter = |place: usize| char::from(b'a' + u8::try_from((number / place) % 26).unwrap());
    format!("Person{}{}{}", letter(26 * 26), letter(26), letter(1))
}

fn query(
    filter: CaseloadFilter,
    sort: CaseloadSort,
    descending: bool,
    page: usize,
) -> CaseloadQuery {
    CaseloadQuery {
        filter,
        sort,
        descending,
        page,
    }
}

fn everyone() -> CaseloadQuery {
    query(CaseloadFilter::EVERYONE, CaseloadSort::Name, false, 0)
}

fn page_of(unit: &mut UnlockedUnit, asked: &CaseloadQuery) -> CaseloadPage {
    unit.view_caseload_page(asked, &SystemClock, &mut OsEntropy)
        .unwrap()
}

fn families(page: &CaseloadPage) -> Vec<&str> {
    page.entries
        .iter()
        .map(|entry| entry.client.family_name.as_str())
        .collect()
}

/// The cohort worked by hand, added by the manager:
/// - Adams: red, Kim's, referred two days ago (open, clock running);
/// - Baker: green, nobody's, referred and then closed (closed);
/// - Cole: not rated, Kim's, never referred (waiting for a first referral,
///   so current work, not closed).
struct Cohort {
    unit: Unit,
    kim: casebook_core::domain::ids::AccountId,
}

fn cohort() -> Cohort {
    let unit = Unit::new();
    let kim = {
        let kim = unit.as_("kim");
        let id = kim.account().id;
        kim.lock(&SystemClock, &mut OsEntropy);
        id
    };
    let mut manager = unit.as_("admin");
    let adams = add(&mut manager, "Ada", "Adams");
    let baker = add(&mut manager, "Bo", "Baker");
    let cole = add(&mut manager, "Cy", "Cole");
    for client in [adams, cole] {
        manager
            .allocate_client(client, Some(kim), None, "", &SystemClock, &mut OsEntropy)
            .unwrap();
    }
    manager
        .review_rag(
            adams,
            "red",
            "Arrested last week",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    manager
        .review_rag(baker, "green", "Stable", "", &SystemClock, &mut OsEntropy)
        .unwrap();
    refer(&mut manager, adams, 2);
    let episode = refer(&mut manager, baker, 40);
    let seen = (SystemClock.local_now() - Duration::days(38))
        .format("%Y-%m-%d")
        .to_string();
    manager
        .record_pick_up(episode, &seen, "10:00", &SystemClock, &mut OsEntropy)
        .unwrap();
    let today = SystemClock.local_now().format("%Y-%m-%d").to_string();
    manager
        .close_episode(
            episode,
            "moved_away",
            "",
            &today,
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    manager.lock(&SystemClock, &mut OsEntropy);
    Cohort { unit, kim }
}

#[test]
fn filters_orders_and_counts_match_the_cohort_worked_by_hand() {
    let Cohort { unit, kim } = cohort();
    let mut manager = unit.as_("admin");
    let filtered = |episodes, rag, whose| CaseloadFilter {
        episodes,
        rag,
        whose,
        ..CaseloadFilter::EVERYONE
    };
    let mut names = |filter: CaseloadFilter, sort: CaseloadSort, descending: bool| {
        let page = page_of(&mut manager, &query(filter, sort, descending, 0));
        families(&page)
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let any = (EpisodeFilter::Any, RagFilter::Any, Whose::All);
    assert_eq!(
        names(filtered(any.0, any.1, any.2), CaseloadSort::Name, false),
        ["Adams", "Baker", "Cole"]
    );
    assert_eq!(
        names(filtered(any.0, any.1, any.2), CaseloadSort::Name, true),
        ["Cole", "Baker", "Adams"]
    );
    assert_eq!(
        names(
            filtered(EpisodeFilter::Open, RagFilter::Any, Whose::All),
            CaseloadSort::Name,
            false
        ),
        ["Adams", "Cole"],
        "open: an open episode, or never referred yet"
    );
    assert_eq!(
        names(
            filtered(EpisodeFilter::Closed, RagFilter::Any, Whose::All),
            CaseloadSort::Name,
            false
        ),
        ["Baker"]
    );
    assert_eq!(
        names(
            filtered(EpisodeFilter::Any, RagFilter::Rated(Rag::Red), Whose::All),
            CaseloadSort::Name,
            false
        ),
        ["Adams"]
    );
    assert_eq!(
        names(
            filtered(EpisodeFilter::Any, RagFilter::NotRated, Whose::All),
            CaseloadSort::Name,
            false
        ),
        ["Cole"]
    );
    assert_eq!(
        names(
            filtered(EpisodeFilter::Any, RagFilter::Any, Whose::Keyworker(kim)),
            CaseloadSort::Name,
            false
        ),
        ["Adams", "Cole"]
    );
    assert_eq!(
        names(
            filtered(EpisodeFilter::Any, RagFilter::Any, Whose::Unallocated),
            CaseloadSort::Name,
            false
        ),
        ["Baker"]
    );
    // Red, green, then not rated; turned round, not rated comes first.
    assert_eq!(
        names(CaseloadFilter::EVERYONE, CaseloadSort::Rag, false),
        ["Adams", "Baker", "Cole"]
    );
    assert_eq!(
        names(CaseloadFilter::EVERYONE, CaseloadSort::Rag, true),
        ["Cole", "Baker", "Adams"]
    );
    // Only Adams has a running clock; the others follow in name order.
    assert_eq!(
        names(CaseloadFilter::EVERYONE, CaseloadSort::Clock, false),
        ["Adams", "Baker", "Cole"]
    );
    assert_eq!(
        names(
            CaseloadFilter {
                clock: ClockFilter::Running,
                ..CaseloadFilter::EVERYONE
            },
            CaseloadSort::Name,
            false
        ),
        ["Adams"]
    );
    assert_eq!(
        names(
            CaseloadFilter {
                clock: ClockFilter::NoReferral,
                ..CaseloadFilter::EVERYONE
            },
            CaseloadSort::Name,
            false
        ),
        ["Baker", "Cole"]
    );
    // Kim's name sorts before the unallocated.
    assert_eq!(
        names(CaseloadFilter::EVERYONE, CaseloadSort::Keyworker, false),
        ["Adams", "Cole", "Baker"]
    );

    let open = page_of(
        &mut manager,
        &query(
            filtered(EpisodeFilter::Open, RagFilter::Any, Whose::All),
            CaseloadSort::Name,
            false,
            0,
        ),
    );
    assert_eq!(
        open.counts.listed, 3,
        "the count of everyone stays true under a filter"
    );
    assert_eq!(open.counts.matching, 2);
    assert_eq!(open.counts.red, 1);
    assert_eq!(
        open.counts.referrals_due_this_week, 0,
        "a 10-day probation clock with 8 days left"
    );
    assert_eq!(open.counts.breached, 0);
    assert_eq!(
        open.keyworkers.len(),
        1,
        "the picker offers keyworkers with a client"
    );
    manager.lock(&SystemClock, &mut OsEntropy);

    // A keyworker's own open clients.
    let mut kim_signed_in = unit.as_("kim");
    let mine = page_of(
        &mut kim_signed_in,
        &query(
            filtered(EpisodeFilter::Open, RagFilter::Any, Whose::Mine),
            CaseloadSort::Name,
            false,
            0,
        ),
    );
    assert_eq!(families(&mine), ["Adams", "Cole"]);
}

#[test]
fn a_page_holds_at_most_a_page_and_the_counts_cover_every_page() {
    let unit = Unit::new();
    let mut manager = unit.as_("admin");
    let total = 2 * CASELOAD_PAGE_SIZE + 7;
    for number in 0..total {
        add(&mut manager, "Sam", &made_up_family_name(number));
    }
    let mut seen = Vec::new();
    for page in 0..3 {
        let answer = page_of(
            &mut manager,
            &query(CaseloadFilter::EVERYONE, CaseloadSort::Name, false, page),
        );
        assert!(answer.entries.len() <= CASELOAD_PAGE_SIZE);
        assert_eq!(answer.counts.listed, total);
        assert_eq!(answer.counts.matching, total);
        assert_eq!(answer.page_count, 3);
        assert_eq!(answer.page, page);
        seen.extend(families(&answer).into_iter().map(str::to_owned));
    }
    let expected: Vec<String> = (0..total).map(made_up_family_name).collect();
    assert_eq!(
        seen, expected,
        "the pages together are everyone once, in order"
    );
    let beyond = page_of(
        &mut manager,
        &query(CaseloadFilter::EVERYONE, CaseloadSort::Name, false, 99),
    );
    assert_eq!(beyond.page, 2, "a page past the end shows the last");
    assert_eq!(beyond.entries.len(), 7);
}

#[test]
fn a_change_by_any_path_shows_on_the_next_page() {
    let Cohort { unit, .. } = cohort();
    let mut manager = unit.as_("admin");
    let red = query(
        CaseloadFilter {
            rag: RagFilter::Rated(Rag::Red),
            ..CaseloadFilter::EVERYONE
        },
        CaseloadSort::Name,
        false,
        0,
    );
    assert_eq!(families(&page_of(&mut manager, &red)), ["Adams"]);
    // A change through this unit's own connection.
    let cole = page_of(&mut manager, &everyone()).entries[2].client.id;
    manager
        .review_rag(
            cole,
            "red",
            "Missed two appointments",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(families(&page_of(&mut manager, &red)), ["Adams", "Cole"]);
    // A change through another connection to the same file (as `casebook
    // demo` run while the app is open).
    let mut elsewhere = unit.as_("admin");
    add(&mut elsewhere, "Dee", "Abbott");
    elsewhere.lock(&SystemClock, &mut OsEntropy);
    let after = page_of(&mut manager, &everyone());
    assert_eq!(families(&after), ["Abbott", "Adams", "Baker", "Cole"]);
    // Search reads the same index.
    assert_eq!(manager.search_clients("Abbott").unwrap().len(), 1);
}

#[test]
fn a_partner_cannot_learn_episodes_or_areas_through_the_filters() {
    let Cohort { unit, .. } = cohort();
    let mut partner = unit.as_("pat");
    let by_episodes = |episodes| {
        query(
            CaseloadFilter {
                episodes,
                ..CaseloadFilter::EVERYONE
            },
            CaseloadSort::Name,
            false,
            0,
        )
    };
    assert_eq!(
        families(&page_of(&mut partner, &by_episodes(EpisodeFilter::Any))),
        ["Adams", "Baker", "Cole"]
    );
    assert!(
        page_of(&mut partner, &by_episodes(EpisodeFilter::Open))
            .entries
            .is_empty()
    );
    assert!(
        page_of(&mut partner, &by_episodes(EpisodeFilter::Closed))
            .entries
            .is_empty()
    );
    let clocks = query(
        CaseloadFilter {
            clock: ClockFilter::Running,
            ..CaseloadFilter::EVERYONE
        },
        CaseloadSort::Name,
        false,
        0,
    );
    assert!(page_of(&mut partner, &clocks).entries.is_empty());
    let everyone_page = page_of(&mut partner, &everyone());
    assert_eq!(everyone_page.counts.referrals_due_this_week, 0);
    assert!(everyone_page.areas.is_empty());
    assert!(
        everyone_page
            .entries
            .iter()
            .all(|entry| entry.open_episode.is_none())
    );
}

#[test]
fn search_finds_closed_records_the_starting_filter_hides() {
    let Cohort { unit, .. } = cohort();
    let mut manager = unit.as_("admin");
    let open = query(
        CaseloadFilter {
            episodes: EpisodeFilter::Open,
            ..CaseloadFilter::EVERYONE
        },
        CaseloadSort::Name,
        false,
        0,
    );
    assert!(!families(&page_of(&mut manager, &open)).contains(&"Baker"));
    let found = manager.search_clients("Baker").unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].client.family_name.as_str(), "Baker");
}
