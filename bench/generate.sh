#!/usr/bin/env bash
# The benchmark province in a scratch PostgreSQL database, DROPPED and recreated: the application migrates the
# schema (Flyway), generates CITIZENS citizens with SEED (module benchdata, --cdht.generate.*), rebuilds the
# roll-ups, creates the bench accounts and exits. Builds the jar first if there is none.
#
#   bench/generate.sh                     # 1.6 M citizens into cdht_bench_province
#   CITIZENS=100000 BENCH_DB=cdht_bench_small bench/generate.sh
#
# Environment: BENCH_DB (cdht_bench_province), CITIZENS (1600000), SEED (42), BENCH_PASSWORD (Bench-cdht-2026),
# PGHOST (127.0.0.1), PGUSER (postgres). Log: target/bench/generate-$BENCH_DB.log. Not a test: CI never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-cdht_bench_province}
CITIZENS=${CITIZENS:-1600000}
SEED=${SEED:-42}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export CDHT_CITIZEN_ID_HASH_KEY=${CDHT_CITIZEN_ID_HASH_KEY:-benchmark-only-key-never-used-for-real-data-000}
case "$DB" in cdht_bench*) ;; *) echo "BENCH_DB must start with cdht_bench (it is dropped)" >&2; exit 1 ;; esac
mkdir -p target/bench
JAR=$(ls target/cdht-*.jar 2> /dev/null | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -q package -DskipTests
    JAR=$(ls target/cdht-*.jar | head -1)
fi
# run a copy: a rebuild of target/*.jar during the run must not pull classes from under the running JVM
cp "$JAR" target/bench/generator.jar
JAR=target/bench/generator.jar
LOG=target/bench/generate-$DB.log
dropdb --if-exists "$DB"
createdb "$DB"
echo "== generating $CITIZENS citizens (seed $SEED) into $DB; log: $LOG"
started=$(date +%s)
java -jar "$JAR" --spring.profiles.active=postgres --server.port=0 \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB?reWriteBatchedInserts=true" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
    --cdht.generate.citizens="$CITIZENS" --cdht.generate.seed="$SEED" \
    --cdht.generate.password="${BENCH_PASSWORD:-Bench-cdht-2026}" > "$LOG" 2>&1 \
    || { echo "generation failed, see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
echo "generation_wall_seconds=$(( $(date +%s) - started ))" | tee target/bench/generate-$DB.time
grep -o "GENERATED.*" "$LOG"
echo "size: $(psql -X -At -c "SELECT pg_size_pretty(pg_database_size('$DB'))" "$DB")"
