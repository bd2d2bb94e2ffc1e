-- The SHA-256 of each account's current key file (NULL for accounts made
-- before this column). It syncs with the account, so another computer that
-- receives a password change takes exactly that file from the shared folder
-- and removes the account's older key files: an old password stops opening
-- the unit everywhere, and a key file planted on the share is never taken.

ALTER TABLE accounts ADD COLUMN key_file TEXT;
