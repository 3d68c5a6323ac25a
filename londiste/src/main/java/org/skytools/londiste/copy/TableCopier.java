package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.db.CopyResult;
import org.skytools.common.db.CopyStreamer;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.londiste.table.MergeState;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableAdmin;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;
import org.skytools.pgq.ConsumerInfo;
import org.skytools.pgq.Event;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy side of the copy state machine: copies one {@code in-copy} table from the provider
 * and leaves it {@code catching-up} with its copy snapshot, in a single destination transaction
 * (truncate, DDL dropped, streamed COPY, DDL made again, missed events, state). A crash or kill at
 * any point rolls all of it back and the table stays {@code in-copy}: the next attempt starts over
 * (L-12).
 *
 * <p>Order of work, and why it is exact:
 *
 * <ol>
 *   <li>a copy consumer {@code <worker>.copy.<table>} is registered on the provider at its current
 *       tick T0, so the events after T0 stay readable;
 *   <li>the provider COPY runs in a REPEATABLE READ transaction whose snapshot S is stored; T0 was
 *       created before S, so every event outside the ticks up to T0 that S does not show is after;
 *   <li>the worker's {@code local_state} row is locked (the replay locks it first in each batch),
 *       which fixes the replay's position M; events of the table in the ticks (T0, M] that S does
 *       not show were skipped by the replay while the table was {@code in-copy}: they are applied
 *       here, through the {@link EventSink};
 *   <li>from M on the replay applies the table's events that S does not show ({@link
 *       CopyCoordinator}).
 * </ol>
 */
