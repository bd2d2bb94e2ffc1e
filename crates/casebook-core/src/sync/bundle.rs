//! The bundle file: one device's changes, sealed and signed, as SYNC.md
//! describes it. Pure: bytes in, bytes out, with every way a file from a
//! shared folder can be wrong (cut short, damaged, from a newer Casebook,
//! from another unit, not from the device it names) refused in plain words.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::clock::Entropy;
use crate::domain::ids::{DeviceId, UnitId};
use crate::error::{CoreError, CoreResult};
use crate::vault::keys::BundleKey;

// The change and the first previous hash are the change log's own: a bundle
// carries the log's entries as they are.
pub use crate::store::change_log::{Change, NO_PREVIOUS};

pub const MAGIC: &[u8; 8] = b"CBBUNDLE";
pub const FORMAT_MAJOR: u16 = 1;
/// Minor 2 adds each change's author and their signature (SYNC.md), which a
/// reader of minor 1 ignores.
pub const FORMAT_MINOR: u16 = 2;

const SIGNATURE_BYTES: usize = 64;
/// A header is a few hundred bytes; anything far larger is not a header.
const MAX_HEADER_BYTES: u32 = 64 * 1024;
/// zstd level 3: the library's default, fast to write, small enough.
const COMPRESSION_LEVEL: i32 = 3;

/// The bundle's header: authenticated, readable without the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleHeader {
    pub unit: String,
    pub device: String,
    pub sequence: u64,
    /// Hex SHA-256 of the device's previous bundle file; zeros for the first.
    pub previous: String,
    pub hlc_from: String,
    pub hlc_to: String,
    pub key_id: u32,
    /// Hex of the 24-byte nonce.
    pub nonce: String,
    pub changes: u64,
    /// How far the writer had applied each other device's bundles when it
    /// wrote this one (its version vector): what lets a device know when
    /// everyone has its old bundles, so it may remove them.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub acks: std::collections::BTreeMap<String, u64>,
}

/// What a device needs to write a bundle.
pub struct BundleWriter<'a> {
    pub unit: UnitId,
    pub device: DeviceId,
    pub signing_key: &'a SigningKey,
    pub body_key: &'a BundleKey,
    pub key_id: u32,
    /// The writer's version vector, sent in every bundle's header.
    pub acks: std::collections::BTreeMap<String, u64>,
}

/// Shown without its keys.
impl std::fmt::Debug for BundleWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BundleWriter")
            .field("unit", &self.unit)
            .field("device", &self.device)
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

/// A bundle written: its bytes, the hash of those bytes (the next bundle's
/// `previous`) and the file name it goes under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedBundle {
    pub bytes: Vec<u8>,
    pub hash: String,
    pub file_name: String,
}

/// Seals `changes` as the device's bundle number `sequence`.
pub fn seal_bundle(
    writer: &BundleWriter<'_>,
    sequence: u64,
    previous: &str,
    changes: &[Change],
    entropy: &mut dyn Entropy,
) -> CoreResult<SealedBundle> {
    let mut nonce = [0u8; 24];
    entropy.fill(&mut nonce);
    let header = BundleHeader {
        unit: writer.unit.to_string(),
        device: writer.device.to_string(),
        sequence,
        previous: previous.to_owned(),
        hlc_from: changes.first().map(|c| c.hlc.clone()).unwrap_or_default(),
        hlc_to: changes.last().map(|c| c.hlc.clone()).unwrap_or_default(),
        key_id: writer.key_id,
        nonce: hex::encode(nonce),
        changes: changes.len() as u64,
        acks: writer.acks.clone(),
    };
    let plain = serde_json::to_vec(changes).map_err(|e| CoreError::internal(&e))?;
    let bytes = seal_file(MAGIC, &header, &plain, writer.body_key, writer.signing_key)?;
    let hash = hex::encode(Sha256::digest(&bytes));
    Ok(SealedBundle {
        file_name: bundle_file_name(sequence, &hash),
        hash,
        bytes,
    })
}

/// What the header of every sealed sync file (bundle or snapshot) holds
/// for opening it.
pub(crate) trait SealedHeader: Serialize + serde::de::DeserializeOwned {
    fn unit(&self) -> &str;
    /// Hex of the 24-byte XChaCha20 nonce.
    fn nonce(&self) -> &str;
}

