#!/usr/bin/env bash
# The SQL behind the home pages' work queues and the decision pick page (issue 13), on one commune of a generated
# province (the generator makes every commune ~20,000 citizens, so these costs do not grow with the province):
# EXPLAIN ANALYZE run RUNS times each, the median execution time printed. The province officer's queue is the
# province dashboard's SQL (bench/dashboard-vs-raw.sh). Not a test: CI never runs it.
#
#   BENCH_DB=cdht_bench_province bench/home-queues.sh
#
# Environment: BENCH_DB (cdht_bench_province, made by bench/generate.sh), COMMUNE (100001001), YEAR (the generator's
# current year, 2025), PGHOST (127.0.0.1), PGUSER (postgres), RUNS (5).
set -euo pipefail
DB=${BENCH_DB:-cdht_bench_province}
COMMUNE=${COMMUNE:-100001001}
YEAR=${YEAR:-2025}
RUNS=${RUNS:-5}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
P=$(psql -d "$DB" -At -c "select path from admin_unit where id = $COMMUNE")
CITIZENS=$(psql -d "$DB" -At -c "select count(*) from citizen c join admin_unit u on u.id = c.unit_id where u.path like '$P%'")
SUBTREE="(select s.id from admin_unit s where s.path like '$P%')"

median() {
    for _ in $(seq "$RUNS"); do
        psql -d "$DB" -At -c "EXPLAIN (ANALYZE) $2" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p'
    done | sort -n | awk -v name="$1" '{ v[NR] = $1 } END { printf "| %s | %.1f |\n", name, v[int((NR + 1) / 2)] }'
}

echo "commune $COMMUNE ($CITIZENS citizens), year $YEAR, median of $RUNS runs (ms)"
echo "| query | ms |"
echo "|---|---|"
for Y in "$YEAR" $((YEAR + 1)); do
    median "assessments by state, $Y (verifier, commune officer)" \
        "select a.state, count(*) from assessment a where a.unit_id in $SUBTREE and a.assessment_year = $Y group by a.state"
    median "citizens without an assessment, $Y (commune officer)" \
        "select count(*) from citizen c join admin_unit u on u.id = c.unit_id where not exists (select 1 from assessment a where a.citizen_id = c.id and a.assessment_year = $Y) and c.unit_id in $SUBTREE"
done
IDS=$(psql -d "$DB" -At -c "select string_agg(id::text, ',') from (select c.id from citizen c join admin_unit u on u.id = c.unit_id where u.path like '$P%' order by c.search_name limit 25) x")
median "the year's status of a search page (25 citizens)" \
    "select citizen_id, state from assessment where citizen_id in ($IDS) and assessment_year = $YEAR"
median "criteria drafts (admin)" "select count(*) from criteria_set where status = 'DRAFT'"
median "pick page: verified passed / failed" \
    "select a.verified_passed, count(*) from assessment a where a.unit_id in $SUBTREE and a.assessment_year = $YEAR and a.state = 'VERIFIED' group by a.verified_passed"
median "pick page: rows per hamlet name (the page's total)" \
    "select u.name, count(*) from assessment a join admin_unit u on u.id = a.unit_id where a.unit_id in $SUBTREE and a.assessment_year = $YEAR and a.state = 'VERIFIED' and coalesce(a.verified_passed, a.self_passed) = true group by u.name order by u.name"
median "select all that pass: every passing row of the commune" \
    "select a.id, a.citizen_id, c.full_name, c.birth_year, c.gender, a.unit_id, u.name, a.version from assessment a join admin_unit u on u.id = a.unit_id join citizen c on c.id = a.citizen_id where a.unit_id in $SUBTREE and a.assessment_year = $YEAR and a.state = 'VERIFIED' and coalesce(a.verified_passed, a.self_passed) = true order by u.name, c.search_name, c.birth_year, a.id"
