package org.skytools.londiste.replay;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.skytools.londiste.table.RegisterFilter;
import org.skytools.pgq.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the events of a batch on the destination database with batched statements: row events of
 * each table are collected and sent together (set statements on the net change per key where that
 * is provably the same, literal statements in event order otherwise), truncates, EXECUTE scripts
 * and londiste's global events are applied in their place in the event order after everything before
 * them. It never commits: the caller owns the transaction and sets {@code session_replication_role =
 * replica} on the connection once (see {@link #setReplicaRole}).
 *
 * <p>In a long batch the changes collected so far are applied on a second thread while the next
 * events are read and parsed: a chunk goes as soon as that thread is free and at least {@link
 * ReplayOptions#pipelineEvents} row events wait, so chunks grow while the database is the slower
 * side and stay small while reading is; they still reach the database one after the other, in
 * event order, and the connection is idle again when {@link #apply} returns or throws.
 *
 * <p>Not thread-safe; one instance per worker connection, kept across batches.
 */
public final class BatchApplier {
    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    private final ReplayOptions options;
    private final HandlerRegistry handlers;
    private final ExecuteApplier executes;
    private final Map<String, TableHandler> handlerCache = new HashMap<>();
    private EventParser parser = new EventParser();
    private Charset payloadCharset = StandardCharsets.UTF_8;
    private final DispatchRouter router = new DispatchRouter();
    private TableMap tables;
    private RegisterFilter registering = RegisterFilter.ALL;
    // this database's partition for the batch being applied, when a table is split by hash
    private ShardInfo batchShard;
    // whether a table's handler changes what the node passes on (obfuscate, shard); else no event is looked at
    private boolean rewritesPassedOn;
    // the last event obfuscated and its result: a branch or merge leaf passes it on, then applies it
    private Event obfuscatedFrom;
    private Event obfuscated;
    private ExecutorService flusher;
    // the chunk being applied on the flush thread during apply(), and that batch's counts
    private AsyncFlush inFlight;
    private ApplyCounters batchCounters;

    /**
     * An applier for the given subscribed tables (queue name, destination, handler per table).
     *
     * @throws org.skytools.common.error.SkyToolsException when a table's handler is unknown or has bad arguments
     */
    public BatchApplier(ReplayOptions options, TableMap tables, HandlerRegistry handlers) {
        this.options = Objects.requireNonNull(options, "options");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.executes = new ExecuteApplier(options.queueName());
        setTables(tables);
    }

    /** An applier with the default handlers. */
    public BatchApplier(ReplayOptions options, TableMap tables) {
        this(options, tables, new HandlerRegistry());
    }

    /** Replaces the subscribed tables, for example after reloading {@code londiste.table_info} before a batch. */
    public void setTables(TableMap tables) {
        boolean rewrites = false;
        for (ReplayTable t : tables.all()) {
            TableHandler h = handlerFor(t);
            rewrites |= h.obfuscator() != null || h.hashExpr() != null;
        }
        this.tables = tables;
        this.rewritesPassedOn = rewrites;
    }

    /**
     * Which tables and sequences of the cascade this node registers from add-table and update-seq
     * events (config {@code register_only_tables}, ...); the others' events are ignored.
     */
    public BatchApplier registering(RegisterFilter filter) {
        this.registering = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /**
     * The character set of the text that urlencoded rows escape: the encoding of the database where
     * the events were captured (the provider's, as SkyTools made the target session speak it).
     */
    public BatchApplier payloadCharset(Charset charset) {
        if (!charset.equals(payloadCharset)) {
            payloadCharset = charset;
            parser = new EventParser(charset);
        }
        return this;
    }

    /** The subscribed tables as now known (a remove-table event in a batch drops its table). */
    public TableMap tables() {
        return tables;
    }

    /** Sets {@code session_replication_role = replica} for the session, so no user or FK trigger fires. */
    public static void setReplicaRole(Connection dst) throws SQLException {
        try (Statement st = dst.createStatement()) {
            st.execute("set session_replication_role = 'replica'");
        }
    }

    /**
     * Applies {@code events} in order on {@code dst} without committing. Row and truncate events of
     * tables not subscribed, or for which {@code filter} says no, are ignored; {@code pgq.*} events
     * are left to the cascade layer. Throws {@link org.skytools.common.error.SkyToolsException} for
     * an event type it does not know, naming the type and the event id.
     */
    public ApplyStats apply(Connection dst, Iterable<Event> events, ReplayFilter filter) throws SQLException {
        return apply(dst, events, filter, null);
    }

    /**
     * As {@link #apply(Connection, Iterable, ReplayFilter)} for the batch that ends at {@code tickId},
     * which {@code applyfn} handlers pass to their function (null when not known).
     */
    public ApplyStats apply(Connection dst, Iterable<Event> events, ReplayFilter filter, Long tickId)
            throws SQLException {
        return apply(dst, events, filter, tickId, null);
    }

    /**
     * As {@link #apply(Connection, Iterable, ReplayFilter, Long)}, with the time of the batch's last
     * tick, which the dispatch handlers partition by ({@code part_mode=batch_time}; null when not
     * known: then the event's time).
     */
    public ApplyStats apply(
            Connection dst, Iterable<Event> events, ReplayFilter filter, Long tickId, OffsetDateTime batchEnd)
            throws SQLException {
        ApplyCounters counters = new ApplyCounters();
        router.newBatch();
        // table structures read once per batch; an EXECUTE event may change them
        Map<String, DestTableInfo> structures = new HashMap<>();
        PendingChanges pending = new PendingChanges(tickId, structures);
        // read before any statement goes to the flush thread: the connection is this thread's now
        batchShard = loadShardInfo(dst);
        inFlight = null;
        batchCounters = counters;
        try {
            for (Event raw : events) {
                ReplayEvent ev = parser.read(raw);
                if (ev instanceof ReplayEvent.RowChange || ev instanceof ReplayEvent.SqlChange) {
                    ReplayEvent.TableEvent te = (ReplayEvent.TableEvent) ev;
                    ReplayTable t = tables.get(te.table());
                    if (t == null || !filter.applies(t.name(), te.txid())) {
                        counters.ignored++;
                        continue;
                    }
                    TableHandler h = handlerFor(t);
                    if (h.mode() == ApplyMode.IGNORE || (h.hashExpr() != null && !batchShard.accepts(raw))) {
                        counters.ignored++;
                        continue;
                    }
                    if (h.obfuscator() != null) {
                        // the rows the node passes on, decoded: the local table gets the same values
                        te = (ReplayEvent.TableEvent) parser.read(obfuscate(h, t, raw));
                    }
                    if (h.mode() == ApplyMode.DISPATCH) {
                        List<DispatchRouter.Routed> routed =
                                router.route(te, t, h, raw, batchEnd, dst, this::claimConnection);
                        if (routed.isEmpty()) {
                            counters.ignored++;
                        }
                        for (DispatchRouter.Routed r : routed) {
                            pending.add(r.change(), r.table(), r.handler(), raw);
                        }
                    } else {
                        pending.add(te, t, h, raw);
                    }
                    if (inFlight != null && inFlight.result().isDone()) {
                        joinInto(inFlight, counters);
                        inFlight = null;
                    }
                    boolean full = pending.size() >= options.maxPendingEvents();
                    if (options.pipelineEvents() > 0
                            && (full || (inFlight == null && pending.size() >= options.pipelineEvents()))) {
                        // the changes so far go to the database while the next ones are read: as
                        // soon as the flush thread is free, so that little is left to apply when
                        // the batch's last event is read; one chunk at a time, in event order
                        joinInto(inFlight, counters);
                        inFlight = flushAsync(dst, pending);
                        pending = new PendingChanges(tickId, structures);
                    } else if (full) {
                        pending.flush(dst, options, counters);
                    }
                    continue;
                }
                if (ev instanceof ReplayEvent.CascadeEvent) {
                    counters.ignored++;
                    continue;
                }
                joinInto(inFlight, counters);
                inFlight = null;
                pending.flush(dst, options, counters);
                applyBarrier(dst, ev, filter, counters);
                structures.clear();
            }
            joinInto(inFlight, counters);
            inFlight = null;
            pending.flush(dst, options, counters);
            router.afterBatch(dst);
        } finally {
            if (inFlight != null) {
                // the caller rolls back: the connection must be idle before it does
                inFlight.awaitQuietly();
            }
        }
        ApplyStats stats = counters.snapshot();
        log.debug("applied batch: {}", stats);
        return stats;
    }

    /** A chunk of changes being applied on the flush thread, with its own counts. */
    private record AsyncFlush(Future<ApplyCounters> result) {
        void awaitQuietly() {
            try {
                result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the failure that made the caller leave is the one reported
            }
        }
    }

    private AsyncFlush flushAsync(Connection dst, PendingChanges chunk) {
        if (flusher == null) {
            // one thread that goes away when idle: an applier lives as long as its worker
            flusher = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "replay-apply");
                t.setDaemon(true);
                return t;
            });
        }
        return new AsyncFlush(flusher.submit(() -> {
            ApplyCounters c = new ApplyCounters();
            chunk.flush(dst, options, c);
            return c;
        }));
    }

    private static void joinInto(AsyncFlush flush, ApplyCounters counters) throws SQLException {
        if (flush == null) {
            return;
        }
        try {
            counters.add(flush.result().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            flush.awaitQuietly();
            throw new SQLException("interrupted while applying a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("applying a batch failed", cause);
        }
    }

    private void applyBarrier(Connection dst, ReplayEvent ev, ReplayFilter filter, ApplyCounters counters)
            throws SQLException {
        String queue = options.queueName();
        if (ev instanceof ReplayEvent.Truncate tr) {
            ReplayTable t = tables.get(tr.table());
            if (t == null
                    || !filter.applies(t.name(), tr.txid())
                    || handlerFor(t).ignoreTruncate()) {
                counters.ignored++;
                return;
            }
            // CASCADE as SkyTools: without it the truncate fails on tables with foreign keys
            try (Statement st = dst.createStatement()) {
                counters.roundTrip(1);
                st.execute("truncate " + t.quotedDest() + " cascade");
            }
            counters.truncates++;
        } else if (ev instanceof ReplayEvent.Execute ex) {
            counters.executes++;
            if (!options.copyProcess()) {
                executes.apply(dst, ex, tables, counters);
            }
        } else if (ev instanceof ReplayEvent.AddTable at) {
            if (!registering.registersTable(at.table())) {
                counters.ignored++;
                return;
            }
            LondisteCalls.call(
                    dst, counters, false, "select * from londiste.global_add_table(?, ?)", queue, at.table());
            counters.globalEvents++;
        } else if (ev instanceof ReplayEvent.RemoveTable rt) {
            tables = tables.without(rt.table());
            LondisteCalls.call(
                    dst, counters, false, "select * from londiste.global_remove_table(?, ?)", queue, rt.table());
            counters.globalEvents++;
        } else if (ev instanceof ReplayEvent.RemoveSeq rs) {
            LondisteCalls.call(
                    dst, counters, false, "select * from londiste.global_remove_seq(?, ?)", queue, rs.sequence());
            counters.globalEvents++;
        } else if (ev instanceof ReplayEvent.UpdateSeq us) {
            if (options.copyProcess() || !registering.registersSeq(us.sequence())) {
                counters.ignored++;
                return;
            }
            LondisteCalls.call(
                    dst,
                    counters,
                    "select * from londiste.global_update_seq(?, ?, ?)",
                    queue,
                    us.sequence(),
                    us.value());
            counters.globalEvents++;
        } else {
            throw new IllegalStateException("not a barrier event: " + ev);
        }
    }

    /**
     * The event as this node passes it on into its own queue (branch) or a combined queue (merge
     * leaf), or null when it is not passed on. As the newer londiste's handlers do: the row events of
     * a table split by hash are passed on only when they are this partition's, so that the shards
     * merged into one queue give each row once; those of a table whose handler obfuscates carry the
     * obfuscated rows, as the local table does. Every other event is passed on as read. Called while
     * {@link #apply} reads the batch.
     */
    public Event passedOn(Event ev) {
        String type = ev.type();
        if (!rewritesPassedOn || type == null || type.isEmpty() || ev.extra1() == null || !isRowEventType(type)) {
            return ev;
        }
        ReplayTable t = tables.get(ev.extra1());
        if (t == null) {
            return ev;
        }
        TableHandler h = handlerFor(t);
        if (h.hashExpr() != null && batchShard != null && !batchShard.accepts(ev)) {
            return null;
        }
        return h.obfuscator() == null ? ev : obfuscate(h, t, ev);
    }

    private Event obfuscate(TableHandler h, ReplayTable t, Event raw) {
        if (raw != obfuscatedFrom) {
            obfuscated = h.obfuscator().event(t.name(), raw, payloadCharset);
            obfuscatedFrom = raw;
        }
        return obfuscated;
    }

    private static boolean isRowEventType(String type) {
        boolean op = RowOp.ofCode(type.charAt(0)) != null;
        return (op && (type.length() == 1 || type.charAt(1) == ':')) || type.charAt(0) == '{';
    }

    /** Waits for the chunk on the flush thread, so that this thread may use the connection. */
    private void claimConnection() throws SQLException {
        AsyncFlush f = inFlight;
        inFlight = null;
        joinInto(f, batchCounters);
    }

    /** This database's partition when a subscribed table is split by hash, else null. */
    private ShardInfo loadShardInfo(Connection dst) throws SQLException {
        for (ReplayTable t : tables.all()) {
            if (handlerFor(t).hashExpr() != null) {
                return handlers.shardInfo(dst, t.name());
            }
        }
        return null;
    }

    private TableHandler handlerFor(ReplayTable t) {
        return handlerCache.computeIfAbsent(t.handler().format(), k -> handlers.create(t.handler()));
    }
}
