-- How far each other device says it has applied each device's bundles, as
-- the latest bundle applied from it said (its header's `acks`). A device
-- removes its own old bundles only once every computer of the unit has
-- acknowledged them. Local bookkeeping: it never syncs.

CREATE TABLE sync_acks (
    device      TEXT NOT NULL,
    of_device   TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    PRIMARY KEY (device, of_device)
) STRICT, WITHOUT ROWID;
