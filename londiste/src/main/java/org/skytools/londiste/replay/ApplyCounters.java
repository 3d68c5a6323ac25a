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
