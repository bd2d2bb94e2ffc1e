//! Referrals and episodes through the core, with a real encrypted unit: a
//! referral opens an episode and starts its clock, a pick-up accepts it,
//! an outcome or an exit ends it, and an ended episode never changes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clients::client_records::ClientView;
use casebook_core::clock::{Clock, OsEntropy, SystemClock};
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::ids::ClientId;
use casebook_core::domain::referrals::{
    ClockStatus, ExitReason, NewReferral, PickUpTarget, ReferralOutcome, ReferralRoute,
};
use casebook_core::error::ErrorCode;
use casebook_core::unit::unlocked::UnlockedUnit;
use chrono::{Duration, NaiveDateTime};
use common::Unit;

fn day(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d").to_string()
}

fn referral(route: &str, received: NaiveDateTime, release: &str) -> NewReferral {
    NewReferral::parse(
        route,
        "Through the Gate team",
        &day(received),
        &received.format("%H:%M").to_string(),
        "Heroin use before custody",
        release,
        SystemClock.local_now(),
    )
    .unwrap()
}

fn add_client(unit: &mut UnlockedUnit) -> ClientId {
    unit.add_client(
        &ClientDetailsText::named("Rhys", "Calder", "1988-07-19"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap()
    .id
}

#[test]
fn a_prison_referral_runs_21_days_from_release_is_picked_up_and_closed() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = add_client(&mut kim);
    let now = SystemClock.local_now();
    let received = now - Duration::days(10);
    let released = day(now - Duration::days(5));
    let episodes = kim
        .receive_referral(
            client,
            &referral("prison", received, &released),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(episodes.len(), 1);
    let clock = episodes[0].clock.unwrap();
    assert_eq!(clock.target, PickUpTarget::Days(21));
    assert_eq!(
        clock.days_left(now),
        16,
        "21 days from the release, 5 days ago"
    );
    assert_eq!(clock.status(now, None), ClockStatus::OnTrack);

    let caseload = kim.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    let open = caseload[0].open_episode.as_ref().unwrap();
    assert_eq!(open.route, ReferralRoute::Prison);

    // A second referral while one is open is refused, and nothing is added.
    let again = kim.receive_referral(
        client,
        &referral("court", received, ""),
        &SystemClock,
        &mut OsEntropy,
    );
    assert!(
        again
            .unwrap_err()
            .message
            .contains("already has an open episode")
    );

    let episode = episodes[0].id;
    let before_received = kim
        .record_pick_up(
            episode,
            &day(received - Duration::days(1)),
            "10:00",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert!(
        before_received
            .message
            .contains("before the referral was received")
    );
    let not_picked_up = kim
        .close_episode(
            episode,
            "planned_completion",
            "",
            &day(now),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert!(not_picked_up.message.contains("not been picked up"));

    let picked = kim
        .record_pick_up(
            episode,
            &day(now - Duration::days(2)),
            "11:30",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(picked[0].outcome, Some(ReferralOutcome::Accepted));
    assert_eq!(
        picked[0].clock.unwrap().status(now, picked[0].picked_up_at),
        ClockStatus::PickedUpInTime
    );
    let ending = kim.record_referral_outcome(
        episode,
        "declined",
        "",
        &day(now),
        &SystemClock,
        &mut OsEntropy,
    );
    assert!(ending.unwrap_err().message.contains("Close the episode"));

    let early_exit = kim
        .close_episode(
            episode,
            "planned_completion",
            "",
            &day(received - Duration::days(1)),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert!(early_exit.message.contains("before the referral"));
    let other_without_note = kim
        .close_episode(
            episode,
            "other",
            "",
            &day(now),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(other_without_note.code, ErrorCode::InvalidInput);
    let closed = kim
        .close_episode(
            episode,
            "custody",
            "",
            &day(now),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(closed[0].exit_reason, Some(ExitReason::Custody));
    assert!(!closed[0].is_open());

    // Ended: read-only.
    let changed = kim
        .close_episode(
            episode,
            "deceased",
            "",
            &day(now),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert!(changed.message.contains("has ended"));
    assert!(
        kim.view_caseload(&SystemClock, &mut OsEntropy).unwrap()[0]
            .open_episode
            .is_none()
    );

    // A re-referral opens a new episode; the old one is kept.
    let episodes = kim
        .receive_referral(
            client,
            &referral("probation", now, ""),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(episodes.len(), 2);
    assert_eq!(episodes[0].clock.unwrap().target, PickUpTarget::Days(42));
    assert!(episodes[0].is_open() && !episodes[1].is_open());

    let ClientView::Record(record) = kim
        .view_client(client, &SystemClock, &mut OsEntropy)
        .unwrap()
    else {
        panic!("the keyworker sees the whole record");
    };
    assert_eq!(record.episodes.len(), 2);
    kim.lock(&SystemClock, &mut OsEntropy);
    let mut manager = unit.as_("admin");
    let actions: Vec<String> = manager
        .audit_trail(
            &AuditFilter::parse(None, Some(&client.to_string()), None, None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .into_iter()
        .map(|view| view.entry.action)
        .collect();
    for action in ["referral_received", "referral_picked_up", "episode_closed"] {
        assert!(actions.iter().any(|a| a == action), "{action} audited");
    }
}

#[test]
fn a_referral_not_taken_on_ends_with_its_outcome_and_only_full_access_records_one() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = add_client(&mut kim);
    let now = SystemClock.local_now();
    let episodes = kim
        .receive_referral(
            client,
            &referral("police_custody", now - Duration::hours(2), ""),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let clock = episodes[0].clock.unwrap();
    assert_eq!(clock.target, PickUpTarget::Hours(24), "the unit's default");
    let episode = episodes[0].id;
    kim.lock(&SystemClock, &mut OsEntropy);

    // A partner's caseload line holds no more than their summary.
    let mut pat = unit.as_("pat");
    let lines = pat.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].open_episode.is_none(),
        "no referral on a partner's line"
    );
    pat.lock(&SystemClock, &mut OsEntropy);

    for other in ["lee", "pat", "ira"] {
        let mut person = unit.as_(other);
        let refused = person
            .record_referral_outcome(
                episode,
                "declined",
                "",
                &day(now),
                &SystemClock,
                &mut OsEntropy,
            )
            .unwrap_err();
        assert_eq!(refused.code, ErrorCode::Forbidden, "{other}");
        person.lock(&SystemClock, &mut OsEntropy);
    }

    let mut kim = unit.as_("kim");
    let no_agency = kim
        .record_referral_outcome(
            episode,
            "onward_referral",
            "",
            &day(now),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert!(no_agency.message.contains("referred on to"));
    let ended = kim
        .record_referral_outcome(
            episode,
            "onward_referral",
            "Community mental health team",
            &day(now),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(
        ended[0].outcome,
        Some(ReferralOutcome::OnwardReferral {
            to: "Community mental health team".into()
        })
    );
    assert!(!ended[0].is_open());
    let late_pick_up = kim
        .record_pick_up(episode, &day(now), "", &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(late_pick_up.message.contains("has ended"));
}
