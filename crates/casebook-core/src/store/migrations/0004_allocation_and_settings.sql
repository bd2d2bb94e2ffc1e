-- Clients gain an allocated keyworker (none until a manager allocates one,
-- or the keyworker who added the client). Unit settings are key-value rows
-- that sync like any other mutable row.

ALTER TABLE clients ADD COLUMN keyworker_id TEXT REFERENCES accounts (id);

UPDATE clients SET keyworker_id = created_by
WHERE created_by IN (SELECT id FROM accounts WHERE role = 'keyworker');

CREATE INDEX clients_by_keyworker ON clients (keyworker_id);

CREATE TABLE unit_settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;
