package org.skytools.pgq.cascade;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.db.Quoting;
import org.skytools.pgq.Event;
import org.skytools.pgq.internal.SqlCalls;

/**
 * Copies provider events into the branch's own queue with the same ids, times, types, data and
 * extras (new local txids), a block of events per statement. The branch queue refuses inserts
 * outside replica-role sessions (behaviour C-5), so the copy runs with
 * {@code session_replication_role = replica} for the local transaction.
 */
final class EventCopier {
    static final int BLOCK = 500;

    private final Connection dst;
    private final String queue;
    private final List<Event> buffer = new ArrayList<>();
    private String table;
    private long copied;
    private long maxId;

    EventCopier(Connection dst, String queue) {
        this.dst = dst;
        this.queue = queue;
    }

    /**
     * Starts the batch's local transaction in replica role, before any event is applied, so that
     * the whole batch sees the same trigger behaviour, and finds the current event table.
     */
    void begin() throws SQLException {
        SqlCalls.value(dst, "select set_config('session_replication_role', 'replica', true)", String.class);
        table = SqlCalls.value(dst, "select pgq.current_event_table(?::text)", String.class, queue);
    }

    void add(Event ev) throws SQLException {
        buffer.add(ev);
        maxId = Math.max(maxId, ev.id());
        if (buffer.size() >= BLOCK) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        if (table == null) {
            begin();
        }
        int n = buffer.size();
        Long[] ids = new Long[n];
        String[] times = new String[n];
        String[][] text = new String[6][n];
        for (int i = 0; i < n; i++) {
            Event e = buffer.get(i);
            ids[i] = e.id();
            times[i] = e.timeText();
            text[0][i] = e.type();
            text[1][i] = e.data();
            text[2][i] = e.extra1();
            text[3][i] = e.extra2();
            text[4][i] = e.extra3();
            text[5][i] = e.extra4();
        }
        String sql = "insert into " + Quoting.quoteFqName(table)
                + " (ev_id, ev_time, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4)"
                + " select * from unnest(?::int8[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[])";
        try (PreparedStatement st = dst.prepareStatement(sql)) {
            st.setArray(1, dst.createArrayOf("int8", ids));
            st.setArray(2, dst.createArrayOf("text", times));
            for (int c = 0; c < 6; c++) {
                Array a = dst.createArrayOf("text", text[c]);
                st.setArray(3 + c, a);
            }
            st.executeUpdate();
        }
        copied += n;
        buffer.clear();
    }

    long copied() {
        return copied;
    }

    long maxId() {
        return maxId;
    }
}
