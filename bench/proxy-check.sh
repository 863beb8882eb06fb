#!/usr/bin/env bash
# The README's nginx configuration (deploy/nginx/cdht.conf) run for real in front of the application with the
# "production" profile, then checked over HTTP(S) with curl, printing what passed (issue 14).
#   - a throwaway self-signed certificate for cdht.example.vn (openssl), curl verifies it (--cacert, --resolve);
#   - the application (the jar) on a spare port of 127.0.0.1, embedded H2 database in a temporary directory, demo data;
#   - nginx (Debian package, installed if missing) as a process of its own, not a daemon, with its own pid, logs and
#     temp directories in that directory, on spare ports; the system's nginx, /etc/nginx and ports 80/443 are not
#     touched. The site file is the repository's, only its ports, certificate paths and upstream substituted.
# Checks: http -> https redirect; HSTS; sign-in through the proxy (login form, CSRF token, xa1 / cdht-demo) with a
# Secure session cookie, the citizen portal's CDHT_CITIZEN Secure too; redirects carry https:// and the proxy's host
# and port; forwarding headers sent by the client are overwritten; a page loads after sign-in; upload limit: the
# proxy's equals the application's multipart limit, a file above the import limit reaches the application (its own
# message), one above the multipart limit is a 413.
# Run from the project root:  bench/proxy-check.sh        (builds target/cdht-*.jar first if there is none)
# Environment: JAR, APP_PORT (8117), HTTP_PORT (8480), HTTPS_PORT (8443) (the next free port is taken when one is
# busy), KEEP=1 leaves everything running for a look around.
set -uo pipefail
cd "$(dirname "$0")/.."

HOST=cdht.example.vn
SITE=deploy/nginx/cdht.conf
WORK=$(mktemp -d /tmp/cdht-proxy.XXXXXX)
PIDS=()
PASSED=()
FAILED=()

log() { echo "== $*"; }
pass() { PASSED+=("$1"); echo "PASS: $1"; }
fail() { FAILED+=("$1"); echo "FAIL: $1"; }
check() { if [ "$1" = 0 ]; then pass "$2"; else fail "$2${3:+ ($3)}"; fi; }

cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then
        echo "KEEP=1: left running (pids ${PIDS[*]}); work dir $WORK"
        return
    fi
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for _ in $(seq 1 20); do
        alive=0
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.5
    done
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
    rm -rf "$WORK"
}
trap cleanup EXIT

port_free() { ! ss -Hltn "sport = :$1" | grep -q .; }
spare_port() {
    local port=$1
    while ! port_free "$port"; do port=$((port + 1)); done
    echo "$port"
}
APP_PORT=$(spare_port "${APP_PORT:-8117}")
HTTP_PORT=$(spare_port "${HTTP_PORT:-8480}")
HTTPS_PORT=$(spare_port "${HTTPS_PORT:-8443}")
[ "$HTTPS_PORT" = "$HTTP_PORT" ] && HTTPS_PORT=$(spare_port $((HTTP_PORT + 1)))

# ---- software ----
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ]; then
    log "installing nginx (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >/dev/null || { echo "nginx missing"; exit 1; }
    NGINX=/usr/sbin/nginx
fi
JAR=${JAR:-$(ls target/cdht-*.jar 2>/dev/null | grep -v plain | head -1)}
if [ -z "$JAR" ] || [ "$(unzip -Z1 "$JAR" 2>/dev/null | grep -c '^BOOT-INF/lib/')" = 0 ]; then   # not repackaged
    log "building the jar"
    ./mvnw -q -B -o package -DskipTests || ./mvnw -q -B package -DskipTests || exit 1
    JAR=$(ls target/cdht-*.jar | grep -v plain | head -1)
fi
log "$("$NGINX" -v 2>&1), $JAR; application :$APP_PORT, nginx http :$HTTP_PORT https :$HTTPS_PORT; work dir $WORK"

# ---- certificate ----
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HOST" -addext "subjectAltName=DNS:$HOST" \
    -keyout "$WORK/cdht.key" -out "$WORK/cdht.pem" 2>/dev/null || { echo "openssl failed"; exit 1; }

# ---- the application, production profile, embedded H2 with demo data ----
log "starting the application (production profile, demo data on H2)"
H2_URL="jdbc:h2:file:$WORK/db/cdht;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
CDHT_DEMO_MODE=on java -Xmx512m -jar "$JAR" --spring.profiles.active=production \
    --server.address=127.0.0.1 --server.port="$APP_PORT" --spring.datasource.url="$H2_URL;AUTO_SERVER=FALSE" \
    > "$WORK/app.log" 2>&1 &
PIDS+=($!)
APP_PID=$!
started=0
for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$APP_PORT/actuator/health/readiness" >/dev/null && { started=1; break; }
    kill -0 $APP_PID 2>/dev/null || break
    sleep 1
