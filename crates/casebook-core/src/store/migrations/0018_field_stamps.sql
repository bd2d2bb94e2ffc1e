-- Last writer wins per field, not per row: two computers that change
-- different fields of one record while apart both keep their change.
--
-- The change log records which fields an update changed (`columns`, a JSON
-- array; NULL for an insert, which sets every field). `field_stamps` holds,
-- for every field an update has changed, the clock stamp of the latest
-- change to it; a received change sets a field only when it is later than
-- that stamp. A field no update has changed still holds the value its row
-- was inserted with, the same on every device. Local bookkeeping: it never
-- syncs itself (each device works it out from the changes it applies).

ALTER TABLE change_log ADD COLUMN columns TEXT;

CREATE TABLE field_stamps (
    table_name   TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    column_name  TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id, column_name)
) STRICT, WITHOUT ROWID;
