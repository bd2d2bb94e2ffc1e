-- A co-worker beside the keyworker, and what allocation must respect: the
-- client's gender (optional) and whether they asked for a keyworker of the
-- same sex.

ALTER TABLE clients ADD COLUMN co_worker_id TEXT REFERENCES accounts (id);
ALTER TABLE clients ADD COLUMN gender TEXT;
ALTER TABLE clients ADD COLUMN wants_same_sex_keyworker INTEGER NOT NULL DEFAULT 0
    CHECK (wants_same_sex_keyworker IN (0, 1));
