-- The foundation: the unit, this device, accounts, clients and the change log.
-- Every row is keyed by a UUIDv7 in text form. Mutable rows carry the hybrid
-- logical clock stamp and device of their last change; sync reads the change
-- log, which every write appends to in the same transaction.

CREATE TABLE unit (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- Exactly one row: the device this copy of the unit lives on.
CREATE TABLE this_device (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    only_row    INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (only_row = 1)
) STRICT;

CREATE TABLE accounts (
    id          TEXT PRIMARY KEY,
    username    TEXT NOT NULL UNIQUE,
    full_name   TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('administrator', 'manager', 'keyworker', 'partner')),
    created_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

CREATE TABLE clients (
    id             TEXT PRIMARY KEY,
    given_name     TEXT NOT NULL,
    family_name    TEXT NOT NULL,
    date_of_birth  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL REFERENCES accounts (id),
    hlc            TEXT NOT NULL,
    device_id      TEXT NOT NULL
) STRICT;

CREATE INDEX clients_by_name ON clients (family_name COLLATE NOCASE, given_name COLLATE NOCASE);

CREATE TABLE change_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    table_name  TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    operation   TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    row_json    TEXT NOT NULL
) STRICT;
