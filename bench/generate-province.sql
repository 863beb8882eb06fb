-- A province-sized data set for the roll-up benchmark, straight into PostgreSQL with generate_series (a SIMPLE
-- stand-in for issue 8's generator). Reproducible: every "random" choice is a hash of the row's number and a seed.
-- Run on a scratch database whose schema Flyway has migrated (bench/dashboard-vs-raw.sh does both):
--   psql -v citizens=1600000 -v seed=42 -f bench/generate-province.sql cdht_bench
-- Shape: one province; before 1 July 2025 ten districts with 120 communes (retired, succeeded by the new ones);
-- today 80 communes with 19 hamlets each (1,520); households of about four people, clans, one learning community
-- per hamlet, 300 learning units (3 per commune, 60 at province level); statuses 2021-2025; citizens with
-- realistic target-group shares; assessments for 2021-2025 (40-70 % of citizens a year; 2021-2024 recorded on the
-- old communes and decided, 2025 on the hamlets and in every state of the round) with pass rates near the pilots'.
\set ON_ERROR_STOP on
\if :{?citizens}
\else
\set citizens 1600000
\endif
\if :{?seed}
\else
\set seed 42
\endif
\timing on

BEGIN;
CREATE OR REPLACE FUNCTION pg_temp.r(i bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT (abs(hashint8extended(i, salt)) % 1000000) / 1000000.0 $$;

-- Units: ids from 100,000,000 up, clear of the application's sequences.
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
VALUES (100000000, 'B-P', 'Tinh Bench', 'tinh bench', 'province', NULL, '/100000000/', 0, DATE '1990-01-01', NULL,
        0, now(), now());
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
SELECT 100000001 + d, 'B-D' || d, 'Huyen ' || d, 'huyen ' || d, 'district', 100000000,
       '/100000000/' || (100000001 + d) || '/', 1, DATE '1990-01-01', DATE '2025-06-30', 0, now(), now()
FROM generate_series(0, 9) d;
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
SELECT 100000100 + k, 'B-OC' || k, 'Xa cu ' || k, 'xa cu ' || k, 'commune', 100000001 + k / 12,
       '/100000000/' || (100000001 + k / 12) || '/' || (100000100 + k) || '/', 2, DATE '1990-01-01',
       DATE '2025-06-30', 0, now(), now()
FROM generate_series(0, 119) k;
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
SELECT 100001000 + c, 'B-C' || c, 'Xa ' || c, 'xa ' || c, 'commune', 100000000,
       '/100000000/' || (100001000 + c) || '/', 1, DATE '2025-07-01', NULL, 0, now(), now()
FROM generate_series(0, 79) c;
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
SELECT 100010000 + h, 'B-H' || h, 'Thon ' || h, 'thon ' || h, 'hamlet', 100001000 + h / 19,
       '/100000000/' || (100001000 + h / 19) || '/' || (100010000 + h) || '/', 2, DATE '2025-07-01', NULL, 0,
       now(), now()
FROM generate_series(0, 1519) h;
-- old commune k merged into new commune floor(2k/3): one or two old communes per new one
INSERT INTO unit_succession (id, old_unit_id, new_unit_id, effective_date, note, created_at)
SELECT 100000000 + k, 100000100 + k, 100001000 + (2 * k) / 3, DATE '2025-07-01', 'bench', now()
FROM generate_series(0, 119) k;

-- Collectives: households (hamlet h = n % 1520), clans (commune n % 80), communities, learning units.
INSERT INTO collective (id, kind, name, search_name, unit_id, unit_type, version, created_at, updated_at)
SELECT 200000000 + n, 'HOUSEHOLD', 'Ho ' || n, 'ho ' || n, 100010000 + n % 1520, NULL, 0, now(), now()
FROM generate_series(0, (:citizens / 1520 / 4 + 1) * 1520 - 1) n;
INSERT INTO collective (id, kind, name, search_name, unit_id, unit_type, version, created_at, updated_at)
SELECT 210000000 + n, 'CLAN', 'Dong ho ' || n, 'dong ho ' || n, 100001000 + n % 80, NULL, 0, now(), now()
FROM generate_series(0, 400 * 80 - 1) n;
INSERT INTO collective (id, kind, name, search_name, unit_id, unit_type, version, created_at, updated_at)
SELECT 220000000 + h, 'COMMUNITY', 'Cong dong ' || h, 'cong dong ' || h, 100010000 + h, NULL, 0, now(), now()
FROM generate_series(0, 1519) h;
INSERT INTO collective (id, kind, name, search_name, unit_id, unit_type, version, created_at, updated_at)
SELECT 230000000 + n, 'LEARNING_UNIT', 'Don vi ' || n, 'don vi ' || n,
       CASE WHEN n < 240 THEN 100001000 + n % 80 ELSE 100000000 END,
       (ARRAY['AGENCY', 'SCHOOL', 'ENTERPRISE'])[n % 3 + 1], 0, now(), now()
FROM generate_series(0, 299) n;

-- Yearly statuses 2021-2025: recognised with a kind's probability; learning units declare their members.
INSERT INTO collective_year (id, collective_id, status_year, recognised, decision_ref, decision_date, member_count,
        version, created_at, updated_at)
SELECT k.id * 10 + (y - 2020), k.id, y, ok, CASE WHEN ok THEN 'B/' || y END,
       CASE WHEN ok THEN make_date(y, 12, 20) END,
       CASE WHEN k.kind = 'LEARNING_UNIT' THEN 20 + (k.id % 180)::int END, 0, now(), now()
FROM collective k CROSS JOIN generate_series(2021, 2025) y
CROSS JOIN LATERAL (SELECT pg_temp.r(k.id * 10 + y, :seed) < CASE k.kind WHEN 'HOUSEHOLD' THEN 0.70
        WHEN 'CLAN' THEN 0.60 WHEN 'COMMUNITY' THEN 0.65 ELSE 0.75 END AS ok) s
WHERE k.id >= 200000000;

-- Citizens: hamlet h = i % 1520, j = i / 1520; household (j / 4) of the hamlet; 30 % in a clan of the commune;
-- officials (and a fifth of workers) work in a learning unit.
INSERT INTO citizen (id, full_name, search_name, birth_year, gender, unit_id, target_group, workplace_id,
        household_id, clan_id, version, created_at, updated_at)
SELECT 400000000 + i, 'Cong Dan ' || i, 'cong dan ' || i, 1940 + (pg_temp.r(i, :seed + 2) * 70)::int,
       CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, 100010000 + i % 1520, g.grp,
       CASE WHEN g.grp = 'OFFICIAL' AND pg_temp.r(i, :seed + 3) < 0.2 THEN 230000240 + i % 60
            WHEN g.grp = 'OFFICIAL' OR (g.grp = 'WORKER' AND pg_temp.r(i, :seed + 3) < 0.2)
                 THEN 230000000 + ((i / 1520) % 3) * 80 + (i % 1520) / 19 END,
       200000000 + ((i / 1520) / 4) * 1520 + i % 1520,
       CASE WHEN pg_temp.r(i, :seed + 4) < 0.3 THEN 210000000 + ((i / 1520) % 400) * 80 + (i % 1520) / 19 END,
       0, now(), now()
FROM generate_series(0, :citizens - 1) i
CROSS JOIN LATERAL (SELECT CASE WHEN x < 0.50 THEN 'FARMER' WHEN x < 0.75 THEN 'WORKER' WHEN x < 0.85 THEN 'OFFICIAL'
        ELSE 'OTHER' END AS grp FROM (SELECT pg_temp.r(i, :seed + 1) AS x) t) g;

-- Assessments 2021-2025.
INSERT INTO assessment (id, citizen_id, assessment_year, criteria_set_id, target_group, unit_id, channel, state,
        self_total, self_passed, verified_total, verified_passed, has_digital_skills, digital_proficient,
        entered_by, submitted_at, verified_at, version, created_at, updated_at)
SELECT (c.id - 400000000) * 10 + (y - 2020), c.id, y, (SELECT min(id) FROM criteria_set), c.target_group,
       CASE WHEN y < 2025 THEN 100000100 + (3 * ((c.unit_id - 100010000) / 19) + 1) / 2 ELSE c.unit_id END,
       CASE WHEN p.online THEN 'ONLINE_SELF' ELSE 'STAFF_PROXY' END, st.state,
       CASE WHEN st.submitted THEN CASE WHEN p.passed THEN 85 ELSE 70 END END,
       CASE WHEN st.submitted THEN p.passed END,
       CASE WHEN st.verified THEN CASE WHEN p.passed THEN 85 ELSE 70 END END,
       CASE WHEN st.verified THEN p.passed END,
       CASE WHEN st.verified THEN p.digital END,
       CASE WHEN st.verified THEN (p.digital AND pg_temp.r(c.id * 10 + y, :seed + 8) < 0.6) OR p.online END,
       'bench', CASE WHEN st.submitted THEN make_timestamptz(y, 10, 1, 8, 0, 0) END,
       CASE WHEN st.verified THEN make_timestamptz(y, 11, 1, 8, 0, 0) END, 0, now(), now()
FROM citizen c CROSS JOIN generate_series(2021, 2025) y
CROSS JOIN LATERAL (SELECT
        pg_temp.r(c.id * 10 + y, :seed + 5) < CASE c.target_group WHEN 'FARMER' THEN 0.55 WHEN 'WORKER' THEN 0.70
            WHEN 'OFFICIAL' THEN 0.90 ELSE 0.65 END AS passed,
        pg_temp.r(c.id * 10 + y, :seed + 6) < CASE c.target_group WHEN 'OFFICIAL' THEN 0.90 WHEN 'WORKER' THEN 0.70
            WHEN 'FARMER' THEN 0.50 ELSE 0.60 END AS digital,
        pg_temp.r(c.id * 10 + y, :seed + 7) < CASE c.target_group WHEN 'OFFICIAL' THEN 0.40 ELSE 0.10 END AS online,
        pg_temp.r(c.id * 10 + y, :seed + 9) AS round) p
CROSS JOIN LATERAL (SELECT s.state, s.state NOT IN ('DRAFT', 'RETURNED') AS submitted,
        s.state NOT IN ('DRAFT', 'RETURNED', 'SUBMITTED') AS verified
    FROM (SELECT CASE WHEN y < 2025 THEN CASE WHEN p.passed THEN 'RECOGNISED' ELSE 'NOT_RECOGNISED' END
                      WHEN p.round < 0.10 THEN 'DRAFT' WHEN p.round < 0.20 THEN 'SUBMITTED'
                      WHEN p.round < 0.30 THEN 'RETURNED' WHEN p.round < 0.45 THEN 'VERIFIED'
                      WHEN p.passed THEN 'RECOGNISED' ELSE 'NOT_RECOGNISED' END AS state) s) st
WHERE c.id >= 400000000
  AND pg_temp.r(c.id * 10 + y, :seed + 10) < CASE y WHEN 2021 THEN 0.40 WHEN 2022 THEN 0.50 WHEN 2023 THEN 0.60
      WHEN 2024 THEN 0.65 ELSE 0.70 END;
COMMIT;

ANALYZE;
SELECT (SELECT count(*) FROM citizen) AS citizens, (SELECT count(*) FROM assessment) AS assessments,
       (SELECT count(*) FROM collective) AS collectives, (SELECT count(*) FROM collective_year) AS statuses,
       (SELECT count(*) FROM admin_unit) AS units;
