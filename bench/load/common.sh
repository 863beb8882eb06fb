# Shared by bench/run-all.sh, bench/quick.sh and bench/startup.sh (sourced, not run): waiting for a start, signing in,
# one wrk run, reading its RESULT line, and the table of issue 18's ratios against their goals. The caller sets BASE,
# OUT and PASSWORD, and may define
# drain() (wait until the application is idle between runs; the default waits one second).

# wait_ready URL PID LOG: until URL answers 200 (the application answers 503 until its start-up work is done);
# fails, pointing at LOG, when the process PID has stopped
wait_ready() {
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do
        kill -0 "$2" 2> /dev/null || { echo "the application stopped, see $3" >&2; return 1; }
        sleep 0.05
    done
}

csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# login USER -> the SESSION cookie of a signed-in session (Spring Session's cookie)
login() {
    local user=$1 jar="$OUT/$1.cookies" token where
    rm -f "$jar"
    token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | csrf_of)
    where=$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{redirect_url}' --data-urlencode "username=$user" \
        --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$BASE/login")
    case "$where" in *login*|"") echo "login of $user failed ($where)" >&2; exit 1 ;; esac
    awk '$6 == "SESSION" { print $7 }' "$jar"
}
csrf_for() { curl -s -b "SESSION=$1" "$BASE/bench/floor" | csrf_of; }

declare -F drain > /dev/null || drain() { sleep 1; }

# wrk_run NAME SCENARIO SESSION PATH CONNECTIONS DURATION [BASE] -> the RESULT line (see bench/load/scenario.lua)
wrk_run() {
    local name=$1 scenario=$2 session=$3 path=$4 c=$5 duration=$6 base=${7:-$BASE} t
    t=$(( c < 2 ? c : 2 ))
    drain
    declare -F before_run > /dev/null && before_run "$scenario"
    SCENARIO=$scenario SESSION=$session CSRF=${XA_CSRF:-} PATH_=$path THREADS=$t IDS_FILE=${IDS_FILE:-} \
        INDICATORS=${INDICATORS:-} wrk -t"$t" -c"$c" -d"$duration" --timeout 30s -s bench/load/scenario.lua "$base" \
        > "$OUT/$name-$c.txt" 2>&1 || true
    grep "^RESULT" "$OUT/$name-$c.txt" || echo "RESULT rps=0 p50=0 p95=0 p99=0 requests=0 errors=-1 ok=0 other=0"
}

# scenario NAME LABEL SCENARIO SESSION PATH [BASE]: a warm-up, then one run per CONNECTIONS into results.tsv
scenario() {
    local name=$1 label=$2 kind=$3 session=$4 path=$5 base=${6:-$BASE} c line
    case " $SCENARIOS " in *" $name "*) ;; *) return 0 ;; esac
    echo "== $label"
    wrk_run "$name-warmup" "$kind" "$session" "$path" 8 "$WARMUP" "$base" > /dev/null
    for c in $CONNECTIONS; do
        line=$(wrk_run "$name" "$kind" "$session" "$path" "$c" "$DURATION" "$base")
        echo "   $c users: $line"
        printf '%s\t%s\t%s\t%s\n' "$name" "$label" "$c" "$line" >> "$OUT/results.tsv"
    done
}

field() { { grep -o "$2=[-0-9.]*" <<< "$1" || true; } | cut -d= -f2; }   # empty for a scenario not run
value() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n && $3 == c { print $4 }' "$OUT/results.tsv"; }
rps() { field "$(value "$1" "$2")" rps; }

# the markdown table of every scenario run
results_table() {
    echo "| scenario | users | req/s | p50 (ms) | p95 (ms) | p99 (ms) | requests | errors / unexpected status |"
    echo "|---|---|---|---|---|---|---|---|"
    while IFS=$'\t' read -r name label c line; do
        extra=""
        [ "$name" = form-post ] && extra=" (saves $(field "$line" saves), conflicts $(field "$line" conflicts))"
        echo "| $label | $c | $(field "$line" rps) | $(field "$line" p50) | $(field "$line" p95) | $(field "$line" p99)" \
            "| $(field "$line" requests) | $(field "$line" errors) / $(field "$line" other)$extra |"
    done < "$OUT/results.tsv"
}

# ratio_row CHECK USERS NUMERATOR DENOMINATOR GOAL: one row of the goals table (nothing when either side was not run)
ratio_row() {
    local check=$1 c=$2 a b
    a=$(rps "$3" "$c"); b=$(rps "$4" "$c")
    [ -n "$a" ] && [ -n "$b" ] || return 0
    awk -v k="$check" -v c="$c" -v a="$a" -v b="$b" -v g="$5" 'BEGIN {
        r = b > 0 ? a / b : 0
        printf "| %s | %s | %.2f (%s / %s req/s) | >= %s | %s |\n", k, c, r, a, b, g, r >= g ? "yes" : "**no**" }'
}

# issue 18's goals, each as a ratio measured in this run
goals_table() {
    echo "| check | users | measured | goal | met |"
    echo "|---|---|---|---|---|"
    local c
    for c in $CONNECTIONS; do
        ratio_row "floor / bare page (security, session, layout)" "$c" floor bare 0.8
        ratio_row "floor / spring-petclinic owner page" "$c" floor petclinic 0.8
        ratio_row "assessment form GET / floor" "$c" form-get floor 0.7
        ratio_row "assessment form POST / floor" "$c" form-post floor 1.0
        ratio_row "citizen search / floor" "$c" search floor 0.5
        ratio_row "commune list / floor" "$c" commune-list floor 0.5
        ratio_row "province dashboard / floor (goal at 8 users)" "$c" dashboard floor 0.3
    done
}

# the JVM's total GC seconds so far (jstat's GCT), and GC as a percentage of the wall time since a start (ns)
gc_seconds() { jstat -gc "$1" | awk 'NR == 2 { print $NF }'; }
gc_percent() {
    awk -v a="$2" -v b="$(gc_seconds "$1")" -v t0="$3" -v t1="$(date +%s%N)" \
        'BEGIN { printf "%.1f", 100 * (b - a) / ((t1 - t0) / 1e9) }'
}
