//! Key slots: the unit key wrapped under a password.
//!
//! A slot is a small JSON file, `keys/<slot id>.slot`. Its header says whose
//! slot it is and how the wrapping key was derived (Argon2id with its
//! parameters and salt, so each slot can be re-tuned on its own). The header
//! is the associated data of the XChaCha20-Poly1305 encryption, so changing
//! any of it makes the slot fail to open. A SHA-256 checksum over the whole
//! slot tells accidental damage (a truncated copy, a flipped bit) apart from a
//! wrong password, which the encryption alone could not.
//!
//! `kind` is `password` for an account's slot and `recovery` for the unit's
//! recovery key; `account_id` ties a slot to its account.
//!
//! Version 2 seals the account's own private keys (`account_keys.rs`) beside
//! the unit key in a password slot, and names their public halves in the
//! header, so they are bound to the slot as the rest of the header is. A
//! version 1 slot (the unit key alone) still opens; the account gets its own
//! keys at its next sign-in, in a new version 2 slot.

use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::account_keys::{self, AccountKeys, AccountPublicKeys};
use super::keys::{KEY_BYTES, UnitKey};
use crate::clock::Entropy;
use crate::domain::ids::{AccountId, SlotId, UnitId};
use crate::domain::names::Username;
use crate::error::{CoreError, CoreResult, ErrorCode};

pub const SLOT_FORMAT: &str = "casebook-key-slot";
pub const SLOT_VERSION: u32 = 2;
/// The least memory a slot made for real use may ask Argon2id for.
pub const MIN_PRODUCTION_MEMORY_KIB: u32 = 64 * 1024;
/// Bounds on parameters read from a slot file. A slot asking for more would
/// let a damaged or hostile file make unlocking take hours or exhaust memory.
const MAX_MEMORY_KIB: u32 = 4 * 1024 * 1024;
const MAX_ITERATIONS: u32 = 64;
const MAX_PARALLELISM: u32 = 16;
const MIN_MEMORY_KIB: u32 = 8 * 1024;
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;

/// How a slot's wrapping key is derived from a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub algorithm: String,
    pub version: u32,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Hex-encoded random salt, unique to the slot.
    pub salt: String,
}

/// The cost of Argon2id, without a salt: what calibration decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfCost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfCost {
    /// A cost for this machine: 64 MiB and as many passes as fit in about
    /// `target` (0.5 to 1 second is the aim). One run of one pass and one of
    /// three separate the fixed cost (allocating and filling the memory) from
    /// the cost of each further pass.
    pub fn calibrate(target: Duration) -> KdfCost {
        let probe = |iterations| {
            let cost = KdfCost {
                memory_kib: MIN_PRODUCTION_MEMORY_KIB,
                iterations,
                parallelism: 1,
            };
            let started = Instant::now();
            let _ = derive_wrapping_key(b"calibration", &[0u8; SALT_BYTES], cost);
            started.elapsed().as_secs_f64()
        };
        let one = probe(1);
        let three = probe(3);
        let per_pass = ((three - one) / 2.0).max(0.001);
        let passes = 1.0 + ((target.as_secs_f64() - one).max(0.0) / per_pass).floor();
        KdfCost {
            memory_kib: MIN_PRODUCTION_MEMORY_KIB,
            iterations: (passes as u32).clamp(2, MAX_ITERATIONS),
            parallelism: 1,
        }
    }

    /// A cheap cost for tests of everything around the key derivation. Real
    /// slots are never made with it: unlock refuses nothing it made, but the
    /// shell only ever uses `calibrate`.
    #[doc(hidden)]
    pub fn cheap_for_tests() -> KdfCost {
        KdfCost {
            memory_kib: MIN_MEMORY_KIB,
            iterations: 1,
            parallelism: 1,
        }
    }

    fn with_salt(self, salt: &[u8]) -> KdfParams {
        KdfParams {
            algorithm: "argon2id".to_owned(),
            version: 0x13,
            memory_kib: self.memory_kib,
            iterations: self.iterations,
            parallelism: self.parallelism,
            salt: hex::encode(salt),
        }
    }
}

/// What a slot unlocks with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    Password,
    Recovery,
}