done
[ $started = 1 ] || { echo "the application did not start:"; tail -30 "$WORK/app.log"; exit 1; }

# ---- nginx with the repository's site file ----
log "starting nginx with $SITE"
mkdir -p "$WORK/tmp" "$WORK/logs"
chmod 755 "$WORK"   # the worker processes (user nobody when started as root) reach their temp directories
sed -e "s#^\(\s*\)listen 80;#\1listen 127.0.0.1:$HTTP_PORT;#" \
    -e "s#^\(\s*\)listen 443 ssl http2;#\1listen 127.0.0.1:$HTTPS_PORT ssl http2;#" \
    -e '/listen \[::\]/d' \
    -e "s#return 301 https://\$host\$request_uri;#return 301 https://\$host:$HTTPS_PORT\$request_uri;#" \
    -e "s#/etc/ssl/certs/cdht.pem#$WORK/cdht.pem#" -e "s#/etc/ssl/private/cdht.key#$WORK/cdht.key#" \
    -e "s#http://127.0.0.1:8080;#http://127.0.0.1:$APP_PORT;#" "$SITE" > "$WORK/cdht.conf"
# only the substituted lines may differ; every one of them must have been found
changed=$(diff "$SITE" "$WORK/cdht.conf" | grep -c '^>')
if [ "$changed" != 6 ] || grep -v '^\s*#' "$WORK/cdht.conf" | grep -Eq 'listen (80|443)|:8080|/etc/ssl'; then
    echo "could not substitute ports/paths in $SITE ($changed lines changed):"; diff "$SITE" "$WORK/cdht.conf"; exit 1
fi
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log $WORK/logs/access.log;
    client_body_temp_path $WORK/tmp/body;
    proxy_temp_path $WORK/tmp/proxy;
    fastcgi_temp_path $WORK/tmp/fastcgi;
    uwsgi_temp_path $WORK/tmp/uwsgi;
    scgi_temp_path $WORK/tmp/scgi;
    include $WORK/cdht.conf;
}
CONF
NGINX_ARGS=(-p "$WORK/" -c "$WORK/nginx.conf" -e "$WORK/logs/error.log")
"$NGINX" "${NGINX_ARGS[@]}" -t -q || { echo "nginx -t refused the configuration"; exit 1; }
"$NGINX" "${NGINX_ARGS[@]}" -g 'daemon off;' &
PIDS+=($!)
for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" && break
    sleep 0.2
done

# ---- checks ----
HTTPS="https://$HOST:$HTTPS_PORT"
CURL=(curl -s --max-time 120 --cacert "$WORK/cdht.pem" --resolve "$HOST:$HTTPS_PORT:127.0.0.1"
      --resolve "$HOST:$HTTP_PORT:127.0.0.1")
JAR_X="$WORK/xa1.cookies"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
header() { grep -i "^$1:" "$2" | head -1 | cut -d' ' -f2- | tr -d '\r'; }

