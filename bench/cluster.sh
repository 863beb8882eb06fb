#!/usr/bin/env bash
# A cluster on one machine, then the checks of issue 15, printing what passed:
#   PostgreSQL primary + streaming replica (pg_basebackup), clusters of their own on spare ports, removed afterwards
#   (the main cluster on 5432 is never touched); two application nodes (the jar); HAProxy in front (Debian package,
#   installed if missing).
# Checks: a sign-in through the balancer is served by both nodes; an account disabled through node 2 loses its
# session on node 1; a dashboard read from the replica; criteria replaced through node 1 (the set in force retired,
# a copy published: one published set per year) used by node 2 for an assessment it starts, after node 2 had read
# the old set; node 1 killed (kill -9) during an
# import commit: the job ends on node 2, finished or failed with a message, never "running", never half written.
# Needs: root (or sudo), Debian's postgresql (pg_createcluster), Java 17, curl. Run from the project root:
#   bench/cluster.sh                   # builds target/cdht-*.jar first if there is none
#   JAR=/path/to/cdht.jar bench/cluster.sh
# Environment: PG_VERSION (newest installed), PRIMARY_PORT (5491), REPLICA_PORT (5492), NODE1_PORT (8115),
# NODE2_PORT (8215), LB_PORT (8315), IMPORT_ROWS (20000), KEEP=1 leaves everything running for a look around.
set -uo pipefail
cd "$(dirname "$0")/.."

PG_VERSION=${PG_VERSION:-$(ls /usr/lib/postgresql | sort -n | tail -1)}
PRIMARY_PORT=${PRIMARY_PORT:-5491}
REPLICA_PORT=${REPLICA_PORT:-5492}
NODE1_PORT=${NODE1_PORT:-8115}
NODE2_PORT=${NODE2_PORT:-8215}
LB_PORT=${LB_PORT:-8315}
IMPORT_ROWS=${IMPORT_ROWS:-20000}
PRIMARY=cdht_cluster_primary
REPLICA=cdht_cluster_replica
WORK=$(mktemp -d /tmp/cdht-cluster.XXXXXX)
ID_KEY=cdht-demo-only-citizen-id-hash-key-never-for-real-data
PIDS=()
PASSED=()
FAILED=()

log() { echo "== $*"; }
pass() { PASSED+=("$1"); echo "PASS: $1"; }
fail() { FAILED+=("$1"); echo "FAIL: $1"; }
psql_at() { local port=$1; shift; su postgres -c "psql -X -h 127.0.0.1 -p $port -d cdht -Atc \"$*\"" 2>/dev/null; }

cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then
        echo "KEEP=1: left running (pids ${PIDS[*]}, clusters $PRIMARY $REPLICA); work dir $WORK"
        return
    fi
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    sleep 2
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
    for cluster in $REPLICA $PRIMARY; do
        if pg_lsclusters -h | awk '{print $2}' | grep -qx "$cluster"; then
            pg_dropcluster --stop "$PG_VERSION" "$cluster"
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# ---- software ----
if ! command -v haproxy >/dev/null; then
    log "installing haproxy (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null || { echo "haproxy missing"; exit 1; }
fi
JAR=${JAR:-$(ls target/cdht-*.jar 2>/dev/null | grep -v plain | head -1)}
if [ -z "$JAR" ]; then
    log "building the jar"
    ./mvnw -q -B package -DskipTests || exit 1
    JAR=$(ls target/cdht-*.jar | grep -v plain | head -1)
fi

# ---- PostgreSQL: primary, then a streaming replica made with pg_basebackup ----
for cluster in $REPLICA $PRIMARY; do
    pg_lsclusters -h | awk '{print $2}' | grep -qx "$cluster" && pg_dropcluster --stop "$PG_VERSION" "$cluster"
done
log "primary on port $PRIMARY_PORT"
pg_createcluster -q "$PG_VERSION" $PRIMARY -p "$PRIMARY_PORT" -- --auth-local=trust --auth-host=trust >/dev/null
pg_ctlcluster "$PG_VERSION" $PRIMARY start
su postgres -c "psql -X -q -h 127.0.0.1 -p $PRIMARY_PORT -c 'create database cdht'"
log "replica on port $REPLICA_PORT (pg_basebackup, streaming)"
pg_createcluster -q "$PG_VERSION" $REPLICA -p "$REPLICA_PORT" -- --auth-local=trust --auth-host=trust >/dev/null
REPLICA_DATA=/var/lib/postgresql/$PG_VERSION/$REPLICA
pg_ctlcluster "$PG_VERSION" $REPLICA stop >/dev/null 2>&1
find "$REPLICA_DATA" -mindepth 1 -delete   # the directory stays, owned by postgres
su postgres -c "pg_basebackup -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D $REPLICA_DATA -R -X stream -c fast" || exit 1
pg_ctlcluster "$PG_VERSION" $REPLICA start
[ "$(psql_at "$REPLICA_PORT" "select pg_is_in_recovery()")" = t ] && pass "replica is a standby of the primary" \
    || fail "replica is a standby of the primary"

