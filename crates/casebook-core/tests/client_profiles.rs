//! The rest of a client's record through the core, with a real encrypted
//! unit: saved whole by those with full access, refused for others with
//! nothing changed, found by search through other names and postcode, and
//! audited by field name, never value.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use casebook_core::clients::client_records::ClientView;
use casebook_core::clock::{OsEntropy, SystemClock};
use casebook_core::domain::audit::AuditFilter;
use casebook_core::domain::client::ClientDetailsText;
use casebook_core::domain::client_profile::{ClientProfileText, PREFER_NOT_TO_SAY};
use casebook_core::error::ErrorCode;
use common::Unit;

#[test]
fn a_profile_is_saved_by_full_access_found_by_search_and_audited_by_field_name() {
    let unit = Unit::new();
    let mut kim = unit.as_("kim");
    let client = kim
        .add_client(
            &ClientDetailsText::named("Zoë", "Ó Briain", "1991-02-03"),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap()
        .id;
    let entered = ClientProfileText {
        other_names: "Jay Marsh\nZee",
        pronouns: "she/her",
        address: "Flat 2, 10 Example Road",
        postcode: "so14 7du",
        local_authority: "southampton",
        phone: "07700 900123",
        safe_contact_times: "Weekday mornings; not when her partner is home",
        letters_home: "no",
        preferred_language: "English",
        religion: PREFER_NOT_TO_SAY,
        armed_forces: "veteran",
        ..ClientProfileText::default()
    };
    let saved = kim
        .update_client_profile(client, &entered, &SystemClock, &mut OsEntropy)
        .unwrap();
    assert_eq!(saved.postcode.unwrap().as_str(), "SO14 7DU");

    // A bad field refuses the whole save and changes nothing.
    let bad = ClientProfileText {
        phone: "12",
        ..entered
    };
    let refused = kim
        .update_client_profile(client, &bad, &SystemClock, &mut OsEntropy)
        .unwrap_err();
    assert!(
        refused.message.contains("phone number"),
        "{}",
        refused.message
    );
    let ClientView::Record(record) = kim
        .view_client(client, &SystemClock, &mut OsEntropy)
        .unwrap()
    else {
        panic!("the keyworker sees the whole record");
    };
    assert_eq!(record.profile.phone.as_deref(), Some("07700900123"));
    assert_eq!(record.profile.letters_home, Some(false));

    for typed in ["zoe", "O Briain", "jay marsh", "SO14 7DU", "so14"] {
        let found = kim.search_clients(typed).unwrap();
        assert_eq!(found.len(), 1, "{typed}");
    }
    assert!(kim.search_clients("PO1 2AB").unwrap().is_empty());
    kim.lock(&SystemClock, &mut OsEntropy);

    for other in ["lee", "pat"] {
        let mut person = unit.as_(other);
        let refused = person
            .update_client_profile(
                client,
                &ClientProfileText::default(),
                &SystemClock,
                &mut OsEntropy,
            )
            .unwrap_err();
        assert_eq!(refused.code, ErrorCode::Forbidden, "{other}");
        person.lock(&SystemClock, &mut OsEntropy);
    }

    let mut manager = unit.as_("admin");
    let trail = manager
        .audit_trail(
            &AuditFilter::parse(
                None,
                Some(&client.to_string()),
                Some("client_updated"),
                None,
                None,
            )
            .unwrap(),
            &SystemClock,
            &mut OsEntropy,
        )
        .unwrap();
    assert_eq!(trail.len(), 1, "one save, the refused one left no trace");
    let detail = &trail[0].entry.detail;
    assert!(
        detail.contains("armed_forces") && detail.contains("postcode"),
        "{detail}"
    );
    assert!(
        !detail.contains("veteran") && !detail.contains("SO14"),
        "names, never values: {detail}"
    );
}
