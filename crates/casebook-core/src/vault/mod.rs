//! Keys: the unit key, the keys derived from it, and the key slots that wrap
//! it under each person's password.
//!
//! One random 256-bit unit key encrypts everything a unit holds. It is never
//! stored as it is: each account has a key slot, a small file holding the
//! unit key encrypted (XChaCha20-Poly1305) under a key derived from that
//! account's password (Argon2id). Per-purpose keys, such as the database's,
//! are derived from the unit key with HKDF, so a key that leaks for one
//! purpose does not give away the others. Each account's slot also holds
//! the account's own signing and key-agreement keys (`account_keys`), which
//! the unit key does not open.

pub mod account_keys;
pub mod key_files;
pub mod keys;
pub mod recovery;
pub mod sign_in_attempts;
pub mod slot;
