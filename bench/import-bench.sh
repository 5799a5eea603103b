#!/usr/bin/env bash
# CSV import benchmark (issue 18, item 2): 2,000 clients x 60 months = 120,000 rows with every column,
# imported through POST /api/v1/imports on a fresh database with -Xmx512m, against the storage floor: what
# PostgreSQL alone needs to store the rows that import produces (its snapshots into a table keyed and indexed
# like monthly_snapshot, its scorecards into one like client_score), measured in the same run.
# One run: the import on the freshly started JVM, then (database emptied) on the warm one, and twice more
# for the record (the third import: the JIT settled); every timed step starts from a checkpoint; then, after a JVM
# restart, one further month for the 2,000 clients (2,000 rows) as the first import after the start, and the
# same month again (its rows deleted first) on the now warm JVM. RUNS=3 repeats all of it and prints medians.
# CLIENTS=10000 (issue 18's growth figures: 600,000 rows) imports the history as files of at most 200,000 rows,
# whole clients each; give it BENCH_XMX=2g (the full rescore holds every client's history).
# Needs: a built jar (./mvnw -q -DskipTests package), psql, curl, python3, PostgreSQL on localhost:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER PGPASSWORD=${PGPASSWORD:-postgres}
DB=scorecard_import_bench
PORT=${BENCH_PORT:-18431}
CLIENTS=${CLIENTS:-2000}
MONTHS=${MONTHS:-60}
RUNS=${RUNS:-1}
USER_NAME=bench-owner
PASSWORD='bench owner password 2026'
TOKEN="msp_import-bench-$(date +%s%N)"
WORK=$(mktemp -d)
JAR=$(ls target/msp-scorecard-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
[ -n "$JAR" ] || { echo "No jar in target/: run ./mvnw -q -DskipTests package first" >&2; exit 1; }

APP_PID=
STARTS=0
stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}
cleanup() {
  [ -n "${BENCH_APP_LOG:-}" ] && [ -f "$WORK/app.log" ] && cat "$WORK"/app*.log > "$BENCH_APP_LOG"
  stop_app
  rm -rf "$WORK"
}
trap cleanup EXIT

