#!/usr/bin/env bash
# Scoring benchmark: 2,000 clients × 60 months loaded with SQL (generate_series) into a database of
# its own on localhost:5432, a full rescore, then 20 single-client rescores after one snapshot edit.
# Usage: bench/scoring-bench.sh   (from anywhere; needs the PostgreSQL the tests use)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test -Dtest=ScoringBenchmark -Dscoring.bench=true -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' || {
  echo "benchmark failed; see target/surefire-reports/com.mspscorecard.scoring.ScoringBenchmark.txt" >&2
  exit 1
}
