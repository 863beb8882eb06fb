-- Criteria sets as versioned data (module criteria). A published set never changes again: assessments name the
-- set they were scored by, and a new rule means a new version.

-- Target groups (nhóm đối tượng) are data: citizens refer to a group by its code, each set holds one form per group.
CREATE TABLE criteria_target_group (
    code        VARCHAR(30)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    sort_order  INT          NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE criteria_set_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE criteria_set (
    id                          BIGINT       PRIMARY KEY,
    code                        VARCHAR(30)  NOT NULL,
    version_no                  INT          NOT NULL,
    name                        VARCHAR(300) NOT NULL,
    legal_basis                 VARCHAR(500),
    status                      VARCHAR(20)  NOT NULL,
    year_from                   INT          NOT NULL,
    year_to                     INT          NOT NULL,
    -- the declared total: the indicators' maximum points must add up to it before publishing
    total_points                INT          NOT NULL,
    -- pass rule
    min_total                   INT          NOT NULL,
    min_per_indicator           INT          NOT NULL,
    -- digital skills (Decision 677/QĐ-TTg targets): which indicator, and its two thresholds
    digital_indicator_code      VARCHAR(20),
    digital_threshold           INT          NOT NULL,
    proficient_threshold        INT          NOT NULL,
    proficient_when_online_self BOOLEAN      NOT NULL,
    based_on_id                 BIGINT       REFERENCES criteria_set (id),
    published_at                TIMESTAMP WITH TIME ZONE,
    published_by                VARCHAR(50),
    retired_at                  TIMESTAMP WITH TIME ZONE,
    retired_by                  VARCHAR(50),
    version                     BIGINT       NOT NULL DEFAULT 0,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT criteria_set_code_version_uq UNIQUE (code, version_no),
    CONSTRAINT criteria_set_status_ck CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    CONSTRAINT criteria_set_years_ck CHECK (year_to >= year_from),
    CONSTRAINT criteria_set_published_ck CHECK (status = 'DRAFT' OR published_at IS NOT NULL)
);
CREATE INDEX criteria_set_status_idx ON criteria_set (status, year_from, year_to);

-- The target groups a set has a form for.
CREATE TABLE criteria_set_group (
    criteria_set_id    BIGINT      NOT NULL REFERENCES criteria_set (id),
    target_group_code  VARCHAR(30) NOT NULL REFERENCES criteria_target_group (code),
    PRIMARY KEY (criteria_set_id, target_group_code)
);

CREATE SEQUENCE criteria_competency_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE criteria_competency (
    id               BIGINT       PRIMARY KEY,
    criteria_set_id  BIGINT       NOT NULL REFERENCES criteria_set (id),
    code             VARCHAR(20)  NOT NULL,
    name             VARCHAR(300) NOT NULL,
    sort_order       INT          NOT NULL,
    -- optional: the competency's indicators must add up to at least this many points
    min_points       INT,
    CONSTRAINT criteria_competency_code_uq UNIQUE (criteria_set_id, code),
    CONSTRAINT criteria_competency_min_ck CHECK (min_points IS NULL OR min_points >= 0)
);

CREATE SEQUENCE criteria_indicator_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE criteria_indicator (
    id               BIGINT        PRIMARY KEY,
    criteria_set_id  BIGINT        NOT NULL REFERENCES criteria_set (id),
    competency_id    BIGINT        NOT NULL REFERENCES criteria_competency (id),
    code             VARCHAR(20)   NOT NULL,
    sort_order       INT           NOT NULL,
    name             VARCHAR(1000) NOT NULL,
    min_points       INT           NOT NULL,
    max_points       INT           NOT NULL,
    -- optional: a mandatory indicator must reach at least this score whatever the total
    mandatory_min    INT,
    CONSTRAINT criteria_indicator_code_uq UNIQUE (criteria_set_id, code),
    CONSTRAINT criteria_indicator_points_ck CHECK (min_points >= 0 AND max_points >= min_points)
);
CREATE INDEX criteria_indicator_competency_idx ON criteria_indicator (competency_id);

-- What a citizen of one target group reads for an indicator, and the evidence expected from them.
CREATE TABLE criteria_indicator_wording (
    indicator_id       BIGINT        NOT NULL REFERENCES criteria_indicator (id),
    target_group_code  VARCHAR(30)   NOT NULL REFERENCES criteria_target_group (code),
    wording            VARCHAR(2000) NOT NULL,
    evidence_hint      VARCHAR(2000),
    PRIMARY KEY (indicator_id, target_group_code)
);
