-- Yearly assessments (module assessment): one per citizen and year, scored by the criteria set in force that year
-- for the citizen's target group. The roll-up columns (totals, pass, digital flags) live on the row itself, so
-- that reports over millions of assessments aggregate one table with plain SQL.
CREATE SEQUENCE assessment_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE assessment (
    id                  BIGINT       PRIMARY KEY,
    citizen_id          BIGINT       NOT NULL REFERENCES citizen (id),
    -- "year" is a keyword on H2
    assessment_year     INT          NOT NULL,
    -- the set it is scored by; this key is also what keeps a used set from being deleted
    criteria_set_id     BIGINT       NOT NULL REFERENCES criteria_set (id),
    target_group        VARCHAR(30)  NOT NULL REFERENCES criteria_target_group (code),
    -- the citizen's residence when the assessment was started: scope and roll-ups follow it, not later moves
    unit_id             BIGINT       NOT NULL REFERENCES admin_unit (id),
    channel             VARCHAR(20)  NOT NULL,
    state               VARCHAR(20)  NOT NULL,
    -- null while some self-score is missing
    self_total          INT,
    self_passed         BOOLEAN,
    -- set by verification (from the verified scores), cleared when the assessment is returned
    verified_total      INT,
    verified_passed     BOOLEAN,
    has_digital_skills  BOOLEAN,
    digital_proficient  BOOLEAN,
    return_reason       VARCHAR(1000),
    entered_by          VARCHAR(50)  NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE,
    submitted_by        VARCHAR(50),
    verified_at         TIMESTAMP WITH TIME ZONE,
    verified_by         VARCHAR(50),
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT assessment_citizen_year_uq UNIQUE (citizen_id, assessment_year),
    CONSTRAINT assessment_year_ck CHECK (assessment_year BETWEEN 2000 AND 2100),
    CONSTRAINT assessment_channel_ck CHECK (channel IN ('ONLINE_SELF', 'STAFF_PROXY')),
    CONSTRAINT assessment_state_ck CHECK (state IN ('DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED', 'RECOGNISED',
        'NOT_RECOGNISED')),
    -- past SUBMITTED every self-score is there; past VERIFIED every verified one
    CONSTRAINT assessment_submitted_ck CHECK (state IN ('DRAFT', 'RETURNED')
        OR (self_total IS NOT NULL AND self_passed IS NOT NULL AND submitted_at IS NOT NULL)),
    CONSTRAINT assessment_verified_ck CHECK (state IN ('DRAFT', 'RETURNED', 'SUBMITTED')
        OR (verified_total IS NOT NULL AND verified_passed IS NOT NULL AND has_digital_skills IS NOT NULL
            AND digital_proficient IS NOT NULL AND verified_at IS NOT NULL))
);
-- lists per hamlet or commune and year, and the roll-ups of a later issue
CREATE INDEX assessment_unit_year_state_idx ON assessment (unit_id, assessment_year, state);
CREATE INDEX assessment_set_idx ON assessment (criteria_set_id);

-- One row per indicator of the assessment that has anything entered. Both scores are kept: the
-- citizen's (or the proxy's) self-score and the verifier's; the pass decision uses the verified one.
CREATE TABLE assessment_score (
    assessment_id   BIGINT        NOT NULL REFERENCES assessment (id),
    indicator_code  VARCHAR(20)   NOT NULL,
    self_score      INT,
    verified_score  INT,
    evidence_note   VARCHAR(1000),
    verifier_note   VARCHAR(1000),
    PRIMARY KEY (assessment_id, indicator_code),
    CONSTRAINT assessment_score_range_ck CHECK ((self_score IS NULL OR self_score >= 0)
        AND (verified_score IS NULL OR verified_score >= 0))
);
