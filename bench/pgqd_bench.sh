#!/bin/sh
# pgqd benchmark: one pgqd serving 50 databases, each with a queue, on a throwaway cluster.
# Prints ticks per second (at ticker_period 1 s and at 0.01 s, the most it reaches), pgqd's
# resident memory and CPU, and the insert -> next_batch latency at ticker_period 1 s and 0.1 s.
#
#   bench/pgqd_bench.sh [DATABASES] [SECONDS_PER_PHASE]
#   PGQD_JAVA_OPTS="-Xmx64m -XX:+UseSerialGC" bench/pgqd_bench.sh     # JVM options of pgqd
set -eu
cd "$(dirname "$0")/.."
databases=${1:-50}
seconds=${2:-20}

# this tree's classes, not whatever another build installed into the local repository
mvn -B -o -q -Dquick -DskipTests -pl pgqd -am test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q -pl pgqd dependency:build-classpath -Dmdep.includeScope=test -Dmdep.excludeGroupIds=org.skytools \
    -Dmdep.outputFile="$cp_file"
cp="pgqd/target/test-classes:pgqd/target/classes:pgq-core/target/classes:pgq-sql/target/classes"
cp="$cp:skytools-common/target/classes:skytools-testkit/target/classes:$(cat "$cp_file")"

exec java -cp "$cp" -Dbench.databases="$databases" -Dbench.seconds="$seconds" \
    -Dbench.javaopts="${PGQD_JAVA_OPTS:-}" org.skytools.pgqd.PgqdBench
