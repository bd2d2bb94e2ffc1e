//! Who may see and change which client: allocation, read-only access to
//! other keyworkers' clients, the setting that hides them, break-glass, the
//! partner summary, consent, and the audit entries each leaves. Through the
//! core, with real encrypted units.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clients::client_records::ClientView;
use casebook_core::clients::consent::ConsentText;
use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::access::ClientAccess;
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::ids::AccountId;
use casebook_core::domain::unit_settings::UnitSettings;
use casebook_core::error::ErrorCode;
use common::{Unit, set_hide_others};

#[test]
fn a_keyworker_owns_their_clients_and_reads_others() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(client.keyworker, Some(kim.account().id));
    let kim_id = kim.account().id;
    kim.update_client_details(
        client.id,
        &ClientDetailsText::named("Dana", "Whitlock-Hart", "1990-04-02"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut lee = unit.as_("lee");
    let caseload = lee.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(caseload.len(), 1);
    assert_eq!(caseload[0].access, ClientAccess::ReadOnly);
    assert_eq!(
        caseload[0].keyworker.as_ref().map(|k| k.id),
        Some(kim_id),
        "the caseload names the keyworker"
    );
    match lee
        .view_client(client.id, &SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ClientView::Record(record) => {
            assert_eq!(record.access, ClientAccess::ReadOnly);
            assert_eq!(record.client.family_name.as_str(), "Whitlock-Hart");
        }
        ClientView::Summary(_) => panic!("a keyworker sees the whole record"),
    }
    let refused = lee
        .update_client_details(
            client.id,
            &ClientDetailsText::named("Dana", "Smith", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert!(refused.message.contains("allocated to another keyworker"));
    let refused = lee
        .allocate_client(client.id, None, None, "", &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
}

#[test]
fn a_manager_allocates_and_the_new_keyworker_takes_over() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);

    let lee = unit.as_("lee");
    let lee_id = lee.account().id;
    lee.lock(&SystemClock, &mut OsEntropy);
    let pat = unit.as_("pat");
    let pat_id = pat.account().id;
    pat.lock(&SystemClock, &mut OsEntropy);
    let kim = unit.as_("kim");
    let kim_id = kim.account().id;
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut manager = unit.as_("admin");
    let staff = manager.allocatable_staff().unwrap();
    assert!(staff.iter().any(|s| s.id == lee_id));
    assert_eq!(staff.len(), 3, "two keyworkers and the manager: {staff:?}");
    let no_reason = manager.allocate_client(
        client.id,
        Some(lee_id),
        None,
        " ",
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(
        no_reason.unwrap_err().code,
        ErrorCode::InvalidInput,
        "a transfer needs a reason"
    );
    let same_person = manager.allocate_client(
        client.id,
        Some(lee_id),
        Some(lee_id),
        "Lee takes over from Kim",
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(same_person.unwrap_err().code, ErrorCode::InvalidInput);
    let record = manager
        .allocate_client(
            client.id,
            Some(lee_id),
            Some(kim_id),
            "Kim's caseload is full; Lee covers the area",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(record.client.keyworker, Some(lee_id));
    // A partner or an unknown account cannot hold a caseload.
    for not_a_keyworker in [pat_id, AccountId(uuid::Uuid::nil())] {
        let refused = manager.allocate_client(
            client.id,
            Some(not_a_keyworker),
            None,
            "Trying someone who cannot hold a caseload",
            &SystemClock,
            &mut OsEntropy,
        );
        assert_eq!(refused.unwrap_err().code, ErrorCode::InvalidInput);
    }
    let trail = manager
        .audit_trail(
            &AuditFilter::parse(
                None,
                Some(&client.id.to_string()),
                Some("client_allocated"),
                None,
                None,
            )
            .unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(
        trail[0].client_name.as_deref(),
        Some("Whitlock, Dana"),
        "a manager sees which client an entry is about"
    );
    manager.lock(&SystemClock, &mut OsEntropy);

    let mut lee = unit.as_("lee");
    lee.update_client_details(
        client.id,
        &ClientDetailsText::named("Dana", "Whitlock", "1990-04-03"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    lee.lock(&SystemClock, &mut OsEntropy);
    // Kim stays on the case as co-worker, with the same access; once taken
    // off it, Kim can only read the record.
    let mut kim = unit.as_("kim");
    kim.update_client_details(
        client.id,
        &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);
    let mut manager = unit.as_("admin");
    manager
        .allocate_client(
            client.id,
            Some(lee_id),
            None,
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    manager.lock(&SystemClock, &mut OsEntropy);
    let mut kim = unit.as_("kim");
    let refused = kim.update_client_details(
        client.id,
        &ClientDetailsText::named("Dana", "Whitlock", "1990-04-05"),
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
}

#[test]
fn a_same_sex_request_warns_when_the_keyworker_may_not_meet_it() {
    let unit = Unit::new();
    let mut manager = unit.as_("admin");
    let client = manager
        .add_client(
            &ClientDetailsText {
                gender: "woman",
                wants_same_sex_keyworker: true,
                ..ClientDetailsText::named("Dana", "Whitlock", "1990-04-02")
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let bad_gender = manager.add_client(
        &ClientDetailsText {
            gender: "robot",
            ..ClientDetailsText::named("Ann", "Lee", "1984-04-03")
        },
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(bad_gender.unwrap_err().code, ErrorCode::InvalidInput);
    // The staff accounts in this unit have no gender recorded, so nobody can
    // say the request is met.
    let kim = manager
        .allocatable_staff()
        .unwrap()
        .into_iter()
        .find(|s| s.id != manager.account().id)
        .unwrap();
    let record = manager
        .allocate_client(
            client.id,
            Some(kim.id),
            None,
            "",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert!(record.same_sex_warning);
}

#[test]
fn hidden_clients_open_only_with_a_reason_which_is_audited() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);
    set_hide_others(&unit, true);

    let mut lee = unit.as_("lee");
    assert!(
        lee.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .is_empty(),
        "other keyworkers' clients are hidden"
    );
    let refused = lee
        .view_client(client.id, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::ReasonRequired);

    let nobody = lee
        .find_clients_outside_caseload("Whitlock", "1990-04-03", &SystemClock, &mut OsEntropy)
        .unwrap();
    assert!(nobody.is_empty(), "a wrong date of birth finds nobody");
    let found = lee
        .find_clients_outside_caseload(" whitlock ", "1990-04-02", &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, client.id);

    let short = lee
        .open_client_with_reason(client.id, "urgent", &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(short.code, ErrorCode::InvalidInput);
    let record = lee
        .open_client_with_reason(
            client.id,
            "Police called: client reported missing tonight",
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(record.access, ClientAccess::ReadOnly);
    assert_eq!(
        record.break_glass_reason.as_deref(),
        Some("Police called: client reported missing tonight")
    );
    let refused = lee.update_client_details(
        client.id,
        &ClientDetailsText::named("Dana", "Smith", "1990-04-02"),
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    lee.lock(&SystemClock, &mut OsEntropy);

    // The keyworker the client is allocated to is not affected.
    let mut kim = unit.as_("kim");
    assert_eq!(
        kim.view_caseload(&SystemClock, &mut OsEntropy).unwrap()[0].access,
        ClientAccess::Full
    );
    let not_needed = kim.open_client_with_reason(
        client.id,
        "no reason is needed here at all",
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(not_needed.unwrap_err().code, ErrorCode::InvalidInput);
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut manager = unit.as_("admin");
    let glass = manager
        .audit_trail(
            &AuditFilter::parse(None, None, Some("broke_glass"), None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(glass.len(), 1);
    assert_eq!(glass[0].entry.client_id, Some(client.id.to_string()));
    assert!(glass[0].entry.detail.contains("reported missing tonight"));
    let searches = manager
        .audit_trail(
            &AuditFilter::parse(None, None, Some("searched_unit"), None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(searches.len(), 2);
    assert!(
        !searches[0].entry.detail.contains("Whitlock"),
        "a search is recorded without the name searched for"
    );
}

#[test]
fn a_partner_sees_a_summary_and_changes_nothing() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);
    // Hiding other keyworkers' clients does not hide them from partners.
    set_hide_others(&unit, true);

    let mut pat = unit.as_("pat");
    let caseload = pat.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(caseload.len(), 1);
    assert_eq!(caseload[0].access, ClientAccess::Summary);
    match pat
        .view_client(client.id, &SystemClock, &mut OsEntropy)
        .unwrap()
    {
        ClientView::Summary(summary) => {
            assert_eq!(summary.family_name.as_str(), "Whitlock");
            assert!(summary.keyworker.is_some());
        }
        ClientView::Record(_) => panic!("a partner sees only the summary"),
    }
    for refused in [
        pat.update_client_details(
            client.id,
            &ClientDetailsText::named("Dana", "Smith", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .map(drop),
        pat.allocate_client(client.id, None, None, "", &SystemClock, &mut OsEntropy)
            .map(drop),
        pat.find_clients_outside_caseload("Whitlock", "1990-04-02", &SystemClock, &mut OsEntropy)
            .map(drop),
        pat.add_client(
            &ClientDetailsText::named("Ann", "Other", "1980-01-01"),
            &SystemClock,
            &mut OsEntropy,
        )
        .map(drop),
    ] {
        assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    }
}

#[test]
fn a_client_who_withdraws_consent_for_an_agency_is_hidden_from_its_partners() {
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
    let given = ConsentText {
        agency: "Police",
        decision: "given",
        how: "in writing",
        decided_on: &today,
    };
    kim.record_consent(client.id, &given, &SystemClock, &mut OsEntropy)
        .unwrap();
    let no_way = ConsentText { how: "", ..given };
    let refused = kim.record_consent(client.id, &no_way, &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::InvalidInput);
    let history = kim
        .record_consent(
            client.id,
            &ConsentText {
                decision: "withdrawn",
                how: "",
                ..given
            },
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(history.len(), 2, "every decision is kept");
    kim.lock(&SystemClock, &mut OsEntropy);

    // Pat is a partner from the police (every staff account in this unit is).
    let mut pat = unit.as_("pat");
    assert!(
        pat.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .is_empty()
    );
    assert!(pat.search_clients("Whitlock").unwrap().is_empty());
    let refused = pat.view_client(client.id, &SystemClock, &mut OsEntropy);
    let refused = refused.unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert!(refused.message.contains("withdrawn consent"));
    pat.lock(&SystemClock, &mut OsEntropy);

    // A unit whose agreement says partners keep the summary can say so.
    let mut admin = unit.as_("admin");
    admin
        .change_unit_settings(
            UnitSettings::parse(5, true, true, 24).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
    let mut pat = unit.as_("pat");
    assert_eq!(
        pat.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .len(),
        1
    );
    let refused = pat.record_consent(client.id, &given, &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
}
