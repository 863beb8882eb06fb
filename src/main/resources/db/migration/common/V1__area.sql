-- Administrative units: a tree of any depth. Levels are data, never an enum.
CREATE TABLE area_level (
    code        VARCHAR(30)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    sort_order  INT          NOT NULL
);

INSERT INTO area_level (code, name, sort_order) VALUES ('country', 'Quốc gia', 0);
INSERT INTO area_level (code, name, sort_order) VALUES ('province', 'Tỉnh/Thành phố', 10);
INSERT INTO area_level (code, name, sort_order) VALUES ('district', 'Huyện/Quận (trước 01/07/2025)', 20);
INSERT INTO area_level (code, name, sort_order) VALUES ('commune', 'Xã/Phường/Đặc khu', 30);
INSERT INTO area_level (code, name, sort_order) VALUES ('hamlet', 'Thôn/Tổ dân phố', 40);

CREATE SEQUENCE admin_unit_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE admin_unit (
    id          BIGINT       PRIMARY KEY,
    code        VARCHAR(30)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    -- lower case, diacritics removed: "quang tri" finds "Quảng Trị" on every database
    search_name VARCHAR(200) NOT NULL,
    level_code  VARCHAR(30)  NOT NULL REFERENCES area_level (code),
    parent_id   BIGINT       REFERENCES admin_unit (id),
    -- materialised path of ids, "/1/51/101/": a subtree is one prefix match
    path        VARCHAR(1000) NOT NULL,
    depth       INT          NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE,
    population  BIGINT,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_unit_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT admin_unit_population CHECK (population IS NULL OR population >= 0)
);
CREATE INDEX admin_unit_parent_idx ON admin_unit (parent_id);
CREATE INDEX admin_unit_code_idx ON admin_unit (code);
CREATE INDEX admin_unit_search_idx ON admin_unit (search_name);

-- Merges and splits: an old unit's data is re-based onto its successor(s) from the effective date.
CREATE SEQUENCE unit_succession_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE unit_succession (
    id              BIGINT  PRIMARY KEY,
    old_unit_id     BIGINT  NOT NULL REFERENCES admin_unit (id),
    new_unit_id     BIGINT  NOT NULL REFERENCES admin_unit (id),
    effective_date  DATE    NOT NULL,
    note            VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT unit_succession_distinct CHECK (old_unit_id <> new_unit_id),
    CONSTRAINT unit_succession_unique UNIQUE (old_unit_id, new_unit_id)
);
CREATE INDEX unit_succession_new_idx ON unit_succession (new_unit_id);
