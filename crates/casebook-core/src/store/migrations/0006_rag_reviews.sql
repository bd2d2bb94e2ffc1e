-- RAG reviews: insert-only, one row per review, so the history is the
-- table itself and two devices reviewing the same client while apart both
-- keep their review. The current status is the latest review by clock.

CREATE TABLE rag_reviews (
    id           TEXT PRIMARY KEY,
    client_id    TEXT NOT NULL REFERENCES clients (id),
    rating       TEXT NOT NULL CHECK (rating IN ('red', 'amber', 'green')),
    reason       TEXT,
    next_review  TEXT,
    reviewed_by  TEXT NOT NULL REFERENCES accounts (id),
    reviewed_at  TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    device_id    TEXT NOT NULL
) STRICT;

CREATE INDEX rag_reviews_by_client ON rag_reviews (client_id, hlc);
