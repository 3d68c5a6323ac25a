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
mvn -B -q -o -Dquick -DskipTests -pl londiste -am install
mvn -B -q -o -pl londiste exec:java \
    -Dexec.classpathScope=test \
    -Dexec.mainClass=org.skytools.londiste.replay.bench.ReplayApplyBench \
    -Dexec.args="${1:-100000} ${2:-10} ${3:-3}"
