//! A client: a person the service works with. This record is the
//! identity at its smallest (names and date of birth); later work adds the
//! rest of the record around it.

use chrono::{Datelike, NaiveDate};

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
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
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

/// What a person enters to add a client, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClient {
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub date_of_birth: DateOfBirth,
}

impl NewClient {
    /// Checks every field and reports the first problem in form order.
    pub fn parse(
        given_name: &str,
        family_name: &str,
        date_of_birth: &str,
        today: NaiveDate,
    ) -> CoreResult<NewClient> {
        Ok(NewClient {
            given_name: PersonName::parse(given_name, "given name")?,
            family_name: PersonName::parse(family_name, "family name")?,
            date_of_birth: DateOfBirth::parse(date_of_birth, today)?,
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
    /// The keyworker the client is allocated to, if any.
    pub keyworker: Option<AccountId>,
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
    fn leap_day_births_are_real_dates() {
        assert!(DateOfBirth::parse("1992-02-29", today()).is_ok());
        assert!(DateOfBirth::parse("1993-02-29", today()).is_err());
    }
}
