#!/usr/bin/env bash
# CSV import benchmark: 2,000 clients x 60 months = 120,000 rows with every column, imported through
# POST /api/v1/imports on a fresh database with -Xmx512m, compared with PostgreSQL \copy of the same rows.
# The import runs twice: first on the freshly started JVM, then, with the database emptied again, on the
# warm JVM a running server has; both times are printed.
# Needs: a built jar (./mvnw -q -DskipTests package), psql, curl, python3, PostgreSQL on localhost:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER PGPASSWORD=${PGPASSWORD:-postgres}
DB=scorecard_import_bench
PORT=${BENCH_PORT:-18431}
CLIENTS=${CLIENTS:-2000}
MONTHS=${MONTHS:-60}
USER_NAME=bench-owner
PASSWORD='bench owner password 2026'
WORK=$(mktemp -d)
JAR=$(ls target/msp-scorecard-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
[ -n "$JAR" ] || { echo "No jar in target/: run ./mvnw -q -DskipTests package first" >&2; exit 1; }

APP_PID=
cleanup() {
  [ -n "${BENCH_APP_LOG:-}" ] && [ -f "$WORK/app.log" ] && cp "$WORK/app.log" "$BENCH_APP_LOG"
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== fresh database $DB"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== generating $CLIENTS clients x $MONTHS months"
python3 bench/gen_snapshots.py "$CLIENTS" "$MONTHS" > "$WORK/snapshots.csv"
ROWS=$(( $(wc -l < "$WORK/snapshots.csv") - 1 ))
echo "   $ROWS rows, $(du -h "$WORK/snapshots.csv" | cut -f1)"

echo "== starting $JAR with -Xmx${BENCH_XMX:-512m}"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?reWriteBatchedInserts=true" \
SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=$PGPASSWORD \
SCORECARD_ADMIN_USERNAME=$USER_NAME SCORECARD_ADMIN_PASSWORD=$PASSWORD \
  java -Xmx${BENCH_XMX:-512m} ${BENCH_JAVA_OPTS:-} ${BENCH_JFR:+-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile} -jar "$JAR" --server.port="$PORT" --logging.level.com.mspscorecard.importing=debug > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" > /dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 1
done

# One import through the API; sets STATUS and IMPORT_S, and appends the app's phase lines to $WORK/phases.
import_once() {
  local label=$1
  local START END
  local FROM=$(wc -l < "$WORK/app.log")
  START=$(date +%s.%N)
  STATUS=$(curl -s -o "$WORK/result.json" -w '%{http_code}' -u "$USER_NAME:$PASSWORD" \
    -F "file=@$WORK/snapshots.csv;type=text/csv" \
    "http://localhost:$PORT/api/v1/imports?dry_run=false&create_missing_clients=true")
  END=$(date +%s.%N)
  IMPORT_S=$(echo "$END - $START" | bc -l)
  echo "   $label: HTTP $STATUS in $(printf '%.2f' "$IMPORT_S") s: $(head -c 200 "$WORK/result.json")"
  # A failed import still gets its \copy comparison and its logged phases; the script fails at the end.
  [ "$STATUS" = 200 ] || grep -E -m 3 "OutOfMemory|Caused by" "$WORK/app.log" || true
  tail -n +"$((FROM + 1))" "$WORK/app.log" | grep -E "Import of" | sed -e 's/^.*\] //' -e "s/^/   [$label] /" \
    >> "$WORK/phases" || true
}

echo "== import through the API, twice: on a freshly started JVM, then on a warm one (database emptied between)"
import_once "first import after start"
COLD_S=$IMPORT_S
COLD_STATUS=$STATUS
STORED=$(psql -At -d $DB -c "select count(*) from monthly_snapshot")
echo "   monthly_snapshot rows: $STORED, client_score rows: $(psql -At -d $DB -c "select count(*) from client_score")"
psql -q -d $DB -c "truncate client_score, monthly_snapshot, import_run, client restart identity cascade"
import_once "warm server"
WARM_S=$IMPORT_S
[ "$COLD_STATUS" = 200 ] || STATUS=$COLD_STATUS
echo "   monthly_snapshot rows: $(psql -At -d $DB -c "select count(*) from monthly_snapshot")"

echo "== the same rows with \\copy into a scratch table (median of three)"
COLUMNS="client varchar(200), month varchar(10), new_tickets integer, reopened_tickets integer, admin_requests integer,
  escalations integer, invoices_issued integer, disputed_invoices integer, late_payments integer,
  avg_days_to_pay numeric(8,2), revenue numeric(14,2), delivery_cost numeric(14,2), hours_spent numeric(10,2),
  recommendations_made integer, recommendations_implemented integer, recommendations_ignored integer,
  security_incidents integer, endpoints integer"
COPIES=()
for _ in 1 2 3; do
  psql -q -d $DB -c "drop table if exists bench_scratch" -c "create table bench_scratch ($COLUMNS)"
  START=$(date +%s.%N)
  psql -q -d $DB -c "\\copy bench_scratch from '$WORK/snapshots.csv' with (format csv, header true)"
  END=$(date +%s.%N)
  COPIES+=("$(echo "$END - $START" | bc -l)")
done
COPY_S=$(printf '%s\n' "${COPIES[@]}" | sort -n | sed -n 2p)
# The same rows into a scratch table keyed and indexed as monthly_snapshot is (a surrogate key, one row per
# client and month, the covering month index): what PostgreSQL alone needs to store them where they live.
NAMES=$(echo "$COLUMNS" | tr '\n' ' ' | sed -E 's/\([^)]*\)//g' | tr ',' '\n' | awk '{print $1}' | paste -sd,)
KEYED=()
for _ in 1 2 3; do
  psql -q -d $DB -c "drop table if exists bench_keyed" -c "create table bench_keyed (id bigserial primary key, $COLUMNS,
      unique (client, month))" \
    -c "create index on bench_keyed (month) include (client, revenue, hours_spent, new_tickets)"
  START=$(date +%s.%N)
  psql -q -d $DB -c "\\copy bench_keyed ($NAMES) from '$WORK/snapshots.csv' with (format csv, header true)"
  END=$(date +%s.%N)
  KEYED+=("$(echo "$END - $START" | bc -l)")
done
KEYED_S=$(printf '%s\n' "${KEYED[@]}" | sort -n | sed -n 2p)

printf '\nrows %d | copy into a bare scratch table %.2f s | into a keyed and indexed one %.2f s\n' "$ROWS" "$COPY_S" "$KEYED_S"
printf 'first import after start %.2f s (%.1fx bare copy, %.1fx keyed) | warm server %.2f s (%.1fx bare copy, %.1fx keyed)\n' \
  "$COLD_S" "$(echo "$COLD_S / $COPY_S" | bc -l)" "$(echo "$COLD_S / $KEYED_S" | bc -l)" \
  "$WARM_S" "$(echo "$WARM_S / $COPY_S" | bc -l)" "$(echo "$WARM_S / $KEYED_S" | bc -l)"
cat "$WORK/phases"
grep -E "OutOfMemory" "$WORK/app.log" && exit 1
[ "$STATUS" = 200 ]
