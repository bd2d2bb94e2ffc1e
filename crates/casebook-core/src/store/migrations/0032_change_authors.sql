-- Every change names the account that made it and carries that account's
-- Ed25519 signature (SYNC.md, "Who wrote a change"), set in the same
-- transaction as the change. Changes written before this named nobody:
-- they are marked with an empty author, so nobody signs them now as theirs.
-- A change with no author yet is one whose transaction has not committed;
-- the partial index finds those at once.

ALTER TABLE change_log ADD COLUMN author_id TEXT;
ALTER TABLE change_log ADD COLUMN author_signature TEXT;
UPDATE change_log SET author_id = '';
CREATE INDEX change_log_without_author ON change_log (seq) WHERE author_id IS NULL;
