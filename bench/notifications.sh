#!/usr/bin/env bash
# Case submissions → emails received by a real SMTP server (GreenMail) on loopback, through notification-service,
# beside a plain JavaMail send loop to the same server in the same run (org.pledge.bench.NotificationBenchmark).
# Builds in this worktree's reactor (never installs). Sizes: MESSAGES (default 1000), WARMUP (100), THREADS (the
# baseline's, 4), EMAIL_RATE (the email channel's rate limit during the run, default 100000/s: the configured 14/s
# would be the figure), JAVA_OPTS (default -Xms256m -Xmx1g -XX:+UseG1GC, as the other benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseG1GC}"
mvn -B -q -o -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/notifications-classpath.txt -Dmdep.includeScope=runtime 2>/dev/null \
  || mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/notifications-classpath.txt -Dmdep.includeScope=runtime
# case- and guarantee-service stay off the class path: each service has an application.yml at its root
echo "== notification benchmark ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=$JAVA_OPTS) =="
# shellcheck disable=SC2086
exec java $JAVA_OPTS -Dbench.messages="${MESSAGES:-1000}" -Dbench.warmup="${WARMUP:-100}" -Dbench.threads="${THREADS:-4}" \
  -Dbench.emailRate="${EMAIL_RATE:-100000}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(tr ':' '\n' < bench/target/notifications-classpath.txt | grep -v -e '/case-service' -e '/guarantee-service' | paste -sd:)" \
  org.pledge.bench.NotificationBenchmark
