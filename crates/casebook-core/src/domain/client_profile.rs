//! The rest of a client's record beyond identity: other names, pronouns,
//! how to reach them safely, what they need to use the service, and
//! equality monitoring. Every field is optional; every equality question can
//! be answered "prefer not to say", which is kept as an answer, distinct
//! from "not asked".

use crate::domain::free_text::parse_free_text;
use crate::error::{CoreError, CoreResult};

/// A closed list of answers: the stored code and the words people see.
pub type Choices = &'static [(&'static str, &'static str)];

pub const PREFER_NOT_TO_SAY: &str = "prefer_not_to_say";

/// Local authority areas of the Hampshire and Isle of Wight IOM footprint.
pub const LOCAL_AUTHORITY_AREAS: Choices = &[
    ("basingstoke_and_deane", "Basingstoke and Deane"),
    ("east_hampshire", "East Hampshire"),
    ("eastleigh", "Eastleigh"),
    ("fareham", "Fareham"),
    ("gosport", "Gosport"),
    ("hart", "Hart"),
    ("havant", "Havant"),
    ("new_forest", "New Forest"),
    ("rushmoor", "Rushmoor"),
    ("test_valley", "Test Valley"),
    ("winchester", "Winchester"),
    ("portsmouth", "Portsmouth"),
    ("southampton", "Southampton"),
    ("isle_of_wight", "Isle of Wight"),
    ("other", "Other area"),
];

/// The ethnic groups of the 2021 census in England and Wales (ONS).
pub const ETHNICITIES: Choices = &[
    ("asian_bangladeshi", "Asian or Asian British: Bangladeshi"),
    ("asian_chinese", "Asian or Asian British: Chinese"),
    ("asian_indian", "Asian or Asian British: Indian"),
    ("asian_pakistani", "Asian or Asian British: Pakistani"),
    (
        "asian_other",
        "Asian or Asian British: any other Asian background",
    ),
    (
        "black_african",
        "Black, Black British, Caribbean or African: African",
    ),
    (
        "black_caribbean",
        "Black, Black British, Caribbean or African: Caribbean",
    ),
    (
        "black_other",
        "Black, Black British, Caribbean or African: any other Black background",
    ),
    ("mixed_white_asian", "Mixed or multiple: White and Asian"),
    (
        "mixed_white_black_african",
        "Mixed or multiple: White and Black African",
    ),
    (
        "mixed_white_black_caribbean",
        "Mixed or multiple: White and Black Caribbean",
    ),
    (
        "mixed_other",
        "Mixed or multiple: any other Mixed or multiple background",
    ),
    (
        "white_british",
        "White: English, Welsh, Scottish, Northern Irish or British",
    ),
    ("white_irish", "White: Irish"),
    (
        "white_gypsy_or_irish_traveller",
        "White: Gypsy or Irish Traveller",
    ),
    ("white_roma", "White: Roma"),
    ("white_other", "White: any other White background"),
    ("other_arab", "Other ethnic group: Arab"),
    ("other_any", "Other ethnic group: any other ethnic group"),
    (PREFER_NOT_TO_SAY, "Prefer not to say"),
];

/// Religion or belief, as the 2021 census asked it.
pub const RELIGIONS: Choices = &[
    ("none", "No religion"),
    ("christian", "Christian"),
    ("buddhist", "Buddhist"),
    ("hindu", "Hindu"),
    ("jewish", "Jewish"),
    ("muslim", "Muslim"),
    ("sikh", "Sikh"),
    ("other", "Any other religion"),
    (PREFER_NOT_TO_SAY, "Prefer not to say"),
];

pub const SEXUAL_ORIENTATIONS: Choices = &[
    ("straight", "Straight or heterosexual"),
    ("gay_or_lesbian", "Gay or lesbian"),
    ("bisexual", "Bisexual"),
    ("other", "Other sexual orientation"),
    (PREFER_NOT_TO_SAY, "Prefer not to say"),
];

