package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skytools.common.db.CopyResult;
import org.skytools.common.db.FqName;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.londiste.table.MergeState;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;
import org.skytools.pgq.ConsumerInfo;
import org.skytools.pgq.PgqClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy side of the copy state machine: copies one {@code in-copy} table from its source and
 * hands it to the replay at a tick, in a single destination transaction (truncate, DDL dropped,
 * streamed COPY, DDL made again, missed events, state). A crash or kill at any point rolls all of
 * it back and the table stays {@code in-copy}: the next attempt starts over (L-12). A table of
 * {@code threaded_copy_tables} ({@link ThreadedCopy}) is loaded over several connections instead:
 * its truncate and dropped DDL commit first, the DDL kept in {@code table_info.dropped_ddl}, and the
 * rest is again one transaction; a crash leaves it {@code in-copy} with that DDL, which the next
 * attempt makes again.
 *
 * <p>Order of work, and why it is exact:
 *
 * <ol>
 *   <li>a copy consumer {@code <worker>.copy.<table>} is registered on the source at its current
 *       tick T0, so the events after T0 stay readable;
 *   <li>the source COPY runs in a REPEATABLE READ transaction whose snapshot S is kept; T0 was
 *       created before S, so S shows every event of the ticks up to T0;
 *   <li>U is the first tick taken after S: its snapshot shows everything S shows, so the copy
 *       plus the table's events of the ticks (T0, U] that S does not show is the table as of U;
 *   <li>the worker's {@code local_state} row is locked (the replay locks it first in each batch),
 *       which fixes the replay's position M; the missed events are applied up to max(U, M)
 *       through the {@link EventSink};
 *   <li>if M is past U the table is {@code ok} at once, else {@code wanna-sync:U}: the replay
 *       skips what the ticks up to U hold and takes the table over after U ({@link
 *       CopyCoordinator}).
 * </ol>
 *
 * <p>Only tick ids cross from the copy to the replay. They are the same on every node of the
 * cascade, so the hand-over stays exact when the copy source is not the provider or the provider
 * changes meanwhile; a transaction snapshot would be in the wrong node's txids.
 */
