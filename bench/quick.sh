#!/usr/bin/env bash
# Issue 18's quick mode: the per-request cost and start-up, on the demo data, in about three minutes, for anyone
# after a change. The jar on the embedded H2 database (a new one under target/bench/quick/, so the first start also
# migrates and loads the demo), then a second start on that database; the bare page, the framework floor and the
# main pages under wrk at 1, 8 and 32 users; the ratios against issue 18's goals (BENCHMARKS.md), memory and GC.
#
#   bench/quick.sh                                   # ~3 minutes
#   PETCLINIC_JAR=../petclinic/target/spring-petclinic-4.0.0-SNAPSHOT.jar bench/quick.sh   # + petclinic /owners/1
#   JFR=1 bench/quick.sh                             # + a flight recording of the load (target/bench/quick/load.jfr)
#   QUICK_DB=postgres bench/quick.sh                 # demo data on PostgreSQL (database cdht_bench_quick, dropped)
#   KEEP_DB=1 bench/quick.sh                         # the previous run's database again, one start only
#
# Environment: DURATION (5s a run), WARMUP (2s), CONNECTIONS ("1 8 32"), APP_PORT (8097), PET_PORT (8096),
# JAVA_OPTS (""), SCENARIOS (all: "bare floor petclinic form-get form-post search commune-list dashboard"),
# PGHOST (127.0.0.1), PGUSER (postgres). Output: target/bench/quick/ (report.md, wrk outputs, app logs).
# Not a test: CI never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-2s}
CONNECTIONS=${CONNECTIONS:-"1 8 32"}
APP_PORT=${APP_PORT:-8097}
PET_PORT=${PET_PORT:-8096}
SCENARIOS=${SCENARIOS:-"bare floor petclinic form-get form-post search commune-list dashboard"}
[ -n "${PETCLINIC_JAR:-}" ] || SCENARIOS=${SCENARIOS/petclinic/}
PASSWORD=cdht-demo
BASE=http://localhost:$APP_PORT
OUT=target/bench/quick
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
command -v wrk > /dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
# shellcheck source=bench/load/common.sh
. bench/load/common.sh
run_started=$(date +%s)
# KEEP_DB=1: reuse the database of the previous run (one start instead of two; for profiling a change)
if [ -n "${KEEP_DB:-}" ]; then
    find "$OUT" -maxdepth 1 -type f -delete 2> /dev/null || true
else
    rm -rf "$OUT"
