//! Probable duplicates: before a new client is added, anyone already in the
//! unit who is probably the same person. The same CRN, PNC ID or NHS number
//! is near-certain; the same date of birth with a similar name (a typo, a
//! shortened given name) is probable.

use super::client::{Client, NewClient};
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateReason {
    SameCrn,
    SamePncId,
    SameNhsNumber,
    SameBirthAndSimilarName,
}

impl DuplicateReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateReason::SameCrn => "same_crn",
            DuplicateReason::SamePncId => "same_pnc_id",
            DuplicateReason::SameNhsNumber => "same_nhs_number",
            DuplicateReason::SameBirthAndSimilarName => "same_birth_and_similar_name",
        }
    }
}

/// Why `existing` is probably the person described by `new`, if it is.
pub fn duplicate_reason(new: &NewClient, existing: &Client) -> Option<DuplicateReason> {
    let (a, b) = (&new.identifiers, &existing.identifiers);
    if a.crn.is_some() && a.crn == b.crn {
        return Some(DuplicateReason::SameCrn);
    }
    if a.pnc_id.is_some() && a.pnc_id == b.pnc_id {
        return Some(DuplicateReason::SamePncId);
    }
    if a.nhs_number.is_some() && a.nhs_number == b.nhs_number {
        return Some(DuplicateReason::SameNhsNumber);
    }
    let similar_family = similar(
        new.family_name.as_str(),
        existing.family_name.as_str(),
        0.75,
    );
    let similar_given = similar(new.given_name.as_str(), existing.given_name.as_str(), 0.6)
        || same_start(new.given_name.as_str(), existing.given_name.as_str());
    (new.date_of_birth == existing.date_of_birth && similar_family && similar_given)
        .then_some(DuplicateReason::SameBirthAndSimilarName)
}

/// The record kept when `merged` is merged into `kept`: `kept` as it is,
/// with any identifier or gender it lacks taken from `merged`. Two records
/// that quote different identifiers of one kind are two people, or one of
/// them holds a mistake; either way a person must look before they merge,
/// so the merge is refused.
pub fn merged_identity(kept: &Client, merged: &Client) -> CoreResult<Client> {
    if kept.id == merged.id {
        return Err(CoreError::invalid(
            "A record cannot be merged into itself. Choose the other record.",
        ));
    }
    let (a, b) = (&kept.identifiers, &merged.identifiers);
    for (what, differ) in [
        ("CRNs", a.crn.is_some() && b.crn.is_some() && a.crn != b.crn),
        (
            "PNC IDs",
            a.pnc_id.is_some() && b.pnc_id.is_some() && a.pnc_id != b.pnc_id,
        ),
        (
            "NHS numbers",
            a.nhs_number.is_some() && b.nhs_number.is_some() && a.nhs_number != b.nhs_number,
        ),
    ] {
        if differ {
            return Err(CoreError::invalid(format!(
                "The two records have different {what}, so they may be two people. \
                 Correct the wrong one first if they are the same person."
            )));
        }
    }
    let mut result = kept.clone();
    result.identifiers.crn = a.crn.clone().or_else(|| b.crn.clone());
    result.identifiers.pnc_id = a.pnc_id.clone().or_else(|| b.pnc_id.clone());
    result.identifiers.nhs_number = a.nhs_number.clone().or_else(|| b.nhs_number.clone());
    result.gender = kept.gender.clone().or_else(|| merged.gender.clone());
    result.wants_same_sex_keyworker |= merged.wants_same_sex_keyworker;
    Ok(result)
}

/// A stored client seen as if being added again, to look for its duplicates.
pub fn as_new_client(client: &Client) -> NewClient {
    NewClient {
        given_name: client.given_name.clone(),
        family_name: client.family_name.clone(),
        date_of_birth: client.date_of_birth,
        identifiers: client.identifiers.clone(),
        gender: client.gender.clone(),
        wants_same_sex_keyworker: client.wants_same_sex_keyworker,
    }
}

fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Names within a few typing slips of each other, ignoring case, spaces,
/// hyphens and apostrophes.
fn similar(a: &str, b: &str, threshold: f64) -> bool {
    let (a, b) = (folded(a), folded(b));
    a == b || strsim::normalized_damerau_levenshtein(&a, &b) >= threshold
}

/// "Dan" and "Daniel": one given name is the start of the other.
fn same_start(a: &str, b: &str) -> bool {
    let (a, b) = (folded(a), folded(b));
    a.len() >= 3 && b.len() >= 3 && (a.starts_with(&b) || b.starts_with(&a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::client::ClientDetailsText;
    use crate::domain::ids::ClientId;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn new(text: ClientDetailsText<'_>) -> NewClient {
        NewClient::parse(&text, today()).unwrap()
    }

    fn existing(text: ClientDetailsText<'_>) -> Client {
        let parsed = new(text);
        Client {
            id: ClientId(uuid::Uuid::nil()),
            given_name: parsed.given_name,
            family_name: parsed.family_name,
            date_of_birth: parsed.date_of_birth,
            identifiers: parsed.identifiers,
            gender: parsed.gender,
            wants_same_sex_keyworker: parsed.wants_same_sex_keyworker,
            keyworker: None,
            co_worker: None,
        }
    }

    #[test]
    fn the_same_identifier_is_a_duplicate_whatever_the_name() {
        let jordan = existing(ClientDetailsText {
            crn: "X123456",
            ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
        });
        let other = new(ClientDetailsText {
            crn: "x123456",
            ..ClientDetailsText::named("Sam", "Okafor", "1985-01-01")
        });
        assert_eq!(
            duplicate_reason(&other, &jordan),
            Some(DuplicateReason::SameCrn)
        );
    }

    #[test]
    fn the_same_birthday_and_a_similar_name_is_probable() {
        let jordan = existing(ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17"));
        for (given, family) in [
            ("Jordon", "Whitlock"),
            ("jordan", "WHITLOCK"),
            ("Jordan", "Whitlocke"),
            ("Jord", "Whit-lock"),
        ] {
            let candidate = new(ClientDetailsText::named(given, family, "1990-05-17"));
            assert_eq!(
                duplicate_reason(&candidate, &jordan),
                Some(DuplicateReason::SameBirthAndSimilarName),
                "{given} {family}"
            );
        }
        for (given, family, born) in [
            ("Jordan", "Whitlock", "1990-05-18"),
            ("Sam", "Whitlock", "1990-05-17"),
            ("Jordan", "Okafor", "1990-05-17"),
        ] {
            let candidate = new(ClientDetailsText::named(given, family, born));
            assert_eq!(
                duplicate_reason(&candidate, &jordan),
                None,
                "{given} {family} {born}"
            );
        }
    }

    #[test]
    fn a_merge_fills_gaps_and_refuses_itself_and_clashing_identifiers() {
        let kept = existing(ClientDetailsText {
            crn: "X123456",
            ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
        });
        let mut merged = existing(ClientDetailsText {
            nhs_number: "9434765919",
            gender: "man",
            ..ClientDetailsText::named("Jordon", "Whitlock", "1990-05-17")
        });
        merged.id = ClientId(uuid::Uuid::from_u128(1));
        let result = merged_identity(&kept, &merged).unwrap();
        assert_eq!(result.id, kept.id);
        assert_eq!(result.given_name.as_str(), "Jordan");
        assert!(result.identifiers.crn.is_some() && result.identifiers.nhs_number.is_some());
        assert_eq!(result.gender.as_deref(), Some("man"));
        assert!(
            merged_identity(&kept, &kept)
                .unwrap_err()
                .message
                .contains("into itself")
        );
        let clash = existing(ClientDetailsText {
            crn: "Y654321",
            ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
        });
        let clash = Client {
            id: ClientId(uuid::Uuid::from_u128(2)),
            ..clash
        };
        assert!(
            merged_identity(&kept, &clash)
                .unwrap_err()
                .message
                .contains("different CRNs")
        );
    }
}
