-- A province-sized data set for the benchmarks (module benchdata, issue 8), generated inside PostgreSQL with
-- generate_series. ProvinceGenerator fills the ${...} placeholders and runs the statements in order on ONE
-- connection (pg_temp function), in one transaction. Reproducible: every "random" choice is a hash of the row's
-- number and the seed, never random(), so the same size and seed give identical rows.
-- Shape (C communes, H = 19 C hamlets): one province; before 1 July 2025 districts of 12 old communes each,
-- 3C/2 old communes (retired, succeeded by the new ones); today C communes of 19 hamlets; households of about four
-- people, 400 clans per commune, one learning community per hamlet, 3 learning units per commune and 3C/4 at
-- province level; statuses 2021-2025; citizens with realistic target-group shares and Vietnamese names;
-- assessments 2021-2025 (40-70 % of citizens a year; 2021-2024 recorded on the old communes and decided, 2025 on
-- the hamlets in every state of the round) with the pilots' pass rates; an issued recognition decision per
-- commune and year listing the decided assessments.
CREATE OR REPLACE FUNCTION pg_temp.r(i bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT (abs(hashint8extended(i, salt)) % 1000000) / 1000000.0 $$;

-- Units: ids from 100,000,000 up, clear of the application's sequences.
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
VALUES (100000000, 'B-P', 'Tỉnh Bench', 'tinh bench', 'province', NULL, '/100000000/', 0, DATE '1990-01-01',
        NULL, 0, now(), now());
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
SELECT 100000001 + d, 'B-D' || d, 'Huyện ' || d, 'huyen ' || d, 'district', 100000000,
       '/100000000/' || (100000001 + d) || '/', 1, DATE '1990-01-01', DATE '2025-06-30', 0, now(), now()
FROM generate_series(0, (${oldCommunes} + 11) / 12 - 1) d;
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
SELECT 100000100 + k, 'B-OC' || k, 'Xã cũ ' || k, 'xa cu ' || k, 'commune', 100000001 + k / 12,
       '/100000000/' || (100000001 + k / 12) || '/' || (100000100 + k) || '/', 2, DATE '1990-01-01',
       DATE '2025-06-30', 0, now(), now()
FROM generate_series(0, ${oldCommunes} - 1) k;
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
SELECT 100001000 + c, 'B-C' || c, 'Xã ' || c, 'xa ' || c, 'commune', 100000000,
       '/100000000/' || (100001000 + c) || '/', 1, DATE '2025-07-01', NULL, 0, now(), now()
FROM generate_series(0, ${communes} - 1) c;
INSERT INTO admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from, valid_to,
        version, created_at, updated_at)
SELECT 100010000 + h, 'B-H' || h, 'Thôn ' || h, 'thon ' || h, 'hamlet', 100001000 + h / 19,
       '/100000000/' || (100001000 + h / 19) || '/' || (100010000 + h) || '/', 2, DATE '2025-07-01', NULL, 0,
       now(), now()
FROM generate_series(0, ${hamlets} - 1) h;
-- old commune k merged into new commune floor(2k/3): one or two old communes per new one
INSERT INTO unit_succession (id, old_unit_id, new_unit_id, effective_date, note, created_at)
SELECT 100000000 + k, 100000100 + k, 100001000 + (2 * k) / 3, DATE '2025-07-01', 'bench', now()
FROM generate_series(0, ${oldCommunes} - 1) k;

-- Collectives: households (hamlet n % H), clans (commune n % C), communities, learning units.
INSERT INTO collective (id, kind, name, search_name, unit_id, unit_type, version, created_at, updated_at)
SELECT 200000000 + n, 'HOUSEHOLD', 'Hộ ' || n, 'ho ' || n, 100010000 + n % ${hamlets}, NULL, 0, now(), now()
FROM generate_series(0, (${citizens} / ${hamlets} / 4 + 1) * ${hamlets} - 1) n;
INSERT INTO collective (id, kind, name, search_name, unit_id, unit_type, version, created_at, updated_at)
SELECT 210000000 + n, 'CLAN', 'Dòng họ ' || n, 'dong ho ' || n, 100001000 + n % ${communes}, NULL, 0, now(), now()
FROM generate_series(0, 400 * ${communes} - 1) n;
INSERT INTO collective (id, kind, name, search_name, unit_id, unit_type, version, created_at, updated_at)
SELECT 220000000 + h, 'COMMUNITY', 'Cộng đồng ' || h, 'cong dong ' || h, 100010000 + h, NULL, 0, now(), now()
FROM generate_series(0, ${hamlets} - 1) h;
INSERT INTO collective (id, kind, name, search_name, unit_id, unit_type, version, created_at, updated_at)
SELECT 230000000 + n, 'LEARNING_UNIT', 'Đơn vị ' || n, 'don vi ' || n,
       CASE WHEN n < 3 * ${communes} THEN 100001000 + n % ${communes} ELSE 100000000 END,
       (ARRAY['AGENCY', 'SCHOOL', 'ENTERPRISE'])[n % 3 + 1], 0, now(), now()