public final class TableCopier implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(TableCopier.class);

    private final String queue;
    private final String workerName;
    private final ConnectionOpener dstOpener;
    private final ConnectionOpener sourceOpener;
    private final LocationOpener nodeOpener;
    private final EventSink sink;
    private final GapApplier gaps;
    private final TableCatalog catalog;
    private final Object wake = new Object();
    private volatile boolean running = true;
    // guarded by wake: a wake-up that came while the thread was busy is not lost
    private boolean woken;
    private long idleMillis = 30_000;
    private long retryMillis = 5_000;
    // the last look found a merged table whose first source copies: the next look comes soon
    private boolean waitingForMergedSource;
    // stale copy consumers are looked for once at start and after each copy, not on every idle round
    private boolean cleanupWanted = true;
    // the first round waits like an idle one: a sibling looks at start and wakes this one for work
    private boolean startIdle;
    private Runnable moreWork = () -> {};
    private HandlerRegistry handlers = new HandlerRegistry();
    private ThreadedCopy threaded = ThreadedCopy.NONE;

    /**
     * @param queue the queue
     * @param workerName the node's worker name (copy consumers are named after it)
     * @param dst opens connections to the local node
     * @param provider opens connections to the provider
     * @param nodes opens connections to other nodes by location, for {@code --copy-node} and {@code
     *     --find-copy-node}; null when only the provider may be used
     * @param sink applies the row events the replay passed during the copy
     */
    public TableCopier(
            String queue,
            String workerName,
            ConnectionOpener dst,
            ConnectionOpener provider,
            LocationOpener nodes,
            EventSink sink) {
        this.queue = queue;
        this.workerName = workerName;
        this.dstOpener = dst;
        this.sourceOpener = provider;
        this.nodeOpener = nodes;
        this.sink = sink;
        this.gaps = new GapApplier(queue, sink);
        this.catalog = new TableCatalog(queue);
    }

    /** The handlers, with the config's obfuscate rules; the default has none. */
    public TableCopier handlers(HandlerRegistry registry) {
        this.handlers = registry;
        return this;
    }

    /** The tables that load over several connections ({@code threaded_copy_tables}); none by default. */
    public TableCopier threaded(ThreadedCopy settings) {
        this.threaded = settings;
        return this;
    }

    /** The pgq consumer name of the copy of {@code table}: {@code <worker>.copy.<table>}. */
    public String copyConsumer(String table) {
        return workerName + ".copy." + table;
    }

    /**
     * Sets how long the {@link #run} loop waits, when no table is {@code in-copy}, before it looks
     * again without being woken (the worker wakes it when it claims tables), and after a failed copy.
     */
    public TableCopier waitMillis(long idle, long retry) {
        this.idleMillis = idle;
        this.retryMillis = retry;
        return this;
    }

    /**
     * Makes this copier one of several: it does not look for tables (nor for stale copy consumers)
     * at start, where {@code first} does and runs {@code moreWork} when it finds more tables than the
     * one it takes, so that a worker's start opens one set of connections, not one per copier.
     */
    public TableCopier sibling(boolean first, Runnable moreWork) {
        this.startIdle = !first;
        this.cleanupWanted = first;
        this.moreWork = moreWork;
        return this;
    }

    /**
     * Copies tables while running: each {@code in-copy} table once, then waits for {@link #wakeUp}.
     * The idle wait is long because each look costs connections on both nodes, taken from the
     * replay on a busy host; the worker wakes the copiers when it claims tables.
     */
    @Override
    public void run() {
        if (startIdle && !idle(idleMillis)) {
            return;
        }
        while (running) {
            synchronized (wake) {
                woken = false;
            }
            long pause = idleMillis;
            try {
                if (copyNext().isPresent()) {
                    continue;
                }
                if (waitingForMergedSource) {
                    // another source of a merged table copies first: look again soon
                    pause = retryMillis;
                }
            } catch (SQLException | RuntimeException e) {
                log.error("copy failed, will retry", e);
                cleanupWanted = true;
                pause = retryMillis;
            }
            if (!idle(pause)) {
                return;
            }
        }
    }

    // waits up to pause ms unless woken since the last look; false when interrupted
    private boolean idle(long pause) {
        synchronized (wake) {
            try {
                if (!woken && running) {
                    wake.wait(pause);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Makes {@link #run} look for work now (the worker calls it after claiming tables). */
    public void wakeUp() {
        synchronized (wake) {
            woken = true;
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
        waitingForMergedSource = false;
        if (todo.size() > 1) {
            moreWork.run();
        }
        for (String table : todo) {
            CopyOutcome o = copyTable(table);
            if (o.status() == CopyOutcome.Status.COPIED) {
                cleanupWanted = true;
                return Optional.of(o);
            }
            waitingForMergedSource |= o.status() == CopyOutcome.Status.WAITING;
        }
        if (cleanupWanted) {
            cleanupStaleConsumers();
            cleanupWanted = false;
        }
        return Optional.empty();
    }

    /** Copies one table if it is {@code in-copy} and no other copy holds it. */
    public CopyOutcome copyTable(String tableName) throws SQLException {
        String table = TableCatalog.fq(tableName);
        try (Connection dst = dstOpener.open()) {
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
                return new CopyOutcome(table, CopyOutcome.Status.BUSY, 0, 0, 0);
            }
            Optional<TableInfo> info = catalog.table(dst, table);
            if (info.isEmpty() || !info.get().local() || info.get().state().phase() != MergeState.Phase.IN_COPY) {
                dst.rollback();
                return new CopyOutcome(table, CopyOutcome.Status.NOT_IN_COPY, 0, 0, 0);
            }
            if ("wait-copy".equals(info.get().copyRole())) {
                dst.rollback();
                log.info("table \"{}\": another source of its merged table copies first, waiting", table);
                return new CopyOutcome(table, CopyOutcome.Status.WAITING, 0, 0, 0);
            }
            // L-21, L-23: at most max_parallel_copy sources copy into one merged table at once
            if (info.get().copyPos() >= info.get().maxParallelCopy()) {
                dst.rollback();
                log.info(
                        "table \"{}\": {} other sources of its merged table are copying (max_parallel_copy {}),"
                                + " waiting",
                        table,
                        info.get().copyPos(),
                        info.get().maxParallelCopy());
                return new CopyOutcome(table, CopyOutcome.Status.WAITING, 0, 0, 0);
            }
            try (CopySourceHandle source =
                    new CopySourceHandle(CopySource.resolve(dst, queue, info.get(), sourceOpener, nodeOpener))) {
                return copy(dst, source.source(), info.get());
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                throw e;
            }
        }
    }

    private CopyOutcome copy(Connection dst, CopySource source, TableInfo t) throws SQLException {
        Connection src = source.connection();
        String consumer = copyConsumer(t.name());
        PgqClient pgq = new PgqClient(src);
        src.setAutoCommit(true);
        if (pgq.getConsumerInfo(queue, consumer).isPresent()) {
            pgq.unregisterConsumer(queue, consumer);
        }
        pgq.registerConsumer(queue, consumer);
        long t0 =
                pgq.getConsumerInfo(queue, consumer).map(ConsumerInfo::lastTick).orElseThrow();

        TableInfo srcInfo = catalog.tables(src).get(t.name());
        FqName srcTable = FqName.parse(srcInfo == null ? t.name() : srcInfo.destTable());

        src.setAutoCommit(false);
        src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        String snapshot = (String) SqlRows.value(src, "select txid_current_snapshot()::text");
        log.info(
                "table \"{}\": starting full copy from \"{}\" on node \"{}\", snapshot {}",
                t.name(),
                srcTable,
                source.node(),
                snapshot);

        TableLoad load =
                new TableLoad(queue, handlers, dstOpener).load(dst, src, srcTable, t, threaded.poolFor(t.name()));
        CopyResult copied = load.copied();
        src.commit();
        src.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        src.setAutoCommit(true);
        load.restoreDdl(dst);

        // the copy equals the source at the first tick taken after it, once the events the snapshot
        // missed are applied; from then on only tick ids matter, which are the same on every node
        long handOver = TickWait.firstTickIncluding(
                src, queue, t0, snapshot, source.node(), () -> running && stillInCopy(dst, t.name(), false));
        long m = lockReplayPosition(dst);
        // resync or remove-table may have run meanwhile; locked after local_state, in the
        // replay's order, so that the two never wait for each other
        if (handOver == 0 || !stillInCopy(dst, t.name(), true)) {
            dst.rollback();
            src.setAutoCommit(true);
            pgq.unregisterConsumer(queue, consumer);
            log.info("table \"{}\" changed during its copy, copy dropped", t.name());
            return new CopyOutcome(t.name(), CopyOutcome.Status.NOT_IN_COPY, 0, 0, 0);
        }
        long upTo = Math.max(handOver, m);
        if (!source.provider()) {
            TickWait.awaitTick(src, queue, upTo, source.node());
        }
        int gap = gaps.apply(dst, src, t, consumer, upTo, snapshot);
        // the replay is at m: when it has passed the hand-over tick the table is in sync now,
        // else the replay takes it over after that tick (CopyCoordinator)
        MergeState next = m >= handOver ? MergeState.OK : MergeState.wannaSync(upTo);
        SqlRows.retCall(
                dst, "select * from londiste.local_set_table_state(?, ?, ?, ?)", queue, t.name(), null, next.render());
        dst.commit();
        pgq.unregisterConsumer(queue, consumer);
        log.info(
                "table \"{}\": copied {} rows, {} missed events applied, in sync at tick {}, now {}",
                t.name(),
                copied.rows(),
                gap,
                upTo,
                next);
        return new CopyOutcome(t.name(), CopyOutcome.Status.COPIED, copied.rows(), gap, upTo);
    }

    private boolean stillInCopy(Connection dst, String table, boolean lock) throws SQLException {
        Object state = SqlRows.value(
                dst,
                "select merge_state from londiste.table_info where queue_name = ? and table_name = ? and local"
                        + (lock ? " for update" : ""),
                queue,
                table);
        return MergeState.IN_COPY.render().equals(state);
    }

    // The replay locks the same row at the start of each batch: holding it fixes the replay's
    // position until this transaction commits.
    private long lockReplayPosition(Connection dst) throws SQLException {
        Object pos = SqlRows.value(
                dst,
                "select last_tick_id from pgq_node.local_state where queue_name = ? and consumer_name = ? for update",
                queue,
                workerName);
        return pos == null ? 0 : ((Number) pos).longValue();
    }

    private record CopySourceHandle(CopySource source) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            source.connection().close();
        }
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
