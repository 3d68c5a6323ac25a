package org.skytools.pgq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * keeping it, and after that block the caller's events come from a cursor ({@link EventCursor})
 * over the events after the last one it got. The cursor is also used when the session has a
 * {@code statement_timeout}, which would limit the whole batch's handling as one statement. In both
 * cases {@code onFallback} gets the reason, so that later batches can be read through a cursor
 * from the start.
 *
 * <p>The COPY always runs to its end (a cancelled COPY would leave pgjdbc out of step with the
 * server), so the transaction stays usable after an early {@link #close} or a row that cannot be
 * decoded.
 */
public final class EventStream implements BatchEventSource {
    private static final Object END = new Object();
    private static final long WAIT_MILLIS = 20;
    private static final String ORDERED = " order by 1";

    private final Connection db;
    private final long batchId;
    private final String cursorName;
    private final int fetchSize;
    private final String filter;
    private final RetryTagger tagger;
    private final ConnectionWaiters waiters;
    private final Consumer<String> onFallback;
    private final SynchronousQueue<Object> handoff = new SynchronousQueue<>();
    private volatile boolean stopping;
    private Thread reader;
    private List<Event> current = List.of();
    private int position;
    private Long lastId;
    private EventCursor rest;
    private boolean ended;
    private SQLException failure;
    private int peakHeld;

    private record Block(List<Event> events) {}

    private record Fallback(String reason) {}

    private record Failure(Throwable error) {}

    private EventStream(
            Connection db,
            long batchId,
            String cursorName,
            int fetchSize,
            String filter,
            RetryTagger tagger,
            ConnectionWaiters waiters,
            Consumer<String> onFallback) {
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
     * cursorName}; {@code onFallback} gets the reason for one.
     */
    public static EventStream open(
            Connection db,
            long batchId,
            String cursorName,
            int fetchSize,
            String filter,
            RetryTagger tagger,
            Consumer<String> onFallback)
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
            if (failure != null) {
                throw failure;
            }
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
            if (got instanceof Fallback f) {
                onFallback.accept(f.reason());
                rest = new EventCursor(db, batchId, cursorName, fetchSize, restFilter(), tagger);
            } else if (got instanceof Failure f) {
                failure = asSqlException(f.error());
            }
        }
    }

    @Override
    public int peakHeld() {
        return Math.max(peakHeld, rest == null ? 0 : rest.peakHeld());
    }

    /**
     * Ends the stream; the rest of a COPY still running is read without being decoded or kept. A
     * failure of the COPY that the caller has not seen yet is thrown.
     */
    @Override
    public void close() throws SQLException {
        ended = true;
        current = List.of();
        boolean interrupted = false;
        SQLException unseen = null;
        if (reader != null) {
            stopping = true;
            while (reader.isAlive()) {
                try {
                    if (handoff.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS) instanceof Failure f && unseen == null) {
                        unseen = asSqlException(f.error());
                    }
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
        if (unseen != null) {
            throw unseen;
        }
    }

    private Object take() throws SQLException {
        try {
            while (true) {
                Object got = handoff.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (got != null) {
                    return got;
                }
                if (!reader.isAlive()) {
                    // it hands over its outcome before it ends, so this is a bug or a killed thread
                    return new Failure(new IllegalStateException("the reader of batch " + batchId + " stopped"));
                }
            }
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

    private SQLException asSqlException(Throwable error) {
        if (error instanceof SQLException e) {
            return e;
        }
        return new SQLException("reading the events of batch " + batchId + " failed: " + error, error);
    }

    // the reader thread

    private void read() {
        CopyOut copy = null;
        Throwable error = null;
        try {
            String sql = query();
            if (sql == null) {
                deliver(new Fallback("the session has a statement_timeout, which would limit the handling of"
                        + " a whole batch as one COPY statement"));
                return;
            }
            copy = db.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("copy (" + sql + ") to stdout with (encoding 'UTF8')");
            Block held = null;
            boolean discarded = false;
            List<Event> block = new ArrayList<>(fetchSize);
            byte[] row;
            while ((row = copy.readFromCopy()) != null) {
                if (held != null || error != null || stopping) {
                    discarded = true;
                    continue;
                }
                try {
                    block.add(Event.fromCopyRow(row, tagger));
                } catch (RuntimeException e) {
                    error = e;
                    continue;
                }
                if (block.size() == fetchSize) {
                    Block full = new Block(block);
                    block = new ArrayList<>(fetchSize);
                    if (!handOverWhileCopying(full)) {
                        // a thread waits for the connection: keep this block, read the rest through
                        held = full;
                    }
                }
            }
            copy = null;
            // pgjdbc wakes one waiting thread when the COPY ends; wake the others as well
            waiters.wakeAll();
            if (error != null || stopping) {
                deliver(error != null ? new Failure(error) : END);
            } else if (held != null) {
                deliver(held);
                deliver(
                        discarded
                                ? new Fallback("the batch handler runs statements on the source connection"
                                        + " between events")
                                : END);
            } else {
                if (!block.isEmpty()) {
                    deliver(new Block(block));
                }
                deliver(END);
            }
        } catch (Throwable e) {
            finishQuietly(copy);
            deliver(new Failure(error != null ? error : e));
        }
    }

    /** Hands a block over; false when a thread waits for the connection instead of taking it. */
    private boolean handOverWhileCopying(Block block) throws InterruptedException {
        while (!handoff.offer(block, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            if (stopping) {
                return true;
            }
            if (waiters.any()) {
                return false;
            }
        }
        return true;
    }

    /** Hands an item over, unless the stream is closed and the item is not a failure. */
    private void deliver(Object item) {
        try {
            while (!handoff.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopping && !(item instanceof Failure)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // nobody is reading this stream any more
        }
    }

    /** Reads what is left of a COPY that failed on the client side, so that the connection is in step. */
    private static void finishQuietly(CopyOut copy) {
        try {
            while (copy != null && copy.isActive() && copy.readFromCopy() != null) {
                // dropped
            }
        } catch (SQLException | RuntimeException e) {
            // the failure that brought us here is the one to report
        }
    }

    /** The batch's query, or null when the session has a statement_timeout. */
    private String query() throws SQLException {
        String sql;
        String timeout;
        try (PreparedStatement st =
                db.prepareStatement("select pgq.batch_event_sql(?::int8), current_setting('statement_timeout')")) {
            st.setLong(1, batchId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
                timeout = rs.getString(2);
            }
        }
        if (sql == null) {
            throw new SQLException("pgq.batch_event_sql gave no query for batch " + batchId);
        }
        if (!"0".equals(timeout)) {
            return null;
        }
        return withFilter(sql, filter);
    }

    /**
     * The batch's query, restricted by {@code filter} when not null, with the columns of {@link
     * Event#COLUMNS} in order: the unordered union (filtered), then ordered.
     */
    private static String withFilter(String batchSql, String filter) {
        String union =
                batchSql.endsWith(ORDERED) ? batchSql.substring(0, batchSql.length() - ORDERED.length()) : batchSql;
        return "select " + Event.COLUMNS + " from (" + union + ") _evs" + (filter == null ? "" : " where " + filter)
                + ORDERED;
    }

    private String restFilter() {
        if (lastId == null) {
            return filter;
        }
        String after = "ev_id > " + lastId;
        return filter == null ? after : "(" + filter + ") and " + after;
    }
}
