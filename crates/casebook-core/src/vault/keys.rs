//! The unit key and the keys derived from it. Every key type here wipes its
//! bytes from memory when dropped and never prints them.

use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::clock::Entropy;

pub const KEY_BYTES: usize = 32;

/// The unit's master key. Only ever in memory while the unit is unlocked.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct UnitKey([u8; KEY_BYTES]);

impl UnitKey {
    pub fn generate(entropy: &mut dyn Entropy) -> UnitKey {
        let mut bytes = [0u8; KEY_BYTES];
        entropy.fill(&mut bytes);
        UnitKey(bytes)
    }

    pub(crate) fn from_bytes(bytes: [u8; KEY_BYTES]) -> UnitKey {
        UnitKey(bytes)
    }

    pub(crate) fn as_bytes(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }

    /// The key SQLCipher opens the unit database with.
    pub fn database_key(&self) -> DatabaseKey {
        DatabaseKey(self.derive(b"casebook/v1/database"))
    }

    /// The key that seals the bodies of sync bundles (SYNC.md).
    pub fn bundle_key(&self) -> BundleKey {
        BundleKey(self.derive(b"casebook/v1/bundles"))
    }

    fn derive(&self, purpose: &[u8]) -> [u8; KEY_BYTES] {
        let mut out = [0u8; KEY_BYTES];
        // HKDF-Expand can only fail when asked for more than 255 blocks of
        // output; 32 bytes is one block.
        #[allow(clippy::expect_used)]
        Hkdf::<Sha256>::new(None, &self.0)
            .expand(purpose, &mut out)
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        out
    }
}

impl std::fmt::Debug for UnitKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnitKey(<hidden>)")
    }
}

/// The key that seals sync bundle bodies, derived from the unit key.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct BundleKey([u8; KEY_BYTES]);

impl BundleKey {
    pub(crate) fn as_bytes(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }
}

impl std::fmt::Debug for BundleKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BundleKey(<hidden>)")
    }
}

/// The raw 256-bit key of the unit database.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct DatabaseKey([u8; KEY_BYTES]);

impl DatabaseKey {
    /// The value of SQLCipher's `PRAGMA key` for a raw key: `x'<64 hex>'`.
    /// Giving SQLCipher the raw key skips its own slow passphrase derivation,
    /// which would only repeat what Argon2id already did.
    pub(crate) fn sqlcipher_pragma_value(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", hex::encode(self.0)))
    }
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_keys_differ_from_the_unit_key_and_are_stable() {
        let unit = UnitKey::from_bytes([7; KEY_BYTES]);
        let a = unit.database_key();
        let b = unit.database_key();
        assert_eq!(a.0, b.0);
        assert_ne!(&a.0, unit.as_bytes());
        assert!(!format!("{unit:?}{a:?}").contains('7'));
    }

    /// Known answers, worked out by a separate HKDF-SHA256 (Python's `hmac`)
    /// when this test was written. If it fails, existing units' databases and
    /// bundles would no longer open: derive new keys under new names beside
    /// these instead.
    #[test]
    fn the_database_and_bundle_keys_of_a_unit_key_never_change() {
        let unit = UnitKey::from_bytes(std::array::from_fn(|i| i as u8));
        assert_eq!(
            unit.database_key().sqlcipher_pragma_value().as_str(),
            "x'30a3274bcd728c8cb39b873213570b3dcbbe8796e8571662b7434cfef9b061fb'"
        );
        assert_eq!(
            hex::encode(unit.bundle_key().as_bytes()),
            "09a318d5fd3709ff49bee1b01db795d730008427a75419a2bdad8fefa823021c"
        );
    }
}
