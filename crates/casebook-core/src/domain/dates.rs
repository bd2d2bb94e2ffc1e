//! Days and times as Casebook writes them, in one place: a day is
//! `YYYY-MM-DD` (what the page's day, month and year boxes send and what
//! the database stores), a time of day `HH:MM`, and a local moment
//! `YYYY-MM-DDTHH:MM` (a space also allowed between the two, and seconds).
//! Every parse of a day or a time goes through here, so a change of format
//! is made once; each caller turns a failure into its own plain message,
//! since only it knows which field was wrong.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, ParseResult};

/// The format of a day.
pub const DAY: &str = "%Y-%m-%d";
/// The format of a time of day.
pub const TIME_OF_DAY: &str = "%H:%M";

/// A day written `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> ParseResult<NaiveDate> {
    NaiveDate::parse_from_str(text, DAY)
}

/// A time of day written `HH:MM`.
pub fn parse_time_of_day(text: &str) -> ParseResult<NaiveTime> {
    NaiveTime::parse_from_str(text, TIME_OF_DAY)
}

/// A local moment written `YYYY-MM-DDTHH:MM`, with seconds or a space in
/// place of the `T` also taken (the page's time boxes, stored values and
/// older exports).
pub fn parse_local_moment(text: &str) -> ParseResult<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_times_and_moments_read_as_written() {
        let day = parse_day("2026-02-28").unwrap();
        assert_eq!(day.format(DAY).to_string(), "2026-02-28");
        assert!(parse_day("2026-02-30").is_err(), "no such day");
        assert!(parse_day("28/02/2026").is_err());
        assert_eq!(parse_time_of_day("09:30").unwrap().to_string(), "09:30:00");
        assert!(parse_time_of_day("25:00").is_err());
        for text in [
            "2026-02-28T09:30",
            "2026-02-28T09:30:00",
            "2026-02-28 09:30",
        ] {
            assert_eq!(
                parse_local_moment(text).unwrap().to_string(),
                "2026-02-28 09:30:00"
            );
        }
    }
}
