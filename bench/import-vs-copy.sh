#!/usr/bin/env bash
# The import (issue 7) of ROWS CSV rows with validation, dry run then commit, against two PostgreSQL COPY
# baselines on the same database and machine: COPY of the same CSV into a plain table (the issue's literal
# baseline) and COPY of the rows the commit writes into the real tables (same indexes and constraints, rolled
# back). Prints a markdown table with rows/s and both ratios on stdout; the figures are also kept in
# target/bench/import-vs-copy.txt and the Maven log in target/bench/import-vs-copy.log.
#
#   bench/import-vs-copy.sh
#
# Environment: IMPORT_DB (cdht_bench_import; its own scratch database, DROPPED and recreated), ROWS (100000),
# PGHOST (127.0.0.1), PGUSER (postgres). BENCH_DB (the load harness's province database) is never read or
# touched here. It runs ImportBenchmark (src/test/java/.../transfer) through Maven on IMPORT_DB: the schema comes
# from Flyway, the units and accounts from the test fixture, exactly as the tests see them. Not a test: CI never
# runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${IMPORT_DB:-cdht_bench_import}
ROWS=${ROWS:-100000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
# never drop a database that is not a scratch import database (the harness's BENCH_DB above all)
case "$DB" in
    cdht_bench_import*) ;;
    *) echo "IMPORT_DB must start with cdht_bench_import (it is dropped and recreated): $DB" >&2; exit 1 ;;
esac
if [ -n "${BENCH_DB:-}" ] && [ "$DB" = "$BENCH_DB" ]; then
    echo "IMPORT_DB must not be the harness's BENCH_DB ($BENCH_DB)" >&2
    exit 1
fi
mkdir -p target/bench
rm -f target/bench/import-vs-copy.txt target/bench/import-vs-copy.md
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists "$DB"
createdb "$DB"
CDHT_TEST_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB?reWriteBatchedInserts=true" \
    ./mvnw -q -o test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcdht.bench.import=true -Dcdht.bench.rows="$ROWS" > target/bench/import-vs-copy.log 2>&1 || {
        echo "the benchmark failed: see target/bench/import-vs-copy.log" >&2
        exit 1
    }
echo "PostgreSQL $(psql -X -At -c 'show server_version' "$DB" | cut -d' ' -f1), $(nproc) CPUs, $(date -u +%FT%TZ)," \
    "database $DB; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
cat target/bench/import-vs-copy.md
