#!/usr/bin/env bash
# Memory under an all-invalid CSV: 200,000 rows in which every cell is wrong (about 3.4 million cell
# errors, 11 MB), sent to POST /api/v1/imports?dry_run=true twice at once and then once more, at
# -Xmx768m (the heap at which the audit's run ended in OutOfMemoryError). Passes when every answer is
# 422 (or 503 "busy, try again") with the first 1,000 errors listed and the rest counted, and the
# server's health still answers 200 afterwards. Prints each answer's time and the heap after a GC.
# Needs: a built jar (./mvnw -q -DskipTests package), psql, curl, python3, jcmd, PostgreSQL on localhost:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER PGPASSWORD=${PGPASSWORD:-postgres}
DB=scorecard_invalid_bench
PORT=${BENCH_PORT:-18432}
ROWS=${ROWS:-200000}
XMX=${BENCH_XMX:-768m}
USER_NAME=bench-owner
PASSWORD='bench owner password 2026'
WORK=$(mktemp -d)
JAR=${BENCH_JAR:-$(ls target/msp-scorecard-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)}
[ -n "$JAR" ] || { echo "No jar in target/: run ./mvnw -q -DskipTests package first" >&2; exit 1; }

APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== fresh database $DB"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== generating $ROWS all-invalid rows"
python3 - "$ROWS" > "$WORK/invalid.csv" <<'PY'
import sys
fields = ["new_tickets", "reopened_tickets", "admin_requests", "escalations", "invoices_issued",
          "disputed_invoices", "late_payments", "avg_days_to_pay", "revenue", "delivery_cost", "hours_spent",
          "recommendations_made", "recommendations_implemented", "recommendations_ignored",
          "security_incidents", "endpoints"]
out = sys.stdout
out.write("client,month," + ",".join(fields) + "\n")
cells = ",x" * len(fields)
for i in range(int(sys.argv[1])):
    out.write(f"nobody {i},13/2025{cells}\n")
PY
echo "   $(du -h "$WORK/invalid.csv" | cut -f1)"

echo "== starting $JAR with -Xmx$XMX"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=$PGPASSWORD \
SCORECARD_ADMIN_USERNAME=$USER_NAME SCORECARD_ADMIN_PASSWORD=$PASSWORD \
  java -Xmx"$XMX" -jar "$JAR" --server.port="$PORT" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://localhost:$PORT/actuator/health" > /dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 1
done

dry_run() {
  curl -s -o "$WORK/result-$1.json" -w "   run $1: HTTP %{http_code} in %{time_total} s, %{size_download} bytes\n" \
    -u "$USER_NAME:$PASSWORD" -H 'Content-Type: text/csv' --data-binary "@$WORK/invalid.csv" \
    "http://localhost:$PORT/api/v1/imports?dry_run=true"
}

echo "== two dry runs at once, then a third"
dry_run 1 & dry_run 2 & wait
dry_run 3
FAILED=0
for i in 1 2 3; do
  grep -q '"errors_truncated":true' "$WORK/result-$i.json" || grep -q '"status":503' "$WORK/result-$i.json" \
    || { echo "   run $i: unexpected answer: $(head -c 300 "$WORK/result-$i.json")"; FAILED=1; }
  grep -o '"error_count":[0-9]*' "$WORK/result-$i.json" | sed "s/^/   run $i: /" || true
done
HEALTH=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/actuator/health")
echo "   health afterwards: HTTP $HEALTH"
jcmd "$APP_PID" GC.run > /dev/null 2>&1 || true
jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -E 'used|total' | head -3 | sed 's/^/   /' || true
grep -q OutOfMemoryError "$WORK/app.log" && { echo "   OutOfMemoryError in the log"; FAILED=1; }
[ "$HEALTH" = 200 ] || FAILED=1
[ "$FAILED" = 0 ] && echo "== passed" || { echo "== FAILED"; exit 1; }
