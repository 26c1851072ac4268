#!/usr/bin/env bash
# Case submitted → email received on the local stack, at a steady rate (org.pledge.bench.NotificationLatencyBenchmark).
# Start the stack first, e.g. `./pledge-local --port-offset=20000` (a clean data folder gives the clearest figures),
# then: PORT_OFFSET=20000 bench/notification-latency.sh. Sizes: RATE (cases/s, default 20), CASES (600: 30 s at 20/s),
# WARMUP (40). Builds in this worktree's reactor (never installs).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/latency-classpath.txt -Dmdep.includeScope=runtime 2>/dev/null \
  || mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/latency-classpath.txt -Dmdep.includeScope=runtime
echo "== notification latency ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)) =="
exec java -Xmx256m -Dbench.portOffset="${PORT_OFFSET:-0}" -Dbench.rate="${RATE:-20}" -Dbench.cases="${CASES:-600}" \
  -Dbench.warmup="${WARMUP:-40}" -cp "bench/target/classes:$(cat bench/target/latency-classpath.txt)" \
  org.pledge.bench.NotificationLatencyBenchmark