fi
mkdir -p "$OUT"
JAR=$(ls target/cdht-*.jar 2> /dev/null | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -q package -DskipTests
    JAR=$(ls target/cdht-*.jar | head -1)
fi
cp "$JAR" "$OUT/app.jar"   # a copy: a rebuild during the run must not pull classes from under the JVM

DB_ARGS=()
if [ "${QUICK_DB:-h2}" = postgres ]; then
    [ -n "${KEEP_DB:-}" ] || { dropdb --if-exists cdht_bench_quick && createdb cdht_bench_quick; }
    DB_ARGS=(--spring.profiles.active=postgres --cdht.demo.mode=on
        --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/cdht_bench_quick?reWriteBatchedInserts=true"
        --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}")
fi

APP_PID= PET_PID=
stop_pid() { if [ -n "$1" ] && kill -0 "$1" 2> /dev/null; then kill -- -"$1" 2> /dev/null || true; wait "$1" 2> /dev/null || true; fi; }
cleanup() { stop_pid "$APP_PID"; stop_pid "$PET_PID"; }
trap cleanup EXIT

# start_app LOG: sets APP_PID and READY_AFTER, the seconds from process start to the first 200 on /login (which waits
# for the demo data: the app answers 503 until it is ready)
start_app() {
    local t0 code
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    (cd "$OUT" && exec setsid java ${JAVA_OPTS:-} -jar app.jar --server.port="$APP_PORT" --cdht.bench.floor=true \
        "${DB_ARGS[@]}" > "$1" 2>&1) &
    APP_PID=$!
    wait_ready "$BASE/login" "$APP_PID" "$OUT/$1" || exit 1
    READY_AFTER=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
}
curl -s -o /dev/null "$BASE/login" && { echo "port $APP_PORT is in use: set APP_PORT" >&2; exit 1; }
STARTUP_NEW="(not measured: KEEP_DB)"
if [ -z "${KEEP_DB:-}" ]; then
    echo "== first start (new database: migrations and demo data)"
    start_app app-first.log
    STARTUP_NEW=$READY_AFTER
    echo "   ready after $STARTUP_NEW s"
    stop_pid "$APP_PID"
fi
echo "== second start (existing database)"
start_app app.log
STARTUP=$READY_AFTER
STARTED_LINE=$(grep -o "Started CdhtApplication in [0-9.]* seconds" "$OUT/app.log" | grep -o "[0-9.]*" || true)
echo "   ready after $STARTUP s (Spring: $STARTED_LINE s)"

if [ -n "${PETCLINIC_JAR:-}" ]; then
    echo "== spring-petclinic on port $PET_PORT"
    (exec setsid java ${JAVA_OPTS:-} -jar "$PETCLINIC_JAR" --server.port="$PET_PORT" > "$OUT/petclinic.log" 2>&1) &
    PET_PID=$!
    wait_ready "http://localhost:$PET_PORT/owners/1" "$PET_PID" "$OUT/petclinic.log" || exit 1
fi

XA=$(login xa1)
XA_CSRF=$(csrf_for "$XA")
TINH=$(login tinh)
[ -n "$XA_CSRF" ] || { echo "no CSRF token on /bench/floor" >&2; exit 1; }
YEAR=$(date +%Y)
DASHBOARD=$(curl -s -o /dev/null -b "SESSION=$TINH" -w '%{redirect_url}' "$BASE/report" | sed "s#^$BASE##")
# the drafts xa1 may edit, with their versions, and the criteria's indicators (code:max) from one form
IDS_FILE=$OUT/editable-ids.txt
: > "$IDS_FILE"
for id in $(curl -s -b "SESSION=$XA" "$BASE/assessments?year=$YEAR&size=200" | grep -o 'href="/assessments/[0-9]*"' \
        | grep -o '[0-9]*' | sort -un); do
    page=$(curl -s -b "SESSION=$XA" "$BASE/assessments/$id/edit")
    version=$(grep -o 'name="version" value="[0-9]*"' <<< "$page" | grep -o '[0-9]*' || true)
    [ -n "$version" ] && echo "$id $version" >> "$IDS_FILE" && FORM_PAGE=$page
done
[ -s "$IDS_FILE" ] || { echo "xa1 has no editable assessment in $YEAR" >&2; exit 1; }
# code:max of each indicator, from the form's inputs (a tag may span lines: the score's max comes before its name)
INDICATORS=$(tr '\n' ' ' <<< "$FORM_PAGE" | grep -o '<input[^>]*>' | awk '
    /name="items\[[0-9]+\]\.code"/ { match($0, /value="[^"]*"/); code = substr($0, RSTART + 7, RLENGTH - 8) }
    /name="items\[[0-9]+\]\.score"/ { match($0, / max="[0-9]+"/); max = substr($0, RSTART + 6, RLENGTH - 7)
        printf "%s%s:%s", (n++ ? "," : ""), code, max }')
# a save moves a version on: take the versions again before each POST run
before_run() {
    [ "$1" = save ] || return 0
    local id v tmp=$IDS_FILE.new
    : > "$tmp"
    while read -r id v; do
        v=$(curl -s -b "SESSION=$XA" "$BASE/assessments/$id/edit" | grep -o 'name="version" value="[0-9]*"' | grep -o '[0-9]*' || true)
        [ -n "$v" ] && echo "$id $v" >> "$tmp"
    done < "$IDS_FILE"
    mv "$tmp" "$IDS_FILE"
}
echo "editable drafts of xa1 in $YEAR: $(wc -l < "$IDS_FILE"); indicators: $INDICATORS; dashboard: $DASHBOARD"

APP_JAVA=$(pgrep -f "app.jar --server.port=$APP_PORT" | head -1)
GC0=$(gc_seconds "$APP_JAVA"); load_started=$(date +%s%N)
[ -n "${JFR:-}" ] && jcmd "$APP_JAVA" JFR.start name=quick settings=profile filename="$PWD/$OUT/load.jfr" > /dev/null
: > "$OUT/results.tsv"
scenario bare "bare page /bench/bare (no security, no session)" get "" /bench/bare
scenario floor "framework floor /bench/floor (xa1)" get "$XA" /bench/floor
scenario petclinic "spring-petclinic /owners/1" get "" /owners/1 "http://localhost:$PET_PORT"
scenario form-get "assessment form GET /assessments/{id}/edit (xa1)" form "$XA" /
scenario form-post "assessment form POST /assessments/{id}/edit, a real save (xa1)" save "$XA" /
scenario search "citizen search /citizens?q=... (xa1)" search "$XA" /
scenario commune-list "commune list /assessments?year=$YEAR (xa1)" get "$XA" "/assessments?year=$YEAR"
scenario dashboard "province dashboard $DASHBOARD (tinh)" get "$TINH" "$DASHBOARD"
[ -n "${JFR:-}" ] && jcmd "$APP_JAVA" JFR.stop name=quick > /dev/null
GC_PERCENT=$(gc_percent "$APP_JAVA" "$GC0" "$load_started")
RSS_MB=$(( $(ps -o rss= -p "$APP_JAVA") / 1024 ))
HEAP_MAX=$(jcmd "$APP_JAVA" VM.flags 2> /dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -1 | awk -F= '{ printf "%d MB", $2 / 1048576 }')

{
    echo "### Quick mode, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2> /dev/null || echo '?'), ${QUICK_DB:-h2}"
    echo
    echo "Machine: $(nproc) cores, load average before the run $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')" \
        "(read it: other work on the machine skews every figure); $(java -version 2>&1 | head -1)." \
        "wrk: $DURATION a run after a $WARMUP warm-up per scenario, threads = min(users, 2)."
    echo
    echo "Start-up to the first 200 on /login (ready: demo data loaded): **$STARTUP s** on the existing database" \
        "(Spring: $STARTED_LINE s), $STARTUP_NEW s on a new one (migrations and demo data)."
    echo "Memory after the load: RSS $RSS_MB MB (max heap $HEAP_MAX, JAVA_OPTS '${JAVA_OPTS:-}'); GC $GC_PERCENT % of the load's wall time."
    echo
    results_table
    echo
    goals_table
    awk -v s="$STARTUP" 'BEGIN { printf "| start-up to ready (existing database) | - | %s s | <= 8 s | %s |\n", s, s <= 8 ? "yes" : "**no**" }'
    awk -v g="$GC_PERCENT" 'BEGIN { printf "| GC time during the load | - | %s %% | < 5 %% | %s |\n", g, g < 5 ? "yes" : "**no**" }'
    echo
    echo "Whole run: $(( $(date +%s) - run_started )) s."
} > "$OUT/report.md"
echo
cat "$OUT/report.md"
