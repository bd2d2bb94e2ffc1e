//! Each account's own keys: an Ed25519 key that signs what the account
//! writes, and an X25519 key pair that other keys can be agreed with (so a
//! new unit key can be sealed to every remaining account when someone is
//! withdrawn).
//!
//! The private halves live only inside the account's key slot, sealed under
//! the key its password derives (`slot.rs`), never under the unit key:
//! whoever holds the unit key, and so the database and every bundle, still
//! cannot sign with another account's keys. The public halves are in the
//! account's row, endorsed (signed) by the administrator who made the
//! account or last gave it new keys; the first administrator of a unit
//! endorses their own. Such a person can still write a row naming keys of
//! their own, self-endorsed, until receiving computers trace endorsements
//! back to the first administrator and judge who may change accounts (not
//! yet built: SYNC.md, "What a received change must be").

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use zeroize::Zeroizing;

use super::keys::KEY_BYTES;
use crate::clock::Entropy;
use crate::domain::ids::AccountId;
use crate::error::{CoreError, CoreResult};

/// How many bytes the private halves take inside a slot: the Ed25519 seed,
/// then the X25519 secret.
pub const SEALED_BYTES: usize = 2 * KEY_BYTES;

/// What an endorsement signs, before the account id and the two keys, so
/// that no other signature Casebook makes can be passed off as one.
const ENDORSEMENT_CONTEXT: &[u8] = b"casebook/v1/account-keys";

/// An account's private keys, in memory only while it is signed in.
pub struct AccountKeys {
    signing: SigningKey,
    agreement: x25519_dalek::StaticSecret,
}

/// An account's public keys, as its row holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountPublicKeys {
    pub signing: VerifyingKey,
    pub agreement: x25519_dalek::PublicKey,
}

/// An administrator's signature over an account's id and public keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endorsement {
    pub by: AccountId,
    pub signature: Signature,
}

impl AccountKeys {
    pub fn generate(entropy: &mut dyn Entropy) -> AccountKeys {
        let mut bytes = Zeroizing::new([0u8; SEALED_BYTES]);
        entropy.fill(bytes.as_mut());
        AccountKeys::from_sealed_bytes(&bytes)
    }

    /// The private halves as a slot seals them.
    pub(crate) fn to_sealed_bytes(&self) -> Zeroizing<[u8; SEALED_BYTES]> {
        let mut bytes = Zeroizing::new([0u8; SEALED_BYTES]);
        bytes[..KEY_BYTES].copy_from_slice(self.signing.as_bytes());
        bytes[KEY_BYTES..].copy_from_slice(self.agreement.as_bytes());
        bytes
    }

    pub(crate) fn from_sealed_bytes(bytes: &[u8; SEALED_BYTES]) -> AccountKeys {
        let mut seed = Zeroizing::new([0u8; KEY_BYTES]);
        seed.copy_from_slice(&bytes[..KEY_BYTES]);
        let mut secret = Zeroizing::new([0u8; KEY_BYTES]);
        secret.copy_from_slice(&bytes[KEY_BYTES..]);
        AccountKeys {
            signing: SigningKey::from_bytes(&seed),
            agreement: x25519_dalek::StaticSecret::from(*secret),
        }
    }

    pub fn public(&self) -> AccountPublicKeys {
        AccountPublicKeys {
            signing: self.signing.verifying_key(),
            agreement: x25519_dalek::PublicKey::from(&self.agreement),
        }
    }

    /// Signs `message` as this account.
    pub(crate) fn sign(&self, message: &[u8]) -> Signature {
        self.signing.sign(message)
    }

    /// Endorses `account`'s public keys as the administrator `me`.
    pub fn endorse(
        &self,
        me: AccountId,
        account: AccountId,
        keys: &AccountPublicKeys,
    ) -> Endorsement {
        Endorsement {
            by: me,
            signature: self.signing.sign(&endorsed_message(account, keys)),
        }
    }
}