/// The Equality Act question: a condition that limits day-to-day activity.
pub const DISABILITY_ANSWERS: Choices = &[
    ("yes_a_lot", "Yes, limited a lot"),
    ("yes_a_little", "Yes, limited a little"),
    ("no", "No"),
    (PREFER_NOT_TO_SAY, "Prefer not to say"),
];

/// For the Armed Forces Covenant and Super Garrison reporting.
pub const ARMED_FORCES_STATUSES: Choices = &[
    ("never_served", "Has never served"),
    ("serving", "Serving member of the armed forces"),
    ("veteran", "Veteran (has served)"),
    ("family_of_serving", "Family member of someone serving"),
    ("family_of_veteran", "Family member of a veteran"),
    (PREFER_NOT_TO_SAY, "Prefer not to say"),
];

/// What a person typed or chose, before it is checked.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientProfileText<'a> {
    /// One name a line: names the client has used or is known by.
    pub other_names: &'a str,
    pub pronouns: &'a str,
    pub address: &'a str,
    pub postcode: &'a str,
    pub local_authority: &'a str,
    pub phone: &'a str,
    pub safe_contact_times: &'a str,
    /// `yes`, `no` or blank (not asked).
    pub letters_home: &'a str,
    pub preferred_language: &'a str,
    pub needs_interpreter: bool,
    pub reasonable_adjustments: &'a str,
    pub needs_literacy_support: bool,
    pub ethnicity: &'a str,
    pub religion: &'a str,
    pub sexual_orientation: &'a str,
    pub disability: &'a str,
    pub armed_forces: &'a str,
}

/// The checked profile. `None` is "not recorded".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientProfile {
    pub other_names: Vec<String>,
    pub pronouns: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<Postcode>,
    pub local_authority: Option<String>,
    pub phone: Option<String>,
    pub safe_contact_times: Option<String>,
    pub letters_home: Option<bool>,
    pub preferred_language: Option<String>,
    pub needs_interpreter: bool,
    pub reasonable_adjustments: Option<String>,
    pub needs_literacy_support: bool,
    pub ethnicity: Option<String>,
    pub religion: Option<String>,
    pub sexual_orientation: Option<String>,
    pub disability: Option<String>,
    pub armed_forces: Option<String>,
}

/// The most other names kept: aliases run to a handful, not a list.
const MAX_OTHER_NAMES: usize = 10;

