//! Finding a client from one search box: an identifier (CRN, PNC ID, NHS
//! number) matches exactly, a date matches the date of birth, a postcode
//! (or its first half) the client's postcode, and anything else is taken as
//! names, given, family or other names, matched forgiving typing slips and
//! accents ("Zoe" finds "Zoë"). Pure: the caller passes the clients the
//! person may see.

use crate::domain::dates::parse_day;
use chrono::NaiveDate;
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use super::client::Client;
use super::client_profile::{Postcode, outward_code_shape};
use super::identifiers::{Crn, NhsNumber, PncId};

/// What search reads of a client besides the client row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchExtras {
    pub other_names: Vec<String>,
    pub postcode: Option<Postcode>,
}

/// What the search box held, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchQuery {
    Crn(Crn),
    PncId(PncId),
    NhsNumber(NhsNumber),
    DateOfBirth(NaiveDate),
    /// A whole postcode or its outward code, upper-case without spaces.
    Postcode(String),
    /// Name words, folded to lower-case letters without accents.
    Names(Vec<String>),
}

impl SearchQuery {
    /// `None` for a query with nothing to search on.
    pub fn parse(text: &str) -> Option<SearchQuery> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if let Ok(crn) = Crn::parse(text) {
            return Some(SearchQuery::Crn(crn));
        }
        if text.contains('/')
            && text.chars().last().is_some_and(|c| c.is_alphabetic())
            && let Ok(pnc) = PncId::parse(text)
        {
            return Some(SearchQuery::PncId(pnc));
        }
        if let Ok(nhs) = NhsNumber::parse(text) {
            return Some(SearchQuery::NhsNumber(nhs));
        }
        if let Some(date) = parse_date(text) {
            return Some(SearchQuery::DateOfBirth(date));
        }
        if let Ok(postcode) = Postcode::parse(text) {
            return Some(SearchQuery::Postcode(postcode.compact()));
        }
        let compact = text.to_ascii_uppercase();
        if outward_code_shape(&compact) && compact.chars().any(|c| c.is_ascii_digit()) {
            return Some(SearchQuery::Postcode(compact));
        }
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(fold)
            .filter(|w| !w.is_empty())
            .collect();
        (!words.is_empty()).then_some(SearchQuery::Names(words))
    }
}

/// `1990-05-17`, `17/05/1990`, `17/5/1990`, `17.5.1990` or `17 5 1990`.
fn parse_date(text: &str) -> Option<NaiveDate> {
    if let Ok(date) = parse_day(text) {
        return Some(date);
    }
    let parts: Vec<&str> = text
        .split(['/', '.', ' ', '-'])
        .filter(|p| !p.is_empty())
        .collect();
    if let [day, month, year] = parts.as_slice()
        && year.len() == 4
    {
        return NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    }
    None
}

/// Lower-case letters only, accents taken off: "Siân" and "sian" are the
/// same word to someone typing on a UK keyboard.
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| c.is_alphabetic() && !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// How well one name word matches one of the client's names: 1.0 for the
/// same word or a prefix of it (typing in progress), less for slips.
fn word_score(word: &str, name: &str) -> f64 {
    let name = fold(name);
    if name.starts_with(word) {
        return 1.0;
    }
    strsim::jaro_winkler(word, &name)
}

/// Below this a word does not count as matching a name.
const NAME_MATCH: f64 = 0.84;