# ---- two application nodes ----
DB_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/cdht"
REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/cdht?ApplicationName=cdht-replica"
start_node() {
    local name=$1 port=$2 demo=$3
    java -Xmx768m -jar "$JAR" --server.port="$port" --spring.datasource.url="$DB_URL" \
        --spring.datasource.username=postgres --cdht.demo.mode="$demo" --cdht.citizen.id-hash-key=$ID_KEY \
        --cdht.portal.issued-codes-key=cluster-check-key --cdht.datasource.replica.url="$REPLICA_URL" \
        --cdht.jobs.polling-interval=2s --cdht.jobs.heartbeat-interval=2s --cdht.transfer.stale-after=45s \
        > "$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    eval "${name}_PID=$!"
    for _ in $(seq 1 600); do
        curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && return 0
        sleep 1
    done
    echo "$name did not start; see $WORK/$name.log"; tail -30 "$WORK/$name.log"; exit 1
}
log "node 1 on $NODE1_PORT (loads the demo data), node 2 on $NODE2_PORT"
start_node node1 "$NODE1_PORT" on
start_node node2 "$NODE2_PORT" off

# ---- HAProxy ----
cat > "$WORK/haproxy.cfg" <<CFG
defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 300s
frontend cdht
    bind 127.0.0.1:$LB_PORT
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-response set-header X-Cdht-Node %s
    server node1 127.0.0.1:$NODE1_PORT check inter 1s fall 2 rise 1
    server node2 127.0.0.1:$NODE2_PORT check inter 1s fall 2 rise 1
CFG
haproxy -db -f "$WORK/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
sleep 2

# ---- a small browser: cookie jar per user, CSRF token from the last page ----
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
sign_in() { # jar base user password -> prints the redirect target
    local jar=$1 base=$2
    curl -s -c "$jar" -b "$jar" -o "$WORK/page.html" "$base/login"
    curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/login" \
        --data-urlencode "username=$3" --data-urlencode "password=$4" --data-urlencode "_csrf=$(csrf_of "$WORK/page.html")"
}
LB="http://127.0.0.1:$LB_PORT"
N1="http://127.0.0.1:$NODE1_PORT"
N2="http://127.0.0.1:$NODE2_PORT"

# 1. through the balancer, served by both nodes
log "check 1: sign in through the balancer, served by both nodes"
JAR1=$WORK/xa1.jar
target=$(sign_in "$JAR1" "$LB" xa1 cdht-demo)
nodes=""
ok=1
for _ in 1 2 3 4 5 6; do
    out=$(curl -s -b "$JAR1" -o /dev/null -D - -w 'status=%{http_code}\n' "$LB/")
    echo "$out" | grep -q 'status=200' || ok=0
    nodes="$nodes $(echo "$out" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cdht-node"{print $2}')"
done
if [ "$ok" = 1 ] && [[ "$target" != *error* ]] && [[ "$nodes" == *node1* ]] && [[ "$nodes" == *node2* ]]; then
    pass "signed in through the balancer; 6 pages served by:$nodes"
else
    fail "sign-in through the balancer (redirect $target, nodes:$nodes, all 200: $ok)"
fi

# 2. disable an account through node 2: its session on node 1 ends
log "check 2: an account disabled through node 2 loses its session on node 1"
JART=$WORK/thon1.jar
JARM=$WORK/tinh.jar
sign_in "$JART" "$N1" thon1 cdht-demo >/dev/null
before=$(curl -s -b "$JART" -o /dev/null -w '%{http_code}' "$N1/")
sign_in "$JARM" "$N2" tinh cdht-demo >/dev/null
IFS='|' read -r uid uname urole ucode uversion <<<"$(psql_at "$PRIMARY_PORT" "select a.id, a.display_name, a.role, u.code, a.version from app_user a join admin_unit u on u.id = a.unit_id where a.username = 'thon1'")"
curl -s -b "$JARM" -c "$JARM" -o "$WORK/page.html" "$N2/accounts/$uid"
status=$(curl -s -b "$JARM" -c "$JARM" -o /dev/null -w '%{http_code}' "$N2/accounts/$uid" \
    --data-urlencode "displayName=$uname" --data-urlencode "role=$urole" --data-urlencode "unitCode=$ucode" \
    --data-urlencode "enabled=false" --data-urlencode "version=$uversion" --data-urlencode "_csrf=$(csrf_of "$WORK/page.html")")
