package org.skytools.pgq.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.skytools.common.db.Quoting;
import org.skytools.pgq.Event;
import org.skytools.pgq.RetryTagger;

/**
 * Walks the events of a batch through a cursor: the first block comes from {@code
 * pgq.get_batch_cursor}, later ones from {@code FETCH n}. While the caller handles one block, the
 * next is fetched and decoded into events on a background thread, so that the server produces
 * rows and the client decodes them while the caller works, as with a COPY stream; at most two
 * blocks are held at once.
 *
 * <p>The background fetch uses the same connection and transaction. pgjdbc serialises statements
 * on a connection, so a handler may still run its own statements between events; they wait for
 * the fetch in flight.
 */
public final class EventCursor implements BatchEventSource {

    private final Connection db;
    private final long batchId;
    private final String cursor;
    private final int fetchSize;
    private final String filter;
    private final RetryTagger tagger;
    private List<Event> current;
    private int position;
    private CompletableFuture<List<Event>> nextBlock;
    private ExecutorService fetcher;
    private boolean opened;
    private boolean closed;
    // after a failed statement the transaction is aborted: closing the cursor would only fail again
    private boolean failed;
    private int peakHeld;

    /**
     * A cursor named {@code cursor} over the events of {@code batchId} (restricted by the SQL
     * condition {@code filter} when not null), {@code fetchSize} rows per block; events are tagged
     * through {@code tagger}.
     */
    public EventCursor(Connection db, long batchId, String cursor, int fetchSize, String filter, RetryTagger tagger) {
        if (fetchSize <= 0) {
            throw new IllegalArgumentException("fetch size must be positive: " + fetchSize);
        }
        this.db = db;
        this.batchId = batchId;
        this.cursor = cursor;
        this.fetchSize = fetchSize;
        this.filter = filter;
        this.tagger = tagger;
    }

    /** The next event, or null after the last one (the cursor is then closed). */
    @Override
    public Event next() throws SQLException {
        if (closed) {
            return null;
        }
        try {
            return read();
        } catch (SQLException e) {
            failed = true;
            throw e;
        }
    }

    private Event read() throws SQLException {
        if (!opened) {
            opened = true;
            current = first();
            prefetchAfter(current);
        }
        while (true) {
            if (position < current.size()) {
                return current.get(position++);
            }
            boolean last = current.size() < fetchSize;
            current = null;
            if (last) {
                close();
                return null;
            }
            current = awaitNext();
            position = 0;
            prefetchAfter(current);
        }
    }

    /** The most rows held in memory at once: at most two blocks. */
    @Override
    public int peakHeld() {
        return peakHeld;
    }

    private List<Event> first() throws SQLException {
        return SqlCalls.list(
                db,
                "select " + Event.COLUMNS + " from pgq.get_batch_cursor(?::int8, ?::text, ?::int4, ?::text)",
                this::event,
                batchId,
                cursor,
                fetchSize,
                filter);
    }

    private List<Event> fetch() throws SQLException {
        return SqlCalls.list(db, "fetch " + fetchSize + " from " + Quoting.quoteIdent(cursor), this::event);
    }

    private Event event(ResultSet rs) throws SQLException {
        return Event.fromRow(rs, tagger);
    }

    private void prefetchAfter(List<Event> block) {
        int held = block.size();
        if (block.size() == fetchSize) {
            if (fetcher == null) {
                fetcher = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "pgq-fetch-" + batchId);
                    t.setDaemon(true);
                    return t;
                });
            }
            nextBlock = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return fetch();
                        } catch (SQLException e) {
                            throw new FetchFailure(e);
                        }
                    },
                    fetcher);
            held += fetchSize;
        }
        peakHeld = Math.max(peakHeld, held);
    }

    private List<Event> awaitNext() throws SQLException {
        CompletableFuture<List<Event>> f = nextBlock;
        nextBlock = null;
        if (f == null) {
            return fetch();
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while fetching the events of batch " + batchId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FetchFailure ff) {
                throw ff.getCause();
            }
            throw new SQLException("fetching the events of batch " + batchId + " failed", e.getCause());
        }
    }

    /** Closes the cursor, after the fetch in flight if any; a no-op the second time. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        SQLException failure = null;
        try {
            if (nextBlock != null) {
                try {
                    awaitNext();
                } catch (SQLException e) {
                    failed = true;
                    failure = e;
                }
            }
            current = null;
            if (opened && !failed) {
                try (Statement closer = db.createStatement()) {
                    closer.execute("close " + Quoting.quoteIdent(cursor));
                }
            }
        } finally {
            if (fetcher != null) {
                fetcher.shutdown();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static final class FetchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FetchFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
