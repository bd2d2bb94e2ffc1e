-- Safety flags on a client: MAPPA, risk to staff, lone visits not advised,
-- safeguarding of children or adults. A flag is reviewed (new note and
-- review date) and ended (with a reason) by updating its row; the change
-- log and the audit trail keep every step.

CREATE TABLE safety_flags (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients (id),
    kind            TEXT NOT NULL CHECK (kind IN ('mappa', 'risk_to_staff', 'lone_visit_not_advised',
                                                  'safeguarding_children', 'safeguarding_adult')),
    mappa_category  INTEGER CHECK (mappa_category BETWEEN 1 AND 3),
    mappa_level     INTEGER CHECK (mappa_level BETWEEN 1 AND 3),
    note            TEXT NOT NULL,
    review_by       TEXT NOT NULL,
    raised_by       TEXT NOT NULL REFERENCES accounts (id),
    raised_at       TEXT NOT NULL,
    reviewed_by     TEXT REFERENCES accounts (id),
    reviewed_at     TEXT,
    ended_by        TEXT REFERENCES accounts (id),
    ended_at        TEXT,
    end_reason      TEXT,
    hlc             TEXT NOT NULL,
    device_id       TEXT NOT NULL
) STRICT;

CREATE INDEX safety_flags_by_client ON safety_flags (client_id);
CREATE INDEX safety_flags_active_by_review ON safety_flags (review_by) WHERE ended_at IS NULL;
