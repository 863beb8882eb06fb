-- Recognition decisions (module recognition): a commune's decision that recognises the "Công dân học tập" title
-- for a year, the assessments it decided, and per province who issues and signs such decisions.

-- Who issues and signs in a province differs (commune HKH or the commune People's Committee): data, not code.
-- A province without a row uses the defaults of the message bundle.
CREATE SEQUENCE recognition_setting_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE recognition_setting (
    id                BIGINT        PRIMARY KEY,
    province_unit_id  BIGINT        NOT NULL REFERENCES admin_unit (id),
    issuer_kind       VARCHAR(30)   NOT NULL,
    signer_title      VARCHAR(200)  NOT NULL,
    -- the "Căn cứ ..." recitals a new draft starts from, one per line
    legal_basis       VARCHAR(4000) NOT NULL,
    updated_by        VARCHAR(50)   NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT recognition_setting_province_uq UNIQUE (province_unit_id),
    CONSTRAINT recognition_setting_issuer_ck CHECK (issuer_kind IN ('COMMUNE_HKH', 'COMMUNE_PEOPLES_COMMITTEE'))
);

CREATE SEQUENCE recognition_decision_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE recognition_decision (
    id             BIGINT        PRIMARY KEY,
    -- the commune whose assessments it decides
    unit_id        BIGINT        NOT NULL REFERENCES admin_unit (id),
    -- the year of the title ("year" is a keyword on H2)
    decision_year  INT           NOT NULL,
    number         INT           NOT NULL,
    issued_on      DATE          NOT NULL,
    issuer_kind    VARCHAR(30)   NOT NULL,
    issuer_name    VARCHAR(200)  NOT NULL,
    -- the place of the date line: "Vĩnh Linh, ngày 20 tháng 12 năm 2025"
    place_name     VARCHAR(100)  NOT NULL,
    signer_name    VARCHAR(100)  NOT NULL,
    -- one line per row of the signature block, e.g. "TM. BAN THƯỜNG TRỰC" then "CHỦ TỊCH"
    signer_title   VARCHAR(200)  NOT NULL,
    legal_basis    VARCHAR(4000) NOT NULL,
    status         VARCHAR(10)   NOT NULL,
    created_by     VARCHAR(50)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(50)   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by      VARCHAR(50),
    issued_at      TIMESTAMP WITH TIME ZONE,
    version        BIGINT        NOT NULL DEFAULT 0,
    -- a number is used once per issuing body (commune and kind of issuer) and year
    CONSTRAINT recognition_decision_number_uq UNIQUE (unit_id, issuer_kind, decision_year, number),
    CONSTRAINT recognition_decision_year_ck CHECK (decision_year BETWEEN 2000 AND 2100),
    CONSTRAINT recognition_decision_number_ck CHECK (number > 0),
    CONSTRAINT recognition_decision_issuer_ck CHECK (issuer_kind IN ('COMMUNE_HKH', 'COMMUNE_PEOPLES_COMMITTEE')),
    CONSTRAINT recognition_decision_status_ck CHECK (status IN ('DRAFT', 'ISSUED')),
    CONSTRAINT recognition_decision_issued_ck CHECK (status = 'DRAFT'
        OR (issued_by IS NOT NULL AND issued_at IS NOT NULL))
);
CREATE INDEX recognition_decision_unit_year_idx ON recognition_decision (unit_id, decision_year);

-- One row per assessment a decision includes. The citizen's name, birth year and hamlet are copied when the
-- assessment is picked: the printed decision and the public list show them as decided, and nothing more.
CREATE SEQUENCE recognition_item_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE recognition_item (
    id                  BIGINT        PRIMARY KEY,
    decision_id         BIGINT        NOT NULL REFERENCES recognition_decision (id),
    assessment_id       BIGINT        NOT NULL REFERENCES assessment (id),
    citizen_id          BIGINT        NOT NULL REFERENCES citizen (id),
    -- order of the list: by hamlet, then name, as the candidates came
    position            INT           NOT NULL,
    citizen_name        VARCHAR(150)  NOT NULL,
    birth_year          INT           NOT NULL,
    hamlet_name         VARCHAR(200)  NOT NULL,
    -- what issuing does (or did): passed on the verified scores → RECOGNISED, otherwise NOT_RECOGNISED
    outcome             VARCHAR(20)   NOT NULL,
    -- the assessment's version when picked (issuing refuses a changed one), then after the decision
    assessment_version  BIGINT        NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    revoked_by          VARCHAR(50),
    revoke_reason       VARCHAR(1000),
    -- one decision per assessment
    CONSTRAINT recognition_item_assessment_uq UNIQUE (assessment_id),
    CONSTRAINT recognition_item_outcome_ck CHECK (outcome IN ('RECOGNISED', 'NOT_RECOGNISED')),
    CONSTRAINT recognition_item_revoked_ck CHECK ((revoked_at IS NULL AND revoked_by IS NULL
            AND revoke_reason IS NULL)
        OR (outcome = 'RECOGNISED' AND revoked_at IS NOT NULL AND revoked_by IS NOT NULL
            AND revoke_reason IS NOT NULL))
);
CREATE INDEX recognition_item_decision_idx ON recognition_item (decision_id, position);
