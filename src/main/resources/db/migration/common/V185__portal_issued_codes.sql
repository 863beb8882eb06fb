-- Codes shown once (issue 15): the batch a staff member just issued, sealed with AES-GCM under a server key and
-- kept for a short time so that any node can show the page and print the slips. The issuing session holds only
-- the batch's random id; rows past expires_at are deleted by the portal's housekeeping.
CREATE TABLE portal_issued_batch (
    id          VARCHAR(36)              NOT NULL PRIMARY KEY,
    user_id     BIGINT                   NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sealed      BYTEA                    NOT NULL
);
CREATE INDEX portal_issued_batch_expiry ON portal_issued_batch (expires_at);
