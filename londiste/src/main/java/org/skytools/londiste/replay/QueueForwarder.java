package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.Quoting;
import org.skytools.pgq.Event;

/**
 * The {@code qsplitter} handler's work: events go, in their order and with their type, data,
 * extras and time, into the current event table of another queue of the destination database, in
 * the batch's transaction, as SkyTools' {@code pgq.bulk_insert_events} does. Ids and txids are the
 * target queue's own.
 */
final class QueueForwarder {
    private static final int ROWS_PER_BATCH = 1000;

    private QueueForwarder() {}

    /** Inserts each queue's events, in their order, into that queue. */
    static void insert(Connection conn, Map<String, List<Event>> byQueue, ApplyCounters counters) throws SQLException {
        for (Map.Entry<String, List<Event>> e : byQueue.entrySet()) {
            String table = currentTable(conn, e.getKey(), counters);
            String sql = "insert into " + Quoting.quoteFqName(table)
                    + " (ev_time, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4)"
                    + " values (?::timestamptz, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                int pending = 0;
                for (Event ev : e.getValue()) {
                    ps.setString(1, ev.timeText());
                    ps.setString(2, ev.type());
                    ps.setString(3, ev.data());
                    ps.setString(4, ev.extra1());
                    ps.setString(5, ev.extra2());
                    ps.setString(6, ev.extra3());
                    ps.setString(7, ev.extra4());
                    ps.addBatch();
                    if (++pending == ROWS_PER_BATCH) {
                        ps.executeBatch();
                        counters.roundTrip(pending);
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                    counters.roundTrip(pending);
                }
            }
        }
    }

    private static String currentTable(Connection conn, String queue, ApplyCounters counters) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select pgq.current_event_table(?)")) {
            ps.setString(1, queue);
            counters.roundTrip(1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
