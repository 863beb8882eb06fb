-- Issue 14: the portal's failure counters moved to rate_limit_bucket (Bucket4j), shared with the staff login.
DROP TABLE portal_throttle;
