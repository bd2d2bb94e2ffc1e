//! A client: a person the service works with. The record so far is the
//! identity: names, date of birth and the identifiers people quote; later
//! work adds the rest of the record around it.

use crate::domain::dates::parse_day;
use chrono::{Datelike, NaiveDate};

use super::identifiers::{Crn, NhsNumber, PncId};
use super::ids::{AccountId, ClientId};
use super::names::PersonName;
use crate::error::{CoreError, CoreResult};

/// The youngest age Casebook accepts. Ten is the age of criminal
/// responsibility in England and Wales; a younger date of birth is a typing
/// mistake in a service for people in the criminal justice system.
pub const MIN_CLIENT_AGE_YEARS: u32 = 10;
/// Anyone older than this is a typing mistake too.
pub const MAX_CLIENT_AGE_YEARS: u32 = 120;

/// A date of birth that is a real date, not in the future, and gives an age
/// between the limits above on the day it was entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateOfBirth(NaiveDate);

impl DateOfBirth {
    /// Parses an ISO date (`YYYY-MM-DD`, what a date field sends) and checks
    /// it against `today`.
    pub fn parse(text: &str, today: NaiveDate) -> CoreResult<DateOfBirth> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CoreError::invalid("Enter a date of birth."));
        }
        let date = parse_day(text).map_err(|_| {
            CoreError::invalid("That date of birth is not a real date. Use day, month and year, for example 14 03 1988.")
        })?;
        if date > today {
            return Err(CoreError::invalid(
                "A date of birth cannot be in the future.",
            ));
        }
        let age = age_on(date, today);
        if age < MIN_CLIENT_AGE_YEARS {
            return Err(CoreError::invalid(format!(
                "That date of birth makes the client {age}. Casebook's clients are at least {MIN_CLIENT_AGE_YEARS}: check the year."
            )));
        }
        if age > MAX_CLIENT_AGE_YEARS {
            return Err(CoreError::invalid(format!(
                "That date of birth makes the client over {MAX_CLIENT_AGE_YEARS}: check the year."
            )));
        }
        Ok(DateOfBirth(date))
    }

    /// For dates read back from the database, which were checked on entry.
    pub fn from_stored(date: NaiveDate) -> DateOfBirth {
        DateOfBirth(date)
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }
}

/// Whole years from `born` to `on`.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// What a person typed for a client's identity, before any checking. Blank
/// identifiers mean "not known".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClientDetailsText<'a> {
    pub given_name: &'a str,
    pub family_name: &'a str,
    /// `YYYY-MM-DD`, as a date field sends it.
    pub date_of_birth: &'a str,
    pub crn: &'a str,
    pub pnc_id: &'a str,
    pub nhs_number: &'a str,
    /// One of `CLIENT_GENDERS`, or blank when not recorded.
    pub gender: &'a str,
    /// The client asked for a keyworker of the same sex.
    pub wants_same_sex_keyworker: bool,
    /// The person adding the client has seen the probable duplicates and
    /// says this is someone else.
    pub confirmed_new_person: bool,
}

/// Genders a client's record may hold; "prefer not to say" is an answer,
/// blank is no answer.
pub const CLIENT_GENDERS: [&str; 4] = ["woman", "man", "non-binary", "prefer not to say"];

fn parse_gender(text: &str) -> CoreResult<Option<String>> {
    match text.trim() {
        "" => Ok(None),
        gender if CLIENT_GENDERS.contains(&gender) => Ok(Some(gender.to_owned())),
        _ => Err(CoreError::invalid(format!(
            "Gender can be left blank or be one of: {}.",
            CLIENT_GENDERS.join(", ")
        ))),
    }
}

impl<'a> ClientDetailsText<'a> {
    /// Names and date of birth, no identifiers.
    pub fn named(
        given_name: &'a str,
        family_name: &'a str,
        date_of_birth: &'a str,
    ) -> ClientDetailsText<'a> {
        ClientDetailsText {
            given_name,
            family_name,
            date_of_birth,
            ..ClientDetailsText::default()
        }
    }
}

