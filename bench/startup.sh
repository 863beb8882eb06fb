#!/usr/bin/env bash
# Issue 18: start-up to a ready first page (the first 200 on /login: the app answers 503 until its start-up work,
# demo data included, is done), from the plain jar and from the jar extracted with a class-data archive made by a
# training run (AppCDS, JDK 17), and, when a JDK 24+ is given, with its ahead-of-time cache. Each mode RUNS times,
# the median reported; the embedded H2 demo database (made by a first start that is not counted) or, with BENCH_DB,
# a PostgreSQL database made by bench/generate.sh.
#
#   bench/startup.sh                               # H2 demo, JDK 17: plain jar vs extracted + CDS
#   BENCH_DB=cdht_bench_province bench/startup.sh  # at 1.6 M citizens
#   JDK_AOT=/usr/lib/jvm/temurin-25-jdk-amd64 bench/startup.sh   # + the JDK 25 AOT cache
#   ./mvnw -q -Paot package -DskipTests && SPRING_AOT=1 bench/startup.sh   # every mode with Spring's AOT processing
#
# Environment: RUNS (3), SPRING_AOT (unset; 1: -Dspring.aot.enabled=true, for a jar built with -Paot),
# APP_PORT (8095), JAVA_OPTS (""), BENCH_DB, PGHOST (127.0.0.1), PGUSER (postgres).
# Output: target/bench/startup/ (report.md, logs, the extracted jar and archives). Not a test: CI never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
APP_PORT=${APP_PORT:-8095}
OUT=target/bench/startup
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export CDHT_CITIZEN_ID_HASH_KEY=${CDHT_CITIZEN_ID_HASH_KEY:-benchmark-only-key-never-used-for-real-data-000}
rm -rf "$OUT" && mkdir -p "$OUT"
JAR=$(ls target/cdht-*.jar 2> /dev/null | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -q package -DskipTests
    JAR=$(ls target/cdht-*.jar | head -1)
fi
cp "$JAR" "$OUT/app.jar"
ARGS=(--server.port="$APP_PORT")
# Spring's ahead-of-time bean definitions (the jar must have been built with -Paot); a system property, so it goes
# into JAVA_OPTS, which every start below uses, the training runs included
[ -n "${SPRING_AOT:-}" ] && JAVA_OPTS="${JAVA_OPTS:-} -Dspring.aot.enabled=true"
if [ -n "${BENCH_DB:-}" ]; then
    ARGS+=(--spring.profiles.active=postgres
        --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$BENCH_DB?reWriteBatchedInserts=true"
        --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}")
fi
PID=
# shellcheck source=bench/load/common.sh
. bench/load/common.sh
stop() { if [ -n "$PID" ] && kill -0 "$PID" 2> /dev/null; then kill "$PID"; wait "$PID" 2> /dev/null || true; fi; PID=; }
trap stop EXIT

# ready JAVA LOG JVM-OPTION... -- JAR: seconds from process start to the first 200 on /login
ready() {
    local java=$1 log=$2 t0 opts=() jar
    shift 2
    while [ "$1" != -- ]; do opts+=("$1"); shift; done
    jar=$2
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    (cd "$OUT" && exec "$java" ${JAVA_OPTS:-} "${opts[@]}" -jar "$jar" "${ARGS[@]}" > "$log" 2>&1) &
    PID=$!
    wait_ready "http://localhost:$APP_PORT/login" "$PID" "$OUT/$log" || exit 1
    awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f\n", (b - a) / 1e9 }'
    stop
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

JAVA17=$(command -v java)
echo "== first start (the database, not counted): $(ready "$JAVA17" first.log -- app.jar) s"
# extracted jar (Spring Boot's tools jar mode) and the training runs that write the archives
(cd "$OUT" && java -Djarmode=tools -jar app.jar extract --destination extracted > extract.log 2>&1)
# shellcheck disable=SC2086
(cd "$OUT" && java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar extracted/app.jar \
    "${ARGS[@]}" > train-cds.log 2>&1)
MODES="plain cds"
if [ -n "${JDK_AOT:-}" ]; then
    # shellcheck disable=SC2086
    (cd "$OUT" && "$JDK_AOT/bin/java" ${JAVA_OPTS:-} -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
        -jar extracted/app.jar "${ARGS[@]}" > train-aot.log 2>&1)
    MODES="$MODES aot"
fi
: > "$OUT/times.tsv"
for i in $(seq 1 "$RUNS"); do
    for mode in $MODES; do
        case $mode in
            plain) t=$(ready "$JAVA17" "plain-$i.log" -- app.jar) ;;
            cds) t=$(ready "$JAVA17" "cds-$i.log" -XX:SharedArchiveFile=app.jsa -- extracted/app.jar) ;;
            aot) t=$(ready "$JDK_AOT/bin/java" "aot-$i.log" -XX:AOTCache=app.aot -- extracted/app.jar) ;;
        esac
        echo "   $mode run $i: ready after $t s"
        printf '%s\t%s\n' "$mode" "$t" >> "$OUT/times.tsv"
    done
done
{
    echo "### Start-up to ready, $(date -u '+%Y-%m-%d %H:%M UTC'), ${BENCH_DB:-H2 demo}, median of $RUNS${SPRING_AOT:+, Spring AOT}"
    echo
    echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'); $(java -version 2>&1 | head -1)."
    echo
    echo "| mode | ready after (s) | Spring's own figure (s), last run | goal <= 8 s |"
    echo "|---|---|---|---|"
    for mode in $MODES; do
        m=$(awk -v m="$mode" '$1 == m { print $2 }' "$OUT/times.tsv" | median)
        spring=$(grep -o "Started CdhtApplication in [0-9.]*" "$OUT/$mode-$RUNS.log" | grep -o "[0-9.]*$" || true)
        echo "| $mode | $m | $spring | $(awk -v m="$m" 'BEGIN { print m <= 8 ? "yes" : "**no**" }') |"
    done
} > "$OUT/report.md"
echo
cat "$OUT/report.md"