impl SealedHeader for BundleHeader {
    fn unit(&self) -> &str {
        &self.unit
    }
    fn nonce(&self) -> &str {
        &self.nonce
    }
}

/// Lays out a sealed sync file: magic, version, header (the associated
/// data), the zstd-compressed `plain` sealed under `key`, and the signature
/// over all of it.
pub(crate) fn seal_file<H: SealedHeader>(
    magic: &[u8; 8],
    header: &H,
    plain: &[u8],
    key: &BundleKey,
    signing_key: &SigningKey,
) -> CoreResult<Vec<u8>> {
    let nonce: [u8; 24] = hex::decode(header.nonce())
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| CoreError::internal(&"a nonce that is not 24 bytes"))?;
    let header_json = serde_json::to_vec(header).map_err(|e| CoreError::internal(&e))?;
    let mut bytes = Vec::with_capacity(header_json.len() + plain.len() / 4 + 128);
    bytes.extend_from_slice(magic);
    bytes.extend_from_slice(&FORMAT_MAJOR.to_be_bytes());
    bytes.extend_from_slice(&FORMAT_MINOR.to_be_bytes());
    let header_len = u32::try_from(header_json.len()).map_err(|e| CoreError::internal(&e))?;
    bytes.extend_from_slice(&header_len.to_be_bytes());
    bytes.extend_from_slice(&header_json);
    let compressed =
        zstd::encode_all(plain, COMPRESSION_LEVEL).map_err(|e| CoreError::internal(&e))?;
    let cipher = XChaCha20Poly1305::new(&(*key.as_bytes()).into());
    let sealed = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &compressed,
                aad: &bytes,
            },
        )
        .map_err(|_| CoreError::internal(&"sealing a sync file failed"))?;
    bytes.extend_from_slice(&(sealed.len() as u64).to_be_bytes());
    bytes.extend_from_slice(&sealed);
    let signature = signing_key.sign(&bytes);
    bytes.extend_from_slice(&signature.to_bytes());
    Ok(bytes)
}

/// Checks a sealed sync file and opens it: the magic and version, that it
/// is whole, the signature against the key of the device that wrote it,
/// the unit, then the AEAD. Returns the header and the decompressed body.
pub(crate) fn open_file<H: SealedHeader>(
    bytes: &[u8],
    magic: &[u8; 8],
    unit: UnitId,
    device_key: &VerifyingKey,
    key: &BundleKey,
) -> CoreResult<(H, Vec<u8>)> {
    let parts = split::<H>(bytes, magic)?;
    let signature = Signature::from_bytes(parts.signature);
    if device_key.verify(parts.signed, &signature).is_err() {
        return Err(set_aside(
            "its signature does not match the device it names: it was changed or damaged after it was written",
        ));
    }
    if parts.header.unit() != unit.to_string() {
        return Err(set_aside("it belongs to another unit"));
    }
    let nonce: [u8; 24] = hex::decode(parts.header.nonce())
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| set_aside("its header is damaged"))?;
    let cipher = XChaCha20Poly1305::new(&(*key.as_bytes()).into());
    let compressed = cipher
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: parts.ciphertext,
                aad: parts.associated,
            },
        )
        .map_err(|_| set_aside("it cannot be opened with this unit's key"))?;
    let plain = zstd::decode_all(compressed.as_slice())
        .map_err(|_| set_aside("its contents are damaged"))?;
    Ok((parts.header, plain))
}

/// `0000000042-<first 16 hex digits of the hash>.bundle`.
pub fn bundle_file_name(sequence: u64, hash: &str) -> String {
    format!("{sequence:010}-{}.bundle", &hash[..hash.len().min(16)])
}

/// The header of a bundle file, checked for shape and version but not yet
/// for its signature: enough to know which device's key to check it with.
pub fn read_header(bytes: &[u8]) -> CoreResult<BundleHeader> {
    Ok(split::<BundleHeader>(bytes, MAGIC)?.header)
}

/// The header of any sealed sync file, checked for shape and version but
/// not yet for its signature: enough to know which device's key checks it.
pub(crate) fn read_unverified_header<H: SealedHeader>(
    bytes: &[u8],
    magic: &[u8; 8],
) -> CoreResult<H> {
    Ok(split::<H>(bytes, magic)?.header)
}

/// A bundle opened: its header, its changes, and the hash of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedBundle {
    pub header: BundleHeader,
    pub changes: Vec<Change>,
    pub hash: String,
}

