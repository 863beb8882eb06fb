#!/usr/bin/env bash
# Issue 8's benchmark harness, one command: (optionally) the data set, the application's start-up time, the page
# scenarios under wrk at 1, 8 and 32 concurrent users beside the framework floor, then with the app stopped the
# import beside COPY (on its own scratch database), the dashboard SQL beside the raw aggregate; then the markdown tables.
#
#   bench/run-all.sh --generate     # drop + generate BENCH_DB (CITIZENS, default 1.6 M), then everything
#   bench/run-all.sh                # everything on the existing BENCH_DB (generated when it does not exist)
#   DURATION=10s CONNECTIONS="1 8" SKIP_SQL=1 bench/run-all.sh   # a quicker pass
#
# Environment: BENCH_DB (cdht_bench_province), CITIZENS (1600000), SEED (42), DURATION per run (15s), WARMUP per
# scenario (5s), CONNECTIONS ("1 8 32"), APP_PORT (8098), JAVA_OPTS (""), RAW_RUNS (3), DASHBOARD_RUNS (50),
# BENCH_JAR (target/cdht-*.jar), OUT (target/bench/load), SKIP_SQL (unset: run the SQL baselines),
# SKIP_IMPORT (unset: run the import beside COPY on IMPORT_DB,
# default cdht_bench_import, IMPORT_ROWS rows, default 100000), SCENARIOS (all: "bare floor search search-province form-get form-post
# commune-list dashboard forecast completeness compare pivot"), PGHOST (127.0.0.1), PGUSER (postgres).
# Output: target/bench/load/ (wrk outputs, app.log, results.tsv, report.md). Not a test: CI never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-cdht_bench_province}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-"1 8 32"}
APP_PORT=${APP_PORT:-8098}
PASSWORD=${BENCH_PASSWORD:-Bench-cdht-2026}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} BENCH_DB=$DB
export CDHT_CITIZEN_ID_HASH_KEY=${CDHT_CITIZEN_ID_HASH_KEY:-benchmark-only-key-never-used-for-real-data-000}
OUT=${OUT:-target/bench/load}
BASE=http://localhost:$APP_PORT
PROVINCE=100000000
COMMUNE=100001000
YEAR=2025
mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT/results.tsv" "$OUT/report.md"
run_started=$(date +%s)

command -v wrk > /dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
if [ "${1:-}" = "--generate" ] || ! psql -X -At -c "SELECT 1" "$DB" > /dev/null 2>&1; then
    bench/generate.sh
fi
JAR=${BENCH_JAR:-$(ls target/cdht-*.jar 2> /dev/null | head -1 || true)}
if [ -z "$JAR" ]; then
    ./mvnw -q package -DskipTests
    JAR=$(ls target/cdht-*.jar | head -1)
fi
# run a copy: a rebuild of target/*.jar during the run must not pull classes from under the running JVM
cp "$JAR" "$OUT/app.jar"
JAR=$OUT/app.jar
q() { psql -X -At -c "$1" "$DB"; }

# ---- the application: start-up time from process start to the first 200 on /login ----
APP_PID=
stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then
        kill -- -"$APP_PID" 2> /dev/null || true
        wait "$APP_PID" 2> /dev/null || true
    fi
    APP_PID=
}
trap stop_app EXIT
if curl -s -o /dev/null "$BASE/login"; then
    echo "port $APP_PORT is in use: set APP_PORT" >&2
    exit 1
fi
echo "== starting $JAR on $DB (port $APP_PORT)"
t0=$(date +%s%N)
# shellcheck disable=SC2086
setsid java ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres --server.port="$APP_PORT" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB?reWriteBatchedInserts=true" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
    --cdht.bench.floor=true > "$OUT/app.log" 2>&1 &
APP_PID=$!
# shellcheck source=bench/load/common.sh
. bench/load/common.sh
wait_ready "$BASE/login" "$APP_PID" "$OUT/app.log" || exit 1
STARTUP=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
STARTED_LINE=$(grep -o "Started CdhtApplication in [0-9.]* seconds" "$OUT/app.log" | grep -o "[0-9.]* seconds" || true)
echo "start-up: first 200 on /login after $STARTUP s (Spring: $STARTED_LINE)"

# ---- sessions, wrk runs and the goals table: bench/load/common.sh ----
XA=$(login bench-xa)
XA_CSRF=$(csrf_for "$XA")
TINH=$(login bench-tinh)
[ -n "$XA_CSRF" ] || { echo "no CSRF token on /bench/floor" >&2; exit 1; }

