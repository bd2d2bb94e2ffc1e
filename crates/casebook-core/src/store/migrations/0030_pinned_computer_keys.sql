-- Each other computer's public key, pinned the first time its changes are
-- taken here. A computer whose `device.json` later names another key is
-- refused, whatever the unit's approval setting: someone who can write to
-- the share cannot take over a computer's id with a key of their own.
-- Local, not synced.

CREATE TABLE sync_pinned_keys (
    device_id   TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,
    pinned_at   TEXT NOT NULL
) STRICT;
