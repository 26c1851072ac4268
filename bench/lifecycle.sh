#!/usr/bin/env bash
# The case lifecycle (submit → assign → resolve through case-service's command path) beside the Flowable CMMN peer,
# in one run on this machine: builds, runs the peer (../shared/peers/flowable-bench, copied to a writable place), then
# ours with the same JVM options and sizes, and prints both summaries together.
# Usage: bench/lifecycle.sh [memory] [h2] [h2-sync]        (default: all three backends)
# Sizes: CASES (per phase, default 5000), WARMUP (1000), THREADS (4), JAVA_OPTS (the peer's: -Xms256m -Xmx1g -XX:+UseG1GC),
#        PEER (path of the peer, default ../shared/peers/flowable-bench), SKIP_PEER=1 runs ours only.
# MONGO_URI=mongodb://host:27017[/db]: ours runs on that MongoDB instead of mongo-java-server (one backend, "mongodb";
#        the peer keeps its own). It never touches data it did not create: a URI without a database gets a database of
#        its own (pledge_bench_<time>_<random>), dropped at the end; a URI naming a database must name an empty one
#        (else it refuses and changes nothing), and only the collections the run created there are dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CASES="${CASES:-5000}"
WARMUP="${WARMUP:-1000}"
THREADS="${THREADS:-4}"
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseG1GC}"
PEER="${PEER:-$ROOT/../shared/peers/flowable-bench}"
OUT="$ROOT/bench/target/lifecycle"
mkdir -p "$OUT"
started=$(date +%s)

echo "== build (mvn -q package, bench and what it needs) =="
mvn -B -q -o -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime 2>/dev/null \
  || mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime

if [ "${SKIP_PEER:-0}" != 1 ]; then
    echo "== peer: Flowable CMMN ($PEER) =="
    rm -rf "$OUT/peer" && cp -r "$PEER" "$OUT/peer" && chmod -R u+w "$OUT/peer"
    (cd "$OUT/peer" && CASES="$CASES" WARMUP="$WARMUP" THREADS="$THREADS" JAVA_OPTS="$JAVA_OPTS" ./run.sh) | tee "$OUT/peer.txt"
fi

if [ -n "${MONGO_URI:-}" ]; then
    # the scheme and hosts only: a URI may hold credentials
    MONGO_SHOWN=$(printf '%s' "$MONGO_URI" | sed -E 's#^([a-z+]+://)([^@/]*@)?([^/?]*).*#\1\3#')
    echo "== Pledge case-service on MongoDB $MONGO_SHOWN (MONGO_URI), not mongo-java-server: ${*:-mongodb} =="
else
    echo "== Pledge case-service on mongo-java-server in this JVM: ${*:-memory h2 h2-sync} =="
fi
# shellcheck disable=SC2086
java $JAVA_OPTS -Dbench.cases="$CASES" -Dbench.warmup="$WARMUP" -Dbench.threads="$THREADS" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.pledge.bench.CaseLifecycleBenchmark "$@" | tee "$OUT/pledge.txt"

echo
echo "== side by side ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=$JAVA_OPTS, $(( $(date +%s) - started )) s${MONGO_URI:+, ours on MongoDB $MONGO_SHOWN}) =="
[ -f "$OUT/peer.txt" ] && [ "${SKIP_PEER:-0}" != 1 ] && grep -E '^flowable\.' "$OUT/peer.txt" || true
grep -E '^case\.' "$OUT/pledge.txt"
