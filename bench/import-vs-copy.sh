#!/usr/bin/env bash
# The import (issue 7) of 100,000 CSV rows with validation, dry run then commit, against PostgreSQL COPY of the
# same file into an equivalent plain table, on the same database and machine. Prints rows/s and the ratio; the
# figures are also in target/bench/import-vs-copy.txt.
#
#   bench/import-vs-copy.sh
#
# Environment: BENCH_DB (cdht_bench_import; DROPPED and recreated), ROWS (100000), PGHOST (127.0.0.1), PGUSER
# (postgres). It runs ImportBenchmark (src/test/java/.../transfer) through Maven on that database: the schema comes
# from Flyway, the units and accounts from the demo fixture, exactly as the tests see them. Not a test: CI never
# runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-cdht_bench_import}
ROWS=${ROWS:-100000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
mkdir -p target/bench
dropdb --if-exists "$DB"
createdb "$DB"
CDHT_TEST_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB?reWriteBatchedInserts=true" \
    ./mvnw -q -o test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcdht.bench.import=true -Dcdht.bench.rows="$ROWS" > target/bench/import-vs-copy.log 2>&1 || {
        echo "the benchmark failed: see target/bench/import-vs-copy.log" >&2
        exit 1
    }
echo "PostgreSQL $(psql -X -At -c 'show server_version' "$DB"), $(nproc) CPUs, $(date -u +%FT%TZ)"
cat target/bench/import-vs-copy.txt
