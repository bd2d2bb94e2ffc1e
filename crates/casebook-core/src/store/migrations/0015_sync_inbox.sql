-- What this device has applied of each other device's bundles: the version
-- vector (device -> last sequence applied, and that bundle's hash). Local
-- bookkeeping, written in the same transaction as the changes of the bundle
-- it records, so a bundle is applied exactly once.

CREATE TABLE sync_applied (
    device_id   TEXT PRIMARY KEY,
    sequence    INTEGER NOT NULL,
    hash        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
) STRICT;
