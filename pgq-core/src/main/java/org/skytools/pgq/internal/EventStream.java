package org.skytools.pgq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.skytools.pgq.Event;
import org.skytools.pgq.RetryTagger;

/**
 * Streams the events of a batch with {@code COPY (<the batch's query>) TO STDOUT}. The server
 * sends rows without waiting for a request per block, and a reader thread decodes them into
 * blocks while the caller handles the block before; at most two blocks are held at once. A cursor
 * costs a round trip per block and, for a big batch, a sort without parallel workers.
 *
 * <p>While the COPY runs, pgjdbc makes any other statement on the connection wait until the COPY
 * ends. A caller that runs a statement between events would wait for the reader, which waits for
 * the caller to take the next block. The reader watches for this ({@link ConnectionWaiters}): when
 * a thread waits for the connection while a block is ready, it reads the rest of the COPY without
 * keeping it, and the caller's later events come from a cursor ({@link EventCursor}) over the
 * events after the last one it got. {@code onFallback} is told, so that later batches can be read
 * through a cursor from the start.
 */
public final class EventStream implements BatchEventSource {
    private static final Object END = new Object();
    private static final Object FELL_BACK = new Object();
    private static final long WAIT_MILLIS = 20;
    private static final String ORDERED = " order by 1";

    private final Connection db;
    private final long batchId;
    private final String cursorName;
    private final int fetchSize;
    private final String filter;
    private final RetryTagger tagger;
    private final ConnectionWaiters waiters;
    private final Runnable onFallback;
    private final SynchronousQueue<Object> handoff = new SynchronousQueue<>();
    private volatile boolean stopping;
    private Thread reader;
    private List<Event> current = List.of();
    private int position;
    private Long lastId;
    private EventCursor rest;
    private boolean ended;
    private int peakHeld;

    private record Block(List<Event> events) {}

    private record Failure(Exception error) {}

    private EventStream(
            Connection db,
            long batchId,
            String cursorName,
            int fetchSize,
            String filter,
            RetryTagger tagger,
            ConnectionWaiters waiters,
            Runnable onFallback) {
        this.db = db;
        this.batchId = batchId;
        this.cursorName = cursorName;
        this.fetchSize = fetchSize;
        this.filter = filter;
        this.tagger = tagger;
        this.waiters = waiters;
        this.onFallback = onFallback;
    }

    /**
     * A stream over the events of {@code batchId} (restricted by the SQL condition {@code filter}
     * when not null), in blocks of {@code fetchSize}, or null when the driver does not let the
     * stream see a statement waiting for the connection. A fallback cursor is named {@code
     * cursorName}.
     */
    public static EventStream open(
            Connection db,
            long batchId,
            String cursorName,
            int fetchSize,
            String filter,
            RetryTagger tagger,
            Runnable onFallback)
            throws SQLException {
        if (fetchSize <= 0) {
            throw new IllegalArgumentException("fetch size must be positive: " + fetchSize);
        }
        ConnectionWaiters waiters = ConnectionWaiters.of(db);
        if (waiters == null) {
            return null;
        }
        return new EventStream(db, batchId, cursorName, fetchSize, filter, tagger, waiters, onFallback);
    }

    @Override
    public Event next() throws SQLException {
        while (true) {
            if (rest != null) {
                return rest.next();
            }
            if (position < current.size()) {
                Event ev = current.get(position++);
                lastId = ev.id();
                return ev;
            }
            if (ended) {
                return null;
            }
            if (reader == null) {
                reader = new Thread(this::read, "pgq-stream-" + batchId);
                reader.setDaemon(true);
                reader.start();
            }
            Object got = take();
            current = List.of();
            position = 0;
            if (got instanceof Block b) {
                current = b.events();
                peakHeld = Math.max(peakHeld, current.size() + fetchSize);
                continue;
            }
            ended = true;
            join();
            if (got == FELL_BACK) {
                onFallback.run();
                rest = new EventCursor(db, batchId, cursorName, fetchSize, restFilter(), tagger);
            } else if (got instanceof Failure f) {
                if (f.error() instanceof SQLException e) {
                    throw e;
                }
                throw (RuntimeException) f.error();
            }
        }
    }

    @Override
    public int peakHeld() {
        return Math.max(peakHeld, rest == null ? 0 : rest.peakHeld());
    }

    /** Ends the stream; the rest of a COPY still running is read without being kept. */
    @Override
    public void close() throws SQLException {
        ended = true;
        current = List.of();
        boolean interrupted = false;
        if (reader != null) {
            stopping = true;
            while (reader.isAlive()) {
                try {
                    handoff.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // the connection must be free before anyone uses it again: wait on
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (rest != null) {
            rest.close();
        }
    }

    private Object take() throws SQLException {
        try {
            return handoff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the events of batch " + batchId, e);
        }
    }

    private void join() {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // the reader thread

    private void read() {
        CopyOut copy = null;
        try {
            copy = db.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + query() + ") to stdout");
            boolean keeping = true;
            List<Event> block = new ArrayList<>(fetchSize);
            byte[] row;
            while ((row = copy.readFromCopy()) != null) {
                if (!keeping) {
                    continue;
                }
                block.add(Event.fromCopyRow(row, tagger));
                if (block.size() == fetchSize) {
                    keeping = handOverWhileCopying(new Block(block));
                    block = new ArrayList<>(fetchSize);
                }
            }
            if (keeping) {
                if (!block.isEmpty()) {
                    deliver(new Block(block));
                }
                deliver(END);
            } else {
                deliver(FELL_BACK);
            }
        } catch (SQLException | RuntimeException e) {
            cancel(copy);
            deliver(new Failure(e));
        }
    }

    /**
     * Hands a block over; false when the stream is closed or a thread waits for the connection,
     * so that the rest of the COPY must be read without keeping it.
     */
    private boolean handOverWhileCopying(Block block) {
        try {
            while (!handoff.offer(block, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopping || waiters.any()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Hands the COPY's outcome over, unless the stream was closed. */
    private void deliver(Object item) {
        try {
            while (!handoff.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopping) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the caller is gone; nothing is waiting for this
        }
    }

    private static void cancel(CopyOut copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the transaction fails with the first error, which the caller gets
            }
        }
    }

    private String query() throws SQLException {
        String sql;
        try (PreparedStatement st = db.prepareStatement("select pgq.batch_event_sql(?::int8)")) {
            st.setLong(1, batchId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
            }
        }
        if (sql == null) {
            throw new SQLException("pgq.batch_event_sql gave no query for batch " + batchId);
        }
        return withFilter(sql, filter);
    }

    /** The batch's query restricted by {@code filter}: the unordered union filtered, then ordered. */
    static String withFilter(String batchSql, String filter) {
        if (filter == null) {
            return batchSql;
        }
        String union =
                batchSql.endsWith(ORDERED) ? batchSql.substring(0, batchSql.length() - ORDERED.length()) : batchSql;
        return "select " + Event.COLUMNS + " from (" + union + ") _evs where " + filter + ORDERED;
    }

    private String restFilter() {
        if (lastId == null) {
            return filter;
        }
        String after = "ev_id > " + lastId;
        return filter == null ? after : "(" + filter + ") and " + after;
    }
}
