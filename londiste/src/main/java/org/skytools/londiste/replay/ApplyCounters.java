package org.skytools.londiste.replay;

/** The running counts behind {@link ApplyStats}. */
final class ApplyCounters {
    long inserts;
    long updates;
    long deletes;
    long truncates;
    long executes;
    long globalEvents;
    long ignored;
    long coalesced;
    long statements;
    long roundTrips;

    void roundTrip(int statementCount) {
        roundTrips++;
        statements += statementCount;
    }

    void row(RowOp op) {
        switch (op) {
            case INSERT -> inserts++;
            case UPDATE -> updates++;
            case DELETE -> deletes++;
        }
    }

    /** Adds the counts of {@code other}, kept apart while it was filled on another thread. */
    void add(ApplyCounters other) {
        inserts += other.inserts;
        updates += other.updates;
        deletes += other.deletes;
        truncates += other.truncates;
        executes += other.executes;
        globalEvents += other.globalEvents;
        ignored += other.ignored;
        coalesced += other.coalesced;
        statements += other.statements;
        roundTrips += other.roundTrips;
    }

    ApplyStats snapshot() {
        return new ApplyStats(
                inserts,
                updates,
                deletes,
                truncates,
                executes,
                globalEvents,
                ignored,
                coalesced,
                statements,
                roundTrips);
    }
}
