package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
 * <p>Not thread-safe; one instance per worker connection, kept across batches.
 */
public final class BatchApplier {
    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    private final ReplayOptions options;
    private final HandlerRegistry handlers;
    private final ExecuteApplier executes;
    private final Map<String, TableHandler> handlerCache = new HashMap<>();
    private TableMap tables;

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
        for (ReplayTable t : tables.all()) {
            handlerFor(t);
        }
        this.tables = tables;
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
        ApplyCounters counters = new ApplyCounters();
        PendingChanges pending = new PendingChanges(tickId);
        for (Event raw : events) {
            ReplayEvent ev = EventParser.parse(raw);
            if (ev instanceof ReplayEvent.RowChange || ev instanceof ReplayEvent.SqlChange) {
                ReplayEvent.TableEvent te = (ReplayEvent.TableEvent) ev;
                ReplayTable t = tables.get(te.table());
                if (t == null || !filter.applies(t.name(), te.txid())) {
                    counters.ignored++;
                    continue;
                }
                TableHandler h = handlerFor(t);
                if (h.mode() == ApplyMode.IGNORE) {
                    counters.ignored++;
                    continue;
                }
                pending.add(te, t, h, raw);
                if (pending.size() >= options.maxPendingEvents()) {
                    pending.flush(dst, options, counters);
                }
                continue;
            }
            if (ev instanceof ReplayEvent.CascadeEvent) {
                counters.ignored++;
                continue;
            }
            pending.flush(dst, options, counters);
            applyBarrier(dst, ev, filter, counters);
        }
        pending.flush(dst, options, counters);
        ApplyStats stats = counters.snapshot();
        log.debug("applied batch: {}", stats);
        return stats;
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
            if (options.copyProcess()) {
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

    private TableHandler handlerFor(ReplayTable t) {
        return handlerCache.computeIfAbsent(t.handler().format(), k -> handlers.create(t.handler()));
    }
}
