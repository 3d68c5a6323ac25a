package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row events collected between two barriers (truncate, EXECUTE, global events, batch end). On
 * {@link #flush} each destination table's events go either as set statements on their net change
 * per key, when that is provably the same end state, or as literal statements in event order; the
 * two kinds never share a table, and tables applied by set statements have no foreign keys or
 * triggers that could see the order between tables.
 */
final class PendingChanges {
    private static final Logger log = LoggerFactory.getLogger(PendingChanges.class);

    private record Item(ReplayEvent.TableEvent ev, ReplayTable table, TableHandler handler, Event raw) {}

    private final List<Item> items = new ArrayList<>();

    private final Long tickId;
    private final Map<String, DestTableInfo> structures;

    /**
     * Pending changes of a batch ending at {@code tickId} (null when not known); the structures of
     * destination tables are read into and reused from {@code structures}.
     */
    PendingChanges(Long tickId, Map<String, DestTableInfo> structures) {
        this.tickId = tickId;
        this.structures = structures;
    }

    void add(ReplayEvent.TableEvent ev, ReplayTable table, TableHandler handler, Event raw) {
        // the raw event only where it is passed on as it is: a chunk holds up to maxPendingEvents
        boolean passedOn = handler.mode() == ApplyMode.QUEUE || handler.mode() == ApplyMode.FUNCTION;
        items.add(new Item(ev, table, handler, passedOn ? raw : null));
    }

    int size() {
        return items.size();
    }

    void flush(Connection conn, ReplayOptions opts, ApplyCounters counters) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        Map<String, List<Item>> byDest = new LinkedHashMap<>();
        Map<String, List<Event>> byQueue = new LinkedHashMap<>();
        for (Item it : items) {
            if (it.handler().mode() == ApplyMode.QUEUE) {
                byQueue.computeIfAbsent(it.handler().funcName(), q -> new ArrayList<>())
                        .add(it.raw());
                counters.row(op(it.ev()));
                continue;
            }
            byDest.computeIfAbsent(it.table().destTable(), d -> new ArrayList<>())
                    .add(it);
        }
        if (!byQueue.isEmpty()) {
            QueueForwarder.insert(conn, byQueue, counters);
        }
        if (byDest.isEmpty()) {
            items.clear();
            return;
        }
        Set<String> unknown = new LinkedHashSet<>(byDest.keySet());
        unknown.removeAll(structures.keySet());
        if (!unknown.isEmpty()) {
            structures.putAll(DestTableCatalog.load(conn, unknown, counters));
        }
        Set<String> ordered = new HashSet<>();
        for (Map.Entry<String, List<Item>> e : byDest.entrySet()) {
            DestTableInfo info = structures.get(e.getKey());
            if (!applySet(conn, info, e.getKey(), e.getValue(), opts, counters)) {
                ordered.add(e.getKey());
            }
        }
        if (!ordered.isEmpty()) {
            try (OrderedSender sender = new OrderedSender(conn, opts, counters)) {
                for (Item it : items) {
                    String dest = it.table().destTable();
                    if (ordered.contains(dest)) {
                        DestTableInfo info = structures.get(dest);
                        String only = info == null ? "only " : info.onlyKeyword();
                        String q = it.table().quotedDest();
                        String sql;
                        if (it.handler().mode() == ApplyMode.FUNCTION) {
                            sql = OrderedSql.forFunction(it.handler(), it.raw(), tickId);
                        } else if (it.ev() instanceof ReplayEvent.RowChange rc) {
                            sql = OrderedSql.forRow(rc, q, only);
                        } else {
                            sql = OrderedSql.forSql((ReplayEvent.SqlChange) it.ev(), q, only);
                        }
                        sender.add(sql, it.ev());
                        counters.row(op(it.ev()));
                    }
                }
                sender.flush();
            }
        }
        items.clear();
    }

    /** Applies one table's events with set statements and returns true, or returns false to go in order. */
    private static boolean applySet(
            Connection conn,
            DestTableInfo info,
            String dest,
            List<Item> group,
            ReplayOptions opts,
            ApplyCounters counters)
            throws SQLException {
        boolean force = group.stream().allMatch(i -> i.handler().mode() == ApplyMode.SET);
        boolean auto = group.stream().allMatch(i -> i.handler().mode() == ApplyMode.AUTO) && opts.coalesce();
        if (!force && !auto) {
            return false;
        }
        if (opts.oneByOne() || info == null) {
            return false;
        }
        List<ReplayEvent.RowChange> changes = new ArrayList<>(group.size());
        for (Item it : group) {
            if (!(it.ev() instanceof ReplayEvent.RowChange rc)) {
                if (force) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME,
                            "handler \"" + it.handler().name() + "\" of table \""
                                    + it.table().name() + "\" does not take SQL events (event "
                                    + it.ev().eventId() + ")");
                }
                return false;
            }
            changes.add(rc);
        }
        if (auto && !info.coalescable()) {
            return false;
        }
        List<String> pkey = changes.get(0).pkey();
        boolean insertsOnly = true;
        // rows of one shape share their key set: each shape is checked against the table once
        Set<String> checkedColumns = null;
        for (ReplayEvent.RowChange ch : changes) {
            if ((ch.pkey() != pkey && !ch.pkey().equals(pkey)) || ch.changesKey()) {
                return false;
            }
            Set<String> columns = ch.row().keySet();
            if (columns != checkedColumns) {
                if (!info.columnTypes().keySet().containsAll(columns)) {
                    return false;
                }
                checkedColumns = columns;
            }
            insertsOnly &= ch.op() == RowOp.INSERT;
        }
        if (auto && !new HashSet<>(pkey).equals(new HashSet<>(info.pkey()))) {
            return false;
        }
        NetChanges net;
        if (pkey.isEmpty()) {
            if (!insertsOnly) {
                if (force) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME,
                            "table \"" + dest
                                    + "\" has no key columns in its events; the bulk handler takes only inserts then");
                }
                return false;
            }
            net = NetChanges.insertsOnly(changes);
        } else {
            net = NetChanges.of(changes, pkey);
            if (net == null) {
                log.debug("{}: events do not reduce to a net change per key; applying them in order", dest);
                return false;
            }
            if (force && group.get(0).handler().bulkMethod() > 0) {
                net.asDeleteInsert(group.get(0).handler().bulkMethod() == 2, pkey);
            }
        }
        new SetStatements(conn, info, pkey, opts.rowsPerStatement(), counters).apply(net);
        for (ReplayEvent.RowChange ch : changes) {
            counters.row(ch.op());
        }
        counters.coalesced += changes.size();
        return true;
    }

    private static RowOp op(ReplayEvent.TableEvent ev) {
        return ev instanceof ReplayEvent.RowChange rc ? rc.op() : ((ReplayEvent.SqlChange) ev).op();
    }
}
