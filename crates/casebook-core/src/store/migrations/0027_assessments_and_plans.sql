-- Seven pathways assessments, and support plans with their reviews.
--
-- An assessment is insert-only, like every signed clinical entry: a
-- correction is an addendum that points at it. Its seven need scores are
-- columns of their own, not JSON, so that a cohort's averages over a whole
-- county's assessments are one aggregate query. The client's own view of a
-- pathway, where they disagree, and the evidence for each score are kept
-- as JSON objects keyed by pathway code.

CREATE TABLE assessments (
    id                             TEXT PRIMARY KEY,
    client_id                      TEXT NOT NULL REFERENCES clients (id),
    episode_id                     TEXT REFERENCES episodes (id),
    kind                           TEXT NOT NULL CHECK (kind IN ('initial', 'review', 'termination')),
    assessed_on                    TEXT NOT NULL,
    accommodation                  INTEGER NOT NULL CHECK (accommodation BETWEEN 1 AND 10),
    education_training_employment  INTEGER NOT NULL CHECK (education_training_employment BETWEEN 1 AND 10),
    health                         INTEGER NOT NULL CHECK (health BETWEEN 1 AND 10),
    drugs_and_alcohol              INTEGER NOT NULL CHECK (drugs_and_alcohol BETWEEN 1 AND 10),
    finance_benefits_debt          INTEGER NOT NULL CHECK (finance_benefits_debt BETWEEN 1 AND 10),
    children_and_families          INTEGER NOT NULL CHECK (children_and_families BETWEEN 1 AND 10),
    attitudes_thinking_behaviour   INTEGER NOT NULL CHECK (attitudes_thinking_behaviour BETWEEN 1 AND 10),
    client_views                   TEXT NOT NULL,
    evidence                       TEXT NOT NULL,
    assessed_by                    TEXT NOT NULL REFERENCES accounts (id),
    signed_at                      TEXT NOT NULL,
    hlc                            TEXT NOT NULL,
    device_id                      TEXT NOT NULL
) STRICT;

CREATE INDEX assessments_by_client ON assessments (client_id, assessed_on);
-- The cohort page reads each episode's first initial and last termination
-- scores from this index alone, in one pass, without visiting the rows.
CREATE INDEX assessments_for_cohorts ON assessments (
    kind, episode_id, assessed_on, id,
    accommodation, education_training_employment, health, drugs_and_alcohol,
    finance_benefits_debt, children_and_families, attitudes_thinking_behaviour
);

CREATE TABLE assessment_addenda (
    id             TEXT PRIMARY KEY,
    assessment_id  TEXT NOT NULL REFERENCES assessments (id),
    client_id      TEXT NOT NULL REFERENCES clients (id),
    text           TEXT NOT NULL,
    written_by     TEXT NOT NULL REFERENCES accounts (id),
    written_at     TEXT NOT NULL,
    hlc            TEXT NOT NULL,
    device_id      TEXT NOT NULL
) STRICT;

CREATE INDEX assessment_addenda_by_client ON assessment_addenda (client_id);

-- Drafts of assessments, as typed: local to this computer and never
-- synced, like drafts of session records.
CREATE TABLE assessment_drafts (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    author      TEXT NOT NULL REFERENCES accounts (id),
    form        TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    saved_at    TEXT NOT NULL
) STRICT;

CREATE INDEX assessment_drafts_by_client ON assessment_drafts (client_id);

-- A goal of the client's support plan, on one pathway, in the client's
-- words and the keyworker's. Changed by updating its row, field by field
-- as everywhere else; its actions are tasks that point at it.
CREATE TABLE plan_goals (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients (id),
    pathway         TEXT NOT NULL,
    client_words    TEXT NOT NULL,
    keyworker_words TEXT,
    who             TEXT NOT NULL CHECK (who IN ('client', 'keyworker', 'partner_agency')),
    partner_agency  TEXT,
    target_on       TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'achieved', 'no_longer_relevant')),
    created_by      TEXT NOT NULL REFERENCES accounts (id),
    created_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL REFERENCES accounts (id),
    updated_at      TEXT NOT NULL,
    hlc             TEXT NOT NULL,
    device_id       TEXT NOT NULL
) STRICT;

CREATE INDEX plan_goals_by_client ON plan_goals (client_id);

ALTER TABLE tasks ADD COLUMN goal_id TEXT REFERENCES plan_goals (id);

-- The plan as it stood at each review assessment: the plan's history.
-- Insert-only; `goals` is the whole plan as JSON.
CREATE TABLE plan_reviews (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES clients (id),
    assessment_id  TEXT NOT NULL REFERENCES assessments (id),
    goals          TEXT NOT NULL,
    reviewed_by    TEXT NOT NULL REFERENCES accounts (id),
    reviewed_at    TEXT NOT NULL,
    hlc            TEXT NOT NULL,
    device_id      TEXT NOT NULL
) STRICT;

CREATE INDEX plan_reviews_by_client ON plan_reviews (client_id);
