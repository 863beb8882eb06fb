#!/usr/bin/env bash
# The province dashboard's SQL against the plain GROUP BY over the raw tables computing the same figures
# (bench/sql/*.sql, generated from the application's code by BenchSqlTest), timed with pgbench: p50/p95 latency;
# then the cost of one unit's refresh (what a change adds to its transaction).
#
#   bench/dashboard-vs-raw.sh --generate   # scratch database: bench/generate.sh (schema, data, roll-ups); then time
#   bench/dashboard-vs-raw.sh              # time again on the existing data
#
# Environment: BENCH_DB (cdht_bench_province; DROPPED and recreated by --generate, see bench/generate.sh), CITIZENS (1600000), PGHOST (127.0.0.1),
# PGUSER (postgres), DASHBOARD_RUNS (200), RAW_RUNS (10). Not a test: CI never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-cdht_bench_province}
CITIZENS=${CITIZENS:-1600000}
DASHBOARD_RUNS=${DASHBOARD_RUNS:-200}
RAW_RUNS=${RAW_RUNS:-10}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
OUT=target/bench
mkdir -p "$OUT"

if [ "${1:-}" = "--generate" ]; then
    # schema, data, roll-ups and accounts: the application's own generator (module benchdata)
    BENCH_DB=$DB CITIZENS=$CITIZENS bench/generate.sh
fi

TODAY=$(date +%F)
PROVINCE=100000000
COMMUNE=100001000
# pgbench substitutes :name textually, the same spelling as the application's named parameters
vars() {
    local unit=$1 prefix=$2
    echo "-D unitId=$unit -D prefix='$prefix' -D childStart=$(( ${#prefix} + 1 )) -D today='$TODAY' -D year=2025"
    echo "-D ids=$unit -D adultAge=15 -D officialGroup='OFFICIAL'"
}

# p50 and p95 (ms) of one script, from pgbench's per-transaction log (third field: latency in microseconds)
measure() {
    local name=$1 script=$2 runs=$3 unit=$4 prefix=$5
    rm -f "$OUT/$name".[0-9]*
    # shellcheck disable=SC2046
    pgbench -n -c 1 -t 2 -f "$script" $(vars "$unit" "$prefix") "$DB" > /dev/null 2>&1   # warm-up
    # shellcheck disable=SC2046
    pgbench -n -c 1 -t "$runs" -f "$script" $(vars "$unit" "$prefix") -l --log-prefix="$OUT/$name" "$DB" \
        > "$OUT/$name.pgbench.txt" 2>&1
    cat "$OUT/$name".[0-9]* | awk '{print $3 / 1000}' | sort -n | awk -v name="$name" -v runs="$runs" '
        { v[NR] = $1 } END {
            p50 = v[int(NR * 0.50 + 0.5) > 0 ? int(NR * 0.50 + 0.5) : 1]
            p95 = v[int(NR * 0.95 + 0.5) > 0 ? int(NR * 0.95 + 0.5) : 1]
            printf "%-22s runs=%-4d p50=%9.1f ms  p95=%9.1f ms\n", name, NR, p50, p95 }' | tee -a "$OUT/results.txt"
}

: > "$OUT/results.txt"
echo "== $(psql -X -At -c "SELECT count(*) FROM citizen" "$DB") citizens, \
$(psql -X -At -c "SELECT count(*) FROM assessment" "$DB") assessments, \
$(psql -X -At -c "SELECT count(*) FROM report_unit_year" "$DB") roll-up rows" | tee -a "$OUT/results.txt"
measure province-dashboard bench/sql/dashboard.sql "$DASHBOARD_RUNS" $PROVINCE "/$PROVINCE/"
measure province-raw bench/sql/raw.sql "$RAW_RUNS" $PROVINCE "/$PROVINCE/"
measure commune-dashboard bench/sql/dashboard.sql "$DASHBOARD_RUNS" $COMMUNE "/$PROVINCE/$COMMUNE/"
measure commune-raw bench/sql/raw.sql "$RAW_RUNS" $COMMUNE "/$PROVINCE/$COMMUNE/"
# Freshness: what one change costs the roll-ups (a listener's refresh of one unit and year, rolled back)
measure hamlet-refresh bench/sql/refresh-unit.sql "$DASHBOARD_RUNS" 100010000 "/$PROVINCE/$COMMUNE/100010000/"
measure commune-refresh bench/sql/refresh-unit.sql "$DASHBOARD_RUNS" $COMMUNE "/$PROVINCE/$COMMUNE/"
measure province-refresh bench/sql/refresh-unit.sql 20 $PROVINCE "/$PROVINCE/"
