-- At most one published criteria set covers any year (issue 13): two published sets for one year judge the
-- citizens of that year by two rules. The admin service refuses such a publish and, with an effective year, ends the
-- previous version's range the year before; this exclusion constraint is the database's backstop against two
-- admins publishing at the same moment (PostgreSQL only: H2 has no exclusion constraint; the built-in GiST support
-- of ranges needs no extension). A database that already holds overlapping published sets keeps working without
-- the constraint and says so: an admin retires or narrows one of them, then a DBA runs the ALTER TABLE below.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM criteria_set a JOIN criteria_set b ON a.id < b.id
               WHERE a.status = 'PUBLISHED' AND b.status = 'PUBLISHED'
                 AND a.year_from <= b.year_to AND b.year_from <= a.year_to) THEN
        RAISE NOTICE 'published criteria sets overlap in years: criteria_set_published_years_ex not created';
    ELSE
        ALTER TABLE criteria_set ADD CONSTRAINT criteria_set_published_years_ex
            EXCLUDE USING gist (int4range(year_from, year_to, '[]') WITH &&) WHERE (status = 'PUBLISHED');
    END IF;
END
$$;
