-- Where following merges shows a value other than the one the change log
-- gave (a row moved to the record its client was merged into on another
-- computer; a merge that does not stand because computers apart merged
-- records into each other), the value the change log gave. Moves are worked
-- out again from these whenever more merges arrive, and changes and
-- snapshots carry these values, so every computer ends the same whatever
-- order merges reach it in. Local bookkeeping: it never syncs.

CREATE TABLE merge_logged_values (
    table_name   TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    column_name  TEXT NOT NULL,
    logged_value TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id, column_name)
) STRICT, WITHOUT ROWID;

-- Merged records are few: finding them all is a look-up, not a scan.
CREATE INDEX clients_merged ON clients (merged_into) WHERE merged_into IS NOT NULL;
