//! Rows for clients: the caseload, finding and adding clients, one
//! client's record and what is recorded on it (RAG, cohort flags, OGRS,
//! consent, safety flags).

use crate::May::{No, Reason, Yes};
use crate::Roles;
use crate::common::client;
use crate::requests::{json, profile};
use crate::{CASE_ROLES, CASEWORK, KEYWORKERS, MANAGERS, On, Row, row};
use casebook::commands;
use casebook::ipc::{
    AllocationRequest, BreakGlassRequest, ClientDetailsRequest, ClientProfileRequest,
    ConsentRequest, EndSafetyFlagRequest, FindClientRequest, MergeRequest, NewClientRequest,
    OgrsRequest, RagReviewRequest, RaiseSafetyFlagRequest, RemoveCohortFlagRequest,
    ReviewSafetyFlagRequest, SetCohortFlagRequest,
};
use serde_json::Value;

/// The caseload, one client's record and what is recorded on it.
#[rustfmt::skip]
pub(crate) fn rows() -> Vec<Row> {
    vec![
        // The caseload and finding clients.
        row("caseload_page", On::Unit, CASE_ROLES, |c| json(commands::caseload_page(c.s, &crate::everyone_query()))),
        row("search_clients", On::Unit, CASE_ROLES, |c| {
            // Every fixture client's family name, one at a time.
            let mut found = Vec::new();
            for name in ["Ashdown", "Brackley", "Crondall"] {
                found.push(json(commands::search_clients(c.s, name))?);
            }
            Ok(Value::Array(found))
        }),
        row("add_client", On::Unit, CASEWORK, |c| {
            let request = NewClientRequest { confirmed_new_person: true, ..client("Eve", "Newcombe", "1991-02-03") };
            json(commands::add_client(c.s, &request))
        }),
        // A duplicate check shows who already matches, whoever holds them:
        // for those who add clients, and audited.
        row("find_probable_duplicates", On::Unit, CASEWORK, |c| {
            json(commands::find_probable_duplicates(c.s, &client("Ann", "Ashdown", "1980-01-01")))
        }),
        row("duplicates_of_client", On::Own, MANAGERS, |c| json(commands::duplicates_of_client(c.s, c.client))),
        row("merge_clients", On::Unit, MANAGERS, |c| {
            let add = |given: &str| {
                let request = NewClientRequest { confirmed_new_person: true, ..client(given, "Mergeworth", "1970-07-07") };
                commands::add_client(c.s, &request).map(|r| r.id)
            };
            let (kept, merged) = match (add("Kim"), add("Kym")) {
                (Ok(kept), Ok(merged)) => (kept, merged),
                _ => (c.t.own.clone(), c.t.withdrawn.clone()),
            };
            c.mark();
            let request = MergeRequest { kept_id: kept, merged_id: merged, reason: "The same person entered twice".to_owned() };
            json(commands::merge_clients(c.s, &request))
        }),
        row("delete_client", On::Unit, MANAGERS, |c| {
            let request = NewClientRequest { confirmed_new_person: true, ..client("Testy", "Record", "1999-09-09") };
            let target = commands::add_client(c.s, &request).map(|r| r.id).unwrap_or_else(|_| c.t.own.clone());
            c.mark();
            json(commands::delete_client(c.s, &target, "Made for the role check, not a person"))
        }),
        // One client's record.
        row("view_client", On::Own, CASE_ROLES, |c| json(commands::view_client(c.s, c.client))).audited_read(),
        row("view_client", On::Other, Roles { keyworker: Reason, manager: Yes, partner: Yes, admin_only: No, admin: Yes }, |c| {
            json(commands::view_client(c.s, c.client))
        }).audited_read(),
        row("view_client", On::Withdrawn, CASEWORK, |c| json(commands::view_client(c.s, c.client))).audited_read(),
        row("open_client_with_reason", On::Other, KEYWORKERS, |c| {
            let request = BreakGlassRequest { client_id: c.client.to_owned(), reason: "Police asked about a missed curfew tonight".to_owned() };
            json(commands::open_client_with_reason(c.s, &request))
        }).audited_read().names_by_design("break-glass opens the record, with the reason audited"),
        // Once the keyworker has opened the record with a reason, they may
        // read its resolve items too, that day.
        row("resolve_items_of_client", On::Other, Roles { keyworker: Yes, manager: Yes, partner: No, admin_only: No, admin: Yes }, |c| {
            json(commands::resolve_items_of_client(c.s, c.client))
        }).audited_read().names_by_design("after break-glass, audited"),
        row("find_clients_outside_caseload", On::Unit, KEYWORKERS, |c| {
            let request = FindClientRequest { family_name: "Brackley".to_owned(), date_of_birth: "1975-06-01".to_owned() };
            json(commands::find_clients_outside_caseload(c.s, &request))
        }).names_by_design("an exact family name and date of birth the keyworker already knows; audited"),
        row("update_client_details", On::Own, CASEWORK, |c| {
            let request = ClientDetailsRequest { client_id: c.client.to_owned(), details: client("Ann", "Ashdown", "1980-01-01") };
            json(commands::update_client_details(c.s, &request))
        }),
        row("update_client_details", On::Other, MANAGERS, |c| {
            let request = ClientDetailsRequest { client_id: c.client.to_owned(), details: client("Bo", "Brackley", "1975-06-01") };
            json(commands::update_client_details(c.s, &request))
        }),
        row("update_client_profile", On::Own, CASEWORK, |c| {
            let request = ClientProfileRequest { client_id: c.client.to_owned(), profile: profile() };
            json(commands::update_client_profile(c.s, &request))
        }),
        row("allocatable_staff", On::Unit, MANAGERS, |c| json(commands::allocatable_staff(c.s))),
        row("allocate_client", On::Other, MANAGERS, |c| {
            let request = AllocationRequest { client_id: c.client.to_owned(), keyworker_id: None, co_worker_id: None, reason: String::new() };
            json(commands::allocate_client(c.s, &request))
        }),
        // What is recorded on a client: full access only.
        row("review_rag", On::Own, CASEWORK, |c| {
            let request = RagReviewRequest { client_id: c.client.to_owned(), rating: "amber".to_owned(), reason: String::new(), next_review: String::new() };
            json(commands::review_rag(c.s, &request))
        }),
        row("review_rag", On::Other, MANAGERS, |c| {
            let request = RagReviewRequest { client_id: c.client.to_owned(), rating: "amber".to_owned(), reason: String::new(), next_review: String::new() };
            json(commands::review_rag(c.s, &request))
        }),
        row("set_cohort_flag", On::Own, CASEWORK, |c| {
            let request = SetCohortFlagRequest { client_id: c.client.to_owned(), flag: c.t.unset_cohort_flags.take() };
            json(commands::set_cohort_flag(c.s, &request))
        }),
        row("remove_cohort_flag", On::Own, CASEWORK, |c| {
            let request = RemoveCohortFlagRequest { flag_id: c.t.cohort_flags.take(), reason: "Entered on the wrong client".to_owned() };
            json(commands::remove_cohort_flag(c.s, &request))
        }),
        row("record_ogrs", On::Own, CASEWORK, |c| {
            let request = OgrsRequest { client_id: c.client.to_owned(), score: "62".to_owned(), scored_on: c.today() };
            json(commands::record_ogrs(c.s, &request))
        }),
        row("record_consent", On::Own, CASEWORK, |c| {
            let request = ConsentRequest { client_id: c.client.to_owned(), agency: "Probation".to_owned(), decision: "given".to_owned(), how: "verbally".to_owned(), decided_on: c.today() };
            json(commands::record_consent(c.s, &request))
        }),
        row("raise_safety_flag", On::Own, CASEWORK, |c| {
            let request = RaiseSafetyFlagRequest {
                client_id: c.client.to_owned(),
                kind: "lone_visit_not_advised".to_owned(),
                mappa_category: String::new(),
                mappa_level: String::new(),
                note: "Dog at the address; visit in pairs".to_owned(),
                review_by: c.today(),
            };
            json(commands::raise_safety_flag(c.s, &request))
        }),
        row("raise_safety_flag", On::Other, MANAGERS, |c| {
            let request = RaiseSafetyFlagRequest {
                client_id: c.client.to_owned(),
                kind: "lone_visit_not_advised".to_owned(),
                mappa_category: String::new(),
                mappa_level: String::new(),
                note: "Dog at the address; visit in pairs".to_owned(),
                review_by: c.today(),
            };
            json(commands::raise_safety_flag(c.s, &request))
        }),
        row("review_safety_flag", On::Own, CASEWORK, |c| {
            let request = ReviewSafetyFlagRequest { flag_id: c.t.flags.items.last().unwrap().clone(), note: "Still a dog at the address".to_owned(), review_by: c.today() };
            json(commands::review_safety_flag(c.s, &request))
        }),
        row("review_safety_flag", On::Other, MANAGERS, |c| {
            let request = ReviewSafetyFlagRequest { flag_id: c.t.other_flag.clone(), note: "Still a dog at the address".to_owned(), review_by: c.today() };
            json(commands::review_safety_flag(c.s, &request))
        }),
        row("end_safety_flag", On::Own, CASEWORK, |c| {
            let request = EndSafetyFlagRequest { flag_id: c.t.flags.take(), reason: "The dog has been rehomed".to_owned() };
            json(commands::end_safety_flag(c.s, &request))
        }),
        // Flags due for review on clients the account can change; a
        // partner's list is empty.
        row("safety_reviews_due", On::Unit, CASE_ROLES, |c| json(commands::safety_reviews_due(c.s))),
    ]
}
