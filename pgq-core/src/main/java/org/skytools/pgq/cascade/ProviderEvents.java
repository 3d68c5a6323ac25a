package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;
import org.skytools.pgq.RetryTagger;
import org.skytools.pgq.internal.BatchEventSource;
import org.skytools.pgq.internal.BatchReading;

/**
 * The events of a provider batch, read while iterated: with a fetch size streamed or through a
 * cursor as {@link BatchReading} chooses, so that at most two blocks are held and the next block
 * is read while one is applied; with 0 all at once through {@code pgq.get_batch_events}. Runs in
 * the provider's open transaction.
 */
final class ProviderEvents implements Iterator<Event>, AutoCloseable {
    static final String CURSOR = "cascade_walker";

    private final Connection src;
    private final long batchId;
    private final int fetchSize;
    private final String filter;
    private final BatchReading reading;
    private BatchEventSource source;
    private PreparedStatement st;
    private ResultSet rs;
    private boolean done;
    private Event next;

    ProviderEvents(Connection src, long batchId, int fetchSize, String filter, BatchReading reading) {
        this.src = src;
        this.reading = reading;
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
        if (fetchSize > 0) {
            if (source == null) {
                source = reading.open(src, batchId, fetchSize, filter, RetryTagger.NONE);
            }
            Event ev = source.next();
            if (ev == null) {
                close();
            }
            return ev;
        }
        if (rs == null) {
            st = src.prepareStatement("select " + Event.COLUMNS + " from pgq.get_batch_events(?::int8)"
                    + (filter == null ? "" : " where " + filter));
            st.setLong(1, batchId);
            rs = st.executeQuery();
        }
        if (rs.next()) {
            return Event.fromRow(rs, RetryTagger.NONE);
        }
        close();
        return null;
    }

    @Override
    public void close() throws SQLException {
        if (done) {
            return;
        }
        done = true;
        if (source != null) {
            source.close();
        }
        if (rs != null) {
            rs.close();
        }
        if (st != null) {
            st.close();
        }
    }
}
