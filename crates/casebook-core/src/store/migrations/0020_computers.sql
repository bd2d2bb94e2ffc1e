-- Which computers may send changes to the unit: decisions only ever added
-- (a computer approved, or its access withdrawn), so they sync without
-- conflict and the history stays. A computer's name and public key are in
-- its device.json on the shared folder; an approval pins the key it saw.

CREATE TABLE device_decisions (
    id          TEXT PRIMARY KEY,
    device      TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('approved', 'withdrawn')),
    public_key  TEXT NOT NULL,
    reason      TEXT,
    decided_by  TEXT NOT NULL REFERENCES accounts (id),
    decided_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

CREATE INDEX device_decisions_by_device ON device_decisions (device);
