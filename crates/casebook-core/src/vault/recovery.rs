//! The recovery key: shown once when a unit is made, written on paper and
//! locked away, it opens the unit's recovery slot when every administrator
//! password is forgotten.
//!
//! It is 160 random bits written as 32 characters of Crockford's base32 in
//! groups of four. That alphabet has no I, L, O or U, and reading it back
//! treats I and L as 1 and O as 0, so what is copied by hand from paper reads
//! back the same.

use zeroize::Zeroizing;

use crate::clock::Entropy;
use crate::error::{CoreError, CoreResult, ErrorCode};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHARACTERS: usize = 32;
const RANDOM_BYTES: usize = 20;

pub struct RecoveryKey(Zeroizing<String>);

impl RecoveryKey {
    pub fn generate(entropy: &mut dyn Entropy) -> RecoveryKey {
        let mut bytes = Zeroizing::new([0u8; RANDOM_BYTES]);
        entropy.fill(bytes.as_mut());
        let mut text = Zeroizing::new(String::with_capacity(CHARACTERS));
        // 20 bytes are 160 bits: exactly 32 characters of 5 bits each.
        for chunk in bytes.chunks(5) {
            let mut buffer = 0u64;
            for byte in chunk {
                buffer = (buffer << 8) | u64::from(*byte);
            }
            for shift in (0..8).rev() {
                let index = ((buffer >> (shift * 5)) & 0x1f) as usize;
                text.push(char::from(ALPHABET[index]));
            }
        }
        RecoveryKey(text)
    }

    /// Reads a key as a person typed it: spaces and hyphens anywhere, any
    /// case, I and L for 1, O for 0.
    pub fn parse(typed: &str) -> CoreResult<RecoveryKey> {
        let mut text = Zeroizing::new(String::with_capacity(CHARACTERS));
        for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let c = match c.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            };
            if !ALPHABET.contains(&(c as u32 as u8)) || !c.is_ascii() {
                return Err(CoreError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "A recovery key has only the letters and digits printed on it; \"{c}\" is not one of them."
                    ),
                ));
            }
            text.push(c);
        }
        let count = text.chars().count();
        if count != CHARACTERS {
            return Err(CoreError::new(
                ErrorCode::InvalidInput,
                format!(
                    "A recovery key has {CHARACTERS} letters and digits; that has {count}. Check it against the paper copy."
                ),
            ));
        }
        Ok(RecoveryKey(text))
    }

    /// The text the key derivation runs on: no separators, upper case.
    pub(crate) fn secret_for_sealing(&self) -> &str {
        &self.0
    }

    /// The key as shown and printed: groups of four joined by hyphens.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|g| String::from_utf8_lossy(g).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::OsEntropy;

    #[test]
    fn a_key_reads_back_however_it_was_copied() {
        let key = RecoveryKey::generate(&mut OsEntropy);
        let grouped = key.grouped();
        assert_eq!(grouped.len(), 32 + 7);
        let sloppy = grouped
            .to_lowercase()
            .replace('-', " ")
            .replace('1', "l")
            .replace('0', "o");
        assert_eq!(
            RecoveryKey::parse(&sloppy).unwrap().secret_for_sealing(),
            key.secret_for_sealing()
        );
    }

    #[test]
    fn a_short_or_foreign_key_says_what_is_wrong() {
        assert!(
            RecoveryKey::parse("ABCD-EFGH")
                .unwrap_err()
                .message
                .contains("that has 8")
        );
        assert!(
            RecoveryKey::parse(&"U".repeat(32))
                .unwrap_err()
                .message
                .contains("\"U\"")
        );
        assert!(!format!("{:?}", RecoveryKey::generate(&mut OsEntropy)).contains('-'));
    }
}
