//! Every account's own keys (`vault::account_keys`): made with the account,
//! sealed in its key slot under its password, their public halves in its
//! row, endorsed by the administrator who made it or gave it new keys.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::account::Account;
use casebook_core::domain::ids::AccountId;
use casebook_core::unit::folder as unit_folder;
use casebook_core::unit::unlocked::UnlockedUnit;
use casebook_core::vault::account_keys::{AccountPublicKeys, Endorsement};
use casebook_core::vault::key_files::read_slots;
use casebook_core::vault::slot::KdfCost;
use common::{Unit, password_of};

fn account(unit: &UnlockedUnit, username: &str) -> Account {
    unit.list_accounts()
        .unwrap()
        .into_iter()
        .find(|account| account.username.as_str() == username)
        .unwrap()
}

fn keys_of(unit: &UnlockedUnit, id: AccountId) -> (AccountPublicKeys, Endorsement) {
    unit.account_public_keys(id)
        .unwrap()
        .expect("the account has keys")
}

#[test]
fn the_first_administrator_endorses_their_own_keys_and_every_account_they_make() {
    let unit = Unit::new();
    let admin = unit.as_("admin");
    let me = admin.account().id;
    let (mine, endorsement) = keys_of(&admin, me);
    assert_eq!(
        Some(mine),
        admin.own_public_keys(),
        "the slot holds the row's keys"
    );
    assert_eq!(endorsement.by, me);
    assert!(mine.endorsed_by(me, &endorsement, &mine.signing));

    for username in ["kim", "lee", "pat", "ira"] {
        let id = account(&admin, username).id;
        let (theirs, endorsement) = keys_of(&admin, id);
        assert_eq!(endorsement.by, me, "{username}");
        assert!(theirs.endorsed_by(id, &endorsement, &mine.signing));
        assert!(!theirs.endorsed_by(me, &endorsement, &mine.signing));
        assert_ne!(theirs, mine);
        let person = unit.as_(username);
        assert_eq!(person.own_public_keys(), Some(theirs), "{username}");
    }
    // Every slot file names the public keys it seals, in version 2.
    for slot in read_slots(unit.folder()).unwrap().slots {
        if slot.header.account_id.is_some() {
            assert_eq!(slot.header.version, 2);
            assert!(slot.header.public_keys().unwrap().is_some());
        }
    }
}

