//! Names people type: of clients, staff, units, and usernames.

use crate::error::{CoreError, CoreResult};

/// Longest name Casebook accepts, in characters. Long enough for any real
/// name with several parts; short enough to catch pasted paragraphs.
pub const MAX_NAME_CHARS: usize = 100;

/// A person's name (a client's given or family name, a staff member's full
/// name): trimmed, inner runs of white space folded to one space, letters of
/// any script with spaces, hyphens, apostrophes and full stops between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    /// `field` names the field in the message ("given name").
    pub fn parse(text: &str, field: &str) -> CoreResult<PersonName> {
        let folded = fold_white_space(text);
        if folded.is_empty() {
            return Err(CoreError::invalid(format!("Enter a {field}.")));
        }
        if folded.chars().count() > MAX_NAME_CHARS {
            return Err(CoreError::invalid(format!(
                "A {field} can be at most {MAX_NAME_CHARS} characters."
            )));
        }
        let allowed = |c: char| c.is_alphabetic() || is_combining_mark(c) || " -'’.".contains(c);
        if !folded.chars().all(allowed) {
            return Err(CoreError::invalid(format!(
                "A {field} can contain letters, spaces, hyphens, apostrophes and full stops only."
            )));
        }
        if !folded.chars().any(char::is_alphabetic) {
            return Err(CoreError::invalid(format!(
                "A {field} must contain at least one letter."
            )));
        }
        Ok(PersonName(folded))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The name of a unit, e.g. "Hampshire IOM – Basingstoke". Any printable
/// text: units name themselves after places, teams and agencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitName(String);

impl UnitName {
    pub fn parse(text: &str) -> CoreResult<UnitName> {
        let folded = fold_white_space(text);
        if folded.is_empty() {
            return Err(CoreError::invalid("Enter a name for the unit."));
        }
        if folded.chars().count() > MAX_NAME_CHARS {
            return Err(CoreError::invalid(format!(
                "A unit name can be at most {MAX_NAME_CHARS} characters."
            )));
        }
        if folded.chars().any(char::is_control) {
            return Err(CoreError::invalid(
                "A unit name cannot contain control characters.",
            ));
        }
        Ok(UnitName(folded))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A sign-in name: 3 to 32 characters of lower-case letters, digits, dots,
/// hyphens and underscores, starting with a letter. Kept to plain ASCII so
/// that two usernames that look the same are the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(text: &str) -> CoreResult<Username> {
        let lowered = text.trim().to_lowercase();
        let length = lowered.chars().count();
        if length == 0 {
            return Err(CoreError::invalid("Enter a username."));
        }
        if !(3..=32).contains(&length) {
            return Err(CoreError::invalid(
                "A username must be 3 to 32 characters long.",
            ));
        }
        let starts_with_letter = lowered.starts_with(|c: char| c.is_ascii_lowercase());
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
        if !starts_with_letter || !lowered.chars().all(allowed) {
            return Err(CoreError::invalid(
                "A username must start with a letter and use only letters a–z, digits, dots, hyphens and underscores.",
            ));
        }
        Ok(Username(lowered))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn fold_white_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Combining marks (accents typed as a separate code point) belong to the
/// letter before them.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn real_names_of_many_shapes_are_accepted() {
        for name in [
            "Jo",
            "O'Brien",
            "Smith-Jones",
            "Siobhán",
            "Nguyễn",
            "St. John",
            "D’Arcy",
            "Łukasz",
            "محمد",
        ] {
            assert!(PersonName::parse(name, "given name").is_ok(), "{name}");
        }
    }

    #[test]
    fn white_space_is_folded() {
        let name = PersonName::parse("  Mary   Ann \t", "given name").unwrap();
        assert_eq!(name.as_str(), "Mary Ann");
    }

    #[test]
    fn empty_and_absurd_names_are_refused_with_a_reason() {
        let cases = [
            ("", "Enter a given name."),
            ("   ", "Enter a given name."),
            ("R2D2", "letters, spaces"),
            ("<script>", "letters, spaces"),
            ("--", "at least one letter"),
            ("Bob\u{0}", "letters, spaces"),
        ];
        for (input, expected) in cases {
            let error = PersonName::parse(input, "given name").unwrap_err();
            assert_eq!(error.code, ErrorCode::InvalidInput);
            assert!(
                error.message.contains(expected),
                "{input:?}: {}",
                error.message
            );
        }
        let long = "a".repeat(MAX_NAME_CHARS + 1);
        assert!(
            PersonName::parse(&long, "family name")
                .unwrap_err()
                .message
                .contains("at most")
        );
    }

    #[test]
    fn usernames_are_lower_cased_and_checked() {
        assert_eq!(Username::parse(" J.Smith ").unwrap().as_str(), "j.smith");
        for bad in ["", "ab", "1abc", "jo smith", "émile", &"a".repeat(33)] {
            assert!(Username::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unit_names_allow_punctuation_but_not_control_characters() {
        assert_eq!(
            UnitName::parse("Hampshire IOM – Basingstoke")
                .unwrap()
                .as_str(),
            "Hampshire IOM – Basingstoke"
        );
        assert!(UnitName::parse("Unit\u{7}").is_err());
        assert!(UnitName::parse("").is_err());
    }
}