after=$(curl -s -b "$JART" -o /dev/null -w '%{http_code} %{redirect_url}' "$N1/")
if [ "$before" = 200 ] && [ "$status" = 302 ] && [[ "$after" == *"/login?expired"* ]]; then
    pass "thon1 disabled on node 2 (HTTP $status); node 1 then answers: $after"
else
    fail "session end across nodes (before $before, disable $status, after $after)"
fi
psql_at "$PRIMARY_PORT" "update app_user set enabled = true where username = 'thon1'" >/dev/null

# 3. a dashboard read from the replica
log "check 3: the dashboard is read from the replica"
province=$(psql_at "$PRIMARY_PORT" "select id from admin_unit where code = 'QT' order by valid_from desc limit 1")
year=$(date +%Y)
JARP=$WORK/tinhp.jar
sign_in "$JARP" "$N1" tinh cdht-demo >/dev/null
dash=$(curl -s -b "$JARP" -o /dev/null -w '%{http_code}' "$N1/report/$province/$year")
on_replica=$(psql_at "$REPLICA_PORT" "select count(*) from pg_stat_activity where application_name = 'cdht-replica'")
streaming=$(psql_at "$PRIMARY_PORT" "select count(*) from pg_stat_replication where state = 'streaming'")
if [ "$dash" = 200 ] && [ "${on_replica:-0}" -gt 0 ] && [ "${streaming:-0}" -gt 0 ]; then
    pass "dashboard (HTTP $dash) read through $on_replica connection(s) on the replica; replication streaming"
else
    fail "dashboard from the replica (HTTP $dash, replica connections ${on_replica:-?}, streaming ${streaming:-?})"
fi

# 4. criteria published through node 1 are used by node 2 at its next request
log "check 4: criteria replaced through node 1, an assessment started on node 2 is scored by the new set"
past=$((year - 1))
citizen=$(psql_at "$PRIMARY_PORT" "select c.id from citizen c join admin_unit u on u.id = c.unit_id where u.path like (select path from admin_unit where code = 'N-VLINH' order by valid_from desc limit 1) || '%' and not exists (select 1 from assessment a where a.citizen_id = c.id and a.assessment_year = $past) order by c.id limit 1")
JARC=$WORK/xa1c.jar
sign_in "$JARC" "$N2" xa1 cdht-demo >/dev/null
# node 2 reads (and caches) the set in force for that year first
curl -s -b "$JARC" -c "$JARC" -o "$WORK/start.html" "$N2/assessments/new?citizen=$citizen&year=$past"
JARA=$WORK/admin.jar
sign_in "$JARA" "$N1" admin cdht-demo >/dev/null
old_set=$(psql_at "$PRIMARY_PORT" "select id from criteria_set where status = 'PUBLISHED' and year_from <= $past and year_to >= $past")
# one published set per year (V111): retire the old one, then publish a copy over the same years
curl -s -b "$JARA" -c "$JARA" -o "$WORK/page.html" "$N1/criteria/$old_set"
token=$(csrf_of "$WORK/page.html")
curl -s -b "$JARA" -c "$JARA" -o /dev/null "$N1/criteria/$old_set/retire" --data-urlencode "reason=cluster check" \
    --data-urlencode "_csrf=$token"
copy=$(curl -s -b "$JARA" -c "$JARA" -o /dev/null -w '%{redirect_url}' "$N1/criteria/$old_set/copy" \
    --data-urlencode "_csrf=$token" | sed 's#.*/criteria/##')
copy_version=$(psql_at "$PRIMARY_PORT" "select version from criteria_set where id = ${copy:-0}")
curl -s -b "$JARA" -c "$JARA" -o /dev/null "$N1/criteria/$copy/publish" --data-urlencode "version=$copy_version" \
    --data-urlencode "_csrf=$token"
published=$(psql_at "$PRIMARY_PORT" "select status from criteria_set where id = ${copy:-0}")
curl -s -b "$JARC" -c "$JARC" -o "$WORK/start.html" "$N2/assessments/new?citizen=$citizen&year=$past"
started=$(curl -s -b "$JARC" -c "$JARC" -o /dev/null -w '%{redirect_url}' "$N2/assessments/new" \
    --data-urlencode "citizen=$citizen" --data-urlencode "year=$past" --data-urlencode "_csrf=$(csrf_of "$WORK/start.html")")
scored_by=$(psql_at "$PRIMARY_PORT" "select criteria_set_id from assessment where citizen_id = ${citizen:-0} and assessment_year = $past")
if [ "$published" = PUBLISHED ] && [ -n "$scored_by" ] && [ "$scored_by" = "$copy" ]; then
    pass "set $old_set retired and its copy $copy published on node 1; node 2 started an assessment of $past with $copy"
