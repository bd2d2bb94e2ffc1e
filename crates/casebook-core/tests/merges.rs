//! Merging two records of one person through the core, with a real
//! encrypted unit: every entry is kept, gaps are filled, the merged record
//! leaves every list, and the merge is in the audit trail of both.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clock::{Clock, OsEntropy, SystemClock};
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::referrals::NewReferral;
use casebook_core::error::ErrorCode;
use common::Unit;

const REASON: &str = "Same person: the probation officer confirmed both records";

#[test]
fn a_manager_merges_a_duplicate_keeping_every_entry() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let kept = kim
        .add_client(
            &ClientDetailsText {
                crn: "X123456",
                ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .id;
    kim.review_rag(kept, "amber", "", "", &SystemClock, &mut OsEntropy)
        .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut manager = unit.as_("admin");
    let merged = manager
        .add_client(
            &ClientDetailsText {
                nhs_number: "9434765919",
                confirmed_new_person: true,
                ..ClientDetailsText::named("Jordon", "Whitlock", "1990-05-17")
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .id;
    manager
        .review_rag(
            merged,
            "red",
            "Arrested for burglary",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    manager
        .set_cohort_flag(merged, "ppo", &SystemClock, &mut OsEntropy)
        .unwrap();
    let now = SystemClock.local_now();
    let referral = NewReferral::parse(
        "court",
        "Magistrates' court",
        &now.format("%Y-%m-%d").to_string(),
        "",
        "",
        "",
        now,
    )
    .unwrap();
    manager
        .receive_referral(merged, &referral, &SystemClock, &mut OsEntropy)
        .unwrap();

    let found = manager.duplicates_of_client(kept).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].client.id, merged);

    let itself = manager
        .merge_clients(kept, kept, REASON, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(itself.message.contains("into itself"));
    let no_reason = manager
        .merge_clients(kept, merged, "same", &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(no_reason.code, ErrorCode::InvalidInput);

    let record = manager
        .merge_clients(kept, merged, REASON, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(record.client.id, kept);
    assert!(record.client.identifiers.crn.is_some(), "kept");
    assert!(
        record.client.identifiers.nhs_number.is_some(),
        "filled from the merged record"
    );
    assert_eq!(record.rag_history.len(), 2, "both reviews kept");
    assert_eq!(record.episodes.len(), 1);
    assert!(record.cohort.active().len() == 1);
    assert_eq!(record.profile.other_names, ["Jordon Whitlock"]);

    let caseload = manager.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(caseload.len(), 1, "the merged record leaves the list");
    assert!(manager.search_clients("jordon").unwrap().len() == 1);
    let gone = manager
        .view_client(merged, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        gone.message.contains("merged into another record"),
        "{}",
        gone.message
    );
    let again = manager
        .merge_clients(kept, merged, REASON, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(again.message.contains("merged into another record"));

    for client in [kept, merged] {
        let trail = manager
            .audit_trail(
                &AuditFilter::parse(
                    None,
                    Some(&client.to_string()),
                    Some("clients_merged"),
                    None,
                    None,
                )
                .unwrap(),
                &SystemClock,
                &mut OsEntropy,
            )
            .unwrap();
        assert_eq!(trail.len(), 1, "the merge is on both clients' trail");
    }
    manager.lock(&SystemClock, &mut OsEntropy);

    let kim = unit.as_("kim");
    let refused = kim.duplicates_of_client(kept).unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "keyworkers do not merge"
    );
}

#[test]
fn records_with_clashing_identifiers_or_two_open_episodes_are_not_merged() {
    let unit = Unit::new();
    let mut manager = unit.as_("admin");
    let add = |manager: &mut casebook_core::unit::unlocked::UnlockedUnit, crn: &'static str| {
        manager
            .add_client(
                &ClientDetailsText {
                    crn,
                    confirmed_new_person: true,
                    ..ClientDetailsText::named("Sam", "Okafor", "1985-01-02")
                },
                &SystemClock,
                &mut OsEntropy,
            )
            .unwrap()
            .id
    };
    let first = add(&mut manager, "A111111");
    let second = add(&mut manager, "B222222");
    let clash = manager
        .merge_clients(first, second, REASON, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(clash.message.contains("different CRNs"));

    let third = add(&mut manager, "");
    let now = SystemClock.local_now();
    let referral = NewReferral::parse(
        "self",
        "The client",
        &now.format("%Y-%m-%d").to_string(),
        "",
        "",
        "",
        now,
    )
    .unwrap();
    for client in [first, third] {
        manager
            .receive_referral(client, &referral, &SystemClock, &mut OsEntropy)
            .unwrap();
    }
    let both_open = manager
        .merge_clients(first, third, REASON, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        both_open
            .message
            .contains("Both records have an open episode")
    );
    assert_eq!(
        manager
            .view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .len(),
        3,
        "nothing changed"
    );
}
