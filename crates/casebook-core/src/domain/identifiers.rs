//! The identifiers people quote for a client, each checked the way its
//! issuer checks it, so a mistyped one is caught when it is entered rather
//! than when a partner cannot find the person.
//!
//! - nDelius **CRN** (case reference number): one letter and six digits.
//! - **PNC ID** (Police National Computer): year, slash, serial number and a
//!   check letter: the two-digit year and the seven-digit serial, read as
//!   one number, modulo 23, picks the letter from `ZABCDEFGHJKLMNPQRTUVWXY`.
//! - **NHS number**: ten digits; the first nine weighted 10 down to 2 and
//!   summed, modulo 11, give the tenth (11 minus the remainder, 11 being 0;
//!   a remainder giving 10 makes no valid number).

use crate::error::{CoreError, CoreResult};

/// An nDelius case reference number, upper case: `X123456`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Crn(String);

impl Crn {
    pub fn parse(text: &str) -> CoreResult<Crn> {
        let compact: String = text.split_whitespace().collect::<String>().to_uppercase();
        let mut chars = compact.chars();
        let letter_first = chars.next().is_some_and(|c| c.is_ascii_uppercase());
        let six_digits = chars.clone().count() == 6 && chars.all(|c| c.is_ascii_digit());
        if !(letter_first && six_digits) {
            return Err(CoreError::invalid(
                "A CRN is one letter and six digits, for example X123456.",
            ));
        }
        Ok(Crn(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const PNC_CHECK_LETTERS: &[u8; 23] = b"ZABCDEFGHJKLMNPQRTUVWXY";

/// A Police National Computer ID with a correct check letter, written as
/// `YYYY/NNNNNNNC` or `YY/NNNNNNNC` (the serial zero-padded to seven digits).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PncId(String);

impl PncId {
    pub fn parse(text: &str) -> CoreResult<PncId> {
        let compact: String = text.split_whitespace().collect::<String>().to_uppercase();
        let shape = || {
            CoreError::invalid(
                "A PNC ID is the year, a slash, the serial number and a check letter, for example 2012/0123456Y.",
            )
        };
        let (year, rest) = compact.split_once('/').ok_or_else(shape)?;
        let check = rest.chars().last().ok_or_else(shape)?;
        let serial = &rest[..rest.len() - check.len_utf8()];
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !(year.len() == 2 || year.len() == 4)
            || !digits(year)
            || !digits(serial)
            || serial.len() > 7
            || !check.is_ascii_uppercase()
        {
            return Err(shape());
        }
        let serial = format!("{serial:0>7}");
        let operand: u64 = format!("{}{serial}", &year[year.len() - 2..])
            .parse()
            .map_err(|_| shape())?;
        let index = usize::try_from(operand % 23).unwrap_or(0);
        let expected = char::from(PNC_CHECK_LETTERS[index]);
        if check != expected {
            return Err(CoreError::invalid(format!(
                "The check letter of that PNC ID is wrong: for {year}/{serial} it should be {expected}. Check the numbers were copied correctly."
            )));
        }
        Ok(PncId(format!("{year}/{serial}{check}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An NHS number with a correct check digit, stored as ten digits and shown
/// as `943 476 5919`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NhsNumber(String);

impl NhsNumber {
    pub fn parse(text: &str) -> CoreResult<NhsNumber> {
        let digits: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(CoreError::invalid(
                "An NHS number is ten digits, for example 943 476 5919.",
            ));
        }
        let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
        let sum: u32 = values[..9]
            .iter()
            .zip((2..=10).rev())
            .map(|(digit, weight)| digit * weight)
            .sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => {
                return Err(CoreError::invalid(
                    "That is not a valid NHS number: no NHS number has those first nine digits. Check it was copied correctly.",
                ));
            }
            other => other,
        };
        if values[9] != check {
            return Err(CoreError::invalid(
                "The check digit of that NHS number is wrong. Check it was copied correctly.",
            ));
        }
        Ok(NhsNumber(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `943 476 5919`, as it is printed on NHS letters.
    pub fn spaced(&self) -> String {
        format!("{} {} {}", &self.0[..3], &self.0[3..6], &self.0[6..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crns_are_a_letter_and_six_digits() {
        assert_eq!(Crn::parse(" x123456 ").unwrap().as_str(), "X123456");
        for bad in [
            "", "123456", "XX12345", "X12345", "X1234567", "X12345A", "É123456",
        ] {
            assert!(Crn::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn nhs_numbers_need_their_check_digit() {
        // 943 476 5919 is the NHS's own published example.
        assert_eq!(
            NhsNumber::parse("943 476 5919").unwrap().as_str(),
            "9434765919"
        );
        assert_eq!(
            NhsNumber::parse("943-476-5919").unwrap().spaced(),
            "943 476 5919"
        );
        let wrong = NhsNumber::parse("9434765918").unwrap_err();
        assert!(wrong.message.contains("check digit"), "{}", wrong.message);
        for bad in ["", "943476591", "94347659190", "94347659A9"] {
            assert!(NhsNumber::parse(bad).is_err(), "{bad}");
        }
        // 6 in the ninth place (weight 2) sums to 12, remainder 1: the check
        // digit would have to be 10, so no NHS number starts that way.
        let impossible = NhsNumber::parse("0000000060").unwrap_err();
        assert!(
            impossible.message.contains("no NHS number"),
            "{}",
            impossible.message
        );
    }

    #[test]
    fn pnc_ids_need_their_check_letter() {
        // 12 and 0123456 → 120123456 mod 23 = 22 → Y, the last letter.
        assert_eq!(120_123_456_u64 % 23, 22);
        assert_eq!(
            PncId::parse("2012/0123456Y").unwrap().as_str(),
            "2012/0123456Y"
        );
        assert_eq!(PncId::parse("12/123456y").unwrap().as_str(), "12/0123456Y");
        // 98 and 0000008 → 980000008 mod 23 = 0 → Z, the first letter.
        assert_eq!(980_000_008_u64 % 23, 0);
        assert_eq!(PncId::parse("1998/8Z").unwrap().as_str(), "1998/0000008Z");
        let wrong = PncId::parse("2012/0123456C").unwrap_err();
        assert!(wrong.message.contains("should be Y"), "{}", wrong.message);
        for bad in [
            "",
            "2012",
            "2012/",
            "2012/Y",
            "201/0123456Y",
            "2012/01234567Y",
            "2012/0123456",
            "2012-0123456Y",
        ] {
            assert!(PncId::parse(bad).is_err(), "{bad}");
        }
    }
}
