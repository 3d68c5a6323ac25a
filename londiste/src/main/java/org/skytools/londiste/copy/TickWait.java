package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.table.SqlRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits for ticks on the copy source during the hand-over of a copy to the replay. */
final class TickWait {
    private static final long POLL_MS = 100;
    private static final long LIMIT_MS = 300_000;
    private static final long FORCE_MS = 1_000;
    private static final long WARN_MS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(TickWait.class);

    private TickWait() {}

    /**
     * The first tick after {@code afterTick} whose snapshot shows everything the copy snapshot
     * shows: the first one taken after the copy began, however long other transactions stay open.
     * On a root it asks the ticker for one (once a second). It waits as long as it takes, with a
     * warning every minute, rather than throw a finished copy away; returns 0 as soon as {@code
     * wanted} turns false.
     */
    static long firstTickIncluding(
            Connection c, String queue, long afterTick, String copySnapshot, String node, Wanted wanted)
            throws SQLException {
        TxidSnapshot copy = TxidSnapshot.parse(copySnapshot);
        boolean root = Boolean.TRUE.equals(SqlRows.value(c, "select pgq_node.is_root_node(?)", queue));
        long started = System.currentTimeMillis();
        long nextForce = started;
        long nextWarning = started + WARN_MS;
        long from = afterTick;
        while (true) {
            for (Map<String, Object> row : SqlRows.query(
                    c,
                    "select t.tick_id, t.tick_snapshot::text as snap from pgq.tick t"
                            + " join pgq.queue q on q.queue_id = t.tick_queue"
                            + " where q.queue_name = ? and t.tick_id > ? order by t.tick_id",
                    queue,
                    from)) {
                long id = ((Number) row.get("tick_id")).longValue();
                if (TxidSnapshot.parse((String) row.get("snap")).includes(copy)) {
                    return id;
                }
                from = id;
            }
            if (!wanted.stillWanted()) {
                return 0;
            }
            long now = System.currentTimeMillis();
            if (root && now >= nextForce) {
                SqlRows.value(c, "select pgq.force_tick(?)", queue);
                nextForce = now + FORCE_MS;
            }
            if (now >= nextWarning) {
                log.warn(
                        "no tick of queue \"{}\" on node \"{}\" since the copy began {} s ago; is its ticker"
                                + " running?",
                        queue,
                        node,
                        (now - started) / 1000);
                nextWarning = now + WARN_MS;
            }
            pause(Long.MAX_VALUE, "waiting for a tick on node \"" + node + "\"");
        }
    }

    /** Whether the wait still matters. */
    @FunctionalInterface
    interface Wanted {
        boolean stillWanted() throws SQLException;
    }

    /** Waits until {@code tick} exists on the node. */
    static void awaitTick(Connection c, String queue, long tick, String node) throws SQLException {
        long deadline = System.currentTimeMillis() + LIMIT_MS;
        while (GapApplier.tickSnapshot(c, queue, tick) == null) {
            pause(deadline, "tick " + tick + " did not reach " + node);
        }
    }

    private static void pause(long deadline, String message) {
        if (System.currentTimeMillis() > deadline) {
            throw new SkyToolsException(ErrorKind.RUNTIME, message);
        }
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyToolsException(ErrorKind.RUNTIME, "interrupted: " + message);
        }
    }
}
