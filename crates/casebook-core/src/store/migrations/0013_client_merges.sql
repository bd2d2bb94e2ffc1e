-- A client record merged into another is kept, never deleted: the audit
-- trail and other devices still refer to it. It points at the record it
-- was merged into and is left out of every list and search.

ALTER TABLE clients ADD COLUMN merged_into TEXT REFERENCES clients (id);
