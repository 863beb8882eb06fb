-- Evidence files (module evidence): photos and documents attached to an assessment, per indicator (indicator_code)
-- or for the whole form (null). Images are stored re-encoded (no EXIF/GPS), PDFs as sent after checks; sha256 is
-- of the stored bytes. citizen_id and unit_id are copied from the assessment: erasure finds a person's files by
-- the first, scope checks and the storage page use the second. The files go with their assessment.
CREATE SEQUENCE evidence_file_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE evidence_file (
    id              BIGINT        PRIMARY KEY,
    assessment_id   BIGINT        NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    citizen_id      BIGINT        NOT NULL REFERENCES citizen (id),
    unit_id         BIGINT        NOT NULL REFERENCES admin_unit (id),
    indicator_code  VARCHAR(20),
    file_name       VARCHAR(120)  NOT NULL,
    content_type    VARCHAR(50)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    content         BYTEA         NOT NULL,
    thumbnail       BYTEA,
    uploaded_by     VARCHAR(50)   NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT evidence_file_type_ck CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf'))
);
CREATE INDEX evidence_file_assessment_idx ON evidence_file (assessment_id);
CREATE INDEX evidence_file_citizen_idx ON evidence_file (citizen_id);
CREATE INDEX evidence_file_unit_idx ON evidence_file (unit_id);
