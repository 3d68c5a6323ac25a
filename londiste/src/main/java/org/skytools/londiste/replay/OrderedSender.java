package org.skytools.londiste.replay;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends literal statements in event order as JDBC batches (one round trip per batch), or one by one
 * in retry mode. A failure names the event that caused it as {@code [ev_id=..,ev_txid=..]}.
 */
final class OrderedSender implements AutoCloseable {
    private final Statement st;
    private final boolean oneByOne;
    private final int limit;
    private final ApplyCounters counters;
    private final List<ReplayEvent> pending = new ArrayList<>();

    OrderedSender(Connection conn, ReplayOptions opts, ApplyCounters counters) throws SQLException {
        this.st = conn.createStatement();
        // the statements are plain SQL: JDBC escapes such as {fn ...} inside values must stay as they are
        st.setEscapeProcessing(false);
        this.oneByOne = opts.oneByOne();
        this.limit = opts.statementsPerBatch();
        this.counters = counters;
    }

    void add(String sql, ReplayEvent ev) throws SQLException {
        if (oneByOne) {
            counters.roundTrip(1);
            try {
                st.execute(sql);
            } catch (SQLException e) {
                throw tagged(e, ev);
            }
            return;
        }
        st.addBatch(sql);
        pending.add(ev);
        if (pending.size() >= limit) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        counters.roundTrip(pending.size());
        try {
            st.executeBatch();
        } catch (BatchUpdateException e) {
            int failed = failedIndex(e);
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            if (failed >= 0) {
                throw tagged(cause, pending.get(failed));
            }
            ReplayEvent first = pending.get(0);
            ReplayEvent last = pending.get(pending.size() - 1);
            throw new SQLException(
                    "[ev_id=" + first.eventId() + ".." + last.eventId() + "] " + cause.getMessage(),
                    cause.getSQLState(),
                    cause);
        } finally {
            st.clearBatch();
            pending.clear();
        }
    }

    // pgjdbc marks the statements of a failed batch as failed but names the one that failed in its
    // message ("Batch entry N ... was aborted"); without that, the error names the batch's event range
    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("Batch entry (\\d+) ");

    private int failedIndex(BatchUpdateException e) {
        java.util.regex.Matcher m = ENTRY.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            int i = Integer.parseInt(m.group(1));
            return i < pending.size() ? i : -1;
        }
        return -1;
    }

    private static SQLException tagged(SQLException e, ReplayEvent ev) {
        return new SQLException(
                "[ev_id=" + ev.eventId() + ",ev_txid=" + ev.txid() + "] " + e.getMessage(), e.getSQLState(), e);
    }

    @Override
    public void close() throws SQLException {
        st.close();
    }
}