impl ClientProfile {
    pub fn parse(text: &ClientProfileText<'_>) -> CoreResult<ClientProfile> {
        let mut other_names = Vec::new();
        for line in text.other_names.lines() {
            let name = line.trim();
            if name.is_empty() {
                continue;
            }
            let name = parse_free_text(name, 1, 100, "")
                .map_err(|_| CoreError::invalid("Keep each other name under 100 characters."))?;
            if !other_names.contains(&name) {
                other_names.push(name);
            }
        }
        if other_names.len() > MAX_OTHER_NAMES {
            return Err(CoreError::invalid(format!(
                "Keep to {MAX_OTHER_NAMES} other names, the ones people actually use."
            )));
        }
        let phone = match text.phone.trim() {
            "" => None,
            typed => Some(parse_phone(typed)?),
        };
        let letters_home = match text.letters_home.trim() {
            "" => None,
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                return Err(CoreError::invalid(
                    "Say whether letters may be sent home: yes or no.",
                ));
            }
        };
        Ok(ClientProfile {
            other_names,
            pronouns: optional_text(text.pronouns, 40, "pronouns")?,
            address: optional_text(text.address, 300, "address")?,
            postcode: match text.postcode.trim() {
                "" => None,
                typed => Some(Postcode::parse(typed)?),
            },
            local_authority: choice(
                text.local_authority,
                LOCAL_AUTHORITY_AREAS,
                "local authority area",
            )?,
            phone,
            safe_contact_times: optional_text(text.safe_contact_times, 300, "safe contact times")?,
            letters_home,
            preferred_language: optional_text(text.preferred_language, 60, "preferred language")?,
            needs_interpreter: text.needs_interpreter,
            reasonable_adjustments: optional_text(
                text.reasonable_adjustments,
                1000,
                "reasonable adjustments",
            )?,
            needs_literacy_support: text.needs_literacy_support,
            ethnicity: choice(text.ethnicity, ETHNICITIES, "ethnic group")?,
            religion: choice(text.religion, RELIGIONS, "religion or belief")?,
            sexual_orientation: choice(
                text.sexual_orientation,
                SEXUAL_ORIENTATIONS,
                "sexual orientation",
            )?,
            disability: choice(text.disability, DISABILITY_ANSWERS, "disability answer")?,
            armed_forces: choice(
                text.armed_forces,
                ARMED_FORCES_STATUSES,
                "armed forces status",
            )?,
        })
    }

    /// The names of the fields that differ, for the audit trail (never the
    /// values: an audit reader is not to learn a client's religion there).
    pub fn changed_fields(&self, after: &ClientProfile) -> Vec<&'static str> {
        [
            ("other_names", self.other_names != after.other_names),
            ("pronouns", self.pronouns != after.pronouns),
            ("address", self.address != after.address),
            ("postcode", self.postcode != after.postcode),
            (
                "local_authority",
                self.local_authority != after.local_authority,
            ),
            ("phone", self.phone != after.phone),
            (
                "safe_contact_times",
                self.safe_contact_times != after.safe_contact_times,
            ),
            ("letters_home", self.letters_home != after.letters_home),
            (
                "preferred_language",
                self.preferred_language != after.preferred_language,
            ),
            (
                "needs_interpreter",
                self.needs_interpreter != after.needs_interpreter,
            ),
            (
                "reasonable_adjustments",
                self.reasonable_adjustments != after.reasonable_adjustments,
            ),
            (
                "needs_literacy_support",
                self.needs_literacy_support != after.needs_literacy_support,
            ),
            ("ethnicity", self.ethnicity != after.ethnicity),
            ("religion", self.religion != after.religion),
            (
                "sexual_orientation",
                self.sexual_orientation != after.sexual_orientation,
            ),
            ("disability", self.disability != after.disability),
            ("armed_forces", self.armed_forces != after.armed_forces),
        ]
        .into_iter()
        .filter_map(|(name, changed)| changed.then_some(name))
        .collect()
    }
}

fn optional_text(text: &str, max: usize, what: &str) -> CoreResult<Option<String>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_free_text(text, 1, max, "")
        .map(Some)
        .map_err(|_| CoreError::invalid(format!("Keep the {what} under {max} characters.")))
}

fn choice(code: &str, choices: Choices, what: &str) -> CoreResult<Option<String>> {
    let code = code.trim();
    if code.is_empty() {
        return Ok(None);
    }
    choices
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(known, _)| Some((*known).to_owned()))
        .ok_or_else(|| CoreError::invalid(format!("Choose a {what} from the list.")))
}

/// A UK phone number: 10 or 11 digits starting 0, or +44 and 9 or 10
/// digits; spaces, dashes and brackets are allowed and dropped.
fn parse_phone(typed: &str) -> CoreResult<String> {
    let kept: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let national = if let Some(rest) = kept.strip_prefix("+44") {
        format!("0{rest}")
    } else {
        kept
    };
    let digits = national.chars().all(|c| c.is_ascii_digit());
    if !digits || !national.starts_with('0') || !(10..=11).contains(&national.len()) {
        return Err(CoreError::invalid(
            "That is not a UK phone number. Enter it like 07700 900123 or 023 8000 0000.",
        ));
    }
    Ok(national)
}

/// A UK postcode, upper-case with one space before the inward code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Postcode(String);

impl Postcode {
    /// The published shape: an outward code of a letter or two, a digit and
    /// maybe a letter or digit, then a digit and two letters.
    pub fn parse(typed: &str) -> CoreResult<Postcode> {
        let compact: String = typed
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect();
        let refused = || CoreError::invalid("That is not a UK postcode. Enter it like SO14 7DU.");
        if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
            return Err(refused());
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        let inward_ok = {
            let b = inward.as_bytes();
            b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
        };
        let outward_ok = outward_code_shape(outward);
        if !inward_ok || !outward_ok {
            return Err(refused());
        }
        Ok(Postcode(format!("{outward} {inward}")))
    }