# ---- scenarios ----
INDICATORS=$(q "SELECT string_agg(code || ':' || max_points, ',' ORDER BY sort_order, id) FROM criteria_indicator
    WHERE criteria_set_id = (SELECT min(id) FROM criteria_set)")
IDS_FILE=$OUT/editable-ids.txt
# the assessments bench-xa may edit (DRAFT or RETURNED, its commune, 2025), with their current versions
editable_ids() {
    q "SELECT a.id || ' ' || a.version FROM assessment a JOIN admin_unit u ON u.id = a.unit_id
       WHERE a.assessment_year = $YEAR AND a.state IN ('DRAFT', 'RETURNED') AND u.path LIKE '/$PROVINCE/$COMMUNE/%'
       ORDER BY a.id" > "$IDS_FILE"
}
editable_ids
echo "editable assessments of the commune: $(wc -l < "$IDS_FILE")"

# Requests that wrk left behind (Tomcat finishes them after wrk has closed its connections) must not spill into the
# next run: wait until the application's database sessions have been idle for two polls in a row (at most 300 s).
drain() {
    local idle=0 i
    for i in $(seq 1 600); do
        if [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
                   AND pid <> pg_backend_pid() AND application_name NOT LIKE 'psql%'")" = 0 ]; then
            idle=$(( idle + 1 ))
            [ "$idle" -ge 2 ] && return 0
        else
            idle=0
        fi
        sleep 0.5
    done
    echo "   (the application was still busy after 300 s)" >&2
}

# a save moves versions on: read the editable assessments again before each POST run
before_run() { [ "$1" = save ] && editable_ids; return 0; }
SCENARIOS=${SCENARIOS:-"bare floor search search-province form-get form-post commune-list dashboard forecast completeness compare pivot"}
APP_JAVA=$APP_PID   # setsid execs java in place: the pid is the JVM's
GC0=$(gc_seconds "$APP_JAVA"); load_started=$(date +%s%N)
scenario bare "bare page /bench/bare (no security, no session; issue 18)" get "" /bench/bare
scenario floor "framework floor: /bench/floor (commune officer)" get "$XA" /bench/floor
scenario search "citizen search /citizens?q=... (commune officer, ~20,000 citizens)" search "$XA" /
scenario search-province "citizen search /citizens?q=... (province officer, all citizens)" search "$TINH" /
scenario form-get "assessment form GET /assessments/{id}/edit" form "$XA" /
scenario form-post "assessment form POST /assessments/{id}/edit (real save)" save "$XA" /
scenario commune-list "commune list /assessments?year=$YEAR (commune officer)" get "$XA" "/assessments?year=$YEAR"
scenario dashboard "province dashboard /report/$PROVINCE/$YEAR (province officer)" get "$TINH" "/report/$PROVINCE/$YEAR"
# issue 16: the pages that look ahead and across, beside the dashboard (same officer, same unit and year)
scenario forecast "province forecast /report/$PROVINCE/$YEAR/forecast (units at risk: communes)" get "$TINH" \
    "/report/$PROVINCE/$YEAR/forecast"
scenario completeness "province completeness /report/$PROVINCE/$YEAR/completeness" get "$TINH" \
    "/report/$PROVINCE/$YEAR/completeness"
scenario compare "province comparison /report/$PROVINCE/$YEAR/compare (communes, sparklines)" get "$TINH" \
    "/report/$PROVINCE/$YEAR/compare"
scenario pivot "province pivot /report/$PROVINCE/pivot (communes x age band, all years)" get "$TINH" \
    "/report/$PROVINCE/pivot?rows=unit&cols=age_band&measure=rate"
SAVED=$(q "SELECT count(*) FROM assessment WHERE version > 0 AND assessment_year = $YEAR")
GC_PERCENT=$(gc_percent "$APP_JAVA" "$GC0" "$load_started")
RSS_MB=$(( $(ps -o rss= -p "$APP_JAVA") / 1024 ))

stop_app

# ---- import beside COPY, with the application stopped (it would compete with the import) ----
# bench/import-vs-copy.sh uses its OWN scratch database (IMPORT_DB, default cdht_bench_import, dropped and
# recreated); it never reads or touches BENCH_DB. It prints markdown (its table with rows/s and the ratios to both
# COPY baselines, target >= 0.3), which goes into the report as is. SKIP_IMPORT set: not run.
IMPORT_MD="Skipped (SKIP_IMPORT set)."
if [ -z "${SKIP_IMPORT:-}" ]; then
    echo "== import vs COPY (bench/import-vs-copy.sh)"
    IMPORT_MD=$(env -u BENCH_DB IMPORT_DB="${IMPORT_DB:-cdht_bench_import}" ROWS="${IMPORT_ROWS:-100000}" \
        bench/import-vs-copy.sh 2>&1) || IMPORT_MD="import-vs-copy.sh failed: $IMPORT_MD"
fi

# ---- the raw SQL aggregate the dashboard replaces (pgbench, one client), with the application stopped ----
SQL_MD="Skipped (SKIP_SQL set)."
if [ -z "${SKIP_SQL:-}" ]; then
    echo "== dashboard SQL vs raw aggregate (bench/dashboard-vs-raw.sh)"
    DASHBOARD_RUNS=${DASHBOARD_RUNS:-50} RAW_RUNS=${RAW_RUNS:-3} bench/dashboard-vs-raw.sh > "$OUT/sql.txt" 2>&1 \
        || echo "dashboard-vs-raw.sh failed, see $OUT/sql.txt"
    # results.txt lines: "name runs=N p50= X ms p95= Y ms"
    SQL_MD=$(awk '$1 ~ /^(province|commune|hamlet)-/ { sub("runs=", "", $2); printf "| %s | %s | %s | %s |\n", $1, $2, $4, $7 }' \
        target/bench/results.txt 2> /dev/null)
    SQL_MD="| script | runs | p50 (ms) | p95 (ms) |
|---|---|---|---|
$SQL_MD"
fi
RAW_P95=$(awk '$1 == "province-raw" { print $7 }' target/bench/results.txt 2> /dev/null || true)

# ---- the report ----
{
    echo "### Run of $(date -u '+%Y-%m-%d %H:%M UTC') on $DB"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(q 'SHOW server_version' | cut -d' ' -f1)" \
        "PostgreSQL; $(java -version 2>&1 | head -1); load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Data: $(q 'SELECT count(*) FROM citizen') citizens, $(q 'SELECT count(*) FROM assessment') assessments," \
        "$(q "SELECT count(*) FROM admin_unit WHERE level_code = 'commune' AND valid_to IS NULL") communes," \
        "$(q "SELECT count(*) FROM admin_unit WHERE level_code = 'hamlet'") hamlets;" \
        "database $(q "SELECT pg_size_pretty(pg_database_size('$DB'))")." \
        "wrk: $DURATION a run after a $WARMUP warm-up per scenario, threads = min(users, 2), keep-alive."
    echo
    echo "Start-up: **$STARTUP s** from process start to the first 200 on /login (Spring's own figure: $STARTED_LINE)."
    echo "Memory after the load: RSS $RSS_MB MB (JAVA_OPTS '${JAVA_OPTS:-}'); GC $GC_PERCENT % of the load's wall time."
    echo
    results_table
    echo
    echo "Assessments of $YEAR saved at least once by the POST runs (all runs so far on this database): $SAVED."
    echo
    echo "**Ratios to the baselines**"
    echo
    goals_table
    for name in form-get form-post; do
        awk -v n="$name" -v p="$(field "$(value "$name" 32)" p95)" 'BEGIN {
            if (p != "") printf "| %s p95 | 32 | %s ms | <= 50 ms | %s |\n", n, p, p <= 50 ? "yes" : "**no**" }'
    done
    if [ -n "$RAW_P95" ]; then
        for c in $CONNECTIONS; do
            awk -v c="$c" -v p="$(field "$(value dashboard "$c")" p95)" -v raw="$RAW_P95" 'BEGIN {
                if (raw > 0) printf "| dashboard page p95 / raw aggregate p95 | %s | %.4f (%s / %s ms) | <= 0.5 | %s |\n", c,
                    p / raw, p, raw, p / raw <= 0.5 ? "yes" : "**no**" }'
        done
    fi
    # issue 16: each page that looks ahead or across, beside the dashboard it extends (no target: measured)
    for name in forecast completeness compare pivot; do
        for c in $CONNECTIONS; do
            awk -v n="$name" -v c="$c" -v p="$(field "$(value "$name" "$c")" p95)" \
                -v d="$(field "$(value dashboard "$c")" p95)" 'BEGIN {
                if (d > 0 && p != "") printf "| %s page p95 / dashboard page p95 | %s | %.2f (%s / %s ms) | measured | - |\n",
                    n, c, p / d, p, d }'
        done
    done
    awk -v s="$STARTUP" 'BEGIN { printf "| start-up | - | %s s | <= 8 s | %s |\n", s, s <= 8 ? "yes" : "**no**" }'
    awk -v g="$GC_PERCENT" 'BEGIN { printf "| GC time during the load | - | %s %% | < 5 %% | %s |\n", g, g < 5 ? "yes" : "**no**" }'
    echo
    echo "**Dashboard SQL beside the raw aggregate** (bench/dashboard-vs-raw.sh, pgbench, one client, app stopped)"
    echo
    echo "$SQL_MD"
    echo
    echo "**Import beside COPY**"
    echo
    echo "$IMPORT_MD"
    echo
    echo "Whole run: $(( $(date +%s) - run_started )) s."
} > "$OUT/report.md"
echo
cat "$OUT/report.md"
