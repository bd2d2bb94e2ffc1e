-- Accounts gain an agency, an administrator flag separate from the case
-- role, an optional gender, a must-change-password flag for one-time
-- passwords, and a disabled time. The role column now holds the case role
-- (keyworker, manager, partner) or 'administrator' for an account that only
-- administers. The first account of a unit, made before this change as
-- 'administrator', kept the caseload, so it becomes a manager who is also an
-- administrator.

ALTER TABLE accounts ADD COLUMN agency TEXT NOT NULL DEFAULT 'Casebook charity service';
ALTER TABLE accounts ADD COLUMN administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1));
ALTER TABLE accounts ADD COLUMN gender TEXT;
ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE accounts ADD COLUMN disabled_at TEXT;

UPDATE accounts SET administrator = 1, role = 'manager' WHERE role = 'administrator';
