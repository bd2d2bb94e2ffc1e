-- Appointments, one-to-one session records, the tasks agreed in them, and
-- what was sent to probation about absences.
--
-- An appointment is booked, moved (its times change) and given an outcome
-- by updating its row, field by field as everywhere else. An outcome
-- recorded on two computers apart is kept as value versions too (subject
-- `appointment_outcome`), so a person chooses which stands.

CREATE TABLE appointments (
    id               TEXT PRIMARY KEY,
    client_id        TEXT NOT NULL REFERENCES clients (id),
    starts_at        TEXT NOT NULL,
    ends_at          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    place            TEXT NOT NULL,
    room             TEXT,
    staff            TEXT NOT NULL,
    other_attendees  TEXT,
    booked_by        TEXT NOT NULL REFERENCES accounts (id),
    booked_at        TEXT NOT NULL,
    outcome          TEXT,
    outcome_reason   TEXT,
    absence          TEXT CHECK (absence IN ('acceptable', 'unacceptable')),
    absence_reason   TEXT,
    absence_note     TEXT,
    rescheduled_to   TEXT,
    outcome_by       TEXT REFERENCES accounts (id),
    outcome_at       TEXT,
    hlc              TEXT NOT NULL,
    device_id        TEXT NOT NULL
) STRICT;

CREATE INDEX appointments_by_client ON appointments (client_id, starts_at);
CREATE INDEX appointments_by_start ON appointments (starts_at);

-- A signed session record: insert-only, like every clinical entry. A
-- correction is an addendum that points at it.
CREATE TABLE session_records (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients (id),
    appointment_id  TEXT REFERENCES appointments (id),
    held_on         TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 720),
    place           TEXT NOT NULL,
    present         TEXT NOT NULL,
    pathways        TEXT NOT NULL,
    interventions   TEXT NOT NULL,
    notes           TEXT NOT NULL,
    concerns        TEXT,
    confidential    INTEGER NOT NULL CHECK (confidential IN (0, 1)),
    author          TEXT NOT NULL REFERENCES accounts (id),
    signed_at       TEXT NOT NULL,
    hlc             TEXT NOT NULL,
    device_id       TEXT NOT NULL
) STRICT;

CREATE INDEX session_records_by_client ON session_records (client_id, held_on);

CREATE TABLE session_addenda (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES session_records (id),
    client_id   TEXT NOT NULL REFERENCES clients (id),
    text        TEXT NOT NULL,
    written_by  TEXT NOT NULL REFERENCES accounts (id),
    written_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

CREATE INDEX session_addenda_by_session ON session_addenda (session_id);
CREATE INDEX session_addenda_by_client ON session_addenda (client_id);

-- Full-text search over signed notes, inside the same encrypted file. It
-- reads the text from session_records (external content), so the notes are
-- not stored twice; records are insert-only, so only inserts need the
-- trigger, whether made here or received.
CREATE VIRTUAL TABLE session_note_search USING fts5 (
    notes,
    content = 'session_records',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER session_records_searchable AFTER INSERT ON session_records BEGIN
    INSERT INTO session_note_search (rowid, notes) VALUES (new.rowid, new.notes);
END;

-- Drafts of session records as they are typed, saved every few seconds so
-- that a crash, a lock or a flat battery loses almost nothing. Local to
-- this computer, never synced: a draft is one person's unfinished writing,
-- and it becomes a record (which syncs) when they sign it off.
CREATE TABLE session_drafts (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients (id),
    author          TEXT NOT NULL REFERENCES accounts (id),
    appointment_id  TEXT,
    form            TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    saved_at        TEXT NOT NULL
) STRICT;

CREATE INDEX session_drafts_by_author ON session_drafts (author);

CREATE TABLE tasks (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients (id),
    session_id      TEXT REFERENCES session_records (id),
    what            TEXT NOT NULL,
    who             TEXT NOT NULL CHECK (who IN ('client', 'keyworker', 'partner_agency')),
    partner_agency  TEXT,
    owner           TEXT NOT NULL REFERENCES accounts (id),
    due_on          TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    status_reason   TEXT,
    created_by      TEXT NOT NULL REFERENCES accounts (id),
    created_at      TEXT NOT NULL,
    closed_by       TEXT REFERENCES accounts (id),
    closed_at       TEXT,
    hlc             TEXT NOT NULL,
    device_id       TEXT NOT NULL
) STRICT;

CREATE INDEX tasks_by_owner ON tasks (owner, status);
CREATE INDEX tasks_by_client ON tasks (client_id);

-- What a keyworker sent to probation about a client's absences (a warning,
-- a referral for breach), and when. Insert-only: Casebook keeps the facts
-- and the clock, and never decides enforcement itself.
CREATE TABLE probation_notices (
    id           TEXT PRIMARY KEY,
    client_id    TEXT NOT NULL REFERENCES clients (id),
    order_flag   TEXT NOT NULL,
    what         TEXT NOT NULL CHECK (what IN ('warning', 'breach_referral', 'other')),
    sent_on      TEXT NOT NULL,
    note         TEXT,
    recorded_by  TEXT NOT NULL REFERENCES accounts (id),
    recorded_at  TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    device_id    TEXT NOT NULL
) STRICT;

CREATE INDEX probation_notices_by_client ON probation_notices (client_id);

-- Templates for common session types, which managers keep: a name, the
-- pathways and interventions usually ticked, and headings for the notes.
CREATE TABLE session_templates (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    pathways       TEXT NOT NULL,
    interventions  TEXT NOT NULL,
    notes          TEXT NOT NULL,
    retired        INTEGER NOT NULL CHECK (retired IN (0, 1)),
    updated_by     TEXT NOT NULL REFERENCES accounts (id),
    updated_at     TEXT NOT NULL,
    hlc            TEXT NOT NULL,
    device_id      TEXT NOT NULL
) STRICT;

-- Value versions may now be of an appointment's outcome. SQLite cannot
-- change a CHECK, so the table is made again with its rows.
CREATE TABLE value_versions_new (
    id          TEXT PRIMARY KEY,
    subject     TEXT NOT NULL CHECK (subject IN ('rag', 'allocation', 'safety_flag', 'appointment_outcome')),
    subject_id  TEXT NOT NULL,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    value       TEXT NOT NULL,
    detail      TEXT NOT NULL,
    replaces    TEXT NOT NULL,
    resolves    INTEGER NOT NULL CHECK (resolves IN (0, 1)),
    made_by     TEXT NOT NULL REFERENCES accounts (id),
    made_at     TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

INSERT INTO value_versions_new SELECT * FROM value_versions;
DROP TABLE value_versions;
ALTER TABLE value_versions_new RENAME TO value_versions;
CREATE INDEX value_versions_by_subject ON value_versions (subject, subject_id);
CREATE INDEX value_versions_by_client ON value_versions (client_id);
