-- The community module's published read models (issue 19): collectives and their yearly status, for the
-- roll-ups. Plain views (inlined).
CREATE VIEW collective_register AS
SELECT id, kind, name, unit_id, unit_type
FROM collective;

CREATE VIEW collective_status AS
SELECT collective_id, status_year, recognised, decision_ref, decision_date, member_count
FROM collective_year;
