#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs the event store benchmark once.
# Usage: bench/run.sh [memory] [h2]     (default: both backends)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am install -DskipTests
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.pledge.bench.EventStoreBenchmark "$@"
