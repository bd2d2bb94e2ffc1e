-- A client record deleted because it was entered in error. Insert-only and
-- synced. Each deletion keeps what it had seen of the record: for every
-- computer, the stamp of the latest change to the record from it
-- (`seen`, JSON). The record stays deleted only while every change to it is
-- one a deletion had seen: a change made apart, on a computer that had not
-- heard of the deletion, brings the record back (an edit beats a delete),
-- so nothing entered is lost. Rows are never removed: the record is left
-- out of every list, as a merged record is.

CREATE TABLE client_deletions (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    reason      TEXT NOT NULL,
    seen        TEXT NOT NULL,
    deleted_by  TEXT NOT NULL REFERENCES accounts (id),
    deleted_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

CREATE INDEX client_deletions_by_client ON client_deletions (client_id);

-- Local bookkeeping, never synced as rows: for each client, the stamp of the
-- latest change to their record that arrived from each computer (kept
-- whether or not the change won its fields), and the clients deleted now,
-- worked out from the two.
CREATE TABLE client_change_stamps (
    client_id  TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    PRIMARY KEY (client_id, device_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE deleted_clients (
    client_id  TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
