#!/usr/bin/env bash
# Survey answers through the public API (answers/s) and answer → visible figure in GET /api/satisfaction (p50, p99),
# on the local stack (org.pledge.bench.FeedbackBenchmark). Start the stack first, e.g. `./pledge-local --port-offset=20000`
# (a clean data folder gives the clearest figures), then: PORT_OFFSET=20000 bench/feedback.sh. Sizes: ANSWERS (default
# 300, on THREADS threads, default 8), LATENCY (100 answers one at a time), WARMUP (20), POLL_MS (5: how often the
# figures are read while waiting). Each answer needs an invitation first: a case submitted and resolved, its link read
# from the stack's SMTP server (ANSWERS + LATENCY + WARMUP cases). Builds in this worktree's reactor (never installs).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/feedback-classpath.txt -Dmdep.includeScope=runtime 2>/dev/null \
  || mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/feedback-classpath.txt -Dmdep.includeScope=runtime
echo "== feedback ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)) =="
exec java -Xmx256m -Dbench.portOffset="${PORT_OFFSET:-0}" -Dbench.answers="${ANSWERS:-300}" -Dbench.threads="${THREADS:-8}" \
  -Dbench.latency="${LATENCY:-100}" -Dbench.warmup="${WARMUP:-20}" -Dbench.pollMs="${POLL_MS:-5}" \
  -cp "bench/target/classes:$(cat bench/target/feedback-classpath.txt)" \
  org.pledge.bench.FeedbackBenchmark
