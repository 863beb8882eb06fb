-- Citizen search and lists are driven from the user's units (citizen.unit_id in the subtree): with the name and
-- the sort keys in the unit index, a commune's search is answered from the index alone, and only the page's rows
-- are read from the table. The plain unit index is a prefix of this one.
CREATE INDEX IF NOT EXISTS citizen_unit_search_idx ON citizen (unit_id, search_name, birth_year, id);
DROP INDEX IF EXISTS citizen_unit_idx;
