-- A name typed anywhere in a citizen's name (search_name LIKE '%...%') across a whole province: a pg_trgm GIN index
-- makes it an index scan instead of reading all citizens. Creating the extension needs privileges the application's
-- database user may lack: then this migration only says so (NOTICE) and succeeds, and searches still work, only
-- slower at province scale. A DBA can run "CREATE EXTENSION pg_trgm;" in the database and then create the index
-- (the statement below), or run it before the first start so that this migration finds the extension (README).
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION
        WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
            RAISE NOTICE 'pg_trgm is not available (%): citizen name search runs without a trigram index', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        BEGIN
            EXECUTE 'CREATE INDEX IF NOT EXISTS citizen_search_trgm_idx ON citizen USING gin (search_name gin_trgm_ops)';
        EXCEPTION
            -- the extension lives in a schema outside the search path: the DBA creates the index with its name
            WHEN undefined_object THEN
                RAISE NOTICE 'pg_trgm is installed but gin_trgm_ops is not visible (%): no trigram index', SQLERRM;
        END;
    END IF;
END
$$;