FROM generate_series(0, 3 * ${communes} + ${provinceUnits} - 1) n;

-- Yearly statuses 2021-2025: recognised with a kind's probability; learning units declare their members.
INSERT INTO collective_year (id, collective_id, status_year, recognised, decision_ref, decision_date, member_count,
        version, created_at, updated_at)
SELECT k.id * 10 + (y - 2020), k.id, y, ok, CASE WHEN ok THEN 'B/' || y END,
       CASE WHEN ok THEN make_date(y, 12, 20) END,
       CASE WHEN k.kind = 'LEARNING_UNIT' THEN 20 + (k.id % 180)::int END, 0, now(), now()
FROM collective k CROSS JOIN generate_series(2021, 2025) y
CROSS JOIN LATERAL (SELECT pg_temp.r(k.id * 10 + y, ${seed}) < CASE k.kind WHEN 'HOUSEHOLD' THEN 0.70
        WHEN 'CLAN' THEN 0.60 WHEN 'COMMUNITY' THEN 0.65 ELSE 0.75 END AS ok) s
WHERE k.id >= 200000000;

-- Citizens: hamlet h = i % H, j = i / H; household (j / 4) of the hamlet; 30 % in a clan of the commune;
-- officials (and a fifth of workers) work in a learning unit. Shares: farmers 55 %, workers 25 %, officials 5 %,
-- other 15 %. Names: a family name (Nguyễn for about a third), a middle name by gender, a given name.
INSERT INTO citizen (id, full_name, search_name, birth_year, gender, unit_id, target_group, workplace_id,
        household_id, clan_id, version, created_at, updated_at)
SELECT 400000000 + i, n.family[f] || ' ' || n.middle[m] || ' ' || n.given[g2],
       n.familyFolded[f] || ' ' || n.middleFolded[m] || ' ' || n.givenFolded[g2],
       1940 + (pg_temp.r(i, ${seed} + 2) * 70)::int,
       CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, 100010000 + i % ${hamlets}, g.grp,
       CASE WHEN g.grp = 'OFFICIAL' AND pg_temp.r(i, ${seed} + 3) < 0.2
                 THEN 230000000 + 3 * ${communes} + i % ${provinceUnits}
            WHEN g.grp = 'OFFICIAL' OR (g.grp = 'WORKER' AND pg_temp.r(i, ${seed} + 3) < 0.2)
                 THEN 230000000 + ((i / ${hamlets}) % 3) * ${communes} + (i % ${hamlets}) / 19 END,
       200000000 + ((i / ${hamlets}) / 4) * ${hamlets} + i % ${hamlets},
       CASE WHEN pg_temp.r(i, ${seed} + 4) < 0.3
            THEN 210000000 + ((i / ${hamlets}) % 400) * ${communes} + (i % ${hamlets}) / 19 END,
       0, now(), now()
FROM generate_series(0, ${citizens} - 1) i
CROSS JOIN (SELECT ${familyNames} AS family, ${familyFolded} AS familyFolded,
        ${middleNames} AS middle, ${middleFolded} AS middleFolded,
        ${givenNames} AS given, ${givenFolded} AS givenFolded) n
CROSS JOIN LATERAL (SELECT CASE WHEN x < 0.55 THEN 'FARMER' WHEN x < 0.80 THEN 'WORKER' WHEN x < 0.85 THEN 'OFFICIAL'
        ELSE 'OTHER' END AS grp FROM (SELECT pg_temp.r(i, ${seed} + 1) AS x) t) g
CROSS JOIN LATERAL (SELECT 1 + (pg_temp.r(i, ${seed} + 11) * cardinality(n.family))::int % cardinality(n.family) AS f,
        1 + (i % 2) * (cardinality(n.middle) / 2)
          + (pg_temp.r(i, ${seed} + 12) * (cardinality(n.middle) / 2))::int % (cardinality(n.middle) / 2) AS m,
        1 + (pg_temp.r(i, ${seed} + 13) * cardinality(n.given))::int % cardinality(n.given) AS g2) p;

-- Assessments 2021-2025 (ids from 2,000,000,000 up).
INSERT INTO assessment (id, citizen_id, assessment_year, criteria_set_id, target_group, unit_id, channel, state,
        self_total, self_passed, verified_total, verified_passed, has_digital_skills, digital_proficient,
        entered_by, submitted_at, verified_at, version, created_at, updated_at)
SELECT 2000000000 + (c.id - 400000000) * 10 + (y - 2020), c.id, y, (SELECT min(id) FROM criteria_set), c.target_group,
       CASE WHEN y < 2025 THEN 100000100 + (3 * ((c.unit_id - 100010000) / 19) + 1) / 2 ELSE c.unit_id END,
       CASE WHEN p.online THEN 'ONLINE_SELF' ELSE 'STAFF_PROXY' END, st.state,
       CASE WHEN st.submitted THEN CASE WHEN p.passed THEN 85 ELSE 70 END END,
       CASE WHEN st.submitted THEN p.passed END,
       CASE WHEN st.verified THEN CASE WHEN p.passed THEN 85 ELSE 70 END END,
       CASE WHEN st.verified THEN p.passed END,
       CASE WHEN st.verified THEN p.digital END,
       CASE WHEN st.verified THEN (p.digital AND pg_temp.r(c.id * 10 + y, ${seed} + 8) < 0.6) OR p.online END,
       'bench', CASE WHEN st.submitted THEN make_timestamptz(y, 10, 1, 8, 0, 0) END,
       CASE WHEN st.verified THEN make_timestamptz(y, 11, 1, 8, 0, 0) END, 0, now(), now()
