-- Episodes: a client's time with the service, each opened by a referral.
-- The referral's facts are written once; the pick-up, the outcome and the
-- end are each written once more when they happen, and an ended episode is
-- never written again. The pick-up deadline is kept as it was worked out
-- when the referral came in, so a later change to the unit's custody
-- screening hours does not move a clock that was already running.

CREATE TABLE episodes (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients (id),
    route           TEXT NOT NULL,
    referrer        TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    reason          TEXT,
    release_date    TEXT,
    clock_starts    TEXT,
    pick_up_due     TEXT,
    picked_up_at    TEXT,
    outcome         TEXT,
    outcome_note    TEXT,
    ended_on        TEXT,
    exit_reason     TEXT,
    exit_note       TEXT,
    opened_by       TEXT NOT NULL REFERENCES accounts (id),
    opened_at       TEXT NOT NULL,
    hlc             TEXT NOT NULL,
    device_id       TEXT NOT NULL
) STRICT;

CREATE INDEX episodes_by_client ON episodes (client_id, received_at);
CREATE INDEX episodes_open ON episodes (ended_on) WHERE ended_on IS NULL;
