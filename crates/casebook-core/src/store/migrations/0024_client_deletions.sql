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

-- A unit that synced before deletions existed starts from what it holds:
-- every change this device logged itself, and the latest stamp of each row
-- and field received. (Changes received earlier and since outdone by
-- another's are not held anywhere, so cannot be counted.)
INSERT INTO client_change_stamps (client_id, device_id, hlc)
SELECT client_id, device_id, max(hlc)
FROM (
    SELECT id AS client_id, device_id, hlc FROM clients
    UNION ALL SELECT client_id, device_id, hlc FROM client_profiles
    UNION ALL SELECT client_id, device_id, hlc FROM rag_reviews
    UNION ALL SELECT client_id, device_id, hlc FROM safety_flags
    UNION ALL SELECT client_id, device_id, hlc FROM cohort_flags
    UNION ALL SELECT client_id, device_id, hlc FROM ogrs_scores
    UNION ALL SELECT client_id, device_id, hlc FROM consent_decisions
    UNION ALL SELECT client_id, device_id, hlc FROM episodes
    UNION ALL SELECT row_id, device_id, hlc FROM field_stamps
              WHERE table_name IN ('clients', 'client_profiles')
    UNION ALL SELECT row_id, device_id, hlc FROM change_log
              WHERE table_name IN ('clients', 'client_profiles')
    UNION ALL SELECT json_extract(row_json, '$.client_id'), device_id, hlc FROM change_log
              WHERE table_name IN ('rag_reviews', 'safety_flags', 'cohort_flags', 'ogrs_scores',
                                   'consent_decisions', 'episodes')
)
WHERE client_id IS NOT NULL AND hlc IS NOT NULL AND device_id IS NOT NULL
GROUP BY client_id, device_id;
