package org.skytools.londiste.copy;

/**
 * What one copy attempt did.
 *
 * @param table the table (queue name)
 * @param status what happened
 * @param rows rows copied
 * @param gapEvents events the copy applied itself because the replay had passed them
 * @param syncTick the tick at which the copied table equals the source, or 0 when not copied
 */
public record CopyOutcome(String table, Status status, long rows, int gapEvents, long syncTick) {

    /** How a copy attempt ended. */
    public enum Status {
        /** Copied; the table is now {@code ok}, or {@code wanna-sync} until the replay passes its sync tick. */
        COPIED,
        /** The table is not {@code in-copy} (any more): nothing done. */
        NOT_IN_COPY,
        /** Another copy of the same table holds it. */
        BUSY,
        /**
         * The table is fed from several queues of this database and another source copies first
         * ({@code copy_role = wait-copy}): to be tried again soon.
         */
        WAITING
    }
}
