#!/bin/sh
# Consumer drain benchmark: a Java PgQ consumer reading and finishing N queued events of 100 bytes
# (no work per event) against COPY (select ... from the event table) TO STDOUT of the same rows,
# on a throwaway cluster started from the local PostgreSQL binaries. Goal: ratio >= 0.5.
#
# usage: bench/consumer_drain.sh [events (default 1000000)] [pgq_lazy_fetch (default 300)] [rounds (default 3)]
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -Dquick -DskipTests -pl pgq-core -am install
mvn -B -q -o -pl pgq-core exec:java \
    -Dexec.classpathScope=test \
    -Dexec.mainClass=org.skytools.pgq.bench.ConsumerDrainBench \
    -Dexec.args="${1:-1000000} ${2:-300} ${3:-3}"
