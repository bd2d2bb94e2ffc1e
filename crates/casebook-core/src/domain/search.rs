//! Finding a client from one search box: an identifier (CRN, PNC ID, NHS
//! number) matches exactly, a date matches the date of birth, and anything
//! else is taken as names, matched forgiving typing slips. Pure: the caller
//! passes the clients the person may see.

use chrono::NaiveDate;

use super::client::Client;
use super::identifiers::{Crn, NhsNumber, PncId};

/// What the search box held, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchQuery {
    Crn(Crn),
    PncId(PncId),
    NhsNumber(NhsNumber),
    DateOfBirth(NaiveDate),
    /// Name words, folded to lower-case letters.
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
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
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

fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphabetic())
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
/// is better; an exact identifier or date of birth scores 2.
pub fn score(query: &SearchQuery, client: &Client) -> Option<f64> {
    let ids = &client.identifiers;
    let exact = |same: bool| same.then_some(2.0);
    match query {
        SearchQuery::Crn(crn) => exact(ids.crn.as_ref() == Some(crn)),
        SearchQuery::PncId(pnc) => exact(ids.pnc_id.as_ref() == Some(pnc)),
        SearchQuery::NhsNumber(nhs) => exact(ids.nhs_number.as_ref() == Some(nhs)),
        SearchQuery::DateOfBirth(date) => exact(client.date_of_birth.date() == *date),
        SearchQuery::Names(words) => {
            let names = [client.given_name.as_str(), client.family_name.as_str()];
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
            assert!(score(&query, &jordan).is_some(), "{found}");
        }
        for missed in ["Okafor", "Jordan Okafor", "Sam"] {
            let query = SearchQuery::parse(missed).unwrap();
            assert!(score(&query, &jordan).is_none(), "{missed}");
        }
    }

    #[test]
    fn identifiers_and_dates_match_exactly() {
        let jordan = jordan();
        for found in ["X123456", "2012/0123456Y", "9434765919", "17/05/1990"] {
            let query = SearchQuery::parse(found).unwrap();
            assert_eq!(score(&query, &jordan), Some(2.0), "{found}");
        }
        for missed in ["X123457", "18/05/1990"] {
            let query = SearchQuery::parse(missed).unwrap();
            assert_eq!(score(&query, &jordan), None, "{missed}");
        }
    }
}
