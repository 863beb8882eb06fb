-- Roll-ups (module report). Precomputed counts per unit the data hangs on ("leaf" rows: hamlets, communes, a
-- province's learning units), kept up to date in the same transaction as each change; a dashboard sums the rows of
-- a subtree with one path-prefix join. Derived data: no foreign keys, a full rebuild recreates every row.

-- Per unit, year and target group; only rows with something to count exist.
--   assessment counts by the assessment's unit and group;
--   *_in_recognised_collectives by the citizen's residence (adults in recognised households, clans or the
--   hamlet's learning community that year); *_in_recognised_units by the learning unit's unit (OFFICIAL-group
--   citizens working in a learning unit recognised that year).
CREATE TABLE report_unit_year (
    unit_id                               BIGINT      NOT NULL,
    report_year                           INT         NOT NULL,
    target_group                          VARCHAR(30) NOT NULL,
    assessed                              INT         NOT NULL,
    draft                                 INT         NOT NULL,
    submitted                             INT         NOT NULL,
    verified                              INT         NOT NULL,
    returned                              INT         NOT NULL,
    recognised                            INT         NOT NULL,
    not_recognised                        INT         NOT NULL,
    passed                                INT         NOT NULL,
    recognised_adults                     INT         NOT NULL,
    recognised_digital                    INT         NOT NULL,
    recognised_proficient                 INT         NOT NULL,
    recognised_digital_proficient         INT         NOT NULL,
    recognised_online_self                INT         NOT NULL,
    adults_in_recognised_collectives      INT         NOT NULL,
    cdht_adults_in_recognised_collectives INT         NOT NULL,
    officials_in_recognised_units         INT         NOT NULL,
    cdht_officials_in_recognised_units    INT         NOT NULL,
    PRIMARY KEY (unit_id, report_year, target_group)
);
CREATE INDEX report_unit_year_year_idx ON report_unit_year (report_year, unit_id);

-- The register as it is now (it keeps no history): citizens per residence unit and target group.
CREATE TABLE report_unit_register (
    unit_id       BIGINT      NOT NULL,
    target_group  VARCHAR(30) NOT NULL,
    registered    INT         NOT NULL,
    PRIMARY KEY (unit_id, target_group)
);

-- Collectives per unit and kind as they are now: the denominators of the 387/QĐ-TTg rates.
CREATE TABLE report_unit_collective (
    unit_id  BIGINT      NOT NULL,
    kind     VARCHAR(20) NOT NULL,
    total    INT         NOT NULL,
    PRIMARY KEY (unit_id, kind)
);

-- Collectives recognised per unit, year and kind, with the members declared by recognised learning units.
CREATE TABLE report_collective_year (
    unit_id             BIGINT      NOT NULL,
    report_year         INT         NOT NULL,
    kind                VARCHAR(20) NOT NULL,
    recognised          INT         NOT NULL,
    recognised_members  INT         NOT NULL,
    PRIMARY KEY (unit_id, report_year, kind)
);
CREATE INDEX report_collective_year_year_idx ON report_collective_year (report_year, unit_id);

-- Targets are rows: national (no scope unit) or a unit's own, often higher. A unit is measured against the nearest
-- target up its tree for each indicator and year.
CREATE SEQUENCE report_target_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE report_target (
    id             BIGINT        PRIMARY KEY,
    indicator      VARCHAR(30)   NOT NULL,
    scope_unit_id  BIGINT        REFERENCES admin_unit (id),
    target_year    INT           NOT NULL,
    percentage     DECIMAL(5, 2) NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT report_target_indicator_ck CHECK (indicator IN ('ADULTS', 'OFFICIALS', 'DIGITAL', 'PROFICIENT',
        'ASSOCIATION_STAFF', 'FAMILIES', 'CLANS', 'COMMUNITIES', 'LEARNING_UNITS')),
    CONSTRAINT report_target_year_ck CHECK (target_year BETWEEN 2000 AND 2100),
    CONSTRAINT report_target_percentage_ck CHECK (percentage >= 0 AND percentage <= 100),
    CONSTRAINT report_target_uq UNIQUE (indicator, scope_unit_id, target_year)
);
CREATE INDEX report_target_scope_idx ON report_target (scope_unit_id);

-- Decision 677/QĐ-TTg (2025 and 2030) and Decision 387/QĐ-TTg (2025), national.
INSERT INTO report_target (id, indicator, scope_unit_id, target_year, percentage, created_at, updated_at)
SELECT NEXTVAL('report_target_seq'), v.indicator, NULL, v.target_year, v.percentage, CURRENT_TIMESTAMP,
       CURRENT_TIMESTAMP
FROM (VALUES ('ADULTS', 2025, 40), ('OFFICIALS', 2025, 60), ('DIGITAL', 2025, 70), ('PROFICIENT', 2025, 60),
             ('ASSOCIATION_STAFF', 2025, 100),
             ('ADULTS', 2030, 60), ('OFFICIALS', 2030, 80), ('DIGITAL', 2030, 90), ('PROFICIENT', 2030, 80),
             ('FAMILIES', 2025, 70), ('CLANS', 2025, 65), ('COMMUNITIES', 2025, 65), ('LEARNING_UNITS', 2025, 80))
     AS v (indicator, target_year, percentage);

-- Population figures entered per unit and year (statistics office, association records): the simpler bases local
-- reports use, shown beside the official ones. Every figure is optional.
CREATE SEQUENCE report_population_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE report_population (
    id                   BIGINT  PRIMARY KEY,
    unit_id              BIGINT  NOT NULL REFERENCES admin_unit (id),
    population_year      INT     NOT NULL,
    adults               BIGINT,
    officials            BIGINT,
    association_members  BIGINT,
    association_trained  BIGINT,
    version              BIGINT  NOT NULL DEFAULT 0,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT report_population_uq UNIQUE (unit_id, population_year),
    CONSTRAINT report_population_year_ck CHECK (population_year BETWEEN 2000 AND 2100),
    CONSTRAINT report_population_values_ck CHECK ((adults IS NULL OR adults >= 0)
        AND (officials IS NULL OR officials >= 0) AND (association_members IS NULL OR association_members >= 0)
        AND (association_trained IS NULL OR association_trained >= 0)),
    CONSTRAINT report_population_trained_ck CHECK (association_trained IS NULL OR association_members IS NULL
        OR association_trained <= association_members)
);
