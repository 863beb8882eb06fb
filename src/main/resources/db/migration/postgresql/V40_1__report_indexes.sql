-- One national target per indicator and year (NULLs are distinct in the table's unique key). Partial indexes are
-- PostgreSQL only; on H2 (demo) the service's check holds.
CREATE UNIQUE INDEX report_target_national_uidx ON report_target (indicator, target_year) WHERE scope_unit_id IS NULL;
