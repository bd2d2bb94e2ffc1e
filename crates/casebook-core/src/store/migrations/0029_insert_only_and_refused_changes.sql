-- Rows of the insert-only tables are never changed or removed, on any
-- computer, whatever writes to the file (as `audit_log` already is). The
-- one change allowed is the one a merge of two client records makes: the
-- row follows its client (`client_id`, and the row's stamp `hlc` and
-- `device_id`). A test (`store::tests`) checks that every insert-only table
-- of `store/tables.rs` has both triggers and that the update trigger names
-- every other column, so a column added later is covered too.
--
-- Changes received from another computer that break a rule of
-- `domain::received_changes` are never applied; each is kept here with the
-- bundle that carried it, for administrators to see. Local, not synced:
-- every computer refuses the same changes, so every computer's list holds
-- the same changes.

CREATE TABLE refused_changes (
    device_id        TEXT NOT NULL,
    bundle_sequence  INTEGER NOT NULL,
    change_index     INTEGER NOT NULL,
    hlc              TEXT NOT NULL,
    change_device    TEXT NOT NULL,
    table_name       TEXT NOT NULL,
    row_id           TEXT NOT NULL,
    operation        TEXT NOT NULL,
    change_json      TEXT NOT NULL,
    reason           TEXT NOT NULL,
    refused_at       TEXT NOT NULL,
    PRIMARY KEY (device_id, bundle_sequence, change_index)
) STRICT;

CREATE TRIGGER rag_reviews_never_changed BEFORE UPDATE OF id, rating, reason, next_review, reviewed_by, reviewed_at ON rag_reviews
BEGIN
    SELECT RAISE(ABORT, 'rag_reviews rows are only ever added');
END;
CREATE TRIGGER rag_reviews_never_removed BEFORE DELETE ON rag_reviews
BEGIN
    SELECT RAISE(ABORT, 'rag_reviews rows are only ever added');
END;

CREATE TRIGGER consent_decisions_never_changed BEFORE UPDATE OF id, agency, decision, how, decided_on, recorded_by, recorded_at ON consent_decisions
BEGIN
    SELECT RAISE(ABORT, 'consent_decisions rows are only ever added');
END;
CREATE TRIGGER consent_decisions_never_removed BEFORE DELETE ON consent_decisions
BEGIN
    SELECT RAISE(ABORT, 'consent_decisions rows are only ever added');
END;

CREATE TRIGGER client_deletions_never_changed BEFORE UPDATE OF id, reason, seen, deleted_by, deleted_at ON client_deletions
BEGIN
    SELECT RAISE(ABORT, 'client_deletions rows are only ever added');
END;
CREATE TRIGGER client_deletions_never_removed BEFORE DELETE ON client_deletions
BEGIN
    SELECT RAISE(ABORT, 'client_deletions rows are only ever added');
END;

CREATE TRIGGER session_records_never_changed BEFORE UPDATE OF id, appointment_id, held_on, starts_at, minutes, place, present, pathways, interventions, notes, concerns, confidential, author, signed_at ON session_records
BEGIN
    SELECT RAISE(ABORT, 'session_records rows are only ever added');
END;
CREATE TRIGGER session_records_never_removed BEFORE DELETE ON session_records
BEGIN
    SELECT RAISE(ABORT, 'session_records rows are only ever added');
END;

CREATE TRIGGER session_addenda_never_changed BEFORE UPDATE OF id, session_id, text, written_by, written_at ON session_addenda
BEGIN
    SELECT RAISE(ABORT, 'session_addenda rows are only ever added');
END;
CREATE TRIGGER session_addenda_never_removed BEFORE DELETE ON session_addenda
BEGIN
    SELECT RAISE(ABORT, 'session_addenda rows are only ever added');
END;

CREATE TRIGGER probation_notices_never_changed BEFORE UPDATE OF id, order_flag, what, sent_on, note, recorded_by, recorded_at ON probation_notices
BEGIN
    SELECT RAISE(ABORT, 'probation_notices rows are only ever added');
END;
CREATE TRIGGER probation_notices_never_removed BEFORE DELETE ON probation_notices
BEGIN
    SELECT RAISE(ABORT, 'probation_notices rows are only ever added');
END;

CREATE TRIGGER assessments_never_changed BEFORE UPDATE OF id, episode_id, kind, assessed_on, accommodation, education_training_employment, health, drugs_and_alcohol, finance_benefits_debt, children_and_families, attitudes_thinking_behaviour, client_views, evidence, assessed_by, signed_at ON assessments
BEGIN
    SELECT RAISE(ABORT, 'assessments rows are only ever added');
END;
CREATE TRIGGER assessments_never_removed BEFORE DELETE ON assessments
BEGIN
    SELECT RAISE(ABORT, 'assessments rows are only ever added');
END;

CREATE TRIGGER assessment_addenda_never_changed BEFORE UPDATE OF id, assessment_id, text, written_by, written_at ON assessment_addenda
BEGIN
    SELECT RAISE(ABORT, 'assessment_addenda rows are only ever added');
END;
CREATE TRIGGER assessment_addenda_never_removed BEFORE DELETE ON assessment_addenda
BEGIN
    SELECT RAISE(ABORT, 'assessment_addenda rows are only ever added');
END;

CREATE TRIGGER plan_reviews_never_changed BEFORE UPDATE OF id, assessment_id, goals, reviewed_by, reviewed_at ON plan_reviews
BEGIN
    SELECT RAISE(ABORT, 'plan_reviews rows are only ever added');
END;
CREATE TRIGGER plan_reviews_never_removed BEFORE DELETE ON plan_reviews
BEGIN
    SELECT RAISE(ABORT, 'plan_reviews rows are only ever added');
END;

CREATE TRIGGER value_versions_never_changed BEFORE UPDATE OF id, subject, subject_id, value, detail, replaces, resolves, made_by, made_at ON value_versions
BEGIN
    SELECT RAISE(ABORT, 'value_versions rows are only ever added');
END;
CREATE TRIGGER value_versions_never_removed BEFORE DELETE ON value_versions
BEGIN
    SELECT RAISE(ABORT, 'value_versions rows are only ever added');
END;

CREATE TRIGGER device_decisions_never_changed BEFORE UPDATE OF id, device, decision, public_key, reason, decided_by, decided_at ON device_decisions
BEGIN
    SELECT RAISE(ABORT, 'device_decisions rows are only ever added');
END;
CREATE TRIGGER device_decisions_never_removed BEFORE DELETE ON device_decisions
BEGIN
    SELECT RAISE(ABORT, 'device_decisions rows are only ever added');
END;

CREATE TRIGGER ogrs_scores_never_changed BEFORE UPDATE OF id, score, scored_on, recorded_by, recorded_at ON ogrs_scores
BEGIN
    SELECT RAISE(ABORT, 'ogrs_scores rows are only ever added');
END;
CREATE TRIGGER ogrs_scores_never_removed BEFORE DELETE ON ogrs_scores
BEGIN
    SELECT RAISE(ABORT, 'ogrs_scores rows are only ever added');
END;
