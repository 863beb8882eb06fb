CREATE INDEX admin_unit_path_idx ON admin_unit (path);