    pub fn from_stored(text: &str) -> Option<Postcode> {
        Postcode::parse(text).ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Without the space, for matching what people type.
    pub fn compact(&self) -> String {
        self.0.replace(' ', "")
    }
}

/// A1, A11, AA1, AA11, A1A, AA1A.
pub fn outward_code_shape(outward: &str) -> bool {
    let b = outward.as_bytes();
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    match b.len() {
        2 => letter(0) && digit(1),
        3 => letter(0) && ((digit(1) && alnum(2)) || (letter(1) && digit(2))),
        4 => letter(0) && letter(1) && digit(2) && alnum(3),
        _ => false,
    }
}

/// The words for a stored code, for exports and the audit of a profile.
pub fn label_of(choices: Choices, code: &str) -> Option<&'static str> {
    choices
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, label)| *label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_are_checked_and_written_the_usual_way() {
        assert_eq!(Postcode::parse("so147du").unwrap().as_str(), "SO14 7DU");
        assert_eq!(Postcode::parse(" PO1 2AB ").unwrap().as_str(), "PO1 2AB");
        assert_eq!(Postcode::parse("EC1A 1BB").unwrap().as_str(), "EC1A 1BB");
        for bad in ["SO14", "12345", "SO14 7D1", "S0147DU!", "ÅB1 2CD"] {
            assert!(Postcode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_are_uk_numbers_kept_as_digits() {
        let profile = |phone| {
            ClientProfile::parse(&ClientProfileText {
                phone,
                ..ClientProfileText::default()
            })
        };
        assert_eq!(
            profile("07700 900123").unwrap().phone.as_deref(),
            Some("07700900123")
        );
        assert_eq!(
            profile("+44 7700 900123").unwrap().phone.as_deref(),
            Some("07700900123")
        );
        assert!(profile("12345").is_err());
        assert!(profile("07700 9001234567").is_err());
    }

    #[test]
    fn every_equality_answer_comes_from_its_list_and_may_be_prefer_not_to_say() {
        let text = ClientProfileText {
            ethnicity: "white_roma",
            religion: PREFER_NOT_TO_SAY,
            sexual_orientation: "bisexual",
            disability: "no",
            armed_forces: "veteran",
            local_authority: "isle_of_wight",
            ..ClientProfileText::default()
        };
        let profile = ClientProfile::parse(&text).unwrap();
        assert_eq!(profile.religion.as_deref(), Some(PREFER_NOT_TO_SAY));
        assert_eq!(profile.armed_forces.as_deref(), Some("veteran"));
        let made_up = ClientProfileText {
            ethnicity: "martian",
            ..ClientProfileText::default()
        };
        assert!(
            ClientProfile::parse(&made_up)
                .unwrap_err()
                .message
                .contains("ethnic group")
        );
        assert_eq!(
            ETHNICITIES.len(),
            20,
            "19 census groups and prefer not to say"
        );
    }

    #[test]
    fn other_names_are_one_a_line_without_repeats_and_changes_are_named() {
        let text = ClientProfileText {
            other_names: "Jay Whitlock\n\n  Jay Whitlock \nJJ",
            letters_home: "no",
            ..ClientProfileText::default()
        };
        let profile = ClientProfile::parse(&text).unwrap();
        assert_eq!(profile.other_names, ["Jay Whitlock", "JJ"]);
        assert_eq!(profile.letters_home, Some(false));
        assert_eq!(
            ClientProfile::default().changed_fields(&profile),
            ["other_names", "letters_home"]
        );
        let bad = ClientProfileText {
            letters_home: "maybe",
            ..ClientProfileText::default()
        };
        assert!(ClientProfile::parse(&bad).is_err());
    }
}