/// Everything in a slot but the wrapped key: bound to the ciphertext as
/// associated data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotHeader {
    pub format: String,
    pub version: u32,
    pub slot_id: String,
    pub unit_id: String,
    pub kind: SlotKind,
    pub account_id: Option<String>,
    pub username: Option<String>,
    pub created_at: String,
    pub kdf: KdfParams,
    /// Version 2: the public halves of the account keys sealed inside, in
    /// lower-case hex. Absent from version 1 slots and recovery slots, and
    /// then left out of the associated data, so a version 1 header reads
    /// and binds exactly as it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_key: Option<String>,
}

/// What a slot holds once opened.
#[derive(Debug)]
pub struct SlotContents {
    pub unit_key: UnitKey,
    /// The account's own keys; `None` for a version 1 slot and for the
    /// recovery slot.
    pub account_keys: Option<AccountKeys>,
}

/// A key slot as held in memory and in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySlot {
    #[serde(flatten)]
    pub header: SlotHeader,
    pub nonce: String,
    pub wrapped_key: String,
    pub checksum: String,
}

/// Who a new password slot is for.
#[derive(Debug, Clone, Copy)]
pub struct SlotOwner<'a> {
    pub unit_id: UnitId,
    pub account_id: AccountId,
    pub username: &'a Username,
}

