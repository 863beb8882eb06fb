-- The citizen module's published read model (issue 19): what other modules' SQL may read of the register.
-- Everything except the CCCD hash, the phone number and the bookkeeping columns. A plain view, so PostgreSQL
-- inlines it and the readers' plans (the roll-up refresh above all) stay what they were on the table.
CREATE VIEW citizen_register AS
SELECT id, full_name, search_name, birth_year, gender, unit_id, target_group,
       workplace_id, household_id, clan_id, id_number_masked
FROM citizen;
