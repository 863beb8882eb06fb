-- Citizens' own access (module portal): invitations staff issue, the citizen's access (reference, PIN, magic
-- link), citizen sessions and the failed-attempt counters that throttle guessing. Secrets are stored only as
-- hashes: invitation codes and magic-link and session tokens as SHA-256 (high-entropy random values), PINs with the
-- application's password encoder (bcrypt).
CREATE SEQUENCE portal_invitation_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE portal_invitation (
    id               BIGINT       PRIMARY KEY,
    citizen_id       BIGINT       NOT NULL REFERENCES citizen (id),
    -- the citizen's residence when issued: staff scope follows it
    unit_id          BIGINT       NOT NULL REFERENCES admin_unit (id),
    -- the year whose self-assessment it invites to ("year" is a keyword on H2)
    assessment_year  INT          NOT NULL,
    code_hash        VARCHAR(64)  NOT NULL,
    -- OPEN until used or revoked; "expired" is OPEN past expires_at
    status           VARCHAR(20)  NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by        VARCHAR(50)  NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    revoked_by       VARCHAR(50),
    CONSTRAINT portal_invitation_code_uq UNIQUE (code_hash),
    CONSTRAINT portal_invitation_status_ck CHECK (status IN ('OPEN', 'USED', 'REVOKED')),
    CONSTRAINT portal_invitation_year_ck CHECK (assessment_year BETWEEN 2000 AND 2100)
);
CREATE INDEX portal_invitation_citizen_idx ON portal_invitation (citizen_id, status);
CREATE INDEX portal_invitation_unit_idx ON portal_invitation (unit_id, assessment_year);

-- One row per citizen who was ever invited: the short reference printed on the slip (with the PIN it is how a
-- citizen signs in again), the year of the latest invitation used, the PIN and the magic link.
CREATE TABLE portal_access (
    citizen_id        BIGINT       PRIMARY KEY REFERENCES citizen (id),
    reference         VARCHAR(12)  NOT NULL,
    assessment_year   INT,
    pin_hash          VARCHAR(200),
    magic_hash        VARCHAR(64),
    magic_expires_at  TIMESTAMP WITH TIME ZONE,
    activated_at      TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT portal_access_reference_uq UNIQUE (reference),
    CONSTRAINT portal_access_magic_uq UNIQUE (magic_hash)
);

-- Citizen sessions, apart from staff sessions: the cookie holds a random token, this table its hash.
CREATE TABLE portal_session (
    token_hash    VARCHAR(64)  PRIMARY KEY,
    citizen_id    BIGINT       NOT NULL REFERENCES citizen (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX portal_session_citizen_idx ON portal_session (citizen_id);

-- Failed attempts per key ("ip:...", "inv:<id>", "ref:<reference>") within a window, and the lock they lead to.
CREATE TABLE portal_throttle (
    throttle_key      VARCHAR(120) PRIMARY KEY,
    failures          INT          NOT NULL,
    window_start      TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE
);
