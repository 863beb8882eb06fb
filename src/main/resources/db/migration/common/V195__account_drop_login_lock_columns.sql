-- Issue 14: failed staff logins are counted in rate_limit_bucket (Bucket4j, LoginThrottle) and no account is ever
-- locked, so app_user's own counter and lock time have been unused since V180; AppUser no longer maps them.
ALTER TABLE app_user DROP COLUMN failed_attempts;
ALTER TABLE app_user DROP COLUMN locked_until;
