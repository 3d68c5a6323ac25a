#!/bin/sh
# Londiste replay benchmark: one batch of pgbench-like events (UPDATE account, teller, branch and
# INSERT history per transaction, captured by pgq.logutriga) applied into a second database by the
# BatchApplier, once with the net change per key (set statements) and once with ordered literal
# statements, against COPY of the same row images into empty tables of the same shape, in the same
# run on a throwaway cluster started from the local PostgreSQL binaries. Prints rows/s and ratios.
#
# usage: bench/replay_apply.sh [events (default 100000)] [scale (default 10)] [rounds (default 3)]
set -e
cd "$(dirname "$0")/.."
# The classpath comes from this tree's reactor (not the local repository), so that other builds
# installing the same snapshots cannot swap classes under the running benchmark.
mvn -B -q -o -Dquick -DskipTests -pl londiste -am package dependency:copy-dependencies \
    -DincludeScope=test -DoutputDirectory=target/bench-lib
java -cp "londiste/target/test-classes:londiste/target/classes:londiste/target/bench-lib/*" \
    org.skytools.londiste.replay.bench.ReplayApplyBench "${1:-100000}" "${2:-10}" "${3:-3}"
