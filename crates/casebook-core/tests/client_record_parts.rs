//! The parts of a client's record: RAG reviews, safety flags, cohort flags
//! and OGRS, probable duplicates and search, each tried by the roles that
//! may and may not use them. Through the core, with real encrypted units.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clients::client_records::ClientView;
use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::cohort::CohortFlag;
use casebook_core::domain::duplicates::DuplicateReason;
use casebook_core::domain::rag::Rag;
use casebook_core::domain::safety_flags::{SafetyFlagKind, SafetyFlagText};
use casebook_core::error::ErrorCode;
use common::{Unit, set_hide_others};

#[test]
fn rag_reviews_are_kept_red_needs_a_reason_and_partners_see_only_the_rating() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    kim.review_rag(client.id, "amber", "", "", &SystemClock, &mut OsEntropy)
        .unwrap();
    let no_reason = kim
        .review_rag(client.id, "red", " ", "", &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(no_reason.code, ErrorCode::InvalidInput);
    let history = kim
        .review_rag(
            client.id,
            "red",
            "Arrested for a burglary last night",
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(
        history.iter().map(|r| r.rating).collect::<Vec<_>>(),
        [Rag::Red, Rag::Amber],
        "newest first, nothing lost"
    );
    assert_eq!(
        kim.view_caseload(&SystemClock, &mut OsEntropy).unwrap()[0].rag,
        Some(Rag::Red)
    );
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut lee = unit.as_("lee");
    let refused = lee.review_rag(client.id, "green", "", "", &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    match lee
        .view_client(client.id, &SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ClientView::Record(record) => assert_eq!(record.rag_history.len(), 2),
        ClientView::Summary(_) => panic!("a keyworker reads the whole record"),
    }
    lee.lock(&SystemClock, &mut OsEntropy);

    let mut pat = unit.as_("pat");
    match pat
        .view_client(client.id, &SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ClientView::Summary(summary) => assert_eq!(summary.rag, Some(Rag::Red)),
        ClientView::Record(_) => panic!("a partner sees the summary"),
    }
    let refused = pat.review_rag(client.id, "green", "", "", &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    pat.lock(&SystemClock, &mut OsEntropy);

    let mut manager = unit.as_("admin");
    let reviews = manager
        .audit_trail(
            &AuditFilter::parse(None, None, Some("rag_reviewed"), None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(reviews.len(), 2);
    assert!(reviews[0].entry.detail.contains(r#""to":"red""#));
    assert!(
        !reviews[0].entry.detail.contains("burglary"),
        "the reason stays in the record, not the audit trail"
    );
}

#[test]
fn safety_flags_are_raised_reviewed_ended_and_kept() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let today = chrono::Utc::now().date_naive();
    let in_a_month = (today + chrono::Duration::days(30)).to_string();
    let no_note = kim.raise_safety_flag(
        client.id,
        &SafetyFlagText {
            kind: "risk_to_staff",
            review_by: &in_a_month,
            ..SafetyFlagText::default()
        },
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(no_note.unwrap_err().code, ErrorCode::InvalidInput);
    let flags = kim
        .raise_safety_flag(
            client.id,
            &SafetyFlagText {
                kind: "mappa",
                mappa_category: "2",
                mappa_level: "1",
                note: "Managed under MAPPA after a violent offence",
                review_by: &today.to_string(),
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(flags.len(), 1);
    let flag = flags[0].id;
    let due = kim.safety_reviews_due(today).unwrap();
    assert_eq!(due.len(), 1);
    assert!(!due[0].overdue);
    let later = kim
        .safety_reviews_due(today + chrono::Duration::days(2))
        .unwrap();
    assert!(later[0].overdue, "two days on, the review is overdue");
    assert_eq!(
        kim.view_caseload(&SystemClock, &mut OsEntropy).unwrap()[0].active_flags,
        [SafetyFlagKind::Mappa]
    );
    kim.review_safety_flag(
        flag,
        "Still managed at level 1",
        &in_a_month,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    assert!(kim.safety_reviews_due(today).unwrap().is_empty());
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut lee = unit.as_("lee");
    let refused = lee.end_safety_flag(flag, "Not needed any more", &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    match lee
        .view_client(client.id, &SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ClientView::Record(record) => {
            assert_eq!(record.safety_flags[0].note, "Still managed at level 1");
        }
        ClientView::Summary(_) => panic!("a keyworker reads the whole record"),
    }
    lee.lock(&SystemClock, &mut OsEntropy);

    let mut manager = unit.as_("admin");
    let flags = manager
        .end_safety_flag(
            flag,
            "MAPPA management ended by the panel",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert!(!flags[0].is_active(), "an ended flag is kept");
    assert_eq!(
        flags[0].end_reason.as_deref(),
        Some("MAPPA management ended by the panel")
    );
    let again = manager.end_safety_flag(flag, "Ending it twice", &SystemClock, &mut OsEntropy);
    assert_eq!(again.unwrap_err().code, ErrorCode::InvalidInput);
    let trail = manager
        .audit_trail(
            &AuditFilter::parse(None, Some(&client.id.to_string()), None, None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let actions: Vec<&str> = trail.iter().map(|v| v.entry.action.as_str()).collect();
    for expected in [
        "safety_flag_raised",
        "safety_flag_reviewed",
        "safety_flag_ended",
    ] {
        assert!(actions.contains(&expected), "{actions:?}");
    }
    assert!(
        trail.iter().all(|v| !v.entry.detail.contains("MAPPA")),
        "notes stay in the record"
    );
}

#[test]
fn an_ogrs_of_80_proposes_statutory_iom_which_a_person_confirms() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let today = chrono::Utc::now().date_naive().to_string();
    let refused = kim.record_ogrs(client.id, "100", &today, &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::InvalidInput);
    let cohort = kim
        .record_ogrs(client.id, "80", &today, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(cohort.proposed, [CohortFlag::StatutoryIom]);
    assert!(cohort.active().is_empty(), "proposed, not set");
    let cohort = kim
        .set_cohort_flag(client.id, "statutory_iom", &SystemClock, &mut OsEntropy)
        .unwrap();
    assert!(cohort.proposed.is_empty());
    let cohort = kim
        .set_cohort_flag(client.id, "ppo", &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(cohort.active(), [CohortFlag::StatutoryIom, CohortFlag::Ppo]);
    let twice = kim.set_cohort_flag(client.id, "ppo", &SystemClock, &mut OsEntropy);
    assert_eq!(twice.unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(
        kim.view_caseload(&SystemClock, &mut OsEntropy).unwrap()[0].cohort_flags,
        [CohortFlag::StatutoryIom, CohortFlag::Ppo]
    );
    let ppo = cohort.flags[1].id;
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut lee = unit.as_("lee");
    let refused = lee.set_cohort_flag(client.id, "sac", &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    let refused = lee.remove_cohort_flag(ppo, "Not a PPO any more", &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    lee.lock(&SystemClock, &mut OsEntropy);

    let mut pat = unit.as_("pat");
    match pat
        .view_client(client.id, &SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ClientView::Summary(summary) => assert_eq!(
            summary.cohort_flags,
            [CohortFlag::StatutoryIom, CohortFlag::Ppo]
        ),
        ClientView::Record(_) => panic!("a partner sees the summary"),
    }
    pat.lock(&SystemClock, &mut OsEntropy);

    let mut manager = unit.as_("admin");
    let short = manager.remove_cohort_flag(ppo, "no", &SystemClock, &mut OsEntropy);
    assert_eq!(short.unwrap_err().code, ErrorCode::InvalidInput);
    let cohort = manager
        .remove_cohort_flag(
            ppo,
            "Panel removed PPO status in November",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(cohort.active(), [CohortFlag::StatutoryIom]);
    let removed = cohort.flags.iter().find(|f| f.id == ppo).unwrap();
    assert_eq!(
        removed.removal_reason.as_deref(),
        Some("Panel removed PPO status in November"),
        "a removed flag is kept with its reason"
    );
    let again = manager.remove_cohort_flag(ppo, "Removing it twice", &SystemClock, &mut OsEntropy);
    assert_eq!(again.unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn a_probable_duplicate_is_shown_and_added_only_when_confirmed() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let jordan = kim
        .add_client(
            &ClientDetailsText {
                crn: "X123456",
                ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let typo = ClientDetailsText::named("Jordon", "Whitlock", "1990-05-17");
    let refused = kim
        .add_client(&typo, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::ProbableDuplicate);
    let found = kim
        .find_probable_duplicates(&typo, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].client.id, jordan.id);
    assert_eq!(found[0].reason, DuplicateReason::SameBirthAndSimilarName);
    let same_crn = ClientDetailsText {
        crn: "x123456",
        ..ClientDetailsText::named("Sam", "Okafor", "1985-01-01")
    };
    assert_eq!(
        kim.find_probable_duplicates(&same_crn, &SystemClock, &mut OsEntropy)
            .unwrap()[0]
            .reason,
        DuplicateReason::SameCrn
    );
    assert_eq!(
        kim.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .len(),
        1
    );
    kim.add_client(
        &ClientDetailsText {
            confirmed_new_person: true,
            ..typo
        },
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    assert_eq!(
        kim.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .len(),
        2
    );
    let unrelated = ClientDetailsText::named("Ann", "Lee", "1984-04-03");
    assert!(
        kim.find_probable_duplicates(&unrelated, &SystemClock, &mut OsEntropy)
            .unwrap()
            .is_empty()
    );
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut pat = unit.as_("pat");
    let refused = pat.find_probable_duplicates(&unrelated, &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
}

#[test]
fn search_finds_only_what_the_account_may_see() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    kim.add_client(
        &ClientDetailsText {
            crn: "X123456",
            ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
        },
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    kim.add_client(
        &ClientDetailsText::named("Ann", "Lee", "1984-04-03"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let names = |found: Vec<casebook_core::clients::caseload::CaseloadEntry>| -> Vec<String> {
        found
            .iter()
            .map(|e| e.client.family_name.as_str().to_owned())
            .collect()
    };
    assert_eq!(names(kim.search_clients("whitlok").unwrap()), ["Whitlock"]);
    assert_eq!(names(kim.search_clients("x123456").unwrap()), ["Whitlock"]);
    assert_eq!(names(kim.search_clients("3/4/1984").unwrap()), ["Lee"]);
    assert!(kim.search_clients("  ").unwrap().is_empty());
    kim.lock(&SystemClock, &mut OsEntropy);
    set_hide_others(&unit, true);

    let mut lee = unit.as_("lee");
    assert!(
        lee.search_clients("Whitlock").unwrap().is_empty(),
        "hidden clients are not found by search either"
    );
    lee.lock(&SystemClock, &mut OsEntropy);
    let mut pat = unit.as_("pat");
    assert_eq!(names(pat.search_clients("jord").unwrap()), ["Whitlock"]);
    pat.lock(&SystemClock, &mut OsEntropy);
    let mut ira = unit.as_("ira");
    assert_eq!(
        ira.search_clients("Whitlock").unwrap_err().code,
        ErrorCode::Forbidden
    );
}