else
    fail "criteria across nodes (old ${old_set:-?}, copy ${copy:-?} is ${published:-?}; node 2 went to ${started:-nothing}, scored by ${scored_by:-?})"
fi

# 5. node 1 killed during an import commit
log "check 5: node 1 killed during an import commit of $IMPORT_ROWS rows"
CSV=$WORK/import.csv
{
    echo "Mã thôn,Họ và tên,Năm sinh,Giới tính,Số CCCD,Đối tượng,Năm đánh giá"
    awk -v n="$IMPORT_ROWS" 'BEGIN {
        split("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng", f, " ");
        split("Văn Thị Hữu Minh Ngọc Thanh Quốc Đức Kim Xuân", m, " ");
        split("An Bình Cường Dũng Giang Hà Hải Hiếu Hoa Hùng Khang Lan Linh Long Mai Nam Nga Nhân Oanh Phúc", g, " ");
        for (i = 0; i < n; i++) {
            printf "VLINH-T01,%s %s Cụm %s,%d,Nam,,FARMER,\n", f[i % 10 + 1], m[int(i / 10) % 10 + 1], g[int(i / 100) % 20 + 1], 1940 + int(i / 2000) % 60
        }
    }'
} > "$CSV"
JARX=$WORK/xa1n.jar
sign_in "$JARX" "$N1" xa1 cdht-demo >/dev/null
curl -s -b "$JARX" -c "$JARX" -o "$WORK/page.html" "$N1/transfer"
job=$(curl -s -b "$JARX" -c "$JARX" -o /dev/null -w '%{redirect_url}' "$N1/transfer/import" \
    -F "file=@$CSV;filename=cum.csv" -F "state=DRAFT" -F "year=$year" -F "_csrf=$(csrf_of "$WORK/page.html")" \
    | sed 's#.*/transfer/jobs/##')
job_status() { psql_at "$PRIMARY_PORT" "select status || '|' || phase || '|' || coalesce(node, '') from import_job where id = '$job'"; }
for _ in $(seq 1 300); do [[ "$(job_status)" == DONE\|DRY_RUN* ]] && break; sleep 1; done
before_rows=$(psql_at "$PRIMARY_PORT" "select count(*) from citizen where full_name like '% Cụm %'")
curl -s -b "$JARX" -c "$JARX" -o "$WORK/page.html" "$N1/transfer/jobs/$job"
curl -s -b "$JARX" -c "$JARX" -o /dev/null "$N1/transfer/jobs/$job/commit" --data-urlencode "_csrf=$(csrf_of "$WORK/page.html")"
killed=""
for _ in $(seq 1 600); do
    s=$(job_status)
    processed=$(psql_at "$PRIMARY_PORT" "select processed from import_job where id = '$job'")
    if [[ "$s" == RUNNING\|COMMIT* ]] && [ "${processed:-0}" -gt 0 ]; then
        kill -9 "$node1_PID"
        killed="$s, $processed rows processed"
        break
    fi
    [[ "$s" == DONE* || "$s" == FAILED* ]] && break
    sleep 0.2
done
final=""
for _ in $(seq 1 240); do
    final=$(job_status)
    [[ "$final" == DONE* || "$final" == FAILED* ]] && break
    sleep 1
done
rows=$(psql_at "$PRIMARY_PORT" "select count(*) from citizen where full_name like '% Cụm %'")
message=$(psql_at "$PRIMARY_PORT" "select coalesce(failure, '') from import_job where id = '$job'")
if [ -z "$killed" ]; then
    fail "node 1 was not caught mid-commit (job: $final); try a larger IMPORT_ROWS"
elif [[ "$final" == DONE* ]] && [ "$rows" = $((before_rows + IMPORT_ROWS)) ]; then
    pass "node 1 killed mid-commit ($killed); node 2 ran the job again: DONE, $rows rows, each once"
elif [[ "$final" == FAILED* ]] && [ "$rows" = "$before_rows" ] && [ -n "$message" ]; then
    pass "node 1 killed mid-commit; the job failed cleanly: \"$message\", nothing written"
else
    fail "import after the kill: job $final, rows $before_rows -> $rows, message \"$message\""
fi
page=$(curl -s -b "$JARX" -o /dev/null -w '%{http_code}' "$LB/transfer/jobs/$job")
[ "$page" = 200 ] && pass "the job's page is served through the balancer with node 1 gone" \
    || fail "job page through the balancer after the kill (HTTP $page)"

echo
echo "Passed: ${#PASSED[@]}, failed: ${#FAILED[@]}"
for p in "${PASSED[@]}"; do echo "  ok    $p"; done
for f in "${FAILED[@]}"; do echo "  FAIL  $f"; done
[ ${#FAILED[@]} -eq 0 ]