impl KeySlot {
    /// Wraps `unit_key` and the account's own keys under `password` in a
    /// new slot for one account.
    #[allow(clippy::too_many_arguments)]
    pub fn seal_for_password(
        unit_key: &UnitKey,
        account_keys: &AccountKeys,
        owner: SlotOwner<'_>,
        password: &str,
        cost: KdfCost,
        slot_id: SlotId,
        created_at: chrono::DateTime<chrono::Utc>,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<KeySlot> {
        let header = |kdf| SlotHeader {
            format: SLOT_FORMAT.to_owned(),
            version: SLOT_VERSION,
            slot_id: slot_id.to_string(),
            unit_id: owner.unit_id.to_string(),
            kind: SlotKind::Password,
            account_id: Some(owner.account_id.to_string()),
            username: Some(owner.username.as_str().to_owned()),
            created_at: created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            kdf,
            signing_key: Some(account_keys.public().signing_hex()),
            agreement_key: Some(account_keys.public().agreement_hex()),
        };
        seal(
            unit_key,
            Some(account_keys),
            header,
            password,
            cost,
            entropy,
        )
    }

    /// Wraps `unit_key` under a recovery key, in the unit's recovery slot.
    pub fn seal_for_recovery(
        unit_key: &UnitKey,
        unit_id: UnitId,
        recovery_key: &super::recovery::RecoveryKey,
        cost: KdfCost,
        slot_id: SlotId,
        created_at: chrono::DateTime<chrono::Utc>,
        entropy: &mut dyn Entropy,
    ) -> CoreResult<KeySlot> {
        let header = |kdf| SlotHeader {
            format: SLOT_FORMAT.to_owned(),
            version: 1,
            slot_id: slot_id.to_string(),
            unit_id: unit_id.to_string(),
            kind: SlotKind::Recovery,
            account_id: None,
            username: None,
            created_at: created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            kdf,
            signing_key: None,
            agreement_key: None,
        };
        // A recovery slot holds the unit key alone, as in version 1, so it
        // stays version 1 and an older Casebook can still use the key.
        seal(
            unit_key,
            None,
            header,
            recovery_key.secret_for_sealing(),
            cost,
            entropy,
        )
    }

    /// Reads a slot file. Refuses anything truncated, altered, of an unknown
    /// format, or from a newer Casebook, before any key derivation runs.
    pub fn from_file_bytes(bytes: &[u8]) -> CoreResult<KeySlot> {
        let slot: KeySlot = serde_json::from_slice(bytes).map_err(|_| damaged())?;
        if slot.header.format != SLOT_FORMAT {
            return Err(damaged());
        }
        if slot.header.version > SLOT_VERSION {
            return Err(CoreError::new(
                ErrorCode::KeyFileDamaged,
                "A key file was written by a newer version of Casebook. Update Casebook on this computer to open the unit.",
            ));
        }
        let aad = associated_data(&slot.header)?;
        let nonce = hex::decode(&slot.nonce).map_err(|_| damaged())?;
        let wrapped = hex::decode(&slot.wrapped_key).map_err(|_| damaged())?;
        if nonce.len() != NONCE_BYTES || wrapped.len() != slot.header.sealed_bytes()? + 16 {
            return Err(damaged());
        }
        if checksum(&aad, &nonce, &wrapped) != slot.checksum {
            return Err(damaged());
        }
        slot.cost()?;
        Ok(slot)
    }

    pub fn to_file_bytes(&self) -> CoreResult<Vec<u8>> {
        let mut bytes = serde_json::to_vec_pretty(self).map_err(|e| CoreError::internal(&e))?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    /// Unwraps the unit key and the account's own keys. A wrong password and
    /// a header altered to look valid both fail here, with the same
    /// wrong-credentials error.
    pub fn open(&self, password: &str) -> CoreResult<SlotContents> {
        let salt = hex::decode(&self.header.kdf.salt).map_err(|_| damaged())?;
        let nonce: [u8; NONCE_BYTES] = hex::decode(&self.nonce)
            .ok()
            .and_then(|n| n.try_into().ok())
            .ok_or_else(damaged)?;
        let wrapped = hex::decode(&self.wrapped_key).map_err(|_| damaged())?;
        let wrapping_key = derive_wrapping_key(password.as_bytes(), &salt, self.cost()?)?;
        let aad = associated_data(&self.header)?;
        let cipher = XChaCha20Poly1305::new(&(*wrapping_key).into());
        let plain = Zeroizing::new(
            cipher
                .decrypt(
                    &XNonce::from(nonce),
                    Payload {
                        msg: &wrapped,
                        aad: &aad,
                    },
                )
                .map_err(|_| CoreError::wrong_credentials())?,
        );
        if plain.len() != self.header.sealed_bytes()? {
            return Err(damaged());
        }
        let (unit_key, private_keys) = plain.split_at(KEY_BYTES);
        let unit_key = UnitKey::from_bytes(unit_key.try_into().map_err(|_| damaged())?);
        let account_keys = match self.header.public_keys()? {
            None => None,
            Some(public) => {
                let sealed: &[u8; account_keys::SEALED_BYTES] =
                    private_keys.try_into().map_err(|_| damaged())?;
                let keys = AccountKeys::from_sealed_bytes(sealed);
                // The header was authenticated with the keys, so this only
                // fails for a slot written wrongly; it is still checked, as
                // a signature made with the wrong key would be refused by
                // every other computer.
                if keys.public() != public {
                    return Err(damaged());
                }
                Some(keys)
            }
        };
        Ok(SlotContents {
            unit_key,
            account_keys,
        })
    }

    /// Spends the same time as `open` without opening anything, so that an
    /// unknown username takes as long to refuse as a wrong password.
    pub fn waste_equal_time(&self, password: &str) {
        if let Ok(cost) = self.cost() {
            let _ = derive_wrapping_key(password.as_bytes(), b"no such account!", cost);
        }
    }

    pub fn cost(&self) -> CoreResult<KdfCost> {
        let kdf = &self.header.kdf;
        let sane = kdf.algorithm == "argon2id"
            && kdf.version == 0x13
            && (MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&kdf.memory_kib)
            && (1..=MAX_ITERATIONS).contains(&kdf.iterations)
            && (1..=MAX_PARALLELISM).contains(&kdf.parallelism);
        if !sane {
            return Err(damaged());
        }
        Ok(KdfCost {
            memory_kib: kdf.memory_kib,
            iterations: kdf.iterations,
            parallelism: kdf.parallelism,
        })
    }
}

impl SlotHeader {
    /// The public halves of the account keys the slot holds, if any.
    pub fn public_keys(&self) -> CoreResult<Option<AccountPublicKeys>> {
        // One layout for each kind and version: a version 2 password slot
        // holds account keys, a recovery slot never does.
        let holds_keys = self.version >= 2 && self.kind == SlotKind::Password;
        match (&self.signing_key, &self.agreement_key) {
            (None, None) if !holds_keys => Ok(None),
            (Some(signing), Some(agreement)) if holds_keys => {
                AccountPublicKeys::from_hex(signing, agreement)
                    .map(Some)
                    .map_err(|_| damaged())
            }
            _ => Err(damaged()),
        }
    }

    /// How many bytes are sealed: the unit key, then any account keys.
    fn sealed_bytes(&self) -> CoreResult<usize> {
        Ok(match self.public_keys()? {
            None => KEY_BYTES,
            Some(_) => KEY_BYTES + account_keys::SEALED_BYTES,
        })
    }
}

fn seal(
    unit_key: &UnitKey,
    account_keys: Option<&AccountKeys>,
    header: impl FnOnce(KdfParams) -> SlotHeader,
    secret: &str,
    cost: KdfCost,
    entropy: &mut dyn Entropy,
) -> CoreResult<KeySlot> {
    let mut salt = [0u8; SALT_BYTES];
    entropy.fill(&mut salt);
    let mut nonce = [0u8; NONCE_BYTES];
    entropy.fill(&mut nonce);
    let header = header(cost.with_salt(&salt));
    let wrapping_key = derive_wrapping_key(secret.as_bytes(), &salt, cost)?;
    let aad = associated_data(&header)?;
    let cipher = XChaCha20Poly1305::new(&(*wrapping_key).into());
    // Room for everything from the start, so the buffer is never moved and
    // no copy of a key is left behind unwiped.
    let mut sealed = Zeroizing::new(Vec::with_capacity(KEY_BYTES + account_keys::SEALED_BYTES));
    sealed.extend_from_slice(unit_key.as_bytes());
    if let Some(keys) = account_keys {
        sealed.extend_from_slice(keys.to_sealed_bytes().as_slice());
    }
    let wrapped = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &sealed,
                aad: &aad,
            },
        )
        .map_err(|_| CoreError::internal(&"key slot encryption failed"))?;
    let checksum = checksum(&aad, &nonce, &wrapped);
    Ok(KeySlot {
        header,
        nonce: hex::encode(nonce),
        wrapped_key: hex::encode(wrapped),
        checksum,
    })
}

