-- What this device needs to write sync bundles (SYNC.md). Both are local
-- bookkeeping that never syncs, so they are keyed by what they count rather
-- than by UUIDv7 and carry no clock stamp.

-- The device's Ed25519 signing key (its 32-byte seed, hex). It lives only
-- here, in the encrypted database; the public half goes to the share.
ALTER TABLE this_device ADD COLUMN signing_key TEXT;

-- Every bundle this device has written to the share, in order.
CREATE TABLE sync_sent_bundles (
    sequence     INTEGER PRIMARY KEY,
    hash         TEXT NOT NULL,
    last_change  INTEGER NOT NULL,
    file_name    TEXT NOT NULL,
    written_at   TEXT NOT NULL
) STRICT;
