package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skytools.pgq.Event;

/**
 * A merge leaf whose combined queue's node is the local root (behaviour C-26): the partition's
 * data events go into the combined queue with new event ids, a block per statement, and every
 * batch ends with a {@code pgq.tick-id} event (data = partition tick, extra1 = partition queue),
 * all in the batch's local transaction.
 */
final class MergeCopier {
    private static final int BLOCK = 500;

    private final Connection dst;
    private final String combinedQueue;
    private final List<Event> buffer = new ArrayList<>();
    private long copied;

    MergeCopier(Connection dst, String combinedQueue) {
        this.dst = dst;
        this.combinedQueue = combinedQueue;
    }

    void add(Event ev) throws SQLException {
        buffer.add(ev);
        if (buffer.size() >= BLOCK) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        int n = buffer.size();
        String[] times = new String[n];
        String[][] text = new String[6][n];
        for (int i = 0; i < n; i++) {
            Event e = buffer.get(i);
            times[i] = e.timeText();
            text[0][i] = e.type();
            text[1][i] = e.data();
            text[2][i] = e.extra1();
            text[3][i] = e.extra2();
            text[4][i] = e.extra3();
            text[5][i] = e.extra4();
        }
        try (PreparedStatement st = dst.prepareStatement(
                "select count(pgq.insert_event_raw(?::text, null, u.t, null, null, u.ty, u.d, u.e1, u.e2, u.e3, u.e4))"
                        + " from unnest(?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],"
                        + " ?::text[], ?::text[]) as u(t, ty, d, e1, e2, e3, e4)")) {
            st.setString(1, combinedQueue);
            st.setArray(2, dst.createArrayOf("text", times));
            for (int c = 0; c < 6; c++) {
                st.setArray(3 + c, dst.createArrayOf("text", text[c]));
            }
            st.executeQuery().close();
        }
        copied += n;
        buffer.clear();
    }

    /** Marks the end of a partition batch in the combined queue. */
    void tickEvent(String partitionQueue, long tickId) throws SQLException {
        flush();
        try (PreparedStatement st = dst.prepareStatement(
                "select pgq.insert_event(?::text, 'pgq.tick-id', ?::text, ?::text, null, null, null)")) {
            st.setString(1, combinedQueue);
            st.setString(2, String.valueOf(tickId));
            st.setString(3, partitionQueue);
            st.executeQuery().close();
        }
    }

    long copied() {
        return copied;
    }
}