public final class TableCopier implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(TableCopier.class);
    private static final int FETCH = 1000;

    private final String queue;
    private final String workerName;
    private final ConnectionOpener dstOpener;
    private final ConnectionOpener sourceOpener;
    private final EventSink sink;
    private final TableCatalog catalog;
    private final Object wake = new Object();
    private volatile boolean running = true;
    private long idleMillis = 1000;

    /**
     * @param queue the queue
     * @param workerName the node's worker name (copy consumers are named after it)
     * @param dst opens connections to the local node
     * @param source opens connections to the copy source (the provider)
     * @param sink applies the row events the replay passed during the copy
     */
    public TableCopier(String queue, String workerName, ConnectionOpener dst, ConnectionOpener source, EventSink sink) {
        this.queue = queue;
        this.workerName = workerName;
        this.dstOpener = dst;
        this.sourceOpener = source;
        this.sink = sink;
        this.catalog = new TableCatalog(queue);
    }

    /** The pgq consumer name of the copy of {@code table}: {@code <worker>.copy.<table>}. */
    public String copyConsumer(String table) {
        return workerName + ".copy." + table;
    }

    /** Sets how long the {@link #run} loop waits when no table is {@code in-copy}. */
    public TableCopier idleMillis(long millis) {
        this.idleMillis = millis;
        return this;
    }

    /** Copies tables while running: each {@code in-copy} table once, then waits for work or {@link #wakeUp}. */
    @Override
    public void run() {
        while (running) {
            try {
                if (copyNext().isPresent()) {
                    continue;
                }
            } catch (SQLException | RuntimeException e) {
                log.error("copy failed, will retry", e);
            }
            synchronized (wake) {
                try {
                    wake.wait(idleMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Makes {@link #run} look for work now (the worker calls it after claiming tables). */
    public void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Ends {@link #run} after the current copy. */
    public void stop() {
        running = false;
        wakeUp();
    }

    /** Copies the first {@code in-copy} table no other copy holds; empty when there is none. */
    public Optional<CopyOutcome> copyNext() throws SQLException {
        List<String> todo = new ArrayList<>();
        try (Connection dst = dstOpener.open()) {
            for (TableInfo t : catalog.localTables(dst)) {
                if (t.state().phase() == MergeState.Phase.IN_COPY) {
                    todo.add(t.name());
                }
            }
        }
        for (String table : todo) {
            CopyOutcome o = copyTable(table);
            if (o.status() == CopyOutcome.Status.COPIED) {
                return Optional.of(o);
            }
        }
        cleanupStaleConsumers();
        return Optional.empty();
    }

    /** Copies one table if it is {@code in-copy} and no other copy holds it. */
    public CopyOutcome copyTable(String tableName) throws SQLException {
        String table = TableCatalog.fq(tableName);
        try (Connection dst = dstOpener.open();
                Connection src = sourceOpener.open()) {
            dst.setAutoCommit(false);
            SqlRows.execute(dst, "set session_replication_role = replica");
            // one copy per table: the lock lives as long as the copy transaction
            Object got = SqlRows.value(
                    dst,
                    "select pg_try_advisory_xact_lock(hashtext('londiste.copy'), hashtext(? || '/' || ?))",
                    queue,
                    table);
            if (!Boolean.TRUE.equals(got)) {
                dst.rollback();
                return new CopyOutcome(table, CopyOutcome.Status.BUSY, 0, 0, null);
            }
            Optional<TableInfo> info = catalog.table(dst, table);
            if (info.isEmpty() || !info.get().local() || info.get().state().phase() != MergeState.Phase.IN_COPY) {
                dst.rollback();
                return new CopyOutcome(table, CopyOutcome.Status.NOT_IN_COPY, 0, 0, null);
            }
            try {
                return copy(dst, src, info.get());
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                throw e;
            }
        }
    }

    private CopyOutcome copy(Connection dst, Connection src, TableInfo t) throws SQLException {
        String consumer = copyConsumer(t.name());
        PgqClient pgq = new PgqClient(src);
        src.setAutoCommit(true);
        if (pgq.getConsumerInfo(queue, consumer).isPresent()) {
            pgq.unregisterConsumer(queue, consumer);
        }
        pgq.registerConsumer(queue, consumer);
        long t0 =
                pgq.getConsumerInfo(queue, consumer).map(ConsumerInfo::lastTick).orElseThrow();

        Map<String, TableInfo> srcTables = catalog.tables(src);
        TableInfo srcInfo = srcTables.get(t.name());
        FqName srcTable = FqName.parse(srcInfo == null ? t.name() : srcInfo.destTable());

        src.setAutoCommit(false);
        src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        String snapshot = (String) SqlRows.value(src, "select txid_current_snapshot()::text");
        log.info("table \"{}\": starting full copy from \"{}\", snapshot {}", t.name(), srcTable, snapshot);

        FqName dest = t.dest();
        Fkeys.dropAll(dst, t.destTable());
        SqlRows.execute(dst, "lock table " + dest.quoted());
        List<String> cols = commonColumns(src, srcTable, dst, dest, t.name());
        DestDdl ddl = DestDdl.read(dst, dest);
        ddl.dropAll(dst);
        if (t.skipTruncate()) {
            log.info("table \"{}\": skipping truncate", t.name());
        } else {
            SqlRows.execute(dst, "truncate only " + dest.quoted());
        }
        CopyResult copied = new CopyStreamer().copyTable(src, srcTable, dst, dest, cols);
        src.commit();
        src.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        ddl.createAll(dst);

        Object pos = SqlRows.value(
                dst,
                "select last_tick_id from pgq_node.local_state where queue_name = ? and consumer_name = ? for update",
                queue,
                workerName);
        int gap = 0;
        if (pos != null && ((Number) pos).longValue() > t0) {
            gap = applyGap(dst, src, pgq, t, consumer, ((Number) pos).longValue(), snapshot);
        }
        SqlRows.retCall(
                dst,
                "select * from londiste.local_set_table_state(?, ?, ?, ?)",
                queue,
                t.name(),
                snapshot,
                MergeState.CATCHING_UP.render());
        dst.commit();
        src.setAutoCommit(true);
        pgq.unregisterConsumer(queue, consumer);
        log.info(
                "table \"{}\": copied {} rows, {} missed events applied, now catching-up",
                t.name(),
                copied.rows(),
                gap);
        return new CopyOutcome(t.name(), CopyOutcome.Status.COPIED, copied.rows(), gap, snapshot);
    }

    // The events of the table in ticks (T0, M] that the copy snapshot does not show. A batch
    // spans one tick when the consumer is behind, so batches are taken until one ends at or past M.
    private int applyGap(
            Connection dst, Connection src, PgqClient pgq, TableInfo t, String consumer, long m, String snapshot)
            throws SQLException {
        src.setAutoCommit(false);
        try {
            Object tickSnap = SqlRows.value(
                    src,
                    "select t.tick_snapshot::text from pgq.tick t join pgq.queue q on q.queue_id = t.tick_queue"
                            + " where q.queue_name = ? and t.tick_id = ?",
                    queue,
                    m);
            if (tickSnap == null) {
                throw new SQLException("tick " + m + " of queue \"" + queue + "\" is gone from the provider");
            }
            String where = "ev_extra1 = " + Quoting.quoteLiteral(t.name())
                    + " and txid_visible_in_snapshot(ev_txid, " + Quoting.quoteLiteral((String) tickSnap)
                    + "::txid_snapshot) and not txid_visible_in_snapshot(ev_txid, " + Quoting.quoteLiteral(snapshot)
                    + "::txid_snapshot)";
            int n = 0;
            while (true) {
                Optional<NextBatchInfo> batch = pgq.nextBatchInfo(queue, consumer);
                if (batch.isEmpty()) {
                    break;
                }
                n += applyBatch(dst, pgq, t, batch.get().batchId(), where);
                pgq.finishBatch(batch.get().batchId());
                src.commit();
                if (batch.get().curTickId() >= m) {
                    break;
                }
            }
            return n;
        } finally {
            src.commit();
            src.setAutoCommit(true);
        }
    }

    private int applyBatch(Connection dst, PgqClient pgq, TableInfo t, long batchId, String where) throws SQLException {
        String cursor = "londiste_copy_gap";
        List<Event> events = new ArrayList<>(pgq.getBatchCursor(batchId, cursor, FETCH, where));
        boolean more = events.size() >= FETCH;
        int n = 0;
        while (true) {
            if (!events.isEmpty()) {
                sink.apply(dst, t, events);
                n += events.size();
            }
            if (!more) {
                break;
            }
            events = pgq.fetch(cursor, FETCH);
            more = !events.isEmpty();
        }
        pgq.closeCursor(cursor);
        return n;
    }

    private static List<String> commonColumns(Connection src, FqName srcTable, Connection dst, FqName dest, String name)
            throws SQLException {
        List<String> s = TableAdmin.columns(src, srcTable);
        List<String> d = TableAdmin.columns(dst, dest);
        List<String> common = new ArrayList<>();
        for (String c : s) {
            if (d.contains(c)) {
                common.add(c);
            } else {
                log.warn("table \"{}\": column \"{}\" does not exist on subscriber", name, c);
            }
        }
        for (String c : d) {
            if (!s.contains(c)) {
                log.warn("table \"{}\": column \"{}\" does not exist on provider", name, c);
            }
        }
        return common;
    }

    /** Unregisters copy consumers left on the provider by copies that ended without cleaning up. */
    public void cleanupStaleConsumers() throws SQLException {
        try (Connection dst = dstOpener.open();
                Connection src = sourceOpener.open()) {
            List<String> inCopy = new ArrayList<>();
            for (TableInfo t : catalog.localTables(dst)) {
                if (t.state().phase() == MergeState.Phase.IN_COPY) {
                    inCopy.add(copyConsumer(t.name()));
                }
            }
            PgqClient pgq = new PgqClient(src);
            String prefix = workerName + ".copy.";
            for (ConsumerInfo c : pgq.getConsumerInfo(queue)) {
                if (c.consumerName().startsWith(prefix) && !inCopy.contains(c.consumerName())) {
                    log.info("unregistering stale copy consumer \"{}\"", c.consumerName());
                    pgq.unregisterConsumer(queue, c.consumerName());
                }
            }
        }
    }
}
