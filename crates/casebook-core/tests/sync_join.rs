//! Connecting a unit to a shared folder and joining it on another computer,
//! on real encrypted files: the second computer starts with everything the
//! first sent, with a device identity of its own, and a failed join leaves
//! nothing behind.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::error::ErrorCode;
use casebook_core::sync::joining::join_from_share;
use common::{Unit, join_as};

const KIM_PASSWORD: &str = "heron quilt marble sky";

#[test]
fn a_second_computer_joins_from_the_share_and_both_keep_in_step() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();

    let mut kim = unit.as_("kim");
    let jordan = kim
        .add_client(
            &ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .id;
    kim.review_rag(
        jordan,
        "amber",
        "Missed an appointment",
        "",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let refused = kim
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::Forbidden,
        "keyworkers do not connect units"
    );
    kim.lock(&SystemClock, &mut OsEntropy);

    let mut admin = unit.as_("admin");
    let sent = admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert!(sent.sent >= 3 && sent.problems.is_empty());
    assert!(share.path().join("unit.json").is_file());
    assert!(fs::read_dir(share.path().join("keys")).unwrap().count() >= 5);
    admin.lock(&SystemClock, &mut OsEntropy);

    // Wrong password, no unit in the folder: refused, nothing left behind.
    let wrong = join_from_share(
        share.path(),
        second.path(),
        "kim",
        "not kims password",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert_eq!(wrong.code, ErrorCode::WrongCredentials);
    let empty = tempfile::tempdir().unwrap();
    let no_unit = join_from_share(
        empty.path(),
        second.path(),
        "kim",
        KIM_PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert!(no_unit.message.contains("holds no Casebook unit"));
    assert_eq!(
        fs::read_dir(second.path()).unwrap().count(),
        0,
        "nothing left behind"
    );

    let mut joined = join_as(share.path(), second.path(), "kim");
    let lines = joined.view_caseload(&SystemClock, &mut OsEntropy).unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].client.id, jordan);
    assert!(lines[0].rag.is_some(), "the review came too");

    // The new computer's own changes reach the first one.
    let sam = joined
        .add_client(
            &ClientDetailsText::named("Sam", "Okafor", "1985-01-02"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .id;
    joined
        .send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    joined.lock(&SystemClock, &mut OsEntropy);
    let again = join_from_share(
        share.path(),
        second.path(),
        "kim",
        KIM_PASSWORD,
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert_eq!(again.code, ErrorCode::UnitExists);

    let mut kim = unit.as_("kim");
    let received = kim.receive_changes(share.path(), &SystemClock).unwrap();
    assert!(received.problems.is_empty(), "{:?}", received.problems);
    assert!(
        kim.view_caseload(&SystemClock, &mut OsEntropy)
            .unwrap()
            .iter()
            .any(|line| line.client.id == sam)
    );
}

#[test]
fn an_account_added_after_connecting_can_join_once_its_computer_has_synced() {
    use casebook_core::domain::account::{CaseRole, NewAccount};
    use casebook_core::vault::slot::KdfCost;
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit.as_("admin");
    admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let account = NewAccount::parse(
        "sam",
        "Sam Newstarter",
        "Probation",
        Some(CaseRole::Keyworker),
        false,
        None,
    )
    .unwrap();
    let (_, one_time) = admin
        .add_account(
            &account,
            KdfCost::cheap_for_tests(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let early = join_from_share(
        share.path(),
        elsewhere.path(),
        "sam",
        one_time.as_ref(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert_eq!(
        early.code,
        ErrorCode::WrongCredentials,
        "no key file for sam on the share yet"
    );
    admin.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    let joined = join_from_share(
        share.path(),
        elsewhere.path(),
        "sam",
        one_time.as_ref(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    assert_eq!(joined.account().username.as_str(), "sam");
}

#[test]
fn an_export_saved_to_the_shared_folder_lands_in_exports_and_is_in_the_trail() {
    use casebook_core::domain::audit::AuditFilter;
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit.as_("admin");
    let not_connected = admin
        .export_audit_trail_to_share(&AuditFilter::default(), &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        not_connected.message.contains("not connected"),
        "{}",
        not_connected.message
    );
    admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let path = admin
        .export_audit_trail_to_share(&AuditFilter::default(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(path.parent().unwrap(), share.path().join("exports"));
    assert!(fs::read_to_string(&path).unwrap().starts_with("seq,at,who"));
    let again = admin
        .export_audit_trail_to_share(&AuditFilter::default(), &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_ne!(path, again, "an export never replaces another");
    let recorded = admin
        .audit_trail(
            &AuditFilter::parse(None, None, Some("exported_audit_trail"), None, None).unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert!(
        recorded[0].entry.detail.contains("the shared folder"),
        "{}",
        recorded[0].entry.detail
    );
}

#[test]
fn an_old_password_or_a_disabled_account_no_longer_joins_from_the_share() {
    use casebook_core::vault::slot::KdfCost;
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit.as_("admin");
    admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    // A laptop joined as kim holds kim's key file as it was.
    let laptop = tempfile::tempdir().unwrap();
    let on_laptop = common::join_as(share.path(), laptop.path(), "kim");
    on_laptop.lock(&SystemClock, &mut OsEntropy);
    admin.lock(&SystemClock, &mut OsEntropy);

    // Kim changes her password at the office; the office's next sync puts
    // the new key file on the share and takes the old one away.
    let mut kim = unit.as_("kim");
    kim.change_password(
        common::password_of("kim"),
        "lantern orchard granite bay",
        KdfCost::cheap_for_tests(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    kim.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);
    // The laptop, still holding the old file, does not put it back.
    let mut on_laptop = common::sign_in(
        &casebook_core::unit::folder::unit_folder(
            laptop.path(),
            casebook_core::unit::folder::UnitKind::Real,
        ),
        "kim",
        common::password_of("kim"),
    );
    on_laptop.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let old = join_from_share(
        share.path(),
        elsewhere.path(),
        "kim",
        common::password_of("kim"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert_eq!(old.code, ErrorCode::WrongCredentials);
    join_from_share(
        share.path(),
        elsewhere.path(),
        "kim",
        "lantern orchard granite bay",
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap()
    .lock(&SystemClock, &mut OsEntropy);

    // Lee's account is disabled; after the next sync his key file is gone
    // from the share.
    disable_and_sync(&unit, "lee");
    let third = tempfile::tempdir().unwrap();
    let refused = join_from_share(
        share.path(),
        third.path(),
        "lee",
        common::password_of("lee"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::WrongCredentials);
}

#[test]
fn a_password_changed_or_an_account_disabled_on_one_computer_follows_to_the_others() {
    use casebook_core::unit::folder::{UnitKind, unit_folder, unlock};
    use casebook_core::vault::slot::KdfCost;
    const NEW_PASSWORD: &str = "lantern orchard granite bay";
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit.as_("admin");
    admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
    let laptop = tempfile::tempdir().unwrap();
    join_as(share.path(), laptop.path(), "kim").lock(&SystemClock, &mut OsEntropy);
    let on_laptop = unit_folder(laptop.path(), UnitKind::Real);

    // Kim changes her password at the office, which syncs.
    let mut kim = unit.as_("kim");
    kim.change_password(
        common::password_of("kim"),
        NEW_PASSWORD,
        KdfCost::cheap_for_tests(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    kim.sync_now(&SystemClock, &mut OsEntropy).unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);

    // On the laptop the old password still opens the unit until it syncs;
    // after that only the new one does.
    let mut kim_on_laptop = common::sign_in(&on_laptop, "kim", common::password_of("kim"));
    let report = kim_on_laptop
        .sync_now(&SystemClock, &mut OsEntropy)
        .unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    kim_on_laptop.lock(&SystemClock, &mut OsEntropy);
    let old = unlock(
        &on_laptop,
        "kim",
        common::password_of("kim"),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap_err();
    assert_eq!(old.code, ErrorCode::WrongCredentials);
    let mut kim_on_laptop = common::sign_in(&on_laptop, "kim", NEW_PASSWORD);

    // Lee's account is disabled at the office: after the laptop's next sync
    // his key file is gone from the laptop too, so his password no longer
    // opens the unit's key there.
    disable_and_sync(&unit, "lee");
    kim_on_laptop
        .sync_now(&SystemClock, &mut OsEntropy)
        .unwrap();
    let slots = casebook_core::vault::key_files::read_slots(&on_laptop).unwrap();
    assert!(
        slots.for_username("lee").is_none(),
        "lee's key file left the laptop"
    );
    assert!(slots.for_username("kim").is_some());
}

#[test]
fn a_key_file_planted_on_the_share_is_never_taken() {
    use casebook_core::unit::folder::{UnitKind, unit_folder};
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit.as_("admin");
    admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let laptop = tempfile::tempdir().unwrap();
    let mut kim_on_laptop = join_as(share.path(), laptop.path(), "kim");
    let on_laptop = unit_folder(laptop.path(), UnitKind::Real);
    let before = casebook_core::vault::key_files::read_slots(&on_laptop).unwrap();

    // Someone with write access to the share copies kim's key file under a
    // newer name with bytes added, hoping computers take it.
    let keys = share.path().join("keys");
    let kims = before.for_username("kim").unwrap();
    let original = fs::read(keys.join(format!("{}.slot", kims.header.slot_id))).unwrap();
    let mut planted = original;
    planted.extend_from_slice(b"  \n");
    fs::write(
        keys.join("ffffffff-ffff-7fff-bfff-ffffffffffff.slot"),
        planted,
    )
    .unwrap();
    kim_on_laptop
        .sync_now(&SystemClock, &mut OsEntropy)
        .unwrap();
    let after = casebook_core::vault::key_files::read_slots(&on_laptop).unwrap();
    assert_eq!(after.slots.len(), before.slots.len());
    assert_eq!(
        after.for_username("kim").unwrap().header.slot_id,
        kims.header.slot_id
    );
}

/// An administrator disables `username`'s account and syncs.
fn disable_and_sync(unit: &Unit, username: &str) {
    let mut admin = unit.as_("admin");
    let account = admin
        .list_accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.username.as_str() == username)
        .unwrap();
    admin
        .disable_account(account.id, &SystemClock, &mut OsEntropy)
        .unwrap();
    admin.sync_now(&SystemClock, &mut OsEntropy).unwrap();
}
