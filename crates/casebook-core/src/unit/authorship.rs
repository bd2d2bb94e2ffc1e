//! Every change names the account that made it and carries that account's
//! Ed25519 signature, made with the private key only its key slot and
//! password open (`vault::account_keys`). A computer that holds the unit
//! key can seal and sign a bundle, but it cannot make a signature with
//! another account's keys: this is what lets every receiving computer judge
//! what each change's author may do (which receivers do not do yet).
//!
//! Changes are signed as their transaction commits (`commit_as_author`),
//! while their author is signed in: on a shared workstation, each person's
//! changes are theirs whoever syncs them later. `store::commit` refuses a
//! transaction holding a change with no author, so no path can forget.

use ed25519_dalek::{Signature, VerifyingKey};
use rusqlite::Transaction;

use crate::domain::ids::AccountId;
use crate::error::{CoreError, CoreResult};
use crate::store::{self, change_log::Change};
use crate::vault::account_keys::AccountKeys;

/// What a change's signature signs, before the change itself, so that no
/// other signature Casebook makes can be passed off as one.
const SIGNATURE_CONTEXT: &[u8] = b"casebook/v1/change\n";

/// The bytes an author signs for `change`: the context, then the change as
/// compact JSON with its fields in a fixed order, every field that decides
/// what the change does included (`log_seq` and `audit_seq` are the
/// writer's bookkeeping and are not).
pub fn signed_bytes(change: &Change) -> CoreResult<Vec<u8>> {
    let signed = serde_json::json!([
        change.hlc,
        change.device,
        change.table,
        change.row_id,
        change.operation,
        change.row,
        change.columns,
        change.author,
    ]);
    let mut bytes = SIGNATURE_CONTEXT.to_vec();
    serde_json::to_writer(&mut bytes, &signed).map_err(|e| CoreError::internal(&e))?;
    Ok(bytes)
}

/// Names `author` as the maker of every change of `tx` that names no
/// author yet, signs each with `keys`, and commits. Without keys (an
/// account whose keys could not be made at sign-in) the changes are named
/// but unsigned.
pub fn commit_as_author(
    tx: Transaction<'_>,
    author: AccountId,
    keys: Option<&AccountKeys>,
    what: &str,
) -> CoreResult<()> {
    let author = author.to_string();
    for mut change in store::change_log::changes_without_author(&tx)? {
        change.author = Some(author.clone());
        let signature = match keys {
            Some(keys) => Some(hex::encode(keys.sign(&signed_bytes(&change)?).to_bytes())),
            None => None,
        };
        store::change_log::set_author(&tx, change.log_seq, &author, signature.as_deref())?;
    }
    store::commit(tx, what)
}

/// Whether `change` carries a signature by `key` over what it says.
pub fn signature_holds(change: &Change, key: &VerifyingKey) -> bool {
    let Some(signature) = change
        .author_signature
        .as_deref()
        .and_then(|hex_text| hex::decode(hex_text).ok())
        .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
    else {
        return false;
    };
    signed_bytes(change).is_ok_and(|bytes| {
        key.verify_strict(&bytes, &Signature::from_bytes(&signature))
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sender and receiver must make the same bytes from the same change:
    /// objects are written with their keys in order, whatever order they
    /// arrived in.
    #[test]
    fn the_signed_bytes_do_not_depend_on_the_order_of_a_rows_fields_and_sign_to_a_known_answer() {
        let change = |row: &str| Change {
            log_seq: 1,
            hlc: "001796693297675.000000".to_owned(),
            device: "d".to_owned(),
            table: "clients".to_owned(),
            row_id: "r".to_owned(),
            operation: "insert".to_owned(),
            row: serde_json::from_str(row).unwrap(),
            columns: None,
            audit_seq: None,
            author: Some("a".to_owned()),
            author_signature: None,
        };
        let one = signed_bytes(&change(r#"{"b":1,"a":"\u00e9"}"#)).unwrap();
        let other = signed_bytes(&change(r#"{"a":"é","b":1}"#)).unwrap();
        assert_eq!(one, other);
        assert!(String::from_utf8(one).unwrap().ends_with(
            r#"["001796693297675.000000","d","clients","r","insert",{"a":"é","b":1},null,"a"]"#
        ));

        // A known answer: the signature by the Ed25519 seed of bytes 32 to
        // 63 (the key slot fixture's), checked with Python's
        // `cryptography` over the same bytes.
        let seed: [u8; crate::vault::account_keys::SEALED_BYTES] =
            std::array::from_fn(|i| (i + 32) as u8);
        let keys = AccountKeys::from_sealed_bytes(&seed);
        let signature = keys.sign(&other);
        assert_eq!(
            hex::encode(signature.to_bytes()),
            "f6a18a824118f81213f8df65cd7ee328a5bb34f8cb41769ff40a594a358c3b85ed6990d88ecde1383612e042bcde208d880804fc3b45cec57634f6d764aeda0b"
        );
        let mut signed = change(r#"{"a":"é","b":1}"#);
        signed.author_signature = Some(hex::encode(signature.to_bytes()));
        assert!(signature_holds(&signed, &keys.public().signing));
    }
}
