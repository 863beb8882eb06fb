-- People who register for the Learning Citizen title. Decree 13/2023/NĐ-CP: keep the minimum. The CCCD is never
-- stored in clear: a keyed hash (HMAC-SHA256) finds it exactly, the masked form is what pages show.
CREATE SEQUENCE citizen_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE citizen (
    id                BIGINT       PRIMARY KEY,
    full_name         VARCHAR(150) NOT NULL,
    -- lower case, diacritics removed (SearchText.fold): "nguyen van a" finds "Nguyễn Văn A" on every database
    search_name       VARCHAR(150) NOT NULL,
    birth_year        INT          NOT NULL,
    gender            VARCHAR(10)  NOT NULL,
    -- residence: a hamlet or commune
    unit_id           BIGINT       NOT NULL REFERENCES admin_unit (id),
    -- a target-group code of the criteria module (FARMER, WORKER, OFFICIAL, OTHER for now)
    target_group      VARCHAR(30)  NOT NULL,
    workplace_id      BIGINT       REFERENCES collective (id),
    household_id      BIGINT       REFERENCES collective (id),
    clan_id           BIGINT       REFERENCES collective (id),
    phone             VARCHAR(15),
    id_number_hash    VARCHAR(64),
    id_number_masked  VARCHAR(20),
    version           BIGINT       NOT NULL DEFAULT 0,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT citizen_gender_ck CHECK (gender IN ('MALE', 'FEMALE', 'OTHER')),
    CONSTRAINT citizen_birth_year_ck CHECK (birth_year BETWEEN 1900 AND 2100),
    CONSTRAINT citizen_id_number_uq UNIQUE (id_number_hash),
    CONSTRAINT citizen_id_number_pair_ck CHECK (
        (id_number_hash IS NULL AND id_number_masked IS NULL)
        OR (id_number_hash IS NOT NULL AND id_number_masked IS NOT NULL))
);
CREATE INDEX citizen_unit_idx ON citizen (unit_id);
CREATE INDEX citizen_search_idx ON citizen (search_name);
CREATE INDEX citizen_household_idx ON citizen (household_id);
CREATE INDEX citizen_clan_idx ON citizen (clan_id);
CREATE INDEX citizen_workplace_idx ON citizen (workplace_id);
