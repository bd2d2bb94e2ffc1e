-- Where this device reaches the unit's shared folder (a path, perhaps a
-- Windows UNC path). Local: each computer may reach the share by its own
-- path, so it never syncs.

ALTER TABLE this_device ADD COLUMN share_folder TEXT;