/// Checks everything and opens the body: the signature against the public
/// key registered for the device the header names, the unit, then the AEAD.
pub fn open_bundle(
    bytes: &[u8],
    unit: UnitId,
    device_key: &VerifyingKey,
    body_key: &BundleKey,
) -> CoreResult<OpenedBundle> {
    let (header, plain): (BundleHeader, Vec<u8>) =
        open_file(bytes, MAGIC, unit, device_key, body_key)?;
    let changes: Vec<Change> =
        serde_json::from_slice(&plain).map_err(|_| set_aside("its contents are damaged"))?;
    if changes.len() as u64 != header.changes {
        return Err(set_aside(
            "it holds a different number of changes from its header",
        ));
    }
    Ok(OpenedBundle {
        header,
        changes,
        hash: hex::encode(Sha256::digest(bytes)),
    })
}

struct Parts<'a, H> {
    header: H,
    /// Magic through header: the AEAD's associated data.
    associated: &'a [u8],
    ciphertext: &'a [u8],
    /// Everything before the signature.
    signed: &'a [u8],
    signature: &'a [u8; SIGNATURE_BYTES],
}

fn split<'a, H: SealedHeader>(bytes: &'a [u8], magic: &[u8; 8]) -> CoreResult<Parts<'a, H>> {
    if bytes.len() < magic.len() || &bytes[..magic.len()] != magic {
        return Err(set_aside("it is not a Casebook sync file"));
    }
    let mut at = magic.len();
    let major = u16::from_be_bytes(take::<2>(bytes, &mut at)?);
    let _minor = u16::from_be_bytes(take::<2>(bytes, &mut at)?);
    if major != FORMAT_MAJOR {
        return Err(CoreError::invalid(format!(
            "A sync file was written by a newer version of Casebook (format {major}). \
             Update Casebook on this computer to read it; until then it is set aside, not lost."
        )));
    }
    let header_len = u32::from_be_bytes(take::<4>(bytes, &mut at)?);
    if header_len > MAX_HEADER_BYTES {
        return Err(set_aside("its header is damaged"));
    }
    let header_bytes = take_slice(bytes, &mut at, header_len as usize)?;
    let header: H =
        serde_json::from_slice(header_bytes).map_err(|_| set_aside("its header is damaged"))?;
    let associated = &bytes[..at];
    let cipher_len = u64::from_be_bytes(take::<8>(bytes, &mut at)?);
    let cipher_len = usize::try_from(cipher_len).map_err(|_| incomplete())?;
    let ciphertext = take_slice(bytes, &mut at, cipher_len)?;
    let signed = &bytes[..at];
    let signature: &[u8; SIGNATURE_BYTES] = take_slice(bytes, &mut at, SIGNATURE_BYTES)?
        .try_into()
        .map_err(|_| incomplete())?;
    if at != bytes.len() {
        return Err(set_aside("it has bytes after its end"));
    }
    Ok(Parts {
        header,
        associated,
        ciphertext,
        signed,
        signature,
    })
}

fn take<const N: usize>(bytes: &[u8], at: &mut usize) -> CoreResult<[u8; N]> {
    take_slice(bytes, at, N)?
        .try_into()
        .map_err(|_| incomplete())
}

fn take_slice<'a>(bytes: &'a [u8], at: &mut usize, len: usize) -> CoreResult<&'a [u8]> {
    let end = at.checked_add(len).ok_or_else(incomplete)?;
    let slice = bytes.get(*at..end).ok_or_else(incomplete)?;
    *at = end;
    Ok(slice)
}

fn incomplete() -> CoreError {
    set_aside("it is incomplete: its writer may have stopped part way, or it is still being copied")
}

