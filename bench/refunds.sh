#!/usr/bin/env bash
# Breached cases → paid refunds through guarantee-service's command path, the local stack's payment sandbox as the
# provider over loopback HTTP (org.pledge.bench.RefundBenchmark). Builds in this worktree's reactor (never installs).
# Sizes: CLAIMS (default 1000), WARMUP (200), THREADS (4), SETTLE_MS (the sandbox's delay before it settles and calls
# back, default 0), JAVA_OPTS (default -Xms256m -Xmx1g -XX:+UseG1GC, as the lifecycle benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseG1GC}"
mvn -B -q -o -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/refunds-classpath.txt -Dmdep.includeScope=runtime 2>/dev/null \
  || mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/refunds-classpath.txt -Dmdep.includeScope=runtime
# case- and notification-service stay off the class path: each service has an application.yml at its root
echo "== refund benchmark ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=$JAVA_OPTS) =="
# shellcheck disable=SC2086
exec java $JAVA_OPTS -Dbench.claims="${CLAIMS:-1000}" -Dbench.warmup="${WARMUP:-200}" -Dbench.threads="${THREADS:-4}" \
  -Dbench.settleMs="${SETTLE_MS:-0}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(tr ':' '\n' < bench/target/refunds-classpath.txt | grep -v -e '/case-service' -e '/notification-service' | paste -sd:)" \
  org.pledge.bench.RefundBenchmark
