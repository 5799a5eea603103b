#!/usr/bin/env bash
# Raw PSA export benchmark (issue 15): a year of ConnectWise tickets for 2,000 clients (1,000,000 rows,
# about 120 MB; bench/gen_psa_tickets.py) through POST /api/v1/imports at -Xmx512m on a fresh database:
# a dry run (preview), the commit (creating the 2,000 clients, unmatched=create), and the same file again
# (nothing changes). Goals: preview within 20 s, commit within 30 s, the server still answering after.
# Measured 2026-11-29 on the shared 2-core VM (127 MB file): preview 10.4 s, commit 22.5 s (2,000 clients
# created, 24,000 client-months written, 1,000,000 tickets remembered for time entries), the same file again
# 10.5 s with nothing changed; the server still answered. Times include sending the file.
# Needs: a built jar (./mvnw -q -DskipTests package), psql, curl, python3, PostgreSQL on localhost:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER PGPASSWORD=${PGPASSWORD:-postgres}
DB=scorecard_psa_bench
PORT=${BENCH_PORT:-18432}
ROWS=${ROWS:-1000000}
CLIENTS=${CLIENTS:-2000}
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

echo "== generating $ROWS tickets of $CLIENTS clients"
python3 bench/gen_psa_tickets.py "$ROWS" "$CLIENTS" > "$WORK/tickets.csv"
echo "   $(du -h "$WORK/tickets.csv" | cut -f1)"

echo "== starting $JAR with -Xmx${BENCH_XMX:-512m}"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?reWriteBatchedInserts=true" \
SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=$PGPASSWORD \
SCORECARD_ADMIN_USERNAME=$USER_NAME SCORECARD_ADMIN_PASSWORD=$PASSWORD \
  java -Xmx${BENCH_XMX:-512m} ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" > /dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 1
done

# One call; prints the HTTP status, the seconds it took and the counts of the answer.
call() {
  local label=$1 query=$2 START END STATUS
  START=$(date +%s.%N)
  STATUS=$(curl -s -o "$WORK/result.json" -w '%{http_code}' -u "$USER_NAME:$PASSWORD" \
    -F "file=@$WORK/tickets.csv;type=text/csv" "http://localhost:$PORT/api/v1/imports?$query")
  END=$(date +%s.%N)
  printf '%-28s HTTP %s in %6.1f s  ' "$label" "$STATUS" "$(echo "$END - $START" | bc -l)"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print({k: r.get(k) for k in ("status","file_rows","rows","new","changed","unchanged","clients_created","code")})' "$WORK/result.json"
}

call "preview (dry run)" "dry_run=true&unmatched=create"
call "commit, creating clients" "dry_run=false&unmatched=create"
call "the same file again" "dry_run=false"
curl -fs "http://localhost:$PORT/actuator/health" > /dev/null && echo "server still answers" || echo "SERVER DOWN"
grep -E "OutOfMemoryError" "$WORK/app.log" && echo "OUT OF MEMORY" || true
