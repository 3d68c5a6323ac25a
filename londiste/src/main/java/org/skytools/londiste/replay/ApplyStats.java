package org.skytools.londiste.replay;

/**
 * What one {@link BatchApplier#apply} call did.
 *
 * @param inserts insert events applied
 * @param updates update events applied
 * @param deletes delete events applied
 * @param truncates truncate events applied
 * @param executes EXECUTE events seen (run or skipped as already applied)
 * @param globalEvents {@code londiste.*} events applied
 * @param ignored events left out: unknown or not-applying tables, ignoring handlers, {@code pgq.*}
 * @param coalesced row events that went into a net change per key (the rest went one by one)
 * @param statements SQL statements sent to the destination
 * @param roundTrips executions (JDBC calls) against the destination; a batch of statements counts once
 */
public record ApplyStats(
        long inserts,
        long updates,
        long deletes,
        long truncates,
        long executes,
        long globalEvents,
        long ignored,
        long coalesced,
        long statements,
        long roundTrips) {

    /** Row events applied. */
    public long rowEvents() {
        return inserts + updates + deletes;
    }
}
