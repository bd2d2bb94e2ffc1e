//! Every change names the account that made it and carries that account's
//! signature (`unit::authorship`), into every bundle, whoever sends it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::ids::AccountId;
use casebook_core::unit::authorship::signature_holds;
use common::hostile::HostileComputer;
use common::{Unit, add_whitlock};

#[test]
fn every_change_is_signed_by_the_account_that_made_it_whoever_sends_it() {
    let unit = Unit::new();
    let share = tempfile::tempdir().unwrap();
    let mut admin = unit.as_("admin");
    admin
        .connect_share(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();
    admin.lock(&SystemClock, &mut OsEntropy);
    // One workstation, two people in turn: kim's change is sent by lee.
    let mut kim = unit.as_("kim");
    let jordan = add_whitlock(&mut kim, "Jordan");
    let kim_id = kim.account().id;
    kim.lock(&SystemClock, &mut OsEntropy);
    let mut lee = unit.as_("lee");
    let sam = add_whitlock(&mut lee, "Sam");
    let lee_id = lee.account().id;
    lee.send_changes(share.path(), &SystemClock, &mut OsEntropy)
        .unwrap();

    let sent = HostileComputer {
        folder: unit.folder().to_path_buf(),
        username: "lee",
    }
    .sent_changes(share.path());
    let changes: Vec<_> = sent
        .iter()
        .filter(|change| change.table != "audit_log")
        .collect();
    assert!(changes.len() > 10, "{}", changes.len());
    for change in &changes {
        let author = AccountId::parse(change.author.as_deref().expect("named")).unwrap();
        let (keys, _) = lee.account_public_keys(author).unwrap().unwrap();
        assert!(
            signature_holds(change, &keys.signing),
            "{} {} {:?} by {author} {:?}",
            change.table,
            change.operation,
            change.columns,
            change.row
        );
    }
    let author_of = |id: String| {
        changes
            .iter()
            .find(|change| change.table == "clients" && change.row_id == id)
            .and_then(|change| change.author.clone())
    };
    assert_eq!(author_of(jordan.to_string()), Some(kim_id.to_string()));
    assert_eq!(author_of(sam.to_string()), Some(lee_id.to_string()));

    // The signature holds for what was signed and nothing else: not for
    // the change altered, nor named as another account's, nor under
    // another account's key.
    let kims = changes
        .iter()
        .find(|change| change.table == "clients" && change.row_id == jordan.to_string())
        .unwrap();
    let kim_key = lee.account_public_keys(kim_id).unwrap().unwrap().0.signing;
    let lee_key = lee.account_public_keys(lee_id).unwrap().unwrap().0.signing;
    assert!(signature_holds(kims, &kim_key));
    assert!(!signature_holds(kims, &lee_key));
    let mut renamed = (*kims).clone();
    renamed.row["given_name"] = "Mallory".into();
    assert!(!signature_holds(&renamed, &kim_key));
    let mut claimed = (*kims).clone();
    claimed.author = Some(lee_id.to_string());
    assert!(!signature_holds(&claimed, &kim_key));
    assert!(!signature_holds(&claimed, &lee_key));
}
