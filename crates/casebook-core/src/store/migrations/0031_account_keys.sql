-- Each account's own public keys (SYNC.md, "Accounts' own keys"): the
-- Ed25519 key it signs with and its X25519 key, in lower-case hex, with the
-- administrator who endorsed them and that endorsement (an Ed25519
-- signature over the account id and both keys). The private halves are
-- never here: they live only in the account's key slot, under its
-- password. Empty until the account first signs in with a version of
-- Casebook that gives accounts keys. They sync with the rest of the row.

ALTER TABLE accounts ADD COLUMN signing_key TEXT;
ALTER TABLE accounts ADD COLUMN agreement_key TEXT;
ALTER TABLE accounts ADD COLUMN keys_endorsed_by TEXT;
ALTER TABLE accounts ADD COLUMN keys_endorsement TEXT;
