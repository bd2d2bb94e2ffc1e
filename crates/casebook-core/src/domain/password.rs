//! Password rules for new passwords.
//!
//! The rules follow the UK National Cyber Security Centre's advice: length
//! matters, composition rules do not, and a list of passwords attackers try
//! first catches the rest. The rules are stated in words to the person
//! choosing a password, and each refusal says which rule it broke.

use crate::error::{CoreError, CoreResult, ErrorCode};

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 1024;

const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// The rules as shown beside a new-password field.
pub fn password_rules() -> Vec<String> {
    vec![
        format!(
            "At least {MIN_PASSWORD_CHARS} characters. Three or four random words make a strong password that is easy to remember."
        ),
        "Not a commonly used password, a name of a local place or team, or your username."
            .to_owned(),
        "Not one character or a short pattern repeated.".to_owned(),
    ]
}

/// Every rule `password` breaks, in plain words; empty when it is acceptable.
pub fn password_problems(password: &str, username: Option<&str>) -> Vec<String> {
    let mut problems = Vec::new();
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        problems.push(format!(
            "It is {length} characters long; it needs at least {MIN_PASSWORD_CHARS}."
        ));
    }
    if length > MAX_PASSWORD_CHARS {
        problems.push(format!(
            "It can be at most {MAX_PASSWORD_CHARS} characters."
        ));
    }
    if length > 0 && is_common(password) {
        problems.push(
            "It is one of the passwords attackers try first. Choose something less predictable."
                .to_owned(),
        );
    }
    if length > 0 && is_repetitive(password) {
        problems.push(
            "It repeats one character or a short pattern. Choose something less predictable."
                .to_owned(),
        );
    }
    if let Some(username) = username.map(str::to_lowercase).filter(|u| u.len() >= 3)
        && password.to_lowercase().contains(&username)
    {
        problems.push("It contains your username.".to_owned());
    }
    problems
}

/// A checked new password. Holding one means it met every rule.
#[derive(Clone)]
pub struct NewPassword(zeroize::Zeroizing<String>);

impl NewPassword {
    pub fn parse(password: &str, username: Option<&str>) -> CoreResult<NewPassword> {
        let problems = password_problems(password, username);
        if problems.is_empty() {
            Ok(NewPassword(zeroize::Zeroizing::new(password.to_owned())))
        } else {
            Err(CoreError::new(
                ErrorCode::PasswordRejected,
                format!("That password cannot be used. {}", problems.join(" ")),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(<hidden>)")
    }
}

fn is_common(password: &str) -> bool {
    let lowered = password.to_lowercase();
    let stem = lowered.trim_matches(|c: char| !c.is_alphabetic());
    let squashed: String = lowered.chars().filter(|c| c.is_alphabetic()).collect();
    stem.is_empty()
        || COMMON_PASSWORDS
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .any(|common| {
                let common_squashed: String =
                    common.chars().filter(|c| c.is_alphabetic()).collect();
                common == stem || common == lowered || common_squashed == squashed
            })
}

/// True when the password is a pattern of at most three characters repeated
/// ("aaaaaaaaaaaa", "abcabcabcabc"), or uses fewer than five distinct
/// characters.
fn is_repetitive(password: &str) -> bool {
    let chars: Vec<char> = password.chars().collect();
    let repeats_short_pattern = (1..=3).any(|period| {
        chars.len() > period
            && chars
                .iter()
                .enumerate()
                .all(|(i, c)| *c == chars[i % period])
    });
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    repeats_short_pattern || distinct.len() < 5
}

/// A one-time password for a new or re-enabled account: four groups of four
/// characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 80
/// bits, to be read out or handed over in person and changed at first
/// sign-in.
pub fn generate_one_time_password(
    entropy: &mut dyn crate::clock::Entropy,
) -> zeroize::Zeroizing<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut out = zeroize::Zeroizing::new(String::with_capacity(19));
    loop {
        out.clear();
        let mut bytes = zeroize::Zeroizing::new([0u8; 16]);
        entropy.fill(bytes.as_mut());
        for (i, byte) in bytes.iter().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            // 256 is not a multiple of the alphabet's 31 letters; the slight
            // bias this leaves is far below what matters for a password
            // that lives until its first use.
            out.push(char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()]));
        }
        if password_problems(&out, None).is_empty() {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_unpredictable_passwords_are_accepted() {
        for good in [
            "otter lamp river cloud",
            "Tangerine-Bicycle-42",
            "correct horse battery",
        ] {
            assert!(password_problems(good, Some("admin")).is_empty(), "{good}");
        }
    }

    #[test]
    fn each_refusal_says_why() {
        let cases = [
            ("short", "needs at least 12"),
            ("password1234", "attackers try first"),
            ("Password123!", "attackers try first"),
            ("P@ssw0rd2026!", "attackers try first"),
            ("123456789012", "attackers try first"),
            ("Southampton1!", "attackers try first"),
            ("aaaaaaaaaaaaaaa", "repeats"),
            ("abcabcabcabcabc", "repeats"),
            ("jsmith-is-my-login", "username"),
        ];
        for (password, expected) in cases {
            let problems = password_problems(password, Some("jsmith")).join(" ");
            assert!(problems.contains(expected), "{password}: {problems}");
            let error = NewPassword::parse(password, Some("jsmith")).unwrap_err();
            assert_eq!(error.code, ErrorCode::PasswordRejected);
            assert!(error.message.contains(expected));
        }
    }

    #[test]
    fn a_password_never_appears_in_debug_output() {
        let password = NewPassword::parse("otter lamp river cloud", None).unwrap();
        assert!(!format!("{password:?}").contains("otter"));
    }
}
