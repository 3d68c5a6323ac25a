package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skytools.common.db.Quoting;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableInfo;
import org.skytools.pgq.Event;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;

/**
 * Applies, through the copy consumer's batches on the copy source, the table's events up to a
 * tick that the copy snapshot does not show. A batch spans a single tick when the consumer is
 * behind, so batches are taken until one ends at or past the bound.
 */
final class GapApplier {
    private static final int FETCH = 1000;

    private final String queue;
    private final EventSink sink;

    GapApplier(String queue, EventSink sink) {
        this.queue = queue;
        this.sink = sink;
    }

    /** The snapshot of {@code tick} on {@code c}, or null when the tick is not there (yet). */
    static String tickSnapshot(Connection c, String queue, long tick) throws SQLException {
        return (String) SqlRows.value(
                c,
                "select t.tick_snapshot::text from pgq.tick t join pgq.queue q on q.queue_id = t.tick_queue"
                        + " where q.queue_name = ? and t.tick_id = ?",
                queue,
                tick);
    }

    /** Applies the table's events in ticks up to {@code upTo} not visible in {@code copySnapshot}; returns how many. */
    int apply(Connection dst, Connection src, TableInfo t, String consumer, long upTo, String copySnapshot)
            throws SQLException {
        PgqClient pgq = new PgqClient(src);
        src.setAutoCommit(false);
        try {
            String bound = tickSnapshot(src, queue, upTo);
            if (bound == null) {
                throw new SQLException("tick " + upTo + " of queue \"" + queue + "\" is not on the copy source");
            }
            String where = "ev_extra1 = " + Quoting.quoteLiteral(t.name())
                    + " and txid_visible_in_snapshot(ev_txid, " + Quoting.quoteLiteral(bound)
                    + "::txid_snapshot) and not txid_visible_in_snapshot(ev_txid, "
                    + Quoting.quoteLiteral(copySnapshot) + "::txid_snapshot)";
            int n = 0;
            while (true) {
                Optional<NextBatchInfo> batch = pgq.nextBatchInfo(queue, consumer);
                if (batch.isEmpty()) {
                    break;
                }
                n += applyBatch(dst, pgq, t, batch.get().batchId(), where);
                pgq.finishBatch(batch.get().batchId());
                src.commit();
                if (batch.get().curTickId() >= upTo) {
                    break;
                }
            }
            return n;
        } finally {
            src.commit();
            src.setAutoCommit(true);
        }
    }

    private int applyBatch(Connection dst, PgqClient pgq, TableInfo t, long batchId, String where) throws SQLException {
        String cursor = "londiste_copy_gap";
        List<Event> events = new ArrayList<>(pgq.getBatchCursor(batchId, cursor, FETCH, where));
        boolean more = events.size() >= FETCH;
        int n = 0;
        while (true) {
            if (!events.isEmpty()) {
                sink.apply(dst, t, events);
                n += events.size();
            }
            if (!more) {
                break;
            }
            events = pgq.fetch(cursor, FETCH);
            more = !events.isEmpty();
        }
        pgq.closeCursor(cursor);
        return n;
    }
}
