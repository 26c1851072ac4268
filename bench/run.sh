#!/usr/bin/env bash
# Builds the bench module (and what it needs, in this worktree's reactor: nothing is installed into ~/.m2) and runs the
# event store benchmark once.
# Usage: bench/run.sh [memory] [h2]     (default: both mongo-java-server backends, in this JVM)
#        MONGO_URI=mongodb://host:27017 bench/run.sh        (that MongoDB instead: backend "mongodb")
#        JAVA_OPTS="-Dbench.appendOnly=true" bench/run.sh   (system properties of the benchmark, see bench/README.md)
# With MONGO_URI the benchmark never touches data it did not create: a URI without a database gets databases of its
# own (pledge_bench_<time>_<random>_<n>), dropped at the end; a URI naming a database must name an empty one (else it
# refuses and changes nothing), and only the collections it created there are dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime 2>/dev/null \
  || mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
if [ -n "${MONGO_URI:-}" ]; then
    # the scheme and hosts only: a URI may hold credentials
    echo "== event store benchmark on MongoDB $(printf '%s' "$MONGO_URI" | sed -E 's#^([a-z+]+://)([^@/]*@)?([^/?]*).*#\1\3#') (MONGO_URI), not mongo-java-server =="
else
    echo "== event store benchmark on mongo-java-server in this JVM ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)) =="
fi
# shellcheck disable=SC2086
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${JAVA_OPTS:-} \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.pledge.bench.EventStoreBenchmark "$@"
