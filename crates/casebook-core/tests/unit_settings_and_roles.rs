//! What administering a unit may and may not do: an account that only
//! administers sees no client's data, the unit's settings are for
//! administrators (checked, kept and audited), and an administrator changes
//! others' roles but never their own. Through the core, with real encrypted
//! units.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::account::CaseRole;
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::unit_settings::UnitSettings;
use casebook_core::error::ErrorCode;
use common::Unit;

#[test]
fn an_administrator_without_a_case_role_sees_no_client_data() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Dana", "Whitlock", "1990-04-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    kim.view_client(client.id, &SystemClock, &mut OsEntropy)
        .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut ira = unit.as_("ira");
    let refused = ira.view_client(client.id, &SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    let refused = ira.view_caseload(&SystemClock, &mut OsEntropy);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    let views = ira
        .audit_trail(
            &AuditFilter::parse(None, None, Some("viewed_client"), None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(views.len(), 1, "the view of the record is in the trail");
    assert_eq!(
        views[0].client_name, None,
        "but not the client's name, for an account that only administers"
    );
    // Nor what an entry about a client says (a rating, a reason typed),
    // though a manager reading the same trail sees it.
    let everything = AuditFilter::parse(None, None, None, None, None).unwrap();
    let about_clients = |views: &[casebook_core::store::audit::AuditView]| -> Vec<String> {
        views
            .iter()
            .filter(|view| view.entry.client_id.is_some())
            .map(|view| view.entry.detail.clone())
            .collect()
    };
    let for_ira = about_clients(
        &ira.audit_trail(&everything, &SystemClock, &mut OsEntropy)
            .unwrap(),
    );
    assert!(!for_ira.is_empty());
    assert!(for_ira.iter().all(|detail| detail == "{}"), "{for_ira:?}");
    ira.lock(&SystemClock, &mut OsEntropy);
    let mut manager = unit.as_("admin");
    let for_manager = about_clients(
        &manager
            .audit_trail(&everything, &SystemClock, &mut OsEntropy)
            .unwrap(),
    );
    assert!(
        for_manager.iter().any(|detail| detail != "{}"),
        "the entries about the client say something to a manager: {for_manager:?}"
    );
}

#[test]
fn unit_settings_are_for_administrators_checked_kept_and_audited() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let refused = kim.change_unit_settings(
        UnitSettings::parse(10, true, false, 24).unwrap(),
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    kim.lock(&SystemClock, &mut OsEntropy);

    assert!(UnitSettings::parse(16, true, false, 24).is_err());
    let mut ira = unit.as_("ira");
    assert_eq!(ira.settings(), UnitSettings::default());
    ira.change_unit_settings(
        UnitSettings::parse(12, false, false, 24).unwrap(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    // Saving the same settings again changes and records nothing.
    ira.change_unit_settings(
        UnitSettings::parse(12, false, false, 24).unwrap(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let changes = ira
        .audit_trail(
            &AuditFilter::parse(None, None, Some("unit_settings_changed"), None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    // The test unit's own setup changed one setting (computers' approval);
    // ira's two saves add one entry between them.
    let by_ira: Vec<_> = changes
        .iter()
        .filter(|change| change.entry.detail.contains("idle_lock_minutes"))
        .collect();
    assert_eq!(by_ira.len(), 1);
    assert_eq!(changes.len(), 2);
    ira.lock(&SystemClock, &mut OsEntropy);

    let kim = unit.as_("kim");
    assert_eq!(
        kim.settings(),
        UnitSettings::parse(12, false, false, 24).unwrap()
    );
}

#[test]
fn an_administrator_changes_roles_but_never_their_own() {
    let unit = Unit::new();
    let lee = unit.as_("lee");
    let lee_id = lee.account().id;
    lee.lock(&SystemClock, &mut OsEntropy);
    let ira = unit.as_("ira");
    let ira_id = ira.account().id;
    ira.lock(&SystemClock, &mut OsEntropy);

    let mut admin = unit.as_("admin");
    let admin_id = admin.account().id;
    let own = admin.change_account_role(
        admin_id,
        Some(CaseRole::Keyworker),
        true,
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(own.unwrap_err().code, ErrorCode::InvalidInput);
    let nothing = admin.change_account_role(lee_id, None, false, &SystemClock, &mut OsEntropy);
    assert_eq!(nothing.unwrap_err().code, ErrorCode::InvalidInput);
    let lee = admin
        .change_account_role(
            lee_id,
            Some(CaseRole::Manager),
            false,
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(lee.case_role, Some(CaseRole::Manager));
    // Ira may stop being an administrator: the one making the change stays.
    admin
        .change_account_role(
            ira_id,
            Some(CaseRole::Partner),
            false,
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let trail = admin
        .audit_trail(
            &AuditFilter::parse(None, None, Some("role_changed"), None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(trail.len(), 2);
    assert!(trail[1].entry.detail.contains(r#""to":"manager""#));
    admin.lock(&SystemClock, &mut OsEntropy);

    // The new roles hold at the next sign-in.
    let lee = unit.as_("lee");
    assert_eq!(lee.account().case_role, Some(CaseRole::Manager));
    assert!(lee.allocatable_staff().is_ok(), "a manager allocates now");
    lee.lock(&SystemClock, &mut OsEntropy);
    let mut ira = unit.as_("ira");
    let refused = ira.change_account_role(
        lee_id,
        Some(CaseRole::Keyworker),
        false,
        &SystemClock,
        &mut OsEntropy,
    );
    assert_eq!(refused.unwrap_err().code, ErrorCode::Forbidden);
    let _ = ira.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
}

#[test]
fn a_new_unit_asks_a_manager_to_approve_each_new_computer() {
    use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};
    use casebook_core::vault::slot::KdfCost;
    let data = tempfile::tempdir().unwrap();
    let folder = unit_folder::unit_folder(data.path(), UnitKind::Real);
    let unit = NewUnit::parse(
        "Approval Unit",
        "admin",
        "Alex Admin",
        common::password_of("admin"),
    )
    .unwrap();
    let plan = CreationPlan {
        kdf_cost: KdfCost::cheap_for_tests(),
        demo: false,
        initial_clients: &[],
    };
    unit_folder::create(&folder, &unit, plan, &SystemClock, &mut OsEntropy).unwrap();
    let admin = common::sign_in(&folder, "admin", common::password_of("admin"));
    assert!(admin.settings().new_computers_need_approval);
}
