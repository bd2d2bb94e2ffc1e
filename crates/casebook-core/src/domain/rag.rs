//! RAG status: red, amber or green for a client's risk of re-offending or
//! of harm. Police prioritise the red ones, so a move to red must say why.
//! Each review is kept: the current status is the latest review.

use crate::domain::dates::parse_day;
use chrono::NaiveDate;

use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rag {
    Red,
    Amber,
    Green,
}

impl Rag {
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
        }
    }

    pub fn parse(text: &str) -> CoreResult<Rag> {
        match text.trim().to_ascii_lowercase().as_str() {
            "red" => Ok(Rag::Red),
            "amber" => Ok(Rag::Amber),
            "green" => Ok(Rag::Green),
            _ => Err(CoreError::invalid("Choose red, amber or green.")),
        }
    }
}

/// The longest a review may be put off: a year.
const MAX_DAYS_TO_NEXT_REVIEW: i64 = 366;

/// A new review, checked: the rating, why, and when to look again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRagReview {
    pub rating: Rag,
    pub reason: Option<String>,
    pub next_review: Option<NaiveDate>,
}

impl NewRagReview {
    /// `next_review` is `YYYY-MM-DD` or blank. A red rating needs a reason.
    pub fn parse(
        rating: &str,
        reason: &str,
        next_review: &str,
        today: NaiveDate,
    ) -> CoreResult<NewRagReview> {
        let rating = Rag::parse(rating)?;
        let reason = reason.trim();
        if reason.chars().count() > 2000 {
            return Err(CoreError::invalid(
                "Keep the reason under 2,000 characters.",
            ));
        }
        if rating == Rag::Red && reason.chars().count() < 5 {
            return Err(CoreError::invalid(
                "Say why this client is red: police and partners act on it first.",
            ));
        }
        let next_review = match next_review.trim() {
            "" => None,
            text => {
                let date = parse_day(text)
                    .map_err(|_| CoreError::invalid("The next review date is not a real date."))?;
                if date < today {
                    return Err(CoreError::invalid(
                        "The next review date is in the past. Choose today or a later day.",
                    ));
                }
                if (date - today).num_days() > MAX_DAYS_TO_NEXT_REVIEW {
                    return Err(CoreError::invalid(
                        "Review a RAG status at least once a year: choose a date within the next 12 months.",
                    ));
                }
                Some(date)
            }
        };
        Ok(NewRagReview {
            rating,
            reason: (!reason.is_empty()).then(|| reason.to_owned()),
            next_review,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn red_needs_a_reason_and_the_others_may_have_one() {
        assert!(NewRagReview::parse("red", "  ", "", today()).is_err());
        let red = NewRagReview::parse("Red", "Arrested for burglary", "", today()).unwrap();
        assert_eq!(red.rating, Rag::Red);
        let green = NewRagReview::parse("green", "", "", today()).unwrap();
        assert_eq!(green.reason, None);
        assert!(NewRagReview::parse("purple", "", "", today()).is_err());
    }

    #[test]
    fn the_next_review_is_a_real_day_within_a_year() {
        for bad in ["2026-11-25", "2026-02-30", "soon", "2027-11-28"] {
            assert!(
                NewRagReview::parse("amber", "", bad, today()).is_err(),
                "{bad}"
            );
        }
        let review = NewRagReview::parse("amber", "", "2026-11-26", today()).unwrap();
        assert_eq!(review.next_review, Some(today()));
    }
}