/// The identifiers people quote for a client; each optional, each checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientIdentifiers {
    pub crn: Option<Crn>,
    pub pnc_id: Option<PncId>,
    pub nhs_number: Option<NhsNumber>,
}

impl ClientIdentifiers {
    pub fn parse(crn: &str, pnc_id: &str, nhs_number: &str) -> CoreResult<ClientIdentifiers> {
        fn optional<T>(text: &str, parse: fn(&str) -> CoreResult<T>) -> CoreResult<Option<T>> {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                parse(text).map(Some)
            }
        }
        Ok(ClientIdentifiers {
            crn: optional(crn, Crn::parse)?,
            pnc_id: optional(pnc_id, PncId::parse)?,
            nhs_number: optional(nhs_number, NhsNumber::parse)?,
        })
    }
}

/// What a person enters to add a client, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClient {
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub date_of_birth: DateOfBirth,
    pub identifiers: ClientIdentifiers,
    pub gender: Option<String>,
    pub wants_same_sex_keyworker: bool,
}

impl NewClient {
    /// Checks every field and reports the first problem in form order.
    pub fn parse(text: &ClientDetailsText<'_>, today: NaiveDate) -> CoreResult<NewClient> {
        Ok(NewClient {
            given_name: PersonName::parse(text.given_name, "given name")?,
            family_name: PersonName::parse(text.family_name, "family name")?,
            date_of_birth: DateOfBirth::parse(text.date_of_birth, today)?,
            identifiers: ClientIdentifiers::parse(text.crn, text.pnc_id, text.nhs_number)?,
            gender: parse_gender(text.gender)?,
            wants_same_sex_keyworker: text.wants_same_sex_keyworker,
        })
    }
}

/// A client as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub id: ClientId,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub date_of_birth: DateOfBirth,
    pub identifiers: ClientIdentifiers,
    pub gender: Option<String>,
    pub wants_same_sex_keyworker: bool,
    /// The keyworker the client is allocated to, if any.
    pub keyworker: Option<AccountId>,
    /// A second worker on the case, if any.
    pub co_worker: Option<AccountId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_real_past_date_is_accepted() {
        let dob = DateOfBirth::parse("1988-03-14", today()).unwrap();
        assert_eq!(age_on(dob.date(), today()), 38);
    }

    #[test]
    fn impossible_future_and_absurd_dates_are_refused() {
        let cases = [
            ("", "Enter a date of birth"),
            ("1988-02-30", "not a real date"),
            ("14/03/1988", "not a real date"),
            ("yesterday", "not a real date"),
            ("2026-11-26", "future"),
            ("2020-01-01", "check the year"),
            ("1899-12-31", "over 120"),
        ];
        for (input, expected) in cases {
            let error = DateOfBirth::parse(input, today()).unwrap_err();
            assert!(
                error.message.contains(expected),
                "{input}: {}",
                error.message
            );
        }
    }

    #[test]
    fn age_counts_whole_years_around_the_birthday() {
        let born = NaiveDate::from_ymd_opt(2000, 11, 26).unwrap();
        assert_eq!(age_on(born, today()), 25);
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
            26
        );
    }

    #[test]
    fn blank_identifiers_are_unknown_and_bad_ones_are_refused() {
        let ids = ClientIdentifiers::parse(" ", "", "").unwrap();
        assert_eq!(ids, ClientIdentifiers::default());
        let ids = ClientIdentifiers::parse("x123456", "2012/0123456Y", "943 476 5919").unwrap();
        assert_eq!(ids.crn.unwrap().as_str(), "X123456");
        let text = ClientDetailsText {
            pnc_id: "2012/0123456C",
            ..ClientDetailsText::named("Dana", "Whitlock", "1990-04-02")
        };
        let refused = NewClient::parse(&text, today()).unwrap_err();
        assert!(
            refused.message.contains("check letter"),
            "{}",
            refused.message
        );
    }

    #[test]
    fn leap_day_births_are_real_dates() {
        assert!(DateOfBirth::parse("1992-02-29", today()).is_ok());
        assert!(DateOfBirth::parse("1993-02-29", today()).is_err());
    }
}
