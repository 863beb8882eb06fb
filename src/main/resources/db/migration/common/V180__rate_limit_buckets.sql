-- Issue 14: token buckets of Bucket4j (login and portal throttling), one row per key that failed recently,
-- shared by every node. expires_at (epoch millis) lets old rows be swept; explicit_lock is the advisory lock id
-- the sweep takes (the layout Bucket4j's PostgreSQL proxy manager expects).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(400) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT,
    explicit_lock BIGINT
);
CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
