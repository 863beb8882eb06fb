-- Several nodes (issue 15): imports are durable jobs in the database instead of one node's memory. The uploaded
-- file, the progress, the report and the error list live here, so any node shows the progress, runs the job
-- (db-scheduler, task "transfer-import") and serves the error list; a restart forgets nothing. active_owner holds
-- the owner while the job is queued or running and is emptied when it ends: its unique key lets the database, not
-- the application, refuse a second running import per user (NULLs do not collide, on PostgreSQL and H2 alike).
-- Finished jobs, their files included, are deleted after cdht.transfer.keep-finished (TransferHousekeeping).
CREATE TABLE import_job (
    id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    owner         VARCHAR(100)             NOT NULL,
    active_owner  VARCHAR(100),
    file_name     VARCHAR(255)             NOT NULL,
    file_format   VARCHAR(10)              NOT NULL,
    target_state  VARCHAR(20)              NOT NULL,
    default_year  INT                      NOT NULL,
    locale        VARCHAR(35)              NOT NULL,
    phase         VARCHAR(10)              NOT NULL,
    status        VARCHAR(10)              NOT NULL,
    processed     INT                      NOT NULL DEFAULT 0,
    total_rows    INT,
    failure       VARCHAR(2000),
    report        BYTEA,
    errors_csv    BYTEA,
    upload        BYTEA                    NOT NULL,
    node          VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT import_job_one_active_per_user UNIQUE (active_owner),
    CONSTRAINT import_job_phase CHECK (phase IN ('DRY_RUN', 'COMMIT')),
    CONSTRAINT import_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX import_job_owner ON import_job (owner);
CREATE INDEX import_job_updated ON import_job (status, updated_at);
