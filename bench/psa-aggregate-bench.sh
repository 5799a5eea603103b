#!/usr/bin/env bash
# PSA export aggregation benchmark: a ConnectWise tickets export of 1,000,000 rows for 2,000 clients
# (about 120 MB, bench/gen_psa_tickets.py, generated once into target/psa-bench/) is opened, recognised,
# its date order detected (one pass) and aggregated (a second pass) at -Xmx512m, as the preview does.
# Usage: bench/psa-aggregate-bench.sh [ROWS] [CLIENTS]   (from anywhere; needs python3; BENCH_XMX overrides 512m)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
CLIENTS=${2:-2000}
DIR=target/psa-bench
DATA=$DIR/connectwise-tickets-$ROWS-$CLIENTS.csv
mkdir -p "$DIR"
if [ ! -f "$DATA" ]; then
  python3 bench/gen_psa_tickets.py "$ROWS" "$CLIENTS" > "$DATA.tmp" && mv "$DATA.tmp" "$DATA"
fi
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DIR/classpath.txt" > /dev/null
java -Xmx"${BENCH_XMX:-512m}" -XX:+UseG1GC -cp "target/test-classes:target/classes:$(cat "$DIR/classpath.txt")" \
  com.mspscorecard.importing.raw.PsaAggregationBenchmark "$DATA"
