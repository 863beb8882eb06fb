-- Collectives recognised yearly under Decision 387/QĐ-TTg: households (gia đình), clans (dòng họ), hamlet
-- communities (cộng đồng học tập) and learning units (đơn vị học tập). One table, because they share every
-- column but the learning unit's type, and citizens and reports refer to them alike.
CREATE SEQUENCE collective_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE collective (
    id           BIGINT       PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    -- lower case, diacritics removed (SearchText.fold): accent-insensitive search with a plain LIKE
    search_name  VARCHAR(200) NOT NULL,
    unit_id      BIGINT       NOT NULL REFERENCES admin_unit (id),
    -- learning units only: agency, school, enterprise or other
    unit_type    VARCHAR(20),
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT collective_kind_ck CHECK (kind IN ('HOUSEHOLD', 'CLAN', 'COMMUNITY', 'LEARNING_UNIT')),
    CONSTRAINT collective_unit_type_ck CHECK (
        (kind = 'LEARNING_UNIT' AND unit_type IN ('AGENCY', 'SCHOOL', 'ENTERPRISE', 'OTHER'))
        OR (kind <> 'LEARNING_UNIT' AND unit_type IS NULL))
);
CREATE INDEX collective_unit_idx ON collective (unit_id, kind);
CREATE INDEX collective_search_idx ON collective (search_name);

-- The yearly recognition status of a collective (recognised or not, with the decision), and for learning units
-- the number of members that year: the denominator of the unit's CDHT rate.
CREATE SEQUENCE collective_year_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE collective_year (
    id             BIGINT       PRIMARY KEY,
    collective_id  BIGINT       NOT NULL REFERENCES collective (id),
    -- "year" is a keyword on H2
    status_year    INT          NOT NULL,
    recognised     BOOLEAN      NOT NULL,
    decision_ref   VARCHAR(200),
    decision_date  DATE,
    member_count   INT,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT collective_year_uq UNIQUE (collective_id, status_year),
    CONSTRAINT collective_year_range_ck CHECK (status_year BETWEEN 2000 AND 2100),
    CONSTRAINT collective_year_members_ck CHECK (member_count IS NULL OR member_count >= 0),
    CONSTRAINT collective_year_decision_ck CHECK (recognised = FALSE OR decision_ref IS NOT NULL)
);
CREATE INDEX collective_year_year_idx ON collective_year (status_year);
