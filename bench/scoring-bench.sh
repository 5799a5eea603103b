#!/usr/bin/env bash
# Scoring benchmark: 2,000 clients × 60 months loaded with SQL (generate_series) into a database of
# its own on localhost:5432, a full rescore, then 200 single-client rescores after one snapshot edit (100 measured).
# Usage: bench/scoring-bench.sh [-Dscoring.bench.split=true]   (from anywhere; needs the PostgreSQL the tests use)
# With the split option it also times the engine and the COPY text alone, on one thread.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
if ./mvnw -q test -Dtest=ScoringBenchmark -Dscoring.bench=true -Dsurefire.failIfNoSpecifiedTests=false "$@" > "$OUT" 2>&1 \
    && grep -q '^BENCH' "$OUT"; then
  grep '^BENCH' "$OUT"
else
  grep -E '^\[ERROR\]|^BENCH' "$OUT" | head -20 >&2
  echo "benchmark failed; see target/surefire-reports/com.mspscorecard.scoring.ScoringBenchmark.txt" >&2
  exit 1
fi
