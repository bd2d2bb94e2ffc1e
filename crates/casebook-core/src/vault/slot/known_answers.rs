//! Known answers for key slot format versions 1 and 2. Each slot file was
//! written by Casebook and, when these tests were written, opened by a
//! separate implementation (Python's `cryptography`: Argon2id, then
//! XChaCha20-Poly1305 built from HChaCha20 and ChaCha20-Poly1305, with the
//! header's compact JSON as associated data) to the same keys. If one
//! fails, the key files of existing units would no longer open: keep every
//! version readable and add a new format beside them.

use super::*;

const SLOT: &[u8] = include_bytes!("../../../tests/fixtures/format-1/slot-kim.json");
const PASSWORD: &str = "heron quilt marble sky";

#[test]
fn a_version_1_slot_opens_to_its_unit_key() {
    let slot = KeySlot::from_file_bytes(SLOT).unwrap();
    let opened = slot.open(PASSWORD).unwrap();
    let expected: [u8; KEY_BYTES] = std::array::from_fn(|i| i as u8);
    assert_eq!(opened.unit_key.as_bytes(), &expected);
    assert!(
        opened.account_keys.is_none(),
        "a version 1 slot holds no account keys"
    );
}

const SLOT_2: &[u8] = include_bytes!("../../../tests/fixtures/format-2/slot-kim.json");

/// The keys sealed in the version 2 fixture: the unit key is the bytes
/// 0 to 31, the account's Ed25519 seed 32 to 63 and its X25519 secret
/// 64 to 95.
fn fixture_account_keys() -> AccountKeys {
    let sealed: [u8; account_keys::SEALED_BYTES] = std::array::from_fn(|i| (i + 32) as u8);
    AccountKeys::from_sealed_bytes(&sealed)
}

fn fixture_account() -> AccountId {
    AccountId(uuid::Uuid::parse_str("01a25150-0000-7000-8000-0000000000a1").unwrap())
}

#[test]
fn a_version_2_slot_opens_to_its_unit_key_and_account_keys() {
    let slot = KeySlot::from_file_bytes(SLOT_2).unwrap();
    assert_eq!(slot.header.version, 2);
    let opened = slot.open(PASSWORD).unwrap();
    let expected: [u8; KEY_BYTES] = std::array::from_fn(|i| i as u8);
    assert_eq!(opened.unit_key.as_bytes(), &expected);
    let keys = opened.account_keys.unwrap();
    assert_eq!(
        keys.to_sealed_bytes().as_slice(),
        fixture_account_keys().to_sealed_bytes().as_slice()
    );
    // A separate implementation (Python's `cryptography`: Argon2id,
    // HChaCha20 and ChaCha20-Poly1305, Ed25519 and X25519) opened the
    // fixture to the same 96 bytes and derived these public keys.
    assert_eq!(
        keys.public().signing_hex(),
        "29acbae141bccaf0b22e1a94d34d0bc7361e526d0bfe12c89794bc9322966dd7"
    );
    assert_eq!(
        keys.public().agreement_hex(),
        "79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a"
    );
}

#[test]
fn an_endorsement_is_the_known_signature() {
    let keys = fixture_account_keys();
    let account = fixture_account();
    let endorsement = keys.endorse(account, account, &keys.public());
    // Ed25519 signs deterministically; checked with Python's
    // `cryptography` over "casebook/v1/account-keys", the account id's
    // 16 bytes and the two public keys.
    assert_eq!(
        hex::encode(endorsement.signature.to_bytes()),
        "e3b7c5de6219367c99253f67d32f8d250177320573309aff00db3dfd2c16cd5ba166066cd20c12045a3d86b844bcad4c69f259c5421fc0d2f6ea3cb2a4261203"
    );
}

/// Writes a version 2 slot for the fixture into `target/`, never over
/// the committed one.
#[test]
#[ignore = "makes the fixture; run by hand"]
fn make_the_version_2_fixture() {
    let unit_key = UnitKey::from_bytes(std::array::from_fn(|i| i as u8));
    let username = Username::parse("kim").unwrap();
    let owner = SlotOwner {
        unit_id: UnitId(uuid::Uuid::parse_str("01a25150-0000-7000-8000-0000000000c1").unwrap()),
        account_id: fixture_account(),
        username: &username,
    };
    let slot = KeySlot::seal_for_password(
        &unit_key,
        &fixture_account_keys(),
        owner,
        PASSWORD,
        KdfCost::cheap_for_tests(),
        SlotId(uuid::Uuid::parse_str("01a25150-0000-7000-8000-0000000000f2").unwrap()),
        chrono::DateTime::parse_from_rfc3339("2026-12-08T10:00:00Z")
            .unwrap()
            .into(),
        &mut crate::clock::OsEntropy,
    )
    .unwrap();
    let out =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/slot-kim-v2.json");
    std::fs::write(out, slot.to_file_bytes().unwrap()).unwrap();
}

#[test]
fn argon2id_derives_the_known_wrapping_key() {
    let slot = KeySlot::from_file_bytes(SLOT).unwrap();
    let salt = hex::decode(&slot.header.kdf.salt).unwrap();
    let key = derive_wrapping_key(PASSWORD.as_bytes(), &salt, slot.cost().unwrap()).unwrap();
    assert_eq!(
        hex::encode(key.as_slice()),
        "4f30c78afe79c0b24ba407538de80635e80f26c22abfe5fc948cbdd31bf318a2"
    );
}
