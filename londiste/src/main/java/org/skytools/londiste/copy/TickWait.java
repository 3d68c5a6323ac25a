package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.table.SqlRows;

/** Waits for ticks on a node during the hand-over of a copy from a node other than the provider. */
final class TickWait {
    private static final long POLL_MS = 100;
    private static final long LIMIT_MS = 300_000;

    private TickWait() {}

    /**
     * The first tick whose snapshot shows everything the copy snapshot shows (its xmin is at or
     * past the copy's xmax); on a root, asks the ticker for one.
     */
    static long firstTickAfter(Connection c, String queue, String copySnapshot, String node) throws SQLException {
        long xmax = TxidSnapshot.parse(copySnapshot).xmax();
        boolean root = Boolean.TRUE.equals(SqlRows.value(c, "select pgq_node.is_root_node(?)", queue));
        long deadline = System.currentTimeMillis() + LIMIT_MS;
        while (true) {
            Object tick = SqlRows.value(
                    c,
                    "select t.tick_id from pgq.tick t join pgq.queue q on q.queue_id = t.tick_queue"
                            + " where q.queue_name = ? and txid_snapshot_xmin(t.tick_snapshot) >= ?"
                            + " order by t.tick_id limit 1",
                    queue,
                    xmax);
            if (tick != null) {
                return ((Number) tick).longValue();
            }
            if (root) {
                SqlRows.value(c, "select pgq.force_tick(?)", queue);
            }
            pause(deadline, "no tick after the copy on node \"" + node + "\"; is the ticker running?");
        }
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
