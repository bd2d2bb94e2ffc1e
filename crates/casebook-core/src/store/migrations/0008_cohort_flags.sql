-- Cohort and eligibility flags, and OGRS scores. A flag is set by a person
-- (perhaps on Casebook's proposal) and removed with a reason; the row is
-- kept. OGRS scores are insert-only: the latest is the current one.

CREATE TABLE ogrs_scores (
    id           TEXT PRIMARY KEY,
    client_id    TEXT NOT NULL REFERENCES clients (id),
    score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 99),
    scored_on    TEXT NOT NULL,
    recorded_by  TEXT NOT NULL REFERENCES accounts (id),
    recorded_at  TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    device_id    TEXT NOT NULL
) STRICT;

CREATE INDEX ogrs_scores_by_client ON ogrs_scores (client_id, hlc);

CREATE TABLE cohort_flags (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients (id),
    flag            TEXT NOT NULL,
    set_by          TEXT NOT NULL REFERENCES accounts (id),
    set_at          TEXT NOT NULL,
    removed_by      TEXT REFERENCES accounts (id),
    removed_at      TEXT,
    removal_reason  TEXT,
    hlc             TEXT NOT NULL,
    device_id       TEXT NOT NULL
) STRICT;

-- Not a unique index: two devices may set the same flag while apart, and
-- sync must be able to keep both rows (sets are add-wins).
CREATE INDEX cohort_flags_by_client ON cohort_flags (client_id, flag);
