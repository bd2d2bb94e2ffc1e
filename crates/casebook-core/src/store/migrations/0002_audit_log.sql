-- The audit trail: append-only, one hash chain per device (see
-- domain/audit.rs). Rows are never updated or deleted by Casebook; the
-- triggers make an attempt through SQL fail loudly too.

CREATE TABLE audit_log (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT NOT NULL UNIQUE,
    at             TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    account_id     TEXT,
    action         TEXT NOT NULL,
    client_id      TEXT,
    detail         TEXT NOT NULL,
    previous_hash  TEXT NOT NULL,
    hash           TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_device ON audit_log (device_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
