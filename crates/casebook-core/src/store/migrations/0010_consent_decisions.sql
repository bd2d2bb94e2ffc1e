-- Consent to share with each partner agency: insert-only decisions; the
-- latest for a client and agency holds.

CREATE TABLE consent_decisions (
    id           TEXT PRIMARY KEY,
    client_id    TEXT NOT NULL REFERENCES clients (id),
    agency       TEXT NOT NULL,
    decision     TEXT NOT NULL CHECK (decision IN ('given', 'withdrawn')),
    how          TEXT,
    decided_on   TEXT NOT NULL,
    recorded_by  TEXT NOT NULL REFERENCES accounts (id),
    recorded_at  TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    device_id    TEXT NOT NULL
) STRICT;

CREATE INDEX consent_decisions_by_client ON consent_decisions (client_id, agency, hlc);