fn set_aside(why: &str) -> CoreError {
    CoreError::invalid(format!(
        "A sync file was set aside because {why}. Nothing from it was applied, and it was not deleted."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::OsEntropy;
    use crate::vault::keys::UnitKey;

    struct Fixture {
        unit: UnitId,
        device: DeviceId,
        signing: SigningKey,
        unit_key: UnitKey,
    }

    fn fixture() -> Fixture {
        let mut seed = [0u8; 32];
        OsEntropy.fill(&mut seed);
        Fixture {
            unit: UnitId(uuid::Uuid::from_u128(1)),
            device: DeviceId(uuid::Uuid::from_u128(2)),
            signing: SigningKey::from_bytes(&seed),
            unit_key: UnitKey::generate(&mut OsEntropy),
        }
    }

    fn changes(n: usize) -> Vec<Change> {
        (0..n)
            .map(|i| Change {
                log_seq: i as i64 + 1,
                hlc: format!("{:016x}-{:08x}", 1_700_000_000_000u64 + i as u64, 0),
                device: "2".to_owned(),
                table: "clients".to_owned(),
                row_id: format!("row-{i}"),
                operation: "insert".to_owned(),
                row: serde_json::json!({ "given_name": "Made-up", "n": i }),
                columns: None,
                audit_seq: None,
                author: None,
                author_signature: None,
            })
            .collect()
    }

    fn seal(f: &Fixture, sequence: u64, list: &[Change]) -> SealedBundle {
        let key = f.unit_key.bundle_key();
        let writer = BundleWriter {
            unit: f.unit,
            device: f.device,
            signing_key: &f.signing,
            body_key: &key,
            key_id: 1,
            acks: std::collections::BTreeMap::new(),
        };
        seal_bundle(&writer, sequence, NO_PREVIOUS, list, &mut OsEntropy).unwrap()
    }

    fn open(f: &Fixture, bytes: &[u8]) -> CoreResult<OpenedBundle> {
        open_bundle(
            bytes,
            f.unit,
            &f.signing.verifying_key(),
            &f.unit_key.bundle_key(),
        )
    }

    #[test]
    fn a_sealed_bundle_opens_to_the_same_changes_and_names_itself_by_hash() {
        let f = fixture();
        let list = changes(50);
        let sealed = seal(&f, 7, &list);
        assert!(sealed.file_name.starts_with("0000000007-"));
        assert_eq!(
            sealed.file_name.len(),
            "0000000007-".len() + 16 + ".bundle".len()
        );
        let opened = open(&f, &sealed.bytes).unwrap();
        assert_eq!(opened.changes, list);
        assert_eq!(opened.header.sequence, 7);
        assert_eq!(opened.hash, sealed.hash);
        assert_eq!(read_header(&sealed.bytes).unwrap().changes, 50);
        // Nothing a person typed is readable in the file.
        assert!(!sealed.bytes.windows(8).any(|w| w == b"Made-up\""));
    }

    #[test]
    fn every_flipped_bit_region_and_every_cut_is_refused() {
        let f = fixture();
        let sealed = seal(&f, 1, &changes(5));
        let bytes = &sealed.bytes;
        // A flipped bit anywhere: magic, versions, header, body, signature.
        for position in (0..bytes.len()).step_by(7) {
            let mut damaged = bytes.clone();
            damaged[position] ^= 0x10;
            assert!(
                open(&f, &damaged).is_err(),
                "flip at {position} of {}",
                bytes.len()
            );
        }
        // Cut short at any length, as a writer killed mid-write leaves it.
        for length in 0..bytes.len() {
            let error = open(&f, &bytes[..length]).unwrap_err();
            assert!(
                error.message.contains("set aside") || error.message.contains("newer version"),
                "{length}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(open(&f, &longer).is_err());
    }

    #[test]
    fn a_newer_format_another_unit_and_another_device_are_refused_in_plain_words() {
        let f = fixture();
        let sealed = seal(&f, 1, &changes(2));
        let mut newer = sealed.bytes.clone();
        newer[8..10].copy_from_slice(&2u16.to_be_bytes());
        assert!(
            open(&f, &newer)
                .unwrap_err()
                .message
                .contains("Update Casebook")
        );

        let other_unit = open_bundle(
            &sealed.bytes,
            UnitId(uuid::Uuid::from_u128(9)),
            &f.signing.verifying_key(),
            &f.unit_key.bundle_key(),
        );
        assert!(other_unit.unwrap_err().message.contains("another unit"));

        let stranger = fixture();
        let forged = open_bundle(
            &sealed.bytes,
            f.unit,
            &stranger.signing.verifying_key(),
            &f.unit_key.bundle_key(),
        );
        assert!(forged.unwrap_err().message.contains("signature"));

        let wrong_key = open_bundle(
            &sealed.bytes,
            f.unit,
            &f.signing.verifying_key(),
            &stranger.unit_key.bundle_key(),
        );
        assert!(wrong_key.unwrap_err().message.contains("unit's key"));
        assert!(
            open(&f, b"not a bundle at all")
                .unwrap_err()
                .message
                .contains("not a Casebook sync file")
        );
    }
}
