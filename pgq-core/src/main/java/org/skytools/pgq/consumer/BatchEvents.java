package org.skytools.pgq.consumer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.skytools.pgq.Event;
import org.skytools.pgq.RetryTagger;
import org.skytools.pgq.internal.BatchEventSource;
import org.skytools.pgq.internal.BatchReading;

/**
 * The events of one batch, read once. With a fetch size the events come while they are iterated,
 * streamed or through a cursor as {@link BatchReading} chooses, so at most two fetches' worth of
 * rows is held whatever the batch size; with fetch size 0 they are loaded at once.
 * Only events tagged for retry are remembered, by id.
 */
final class BatchEvents implements Iterable<Event>, RetryTagger, AutoCloseable {
    static final String CURSOR = "batch_walker";

    private final Connection db;
    private final long batchId;
    private final int fetchSize;
    private final String filter;
    private final BatchReading reading;
    private final Map<Long, Integer> retries = new LinkedHashMap<>();
    private List<Event> loaded;
    private LazyIterator lazy;
    private boolean started;
    private long count;
    private int peakHeld;
    private Charset rowCharset = StandardCharsets.UTF_8;

    private BatchEvents(Connection db, long batchId, int fetchSize, String filter, BatchReading reading) {
        this.db = db;
        this.batchId = batchId;
        this.fetchSize = fetchSize;
        this.filter = filter;
        this.reading = reading;
    }

    /** Events read {@code fetchSize} at a time while they are iterated, as {@code reading} chooses. */
    static BatchEvents lazy(Connection db, long batchId, int fetchSize, String filter, BatchReading reading) {
        return new BatchEvents(db, batchId, fetchSize, filter, reading);
    }

    /** Events loaded at once with {@code pgq.get_batch_events}, filtered by {@code filter} if set. */
    static BatchEvents loaded(Connection db, long batchId, String filter) throws SQLException {
        BatchEvents ev = new BatchEvents(db, batchId, 0, filter, null);
        String sql = "select " + Event.COLUMNS + " from pgq.get_batch_events(?::int8)"
                + (filter == null ? "" : " where " + filter);
        List<Event> list = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setLong(1, batchId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    list.add(Event.fromRow(rs, ev));
                }
            }
        }
        ev.loaded = list;
        ev.peakHeld = list.size();
        return ev;
    }

    /** The {@code server_encoding} of the events' database, which their rows are read in. */
    BatchEvents rowsIn(Charset charset) {
        this.rowCharset = charset;
        if (loaded != null) {
            loaded.forEach(e -> e.readRowsAs(charset));
        }
        return this;
    }

    @Override
    public Iterator<Event> iterator() {
        if (started) {
            throw new IllegalStateException("the events of batch " + batchId + " can be read only once");
        }
        started = true;
        if (loaded != null) {
            count = loaded.size();
            return loaded.iterator();
        }
        try {
            lazy = new LazyIterator(reading.open(db, batchId, fetchSize, filter, this));
        } catch (SQLException e) {
            throw new BatchReadException(batchId, e);
        }
        return lazy;
    }

    /** Events read so far (all of them once the iteration ended). */
    long count() {
        return count;
    }

    /** The most events held in memory at once: at most twice the fetch size when read lazily. */
    int peakHeld() {
        return peakHeld;
    }

    /** Events tagged for retry so far. */
    int retryCount() {
        return retries.size();
    }

    @Override
    public void tagRetry(Event event, int retrySeconds) {
        retries.put(event.id(), retrySeconds);
    }

    @Override
    public void tagDone(Event event) {
        retries.remove(event.id());
    }

    /** Queues the tagged events with {@code pgq.event_retry}, in one statement; returns how many. */
    int flushRetries() throws SQLException {
        if (retries.isEmpty()) {
            return 0;
        }
        Long[] ids = retries.keySet().toArray(new Long[0]);
        Integer[] secs = retries.values().toArray(new Integer[0]);
        Array idArray = db.createArrayOf("int8", ids);
        Array secArray = db.createArrayOf("int4", secs);
        try (PreparedStatement st = db.prepareStatement("select count(pgq.event_retry(?::int8, u.ev, u.sec))"
                + " from unnest(?::int8[], ?::int4[]) as u(ev, sec)")) {
            st.setLong(1, batchId);
            st.setArray(2, idArray);
            st.setArray(3, secArray);
            st.executeQuery().close();
        }
        return ids.length;
    }

    /** Ends the reading when the iteration stopped early. */
    @Override
    public void close() throws SQLException {
        if (lazy != null) {
            lazy.close();
        }
    }

    /** Walks the batch's events while iterated. */
    private final class LazyIterator implements Iterator<Event> {
        private final BatchEventSource walker;
        private boolean done;
        private Event next;

        LazyIterator(BatchEventSource walker) {
            this.walker = walker;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = walker.next();
                } catch (SQLException e) {
                    throw new BatchReadException(batchId, e);
                }
                done = next == null;
                peakHeld = Math.max(peakHeld, walker.peakHeld());
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
            count++;
            ev.readRowsAs(rowCharset);
            return ev;
        }

        void close() throws SQLException {
            walker.close();
        }
    }
}
