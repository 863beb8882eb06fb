-- Prefix matches on the path (subtree scope) need the pattern operator class on PostgreSQL.
CREATE INDEX admin_unit_path_idx ON admin_unit (path varchar_pattern_ops);
-- Codes are unique among units that are still valid.
CREATE UNIQUE INDEX admin_unit_code_current_uidx ON admin_unit (code) WHERE valid_to IS NULL;
