-- Dashboard cache (issue 18): a counter moved on, in the same transaction, by every write that changes what a
-- dashboard shows (roll-up refreshes and rebuilds, targets, population figures). Each node keys its cached
-- dashboards on it, so a change committed on any node is shown by every node from the next request on.
-- Sixteen slots instead of one row: a writer bumps the slot of its thread, so concurrent commits (every assessment
-- refreshes a roll-up) do not queue on one row lock; readers key on the sum, which every committed bump moves on.
CREATE TABLE report_version (
    slot    INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO report_version (slot, version) VALUES
    (0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0),
    (8, 0), (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0);