# Starts the jar on $DB; its log goes to $WORK/app.log (the previous start's is kept as app-N.log).
start_app() {
  STARTS=$((STARTS + 1))
  [ -f "$WORK/app.log" ] && mv "$WORK/app.log" "$WORK/app-$STARTS.log"
  local jfr=
  # One recording per start: BENCH_JFR=x.jfr writes x-1.jfr (first import), x-2.jfr (monthly), …
  [ -n "${BENCH_JFR:-}" ] && jfr="-XX:StartFlightRecording=filename=${BENCH_JFR%.jfr}-$STARTS.jfr,settings=profile"
  local started=$(date +%s.%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?reWriteBatchedInserts=true" \
  SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=$PGPASSWORD \
  SCORECARD_ADMIN_USERNAME=$USER_NAME SCORECARD_ADMIN_PASSWORD=$PASSWORD \
    java -Xmx${BENCH_XMX:-512m} ${BENCH_JAVA_OPTS:-} $jfr -jar "$JAR" --server.port="$PORT" \
    --logging.level.com.mspscorecard.importing=debug > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -fs "http://localhost:$PORT/actuator/health" > /dev/null 2>&1; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    [ "$(echo "$(date +%s.%N) - $started > 300" | bc -l)" = 1 ] && { echo "not up after 300 s" >&2; exit 1; }
    sleep 0.2
  done
  START_S=$(echo "$(date +%s.%N) - $started" | bc -l)
  echo "   started in $(printf '%.1f' "$START_S") s (until /actuator/health answers)"
  # The imports authenticate as a script would, with a personal API token (SHA-256, stored hashed), not
  # HTTP Basic: a password is checked with bcrypt on every call (a quarter of a monthly import's samples).
  psql -q -d "$DB" -c "insert into api_token (user_id, name, token_hash)
      select id, 'import benchmark', '$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)' from app_user
      where username = '$USER_NAME' on conflict (token_hash) do nothing"
}

# One import of $2 through the API; sets STATUS and IMPORT_S, appends the app's phase lines to $WORK/phases.
import_once() {
  local label=$1 file=$2
  local START END
  local FROM=$(wc -l < "$WORK/app.log")
  settle
  START=$(date +%s.%N)
  STATUS=$(curl -s -o "$WORK/result.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -F "file=@$file;type=text/csv" \
    "http://localhost:$PORT/api/v1/imports?dry_run=false&create_missing_clients=true" || true)
  END=$(date +%s.%N)
  IMPORT_S=$(echo "$END - $START" | bc -l)
  echo "   $label: HTTP $STATUS in $(printf '%.2f' "$IMPORT_S") s: $(head -c 200 "$WORK/result.json")"
  # A failed import still gets its comparison and its logged phases; the script fails at the end.
  if [ "$STATUS" != 200 ]; then
    FAILED=1
    grep -E -m 3 "OutOfMemory|Caused by" "$WORK/app.log" || true
  fi
  tail -n +"$((FROM + 1))" "$WORK/app.log" | grep -E "Import of|Rescored" | sed -e 's/^.*\] //' \
    -e "s/^/   [run $RUN, $label] /" >> "$WORK/phases" || true
}

# Every timed step starts from a checkpoint: otherwise it pays PostgreSQL for flushing the pages the step
# before it dirtied (the floor's copies, a truncate), and which step pays depends on their order. Measured in
# session 8: the warm import right after the floor's nine copies took 5.6 s, the same import after a
# checkpoint 3.6-4.2 s; the floor's copies get the same treatment.
settle() {
  psql -q -d "$DB" -c "checkpoint"
  sleep 1
}

# Median of three \copy runs of a file into a fresh table made by $2 (SQL), $4 the copy's options; prints seconds.
copy_median() {
  local file=$1 create=$2 table=$3 options=${4:-} times=()
  for _ in 1 2 3; do
    psql -q -d $DB -c "drop table if exists $table" -c "$create"
    settle
    local START=$(date +%s.%N)
    psql -q -d $DB -c "\\copy $table from '$file' $options"
    times+=("$(echo "$(date +%s.%N) - $START" | bc -l)")
  done
  psql -q -d $DB -c "drop table $table"
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

# One file may hold 200,000 rows (PRODUCT.md §4): a bigger history (CLIENTS=10000 for issue 18's growth
# figures) is imported as several files, whole clients each, one after the other; its time is their sum.
LIMIT=200000
import_history() {
  local label=$1 total=0 part
  if [ -z "${PARTS:-}" ]; then
    import_once "$label" "$WORK/snapshots.csv"
    return
  fi
  for part in $PARTS; do
    import_once "$label, $(basename "$part")" "$part"
    total=$(echo "$total + $IMPORT_S" | bc -l)
  done
  IMPORT_S=$total
  echo "   $label: $(printf '%.2f' "$IMPORT_S") s in all"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
verdict() { if [ "$(echo "$1 <= $2" | bc -l)" = 1 ]; then echo MET; else echo "NOT MET"; fi; }

echo "== generating $CLIENTS clients x $MONTHS months, and the month after them"
python3 bench/gen_snapshots.py "$CLIENTS" "$MONTHS" > "$WORK/snapshots.csv"
python3 bench/gen_snapshots.py "$CLIENTS" "$MONTHS" --next-month > "$WORK/month.csv"
ROWS=$(( $(wc -l < "$WORK/snapshots.csv") - 1 ))
MONTH_ROWS=$(( $(wc -l < "$WORK/month.csv") - 1 ))
NEXT=$(sed -n 2p "$WORK/month.csv" | cut -d, -f2)
echo "   $ROWS rows, $(du -h "$WORK/snapshots.csv" | cut -f1); month $NEXT: $MONTH_ROWS rows"
PARTS=
if [ "$ROWS" -gt "$LIMIT" ]; then
  tail -n +2 "$WORK/snapshots.csv" | split -l $(( LIMIT / MONTHS * MONTHS )) - "$WORK/part-"
  for part in "$WORK"/part-??; do
    { head -1 "$WORK/snapshots.csv"; cat "$part"; } > "$part.csv" && rm "$part"
    PARTS="$PARTS $part.csv"
  done
  echo "   over the $LIMIT-row limit of one file: imported as$(for part in $PARTS; do printf ' %s (%d rows)' \
    "$(basename "$part")" $(( $(wc -l < "$part") - 1 )); done)"
fi

FAILED=0
COLDS=() WARMS=() SETTLEDS=() FLOORS=() SNAPS=() CARDS=() BARES=() MCOLDS=() MWARMS=() BOOTS=()
for RUN in $(seq 1 "$RUNS"); do
  echo "== run $RUN of $RUNS: fresh database $DB, starting $JAR with -Xmx${BENCH_XMX:-512m}"
  psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"
  start_app
  BOOTS+=("$START_S")

  import_history "first import after start"
  COLDS+=("$IMPORT_S")
  echo "   monthly_snapshot rows: $(psql -At -d $DB -c "select count(*) from monthly_snapshot"), client_score rows: $(psql -At -d $DB -c "select count(*) from client_score")"

  # The floor, from what this import stored: its snapshots into a table keyed and indexed like
  # monthly_snapshot (without the foreign key to client), its scorecards into one like client_score.
  psql -q -d $DB -c "\\copy (select * from monthly_snapshot) to '$WORK/stored-snapshots.txt'" \
    -c "\\copy (select * from client_score) to '$WORK/stored-scorecards.txt'"
  SNAP_S=$(copy_median "$WORK/stored-snapshots.txt" \
    "create table bench_snapshots (like monthly_snapshot including all)" bench_snapshots)
  CARD_S=$(copy_median "$WORK/stored-scorecards.txt" \
    "create table bench_scorecards (like client_score including all)" bench_scorecards)
  FLOOR_S=$(echo "$SNAP_S + $CARD_S" | bc -l)
  # For the record, the CSV into a bare table: what issue 18 started from.
  BARE_S=$(copy_median "$WORK/snapshots.csv" "create table bench_bare (client varchar(200), month varchar(10),
    new_tickets integer, reopened_tickets integer, admin_requests integer, escalations integer, invoices_issued integer,
    disputed_invoices integer, late_payments integer, avg_days_to_pay numeric(8,2), revenue numeric(14,2),
    delivery_cost numeric(14,2), hours_spent numeric(10,2), recommendations_made integer,
    recommendations_implemented integer, recommendations_ignored integer, security_incidents integer,
    endpoints integer)" bench_bare "with (format csv, header true)")
  SNAPS+=("$SNAP_S") CARDS+=("$CARD_S") FLOORS+=("$FLOOR_S") BARES+=("$BARE_S")
  printf '   floor: snapshots %.2f s + scorecards %.2f s = %.2f s (medians of three \\copy)\n' "$SNAP_S" "$CARD_S" "$FLOOR_S"

  psql -q -d $DB -c "truncate client_score, monthly_snapshot, import_run, client restart identity cascade"
  import_history "warm server"
  WARMS+=("$IMPORT_S")
  # For the record, no target: twice more, by when the JIT has compiled what the import runs (the second
  # import still spends about 1.8 s of CPU in the JIT's compiler threads, the fourth 0.75 s).
  for AGAIN in 1 2; do
    psql -q -d $DB -c "truncate client_score, monthly_snapshot, import_run, client restart identity cascade"
    import_history "warm server, again ($AGAIN)"
  done
  SETTLEDS+=("$IMPORT_S")

  echo "   restarting the JVM for the monthly import"
  stop_app
  # A monthly import comes a month after the history was loaded, by when autovacuum has long since been
  # through the tables that import filled (hint bits, visibility map, statistics); this run comes seconds
  # after it, so it vacuums and analyses them first, as autovacuum would have.
  psql -q -d $DB -c "vacuum analyze monthly_snapshot" -c "vacuum analyze client_score"
  start_app
  import_once "month $NEXT, first import after start" "$WORK/month.csv"
  MCOLDS+=("$IMPORT_S")
  echo "   client_score rows written by it: $(psql -At -d $DB -c "select count(*) from client_score where xmin::text = (select xmin::text from monthly_snapshot where month = '$NEXT-01' limit 1)")"
  # The same month once more on the warm JVM: its rows go first (there are no incidents nor polls, so the
  # month before it scores the same either way).
  psql -q -d $DB -c "delete from client_score where month = '$NEXT-01'" -c "delete from monthly_snapshot where month = '$NEXT-01'"
  import_once "month $NEXT, warm server" "$WORK/month.csv"
  MWARMS+=("$IMPORT_S")
  stop_app
done

COLD_S=$(median "${COLDS[@]}") WARM_S=$(median "${WARMS[@]}") FLOOR_S=$(median "${FLOORS[@]}")
MCOLD_S=$(median "${MCOLDS[@]}") MWARM_S=$(median "${MWARMS[@]}")
COLD_X=$(echo "$COLD_S / $FLOOR_S" | bc -l) WARM_X=$(echo "$WARM_S / $FLOOR_S" | bc -l)
echo
echo "== $RUNS run(s); medians (each run's figures in brackets)"
printf 'rows %d | start-up %.1f s [%s]\n' "$ROWS" "$(median "${BOOTS[@]}")" "$(printf '%.1f ' "${BOOTS[@]}")"
printf 'storage floor %.2f s = snapshots like monthly_snapshot %.2f s + scorecards like client_score %.2f s [%s] | bare CSV copy %.2f s\n' \
  "$FLOOR_S" "$(median "${SNAPS[@]}")" "$(median "${CARDS[@]}")" "$(printf '%.2f ' "${FLOORS[@]}")" "$(median "${BARES[@]}")"
printf 'first import after start %.2f s [%s] = %.2fx the floor (target 2x): %s\n' \
  "$COLD_S" "$(printf '%.2f ' "${COLDS[@]}")" "$COLD_X" "$(verdict "$COLD_X" 2)"
printf 'warm server              %.2f s [%s] = %.2fx the floor (target 1.5x): %s\n' \
  "$WARM_S" "$(printf '%.2f ' "${WARMS[@]}")" "$WARM_X" "$(verdict "$WARM_X" 1.5)"
SETTLED_S=$(median "${SETTLEDS[@]}")
printf 'warm server, third import %.2f s [%s] = %.2fx the floor (for information: the JIT settled)\n' \
  "$SETTLED_S" "$(printf '%.2f ' "${SETTLEDS[@]}")" "$(echo "$SETTLED_S / $FLOOR_S" | bc -l)"
printf 'one month (%d rows), first import after start %.2f s [%s] (target 1 s): %s\n' \
  "$MONTH_ROWS" "$MCOLD_S" "$(printf '%.2f ' "${MCOLDS[@]}")" "$(verdict "$MCOLD_S" 1)"
printf 'one month (%d rows), warm server              %.2f s [%s] (target 1 s): %s\n' \
  "$MONTH_ROWS" "$MWARM_S" "$(printf '%.2f ' "${MWARMS[@]}")" "$(verdict "$MWARM_S" 1)"
cat "$WORK/phases"
cat "$WORK"/app*.log | grep -E "OutOfMemory" && exit 1
[ "$FAILED" = 0 ]
