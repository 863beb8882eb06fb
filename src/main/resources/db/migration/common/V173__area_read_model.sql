-- The area module's published read model (issue 19) for the subtree filter in shared.SubtreeSql: a unit's id and
-- materialised path. A plain view, so the path index still answers "path LIKE '/1/51/%'".
CREATE VIEW unit_tree AS
SELECT id, path
FROM admin_unit;