/// How well `client` matches `query`, or `None` when it does not. Higher
/// is better; an exact identifier, date of birth or whole postcode scores 2.
pub fn score(query: &SearchQuery, client: &Client, extras: &SearchExtras) -> Option<f64> {
    let ids = &client.identifiers;
    let exact = |same: bool| same.then_some(2.0);
    match query {
        SearchQuery::Crn(crn) => exact(ids.crn.as_ref() == Some(crn)),
        SearchQuery::PncId(pnc) => exact(ids.pnc_id.as_ref() == Some(pnc)),
        SearchQuery::NhsNumber(nhs) => exact(ids.nhs_number.as_ref() == Some(nhs)),
        SearchQuery::DateOfBirth(date) => exact(client.date_of_birth.date() == *date),
        SearchQuery::Postcode(typed) => {
            let postcode = extras.postcode.as_ref()?.compact();
            if postcode == *typed {
                Some(2.0)
            } else {
                // An outward code matches the postcodes of that district:
                // "SO14" finds "SO14 7DU" but not "SO1 4AB".
                (postcode.len() - 3 == typed.len() && postcode.starts_with(typed.as_str()))
                    .then_some(1.5)
            }
        }
        SearchQuery::Names(words) => {
            let names: Vec<&str> = [client.given_name.as_str(), client.family_name.as_str()]
                .into_iter()
                .chain(
                    extras
                        .other_names
                        .iter()
                        .flat_map(|name| name.split_whitespace()),
                )
                .collect();
            let mut total = 0.0;
            for word in words {
                let best = names
                    .iter()
                    .map(|name| word_score(word, name))
                    .fold(0.0, f64::max);
                if best < NAME_MATCH {
                    return None;
                }
                total += best;
            }
            Some(total / words.len() as f64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::client::{ClientDetailsText, NewClient};
    use crate::domain::ids::ClientId;

    fn client(text: ClientDetailsText<'_>) -> Client {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let parsed = NewClient::parse(&text, today).unwrap();
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

    fn jordan() -> Client {
        client(ClientDetailsText {
            crn: "X123456",
            pnc_id: "2012/0123456Y",
            nhs_number: "9434765919",
            ..ClientDetailsText::named("Jordan", "Whitlock", "1990-05-17")
        })
    }

    #[test]
    fn queries_are_understood_by_their_shape() {
        assert!(matches!(
            SearchQuery::parse(" x123456 "),
            Some(SearchQuery::Crn(_))
        ));
        assert!(matches!(
            SearchQuery::parse("12/123456y"),
            Some(SearchQuery::PncId(_))
        ));
        assert!(matches!(
            SearchQuery::parse("943 476 5919"),
            Some(SearchQuery::NhsNumber(_))
        ));
        for date in [
            "1990-05-17",
            "17/05/1990",
            "17/5/1990",
            "17.5.1990",
            "17 5 1990",
        ] {
            assert_eq!(
                SearchQuery::parse(date),
                Some(SearchQuery::DateOfBirth(
                    NaiveDate::from_ymd_opt(1990, 5, 17).unwrap()
                )),
                "{date}"
            );
        }
        assert_eq!(
            SearchQuery::parse("Whit, JORDAN"),
            Some(SearchQuery::Names(vec![
                "whit".to_owned(),
                "jordan".to_owned()
            ]))
        );
        assert_eq!(SearchQuery::parse("   "), None);
    }

    #[test]
    fn names_match_as_typed_and_forgive_slips() {
        let jordan = jordan();
        for found in ["whit", "Jordan Whitlock", "Whitlok", "jordon", "Whitlock J"] {
            let query = SearchQuery::parse(found).unwrap();
            assert!(
                score(&query, &jordan, &SearchExtras::default()).is_some(),
                "{found}"
            );
        }
        for missed in ["Okafor", "Jordan Okafor", "Sam"] {
            let query = SearchQuery::parse(missed).unwrap();
            assert!(
                score(&query, &jordan, &SearchExtras::default()).is_none(),
                "{missed}"
            );
        }
    }

    #[test]
    fn identifiers_and_dates_match_exactly() {
        let jordan = jordan();
        for found in ["X123456", "2012/0123456Y", "9434765919", "17/05/1990"] {
            let query = SearchQuery::parse(found).unwrap();
            assert_eq!(
                score(&query, &jordan, &SearchExtras::default()),
                Some(2.0),
                "{found}"
            );
        }
        for missed in ["X123457", "18/05/1990"] {
            let query = SearchQuery::parse(missed).unwrap();
            assert_eq!(
                score(&query, &jordan, &SearchExtras::default()),
                None,
                "{missed}"
            );
        }
    }

    #[test]
    fn accents_aliases_and_postcodes_find_the_client() {
        let zoe = client(ClientDetailsText::named("Zoë", "Ó Briain", "1992-03-04"));
        let extras = SearchExtras {
            other_names: vec!["Jay Smith".to_owned()],
            postcode: Some(Postcode::parse("SO14 7DU").unwrap()),
        };
        for found in [
            "zoe",
            "o briain",
            "OBriain",
            "Siân Smith",
            "jay",
            "so14 7du",
            "SO147DU",
            "so14",
        ] {
            let query = SearchQuery::parse(found).unwrap();
            if found == "Siân Smith" {
                assert!(score(&query, &zoe, &extras).is_none(), "Siân is not Zoë");
            } else {
                assert!(score(&query, &zoe, &extras).is_some(), "{found}");
            }
        }
        for missed in ["SO1", "PO14 7DU", "SO14 7DV"] {
            let query = SearchQuery::parse(missed).unwrap();
            assert!(score(&query, &zoe, &extras).is_none(), "{missed}");
        }
        assert!(matches!(
            SearchQuery::parse("po1"),
            Some(SearchQuery::Postcode(_))
        ));
    }
}