#[test]
fn a_password_change_keeps_ones_keys_and_enabling_again_gives_new_ones() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let before = kim.own_public_keys().unwrap();
    kim.change_password(
        password_of("kim"),
        "lantern pebble orchard wave",
        KdfCost::cheap_for_tests(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    assert_eq!(kim.own_public_keys(), Some(before));
    let id = kim.account().id;
    assert_eq!(keys_of(&kim, id).0, before);
    kim.lock(&SystemClock, &mut OsEntropy);
    let kim = common::sign_in(unit.folder(), "kim", "lantern pebble orchard wave");
    assert_eq!(kim.own_public_keys(), Some(before));
    drop(kim);

    // An administrator who enables an account again hands over a one-time
    // password: the account gets new keys, endorsed by that administrator.
    let mut admin = unit.as_("ira");
    admin
        .disable_account(id, &SystemClock, &mut OsEntropy)
        .unwrap();
    let (_, one_time) = admin
        .enable_account(id, KdfCost::cheap_for_tests(), &SystemClock, &mut OsEntropy)
        .unwrap();
    let (after, endorsement) = keys_of(&admin, id);
    assert_ne!(after, before);
    let ira = admin.account().id;
    assert_eq!(endorsement.by, ira);
    assert!(after.endorsed_by(id, &endorsement, &admin.own_public_keys().unwrap().signing));
    admin.lock(&SystemClock, &mut OsEntropy);
    let kim = common::sign_in(unit.folder(), "kim", one_time.as_ref());
    assert_eq!(kim.own_public_keys(), Some(after));
}

#[test]
fn an_administrator_recovering_with_the_recovery_key_gets_new_keys_of_their_own() {
    let unit = Unit::new();
    let mut admin = unit.as_("admin");
    let before = admin.own_public_keys().unwrap();
    let key = admin
        .issue_recovery_key(KdfCost::cheap_for_tests(), &SystemClock, &mut OsEntropy)
        .unwrap()
        .grouped();
    admin.lock(&SystemClock, &mut OsEntropy);
    // The recovery slot holds the unit key alone, so the old keys stay out
    // of reach: recovery makes new ones, which the administrator endorses.
    let admin = unit_folder::recover(
        unit.folder(),
        &key,
        "admin",
        "new harbour lights",
        KdfCost::cheap_for_tests(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    let me = admin.account().id;
    let (after, endorsement) = keys_of(&admin, me);
    assert_ne!(after, before);
    assert_eq!(admin.own_public_keys(), Some(after));
    assert_eq!(endorsement.by, me);
    assert!(after.endorsed_by(me, &endorsement, &after.signing));
    drop(admin);
    let admin = common::sign_in(unit.folder(), "admin", "new harbour lights");
    assert_eq!(admin.own_public_keys(), Some(after));
}

#[test]
fn an_accounts_row_holds_its_public_keys_and_only_its_own_password_opens_its_slot() {
    // Someone with a key slot and its password holds the unit key and so
    // can read the whole database: nothing there may let them sign as
    // another account. The private halves are only in each slot, under
    // that account's password.
    let unit = Unit::new();
    let slots = read_slots(unit.folder()).unwrap();
    let admin_slot = slots.for_username("admin").unwrap();
    assert!(admin_slot.open(password_of("kim")).is_err());
    let hostile = common::hostile::HostileComputer {
        folder: unit.folder().to_path_buf(),
        username: "kim",
    };
    let conn = hostile.database();
    let mut statement = conn
        .prepare(
            "SELECT signing_key, agreement_key, keys_endorsement FROM accounts
             WHERE username = 'admin'",
        )
        .unwrap();
    let (signing, agreement, endorsement): (String, String, String) = statement
        .query_row([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap();
    let public = admin_slot.header.public_keys().unwrap().unwrap();
    assert_eq!(signing, public.signing_hex());
    assert_eq!(agreement, public.agreement_hex());
    assert_eq!(endorsement.len(), 128, "an Ed25519 signature, in hex");
}

#[test]
fn nobody_resets_their_own_account() {
    let unit = Unit::new();
    let mut admin = unit.as_("admin");
    let me = admin.account().id;
    let before = keys_of(&admin, me);
    let refused = admin
        .enable_account(me, KdfCost::cheap_for_tests(), &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        refused.message.contains("Change your own password"),
        "{}",
        refused.message
    );
    assert_eq!(keys_of(&admin, me), before);
    assert_eq!(admin.own_public_keys(), Some(before.0));
}

#[test]
fn a_key_file_whose_keys_the_row_no_longer_names_signs_nothing() {
    // Kim's old key file, put back after an administrator gave kim new
    // keys (a restored backup, say), still opens the unit: but the keys it
    // seals are no longer kim's, so nothing is signed with them.
    let unit = Unit::new();
    let keys_folder = unit.folder().join("keys");
    let old_slot = read_slots(unit.folder())
        .unwrap()
        .for_username("kim")
        .unwrap()
        .clone();
    let old_name = format!("{}.slot", old_slot.header.slot_id);
    let old_bytes = std::fs::read(keys_folder.join(&old_name)).unwrap();
    let mut admin = unit.as_("admin");
    let kim_id = account(&admin, "kim").id;
    let (_, one_time) = admin
        .enable_account(
            kim_id,
            KdfCost::cheap_for_tests(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
    let mut kim = common::sign_in(unit.folder(), "kim", one_time.as_ref());
    kim.change_password(
        one_time.as_ref(),
        "lantern pebble orchard wave",
        KdfCost::cheap_for_tests(),
        &SystemClock,
        &mut OsEntropy,
    )
    .unwrap();
    kim.lock(&SystemClock, &mut OsEntropy);
    let new_slot = read_slots(unit.folder())
        .unwrap()
        .for_username("kim")
        .unwrap()
        .clone();
    std::fs::remove_file(keys_folder.join(format!("{}.slot", new_slot.header.slot_id))).unwrap();
    std::fs::write(keys_folder.join(&old_name), old_bytes).unwrap();

    let mut kim = unit.as_("kim");
    assert_eq!(kim.own_public_keys(), None);
    common::add_whitlock(&mut kim, "Jordan");
    kim.lock(&SystemClock, &mut OsEntropy);
    let hostile = common::hostile::HostileComputer {
        folder: unit.folder().to_path_buf(),
        username: "admin",
    };
    let (author, signature): (String, Option<String>) = hostile
        .database()
        .query_row(
            "SELECT author_id, author_signature FROM change_log ORDER BY seq DESC LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!(author, kim_id.to_string(), "named, as made by kim");
    assert_eq!(
        signature, None,
        "but not signed with keys that are no longer kim's"
    );
}
