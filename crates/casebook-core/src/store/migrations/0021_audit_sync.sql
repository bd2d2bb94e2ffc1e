-- Audit entries travel to the unit's other computers in this device's
-- bundles, after its changes, so a manager anywhere sees the whole unit's
-- trail. An entry's clock stamp is taken from its time (entries are only
-- ever inserted, so they never conflict and the stamp only orders them);
-- entries made before this migration get theirs when they are sent.
-- `last_audit` is how far this device's own trail has been sent.

ALTER TABLE audit_log ADD COLUMN hlc TEXT;
ALTER TABLE sync_sent_bundles ADD COLUMN last_audit INTEGER NOT NULL DEFAULT 0;
