package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;
import org.skytools.pgq.RetryTagger;

/**
 * The events of a provider batch, read while iterated: with a fetch size through
 * {@code pgq.get_batch_cursor} and {@code FETCH}, so that at most one block is held; with 0 all at
 * once through {@code pgq.get_batch_events}. Runs in the provider's open transaction.
 */
final class ProviderEvents implements Iterator<Event>, AutoCloseable {
    static final String CURSOR = "cascade_walker";
    private static final String COLUMNS =
            "ev_id, ev_time, ev_txid, ev_retry, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4";

    private final Connection src;
    private final long batchId;
    private final int fetchSize;
    private final String filter;
    private Statement st;
    private ResultSet rs;
    private int rowsInBlock;
    private boolean cursorOpen;
    private boolean done;
    private Event next;

    ProviderEvents(Connection src, long batchId, int fetchSize, String filter) {
        this.src = src;
        this.batchId = batchId;
        this.fetchSize = fetchSize;
        this.filter = filter;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = advance();
            } catch (SQLException e) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME, "reading the events of batch " + batchId + " failed: " + e.getMessage(), e);
            }
        }
        return next != null;
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Event ev = next;
        next = null;
        return ev;
    }

    private Event advance() throws SQLException {
        while (true) {
            if (rs == null) {
                open();
            } else if (rs.next()) {
                rowsInBlock++;
                return Event.fromRow(rs, RetryTagger.NONE);
            } else if (fetchSize == 0 || rowsInBlock < fetchSize) {
                close();
                return null;
            } else {
                rs.close();
                st.close();
                st = src.createStatement();
                rs = st.executeQuery("fetch " + fetchSize + " from " + CURSOR);
                rowsInBlock = 0;
            }
        }
    }

    private void open() throws SQLException {
        PreparedStatement ps;
        if (fetchSize > 0) {
            ps = src.prepareStatement(
                    "select " + COLUMNS + " from pgq.get_batch_cursor(?::int8, ?::text, ?::int4, ?::text)");
            ps.setLong(1, batchId);
            ps.setString(2, CURSOR);
            ps.setInt(3, fetchSize);
            ps.setString(4, filter);
            cursorOpen = true;
        } else {
            ps = src.prepareStatement("select " + COLUMNS + " from pgq.get_batch_events(?::int8)"
                    + (filter == null ? "" : " where " + filter));
            ps.setLong(1, batchId);
        }
        st = ps;
        rs = ps.executeQuery();
        rowsInBlock = 0;
    }

    @Override
    public void close() throws SQLException {
        if (done) {
            return;
        }
        done = true;
        if (rs != null) {
            rs.close();
        }
        if (st != null) {
            st.close();
        }
        if (cursorOpen) {
            try (Statement closer = src.createStatement()) {
                closer.execute("close " + CURSOR);
            }
        }
    }
}
