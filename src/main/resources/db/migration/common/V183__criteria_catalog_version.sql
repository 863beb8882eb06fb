-- Several nodes (issue 15): one counter moved on by every change to published criteria or target groups, in the
-- same transaction. Each node compares it once per request with the value its cache was built at, so a publish on
-- one node is used by every node from the next request on.
CREATE TABLE criteria_catalog_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO criteria_catalog_version (id, version) VALUES (1, 0);