log "checks through nginx"
out=$("${CURL[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "http://$HOST:$HTTP_PORT/citizens?q=a")
[ "$out" = "301 $HTTPS/citizens?q=a" ]; check $? "http -> https redirect (301 to $HTTPS/citizens?q=a)" "$out"

out=$("${CURL[@]}" -o /dev/null -D "$WORK/h1" -w '%{http_code} %{http_version} %{ssl_verify_result}' "$HTTPS/")
location=$(header location "$WORK/h1")
[ "$out" = "302 2 0" ] && [ "$location" = "$HTTPS/login" ]
check $? "TLS verified, HTTP/2, anonymous / redirects to $HTTPS/login" "$out, location $location"

"${CURL[@]}" -c "$JAR_X" -b "$JAR_X" -D "$WORK/h2" -o "$WORK/login.html" "$HTTPS/login"
hsts=$(header strict-transport-security "$WORK/h2")
[[ "$hsts" == *max-age=* ]]; check $? "HSTS header: $hsts" "none"
cookie=$(header set-cookie "$WORK/h2")
[[ "$cookie" == SESSION=* && "$cookie" == *Secure* && "$cookie" == *HttpOnly* ]]
check $? "session cookie Secure and HttpOnly: ${cookie#*; }" "$cookie"

token=$(csrf_of "$WORK/login.html")
out=$("${CURL[@]}" -c "$JAR_X" -b "$JAR_X" -o /dev/null -w '%{http_code} %{redirect_url}' "$HTTPS/login" \
    --data-urlencode "username=xa1" --data-urlencode "password=cdht-demo" --data-urlencode "_csrf=$token")
[ -n "$token" ] && [ "$out" = "302 $HTTPS/" ]
check $? "sign-in as xa1 through the proxy (CSRF token), redirect to $HTTPS/" "$out"

out=$("${CURL[@]}" -b "$JAR_X" -o "$WORK/home.html" -w '%{http_code}' "$HTTPS/")
[ "$out" = 200 ] && grep -q 'action="/logout"' "$WORK/home.html"
check $? "home page after sign-in (200, signed in)" "$out"
out=$("${CURL[@]}" -b "$JAR_X" -o "$WORK/citizens.html" -w '%{http_code}' "$HTTPS/citizens")
[ "$out" = 200 ]; check $? "citizen list after sign-in (200)" "$out"

JAR_C="$WORK/citizen.cookies"
"${CURL[@]}" -c "$JAR_C" -b "$JAR_C" -o "$WORK/portal.html" "$HTTPS/c"
out=$("${CURL[@]}" -c "$JAR_C" -b "$JAR_C" -D "$WORK/h3" -o /dev/null -w '%{http_code} %{redirect_url}' \
    "$HTTPS/c/logout" --data-urlencode "_csrf=$(csrf_of "$WORK/portal.html")")
cookie=$(grep -i '^set-cookie: CDHT_CITIZEN=' "$WORK/h3" | head -1 | cut -d' ' -f2- | tr -d '\r')
[ "$out" = "302 $HTTPS/c?out" ] && [[ "$cookie" == *Secure* && "$cookie" == *HttpOnly* ]]
check $? "citizen portal cookie CDHT_CITIZEN Secure and HttpOnly (portal sign-out through the proxy)" "$out, $cookie"

out=$("${CURL[@]}" -o /dev/null -w '%{redirect_url}' -H 'X-Forwarded-Host: evil.example' \
    -H 'X-Forwarded-Proto: http' -H 'X-Forwarded-Port: 81' -H 'X-Forwarded-Prefix: /evil' \
    -H 'Forwarded: for=6.6.6.6;host=evil.example;proto=http' "$HTTPS/citizens")
[ "$out" = "$HTTPS/login" ]
check $? "forwarding headers sent by the client are overwritten (redirect stays $HTTPS/login)" "$out"

PROPERTIES=src/main/resources/application.properties
app_limit=$(sed -n 's/^spring.servlet.multipart.max-request-size=\([0-9]*\)MB$/\1/p' $PROPERTIES)
proxy_limit=$(sed -n 's/^\s*client_max_body_size \([0-9]*\)m;.*/\1/p' "$SITE")
import_limit=$(sed -n 's/^cdht.transfer.max-file-size=\([0-9]*\)MB$/\1/p' $PROPERTIES)
[ -n "$app_limit" ] && [ "$app_limit" = "$proxy_limit" ]
check $? "client_max_body_size ${proxy_limit}m = spring.servlet.multipart.max-request-size ${app_limit}MB" "differ"

"${CURL[@]}" -b "$JAR_X" -c "$JAR_X" -o "$WORK/transfer.html" "$HTTPS/transfer"
head -c $(( (import_limit + 2) * 1024 * 1024 )) /dev/zero | tr '\0' 'a' > "$WORK/big.csv"
out=$("${CURL[@]}" -b "$JAR_X" -c "$JAR_X" -o /dev/null -w '%{http_code} %{redirect_url}' "$HTTPS/transfer/import" \
    -F "file=@$WORK/big.csv;filename=big.csv" -F "state=DRAFT" -F "year=$(date +%Y)" \
    -F "_csrf=$(csrf_of "$WORK/transfer.html")")
"${CURL[@]}" -b "$JAR_X" -c "$JAR_X" -o "$WORK/transfer2.html" "$HTTPS/transfer"
[ "$out" = "302 $HTTPS/transfer" ] && grep -q "Tệp quá lớn: tối đa $import_limit MB" "$WORK/transfer2.html"
check $? "a $((import_limit + 2)) MB upload passes the proxy; the application answers 'Tệp quá lớn: tối đa \
$import_limit MB'" "$out"

head -c $(( (proxy_limit + 1) * 1024 * 1024 )) /dev/zero > "$WORK/huge.csv"
out=$("${CURL[@]}" -b "$JAR_X" -o /dev/null -w '%{http_code}' "$HTTPS/transfer/import" \
    -F "file=@$WORK/huge.csv;filename=huge.csv" -F "state=DRAFT" -F "year=$(date +%Y)" \
    -F "_csrf=$(csrf_of "$WORK/transfer.html")")
[ "$out" = 413 ]; check $? "a $((proxy_limit + 1)) MB upload is refused by the proxy (413)" "$out"

if grep -q ' 5[0-9][0-9] ' "$WORK/logs/access.log"; then
    fail "no 5xx in nginx's access log"; grep ' 5[0-9][0-9] ' "$WORK/logs/access.log"
else
    pass "no 5xx in nginx's access log ($(wc -l < "$WORK/logs/access.log") requests)"
fi

echo
echo "passed: ${#PASSED[@]}, failed: ${#FAILED[@]}"
for f in "${FAILED[@]}"; do echo "  FAILED: $f"; done
[ ${#FAILED[@]} = 0 ]
