#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of every statement of the issue 16 report pages (bench/sql/insights.sql, generated from
# the application's code by BenchSqlTest), for the province and one commune of a generated benchmark database; then
# pgbench p50/p95 of the whole set per unit. Read-only. Not a test: CI never runs it.
#
#   BENCH_DB=cdht_bench_province bench/explain-insights.sh      # plans in target/bench/explain-insights.txt
#
# Environment: BENCH_DB (cdht_bench_province), RUNS (20), YEAR (2025), LEVEL (commune), PGHOST, PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-cdht_bench_province}
RUNS=${RUNS:-20}
YEAR=${YEAR:-2025}
LEVEL=${LEVEL:-commune}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
OUT=target/bench
mkdir -p "$OUT"
PROVINCE=100000000
COMMUNE=100001000
TODAY=$(date +%F)
: > "$OUT/explain-insights.txt"
# psql variables have pgbench's spelling (:name), and the statements quote them already where needed
explain() {
    local unit=$1 prefix=$2
    awk 'BEGIN { RS = ";\n\n" } NF { gsub(/^(--[^\n]*\n)+/, ""); print "EXPLAIN (ANALYZE, BUFFERS)\n" $0 ";\n" }' \
        bench/sql/insights.sql > "$OUT/explain-insights.sql"
    psql -X -q -v ON_ERROR_STOP=1 -v prefix="'$prefix'" -v childStart=$(( ${#prefix} + 1 )) -v today="'$TODAY'" \
        -v year=$YEAR -v first="'$YEAR-01-01'" -v last="'$YEAR-12-31'" -v level="'$LEVEL'" \
        -f "$OUT/explain-insights.sql" "$DB" >> "$OUT/explain-insights.txt"
}
timed() {
    local name=$1 unit=$2 prefix=$3
    rm -f "$OUT/$name".[0-9]*
    pgbench -n -c 1 -t "$RUNS" -f bench/sql/insights.sql -D prefix="'$prefix'" -D childStart=$(( ${#prefix} + 1 )) \
        -D today="'$TODAY'" -D year=$YEAR -D first="'$YEAR-01-01'" -D last="'$YEAR-12-31'" -D level="'$LEVEL'" \
        -l --log-prefix="$OUT/$name" "$DB" > "$OUT/$name.pgbench.txt" 2>&1
    cat "$OUT/$name".[0-9]* | awk '{print $3 / 1000}' | sort -n | awk -v name="$name" '
        { v[NR] = $1 } END {
            a = int(NR * 0.5 + 0.5); if (a < 1) a = 1
            b = int(NR * 0.95 + 0.5); if (b < 1) b = 1
            printf "%-24s runs=%-4d p50=%8.1f ms  p95=%8.1f ms\n", name, NR, v[a], v[b] }'
}
echo "== $(psql -X -At -c "SELECT count(*) FROM citizen" "$DB") citizens, $(psql -X -At -c \
    "SELECT count(*) FROM report_unit_cube" "$DB") cube rows, $(psql -X -At -c \
    "SELECT count(*) FROM report_unit_year" "$DB") unit-year rows"
echo "-- province" >> "$OUT/explain-insights.txt"
explain $PROVINCE "/$PROVINCE/"
echo "-- commune" >> "$OUT/explain-insights.txt"
explain $COMMUNE "/$PROVINCE/$COMMUNE/"
grep -E "^ *Execution Time" "$OUT/explain-insights.txt" | awk '{ print NR ": " $3 " ms" }'
timed province-insights $PROVINCE "/$PROVINCE/"
timed commune-insights $COMMUNE "/$PROVINCE/$COMMUNE/"