FROM citizen c CROSS JOIN generate_series(2021, 2025) y
CROSS JOIN LATERAL (SELECT
        pg_temp.r(c.id * 10 + y, ${seed} + 5) < CASE c.target_group WHEN 'FARMER' THEN 0.55 WHEN 'WORKER' THEN 0.70
            WHEN 'OFFICIAL' THEN 0.90 ELSE 0.65 END AS passed,
        pg_temp.r(c.id * 10 + y, ${seed} + 6) < CASE c.target_group WHEN 'OFFICIAL' THEN 0.90 WHEN 'WORKER' THEN 0.70
            WHEN 'FARMER' THEN 0.50 ELSE 0.60 END AS digital,
        pg_temp.r(c.id * 10 + y, ${seed} + 7) < CASE c.target_group WHEN 'OFFICIAL' THEN 0.40 ELSE 0.10 END AS online,
        pg_temp.r(c.id * 10 + y, ${seed} + 9) AS round) p
CROSS JOIN LATERAL (SELECT s.state, s.state NOT IN ('DRAFT', 'RETURNED') AS submitted,
        s.state NOT IN ('DRAFT', 'RETURNED', 'SUBMITTED') AS verified
    FROM (SELECT CASE WHEN y < 2025 THEN CASE WHEN p.passed THEN 'RECOGNISED' ELSE 'NOT_RECOGNISED' END
                      WHEN p.round < 0.10 THEN 'DRAFT' WHEN p.round < 0.20 THEN 'SUBMITTED'
                      WHEN p.round < 0.30 THEN 'RETURNED' WHEN p.round < 0.45 THEN 'VERIFIED'
                      WHEN p.passed THEN 'RECOGNISED' ELSE 'NOT_RECOGNISED' END AS state) s) st
WHERE c.id >= 400000000
  AND pg_temp.r(c.id * 10 + y, ${seed} + 10) < CASE y WHEN 2021 THEN 0.40 WHEN 2022 THEN 0.50 WHEN 2023 THEN 0.60
      WHEN 2024 THEN 0.65 ELSE 0.70 END;

-- Recognition: one issued decision per commune and year (the old communes up to 2024, the new ones in 2025),
-- listing every decided assessment of the commune's hamlets, by hamlet and name as the candidate list orders them.
INSERT INTO recognition_decision (id, unit_id, decision_year, number, issued_on, issuer_kind, issuer_name,
        place_name, signer_name, signer_title, legal_basis, status, created_by, created_at, updated_by, updated_at,
        issued_by, issued_at, version)
SELECT 500000000 + (u.id - 100000000) * 10 + (y - 2020), u.id, y, 1, make_date(y, 12, 20), 'COMMUNE_HKH',
       'Hội Khuyến học ' || u.name, u.name, 'Nguyễn Văn Bench', 'TM. BAN THƯỜNG TRỰC' || chr(10) || 'CHỦ TỊCH',
       'Căn cứ Quyết định số 677/QĐ-TTg ngày 03/6/2022 của Thủ tướng Chính phủ', 'ISSUED', 'bench',
       make_timestamptz(y, 12, 15, 8, 0, 0), 'bench', make_timestamptz(y, 12, 20, 8, 0, 0), 'bench',
       make_timestamptz(y, 12, 20, 8, 0, 0), 0
FROM admin_unit u CROSS JOIN generate_series(2021, 2025) y
WHERE u.level_code = 'commune' AND u.id >= 100000000
  AND ((y < 2025 AND u.valid_to IS NOT NULL) OR (y = 2025 AND u.valid_to IS NULL));
INSERT INTO recognition_item (id, decision_id, assessment_id, citizen_id, position, citizen_name, birth_year,
        hamlet_name, outcome, assessment_version)
SELECT a.id, 500000000 + (CASE WHEN a.assessment_year < 2025 THEN a.unit_id ELSE h.parent_id END - 100000000) * 10
           + (a.assessment_year - 2020),
       a.id, c.id,
       row_number() OVER (PARTITION BY a.assessment_year, CASE WHEN a.assessment_year < 2025 THEN a.unit_id
           ELSE h.parent_id END ORDER BY c.unit_id, c.search_name, c.id),
       c.full_name, c.birth_year, h.name, a.state, a.version
FROM assessment a JOIN citizen c ON c.id = a.citizen_id JOIN admin_unit h ON h.id = c.unit_id
WHERE a.id >= 2000000000 AND a.state IN ('RECOGNISED', 'NOT_RECOGNISED') AND c.id >= 400000000;
