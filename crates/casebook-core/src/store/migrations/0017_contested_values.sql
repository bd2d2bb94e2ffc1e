-- Every change a person makes to a safety-critical value (a client's RAG,
-- their allocation, a safety flag's state) is also kept as a version that
-- names the versions it replaced. Versions are only ever inserted, so they
-- sync without conflict; a value whose latest versions (those no other
-- version replaced) disagree was changed on two computers while apart, and
-- a person must choose: that is a resolve item. Because resolve items are
-- worked out from the versions alone, every device that holds the same
-- versions shows the same resolve items.

CREATE TABLE value_versions (
    id          TEXT PRIMARY KEY,
    subject     TEXT NOT NULL CHECK (subject IN ('rag', 'allocation', 'safety_flag')),
    subject_id  TEXT NOT NULL,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    value       TEXT NOT NULL,
    detail      TEXT NOT NULL,
    replaces    TEXT NOT NULL,
    resolves    INTEGER NOT NULL CHECK (resolves IN (0, 1)),
    made_by     TEXT NOT NULL REFERENCES accounts (id),
    made_at     TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

CREATE INDEX value_versions_by_subject ON value_versions (subject, subject_id);
CREATE INDEX value_versions_by_client ON value_versions (client_id);
