//! Safety flags: what anyone about to see a client must know first. MAPPA
//! (multi-agency public protection arrangements, with category and level),
//! risk to staff, lone visits not advised, and safeguarding of children or
//! adults. Each carries a note and a date by which it must be reviewed; a
//! flag ends with a reason and is kept.

use crate::domain::dates::parse_day;
use chrono::NaiveDate;

use super::free_text::parse_free_text;
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SafetyFlagKind {
    Mappa,
    RiskToStaff,
    LoneVisitNotAdvised,
    SafeguardingChildren,
    SafeguardingAdult,
}

impl SafetyFlagKind {
    pub const ALL: [SafetyFlagKind; 5] = [
        SafetyFlagKind::Mappa,
        SafetyFlagKind::RiskToStaff,
        SafetyFlagKind::LoneVisitNotAdvised,
        SafetyFlagKind::SafeguardingChildren,
        SafetyFlagKind::SafeguardingAdult,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SafetyFlagKind::Mappa => "mappa",
            SafetyFlagKind::RiskToStaff => "risk_to_staff",
            SafetyFlagKind::LoneVisitNotAdvised => "lone_visit_not_advised",
            SafetyFlagKind::SafeguardingChildren => "safeguarding_children",
            SafetyFlagKind::SafeguardingAdult => "safeguarding_adult",
        }
    }

    pub fn parse(text: &str) -> CoreResult<SafetyFlagKind> {
        SafetyFlagKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text.trim())
            .ok_or_else(|| CoreError::invalid("Choose which kind of safety flag this is."))
    }
}

/// MAPPA category (1: registered sexual offender; 2: violent offender;
/// 3: other dangerous offender) and management level (1 to 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MappaDetails {
    pub category: u8,
    pub level: u8,
}

/// The longest a flag may go between reviews.
const MAX_DAYS_TO_REVIEW: i64 = 366;

/// What a person typed to raise a flag, before any checking.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SafetyFlagText<'a> {
    pub kind: &'a str,
    /// "1" to "3" for a MAPPA flag; blank otherwise.
    pub mappa_category: &'a str,
    pub mappa_level: &'a str,
    pub note: &'a str,
    /// `YYYY-MM-DD`.
    pub review_by: &'a str,
}

/// A flag as entered, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSafetyFlag {
    pub kind: SafetyFlagKind,
    pub mappa: Option<MappaDetails>,
    pub note: String,
    pub review_by: NaiveDate,
}

impl NewSafetyFlag {
    pub fn parse(text: &SafetyFlagText<'_>, today: NaiveDate) -> CoreResult<NewSafetyFlag> {
        let kind = SafetyFlagKind::parse(text.kind)?;
        let mappa = if kind == SafetyFlagKind::Mappa {
            let one_to_three = |text: &str, what: &str| {
                text.trim()
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=3).contains(n))
                    .ok_or_else(|| {
                        CoreError::invalid(format!("Choose the MAPPA {what}: 1, 2 or 3."))
                    })
            };
            Some(MappaDetails {
                category: one_to_three(text.mappa_category, "category")?,
                level: one_to_three(text.mappa_level, "level")?,
            })
        } else {
            None
        };
        let note = parse_note(text.note)?;
        let review_by = parse_review_date(text.review_by, today)?;
        Ok(NewSafetyFlag {
            kind,
            mappa,
            note,
            review_by,
        })
    }
}

/// What the flag is about, in a few words that a colleague can act on.
pub fn parse_note(text: &str) -> CoreResult<String> {
    parse_free_text(
        text,
        5,
        2000,
        "Add a note saying what colleagues need to know (at least 5 characters).",
    )
}

/// A review date: a real day, not in the past, within a year.
pub fn parse_review_date(text: &str, today: NaiveDate) -> CoreResult<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CoreError::invalid(
            "Choose the date by which this flag must be reviewed.",
        ));
    }
    let date =
        parse_day(text).map_err(|_| CoreError::invalid("The review date is not a real date."))?;
    if date < today {
        return Err(CoreError::invalid(
            "The review date is in the past. Choose today or a later day.",
        ));
    }
    if (date - today).num_days() > MAX_DAYS_TO_REVIEW {
        return Err(CoreError::invalid(
            "Review a safety flag at least once a year: choose a date within the next 12 months.",
        ));
    }
    Ok(date)
}

/// Why a flag ended, in words a reviewer can judge later.
pub fn parse_end_reason(text: &str) -> CoreResult<String> {
    parse_free_text(
        text,
        5,
        1000,
        "Say why this flag no longer applies (at least 5 characters).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn flag(
        kind: &str,
        category: &str,
        level: &str,
        note: &str,
        review_by: &str,
    ) -> CoreResult<NewSafetyFlag> {
        let text = SafetyFlagText {
            kind,
            mappa_category: category,
            mappa_level: level,
            note,
            review_by,
        };
        NewSafetyFlag::parse(&text, today())
    }

    #[test]
    fn mappa_needs_category_and_level_and_others_need_neither() {
        let mappa = flag("mappa", "2", "1", "Violent offender, level 1", "2027-01-10").unwrap();
        assert_eq!(
            mappa.mappa,
            Some(MappaDetails {
                category: 2,
                level: 1
            })
        );
        for (category, level) in [("", "1"), ("4", "1"), ("2", "0"), ("x", "2")] {
            assert!(flag("mappa", category, level, "A note here", "2027-01-10").is_err());
        }
        let staff = flag(
            "risk_to_staff",
            "",
            "",
            "Threatened staff in May",
            "2027-01-10",
        )
        .unwrap();
        assert_eq!(staff.mappa, None);
        assert!(flag("dragons", "", "", "A note here", "2027-01-10").is_err());
    }

    #[test]
    fn a_flag_needs_a_note_and_a_review_date_within_a_year() {
        let children = |note: &str, date: &str| flag("safeguarding_children", "", "", note, date);
        assert!(children("", "2027-01-10").is_err());
        assert!(children("Children at home", "").is_err());
        assert!(children("Children at home", "2026-11-25").is_err());
        assert!(children("Children at home", "2027-11-28").is_err());
        assert!(children("Children at home", "2026-02-30").is_err());
        assert!(children("Children at home", "2026-11-26").is_ok());
        assert!(parse_end_reason("no").is_err());
        assert!(parse_end_reason("Child moved to live with grandparents").is_ok());
    }
}
