-- One learning community per hamlet. Partial indexes are PostgreSQL only; on H2 (demo) the service's check holds.
CREATE UNIQUE INDEX collective_community_unit_uidx ON collective (unit_id) WHERE kind = 'COMMUNITY';