fn damaged() -> CoreError {
    CoreError::new(
        ErrorCode::KeyFileDamaged,
        "A key file of this unit is damaged (cut short or altered), so Casebook cannot check your password against it. Nothing was changed. Restore the unit's keys folder from a backup, or ask your administrator.",
    )
}

fn associated_data(header: &SlotHeader) -> CoreResult<Vec<u8>> {
    serde_json::to_vec(header).map_err(|e| CoreError::internal(&e))
}

fn checksum(aad: &[u8], nonce: &[u8], wrapped: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(aad);
    hasher.update(nonce);
    hasher.update(wrapped);
    hex::encode(hasher.finalize())
}

fn derive_wrapping_key(
    password: &[u8],
    salt: &[u8],
    cost: KdfCost,
) -> CoreResult<Zeroizing<[u8; KEY_BYTES]>> {
    let params = Params::new(
        cost.memory_kib,
        cost.iterations,
        cost.parallelism,
        Some(KEY_BYTES),
    )
    .map_err(|e| CoreError::internal(&format_args!("argon2 parameters: {e}")))?;
    let mut key = Zeroizing::new([0u8; KEY_BYTES]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(password, salt, key.as_mut())
        .map_err(|e| CoreError::internal(&format_args!("argon2: {e}")))?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::OsEntropy;

    fn sealed(password: &str) -> (UnitKey, KeySlot) {
        let mut entropy = OsEntropy;
        let unit_key = UnitKey::generate(&mut entropy);
        let account_keys = AccountKeys::generate(&mut entropy);
        let username = Username::parse("admin").unwrap();
        let owner = SlotOwner {
            unit_id: UnitId(uuid::Uuid::nil()),
            account_id: AccountId(uuid::Uuid::nil()),
            username: &username,
        };
        let slot = KeySlot::seal_for_password(
            &unit_key,
            &account_keys,
            owner,
            password,
            KdfCost::cheap_for_tests(),
            SlotId(uuid::Uuid::nil()),
            chrono::Utc::now(),
            &mut entropy,
        )
        .unwrap();
        (unit_key, slot)
    }

    #[test]
    fn the_right_password_unwraps_the_unit_key() {
        let (unit_key, slot) = sealed("otter lamp river cloud");
        let read = KeySlot::from_file_bytes(&slot.to_file_bytes().unwrap()).unwrap();
        let opened = read.open("otter lamp river cloud").unwrap();
        assert_eq!(opened.unit_key.as_bytes(), unit_key.as_bytes());
        let public = opened.account_keys.unwrap().public();
        assert_eq!(Some(public.signing_hex()), slot.header.signing_key);
        assert_eq!(Some(public.agreement_hex()), slot.header.agreement_key);
    }

    #[test]
    fn the_unit_key_does_not_open_an_accounts_own_keys() {
        // Whoever holds the unit key (from any slot, or a database key
        // derived from it) has no way to the private keys but the password.
        let (unit_key, slot) = sealed("otter lamp river cloud");
        let bytes = slot.to_file_bytes().unwrap();
        for guess in [hex::encode(unit_key.as_bytes()), String::new()] {
            assert_eq!(
                slot.open(&guess).unwrap_err().code,
                ErrorCode::WrongCredentials
            );
        }
        let unit_key_hex = hex::encode(unit_key.as_bytes());
        assert!(!String::from_utf8_lossy(&bytes).contains(&unit_key_hex));
    }

    #[test]
    fn public_keys_swapped_in_the_header_stop_the_slot_opening() {
        let (_, slot) = sealed("otter lamp river cloud");
        let other = AccountKeys::generate(&mut OsEntropy).public();
        let mut forged = slot.clone();
        forged.header.signing_key = Some(other.signing_hex());
        let aad = associated_data(&forged.header).unwrap();
        let nonce = hex::decode(&forged.nonce).unwrap();
        let wrapped = hex::decode(&forged.wrapped_key).unwrap();
        forged.checksum = checksum(&aad, &nonce, &wrapped);
        let read = KeySlot::from_file_bytes(&forged.to_file_bytes().unwrap()).unwrap();
        assert_eq!(
            read.open("otter lamp river cloud").unwrap_err().code,
            ErrorCode::WrongCredentials
        );
        let mut half = slot.clone();
        half.header.agreement_key = None;
        assert_eq!(
            KeySlot::from_file_bytes(&half.to_file_bytes().unwrap())
                .unwrap_err()
                .code,
            ErrorCode::KeyFileDamaged
        );
    }

    #[test]
    fn a_wrong_password_is_wrong_credentials() {
        let (_, slot) = sealed("otter lamp river cloud");
        assert_eq!(
            slot.open("otter lamp river clouds").unwrap_err().code,
            ErrorCode::WrongCredentials
        );
    }

    #[test]
    fn every_truncation_is_reported_as_damage() {
        let (_, slot) = sealed("otter lamp river cloud");
        let bytes = slot.to_file_bytes().unwrap();
        for cut in 0..bytes.len() - 1 {
            let error = KeySlot::from_file_bytes(&bytes[..cut]).unwrap_err();
            assert_eq!(error.code, ErrorCode::KeyFileDamaged, "cut at {cut}");
        }
    }

    #[test]
    fn an_altered_header_or_key_is_reported_as_damage() {
        let (_, slot) = sealed("otter lamp river cloud");
        let mut renamed = slot.clone();
        renamed.header.username = Some("mallory".to_owned());
        let mut flipped = slot.clone();
        flipped.wrapped_key.replace_range(
            0..2,
            if slot.wrapped_key.starts_with("00") {
                "01"
            } else {
                "00"
            },
        );
        for altered in [renamed, flipped] {
            let error = KeySlot::from_file_bytes(&altered.to_file_bytes().unwrap()).unwrap_err();
            assert_eq!(error.code, ErrorCode::KeyFileDamaged);
        }
    }

    #[test]
    fn a_header_altered_with_a_fresh_checksum_still_cannot_open() {
        let (_, slot) = sealed("otter lamp river cloud");
        let mut forged = slot.clone();
        forged.header.account_id = Some(uuid::Uuid::max().to_string());
        let aad = associated_data(&forged.header).unwrap();
        let nonce = hex::decode(&forged.nonce).unwrap();
        let wrapped = hex::decode(&forged.wrapped_key).unwrap();
        forged.checksum = checksum(&aad, &nonce, &wrapped);
        let read = KeySlot::from_file_bytes(&forged.to_file_bytes().unwrap()).unwrap();
        assert_eq!(
            read.open("otter lamp river cloud").unwrap_err().code,
            ErrorCode::WrongCredentials
        );
    }

    #[test]
    fn absurd_kdf_parameters_are_refused_before_deriving() {
        let (_, mut slot) = sealed("otter lamp river cloud");
        slot.header.kdf.memory_kib = u32::MAX;
        assert_eq!(slot.cost().unwrap_err().code, ErrorCode::KeyFileDamaged);
    }

    #[test]
    fn newer_slot_versions_ask_for_an_update() {
        let (_, mut slot) = sealed("otter lamp river cloud");
        slot.header.version = SLOT_VERSION + 1;
        let error = KeySlot::from_file_bytes(&slot.to_file_bytes().unwrap()).unwrap_err();
        assert!(error.message.contains("newer version"));
    }
}
#[cfg(test)]
mod known_answers;
