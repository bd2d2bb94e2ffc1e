-- The rest of a client's record: other names, contact and place, access
-- needs and equality monitoring. One row per client, written whole; sync
-- will merge it field by field, last writer wins, like the client row.
-- Other names are one a line, so a search can read them with the row.

CREATE TABLE client_profiles (
    client_id               TEXT PRIMARY KEY REFERENCES clients (id),
    other_names             TEXT NOT NULL DEFAULT '',
    pronouns                TEXT,
    address                 TEXT,
    postcode                TEXT,
    local_authority         TEXT,
    phone                   TEXT,
    safe_contact_times      TEXT,
    letters_home            INTEGER,
    preferred_language      TEXT,
    needs_interpreter       INTEGER NOT NULL DEFAULT 0,
    reasonable_adjustments  TEXT,
    needs_literacy_support  INTEGER NOT NULL DEFAULT 0,
    ethnicity               TEXT,
    religion                TEXT,
    sexual_orientation      TEXT,
    disability              TEXT,
    armed_forces            TEXT,
    updated_by              TEXT NOT NULL REFERENCES accounts (id),
    updated_at              TEXT NOT NULL,
    hlc                     TEXT NOT NULL,
    device_id               TEXT NOT NULL
) STRICT;