impl std::fmt::Debug for AccountKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountKeys")
            .field("public", &self.public())
            .finish_non_exhaustive()
    }
}

impl AccountPublicKeys {
    /// Reads the two keys from lower-case hex, as rows and slot headers
    /// hold them. Anything else is damage.
    pub fn from_hex(signing: &str, agreement: &str) -> CoreResult<AccountPublicKeys> {
        let bytes = |text: &str| -> Option<[u8; KEY_BYTES]> {
            if text.len() != 2 * KEY_BYTES || text.bytes().any(|b| b.is_ascii_uppercase()) {
                return None;
            }
            hex::decode(text).ok()?.try_into().ok()
        };
        let damaged = || CoreError::internal(&"an account's public keys are damaged");
        let signing = bytes(signing)
            .and_then(|b| VerifyingKey::from_bytes(&b).ok())
            .ok_or_else(damaged)?;
        let agreement = bytes(agreement)
            .map(x25519_dalek::PublicKey::from)
            .ok_or_else(damaged)?;
        Ok(AccountPublicKeys { signing, agreement })
    }

    pub fn signing_hex(&self) -> String {
        hex::encode(self.signing.as_bytes())
    }

    pub fn agreement_hex(&self) -> String {
        hex::encode(self.agreement.as_bytes())
    }

    /// Whether `endorsement` is `endorser`'s signature over `account` and
    /// these keys.
    pub fn endorsed_by(
        &self,
        account: AccountId,
        endorsement: &Endorsement,
        endorser: &VerifyingKey,
    ) -> bool {
        endorser
            .verify_strict(&endorsed_message(account, self), &endorsement.signature)
            .is_ok()
    }
}

fn endorsed_message(account: AccountId, keys: &AccountPublicKeys) -> Vec<u8> {
    let mut message = Vec::with_capacity(ENDORSEMENT_CONTEXT.len() + 16 + 2 * KEY_BYTES);
    message.extend_from_slice(ENDORSEMENT_CONTEXT);
    message.extend_from_slice(account.0.as_bytes());
    message.extend_from_slice(keys.signing.as_bytes());
    message.extend_from_slice(keys.agreement.as_bytes());
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::OsEntropy;

    fn account(n: u128) -> AccountId {
        AccountId(uuid::Uuid::from_u128(n))
    }

    #[test]
    fn keys_come_back_whole_from_their_sealed_bytes() {
        let keys = AccountKeys::generate(&mut OsEntropy);
        let again = AccountKeys::from_sealed_bytes(&keys.to_sealed_bytes());
        assert_eq!(again.public(), keys.public());
        let public = keys.public();
        let read = AccountPublicKeys::from_hex(&public.signing_hex(), &public.agreement_hex());
        assert_eq!(read.unwrap(), public);
    }

    #[test]
    fn an_endorsement_holds_only_for_its_account_its_keys_and_its_endorser() {
        let administrator = AccountKeys::generate(&mut OsEntropy);
        let kim = AccountKeys::generate(&mut OsEntropy).public();
        let other = AccountKeys::generate(&mut OsEntropy).public();
        let endorsement = administrator.endorse(account(1), account(2), &kim);
        let endorser = administrator.public().signing;
        assert!(kim.endorsed_by(account(2), &endorsement, &endorser));
        assert!(!kim.endorsed_by(account(3), &endorsement, &endorser));
        assert!(!other.endorsed_by(account(2), &endorsement, &endorser));
        assert!(!kim.endorsed_by(account(2), &endorsement, &other.signing));
    }

    #[test]
    fn public_keys_in_any_other_spelling_are_refused() {
        let public = AccountKeys::generate(&mut OsEntropy).public();
        let upper = public.signing_hex().to_uppercase();
        assert!(AccountPublicKeys::from_hex(&upper, &public.agreement_hex()).is_err());
        assert!(AccountPublicKeys::from_hex(&public.signing_hex(), "00").is_err());
    }
}
