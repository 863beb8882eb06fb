CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE app_user (
    id                    BIGINT       PRIMARY KEY,
    username              VARCHAR(50)  NOT NULL,
    display_name          VARCHAR(150) NOT NULL,
    password_hash         VARCHAR(200) NOT NULL,
    role                  VARCHAR(30)  NOT NULL,
    unit_id               BIGINT       NOT NULL REFERENCES admin_unit (id),
    enabled               BOOLEAN      NOT NULL,
    must_change_password  BOOLEAN      NOT NULL,
    failed_attempts       INT          NOT NULL DEFAULT 0,
    locked_until          TIMESTAMP WITH TIME ZONE,
    last_login_at         TIMESTAMP WITH TIME ZONE,
    version               BIGINT       NOT NULL DEFAULT 0,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_username_uq UNIQUE (username),
    CONSTRAINT app_user_role_ck CHECK (role IN ('ADMIN', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER', 'VERIFIER', 'VIEWER'))
);
CREATE INDEX app_user_unit_idx ON app_user (unit_id);

-- Who changed what, when and why. Written in the same transaction as the change it describes.
CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE audit_event (
    id           BIGINT       PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(50)  NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    entity_type  VARCHAR(60)  NOT NULL,
    entity_id    BIGINT,
    unit_id      BIGINT,
    details      VARCHAR(4000),
    reason       VARCHAR(1000)
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
