package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;

/**
 * Turns the row events of tables with a dispatch handler into the changes the replay applies:
 * the columns kept and renamed, only the wanted operations, updates as delete + insert ({@code
 * keep_latest}) or as inserts ({@code keep_all}), and each change sent to the table itself or to
 * the partition its time falls in, created when missing. One per applier, kept across batches.
 */
final class DispatchRouter {
    /** A change to add to the pending changes, with the table it goes to and how it is applied. */
    record Routed(ReplayEvent.RowChange change, ReplayTable table, TableHandler handler) {}

    /** Makes the connection free for this thread before a partition is looked up or created. */
    @FunctionalInterface
    interface ConnectionClaim {
        void claim() throws SQLException;
    }

    // by handler settings and table: a changed handler gets partitions of its own
    private final Map<List<Object>, Partitions> partitions = new HashMap<>();
    // made once, not per event: the table and the apply mode each routed change goes with
    private final Map<List<String>, ReplayTable> targets = new HashMap<>();
    private final Map<TableHandler, TableHandler> appliers = new HashMap<>();

    /** Called after the batch's last flush: the retention of partitions made in it. */
    void afterBatch(Connection dst) throws SQLException {
        for (Partitions p : partitions.values()) {
            p.afterBatch(dst);
        }
    }

    /** Called at the start of each batch: which partitions exist is looked up again. */
    void newBatch() {
        partitions.values().forEach(Partitions::newBatch);
    }

    /**
     * The changes for one event of {@code t}, whose handler {@code h} is a dispatch handler; empty
     * when the event is skipped.
     *
     * @param batchEnd the time of the batch's last tick, for {@code part_mode=batch_time}; null
     *     when not known (the event's time is used)
     */
    List<Routed> route(
            ReplayEvent.TableEvent te,
            ReplayTable t,
            TableHandler h,
            Event raw,
            OffsetDateTime batchEnd,
            Connection dst,
            ConnectionClaim claim)
            throws SQLException {
        DispatchConfig conf = h.dispatch();
        if (conf.tableMode().equals("ignore")) {
            return List.of();
        }
        if (!(te instanceof ReplayEvent.RowChange rc) || rc.pkey().isEmpty() && rc.op() != RowOp.INSERT) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "handler \"" + h.name() + "\" of table \"" + t.name() + "\" takes only row events with key"
                            + " columns (event " + te.eventId() + ", type " + raw.type() + ")");
        }
        if (!conf.eventTypes().contains(rc.op())) {
            return List.of();
        }
        Map<String, String> row = conf.filterRow(rc.row());
        List<String> pkey = conf.filterKey(rc.pkey());
        String parent = conf.table() != null ? TableMap.normalize(conf.table()) : t.destTable();
        String dest = parent;
        if (conf.tableMode().equals("part")) {
            Partitions parts = partitions.computeIfAbsent(List.of(conf, parent), k -> new Partitions(conf, parent));
            LocalDateTime time = partTime(conf, rc, row, raw, batchEnd);
            dest = parts.nameFor(time);
            if (parts.isIgnored(dest)) {
                return List.of();
            }
            if (!parts.known(dest)) {
                claim.claim();
                if (!parts.ensure(dst, dest, time, pkey)) {
                    return List.of();
                }
            }
        }
        ReplayTable target =
                targets.computeIfAbsent(List.of(t.name(), dest), k -> new ReplayTable(t.name(), k.get(1), t.handler()));
        TableHandler apply = appliers.computeIfAbsent(h, DispatchRouter::applier);
        if (conf.bulk() && conf.method() == 3 && rc.op() != RowOp.INSERT) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "handler \"" + h.name() + "\" of table \"" + t.name() + "\" loads inserts only (method=3), got "
                            + rc.op() + " (event " + rc.eventId() + ")");
        }
        List<Routed> out = new ArrayList<>(2);
        switch (conf.rowMode()) {
            case "keep_all" -> {
                if (rc.op() != RowOp.DELETE) {
                    out.add(new Routed(change(rc, RowOp.INSERT, pkey, row), target, apply));
                }
            }
            case "keep_latest" -> {
                if (rc.op() == RowOp.UPDATE) {
                    out.add(new Routed(change(rc, RowOp.DELETE, pkey, row), target, apply));
                    out.add(new Routed(change(rc, RowOp.INSERT, pkey, row), target, apply));
                } else {
                    out.add(new Routed(change(rc, rc.op(), pkey, row), target, apply));
                }
            }
            default -> out.add(new Routed(change(rc, rc.op(), pkey, row), target, apply));
        }
        return out;
    }

    /** How the changes of a dispatch handler are applied: in order, or as net changes for {@code bulk}. */
    private static TableHandler applier(TableHandler h) {
        DispatchConfig conf = h.dispatch();
        return new TableHandler(
                h.name(),
                conf.bulk() ? ApplyMode.SET : ApplyMode.ORDERED,
                conf.method() == 3 ? 0 : conf.method(),
                h.ignoreTruncate(),
                false,
                true);
    }

    private static ReplayEvent.RowChange change(
            ReplayEvent.RowChange rc, RowOp op, List<String> pkey, Map<String, String> row) {
        return new ReplayEvent.RowChange(rc.eventId(), rc.txid(), rc.table(), op, pkey, row, null);
    }

    private static LocalDateTime partTime(
            DispatchConfig conf,
            ReplayEvent.RowChange rc,
            Map<String, String> row,
            Event raw,
            OffsetDateTime batchEnd) {
        ZoneId zone = ZoneId.systemDefault();
        return switch (conf.partMode()) {
            case "event_time" -> raw.time().atZoneSameInstant(zone).toLocalDateTime();
            case "current_time" -> LocalDateTime.now(zone);
            case "date_field" -> dateField(conf.partField(), row.get(conf.partField()), rc);
            default -> (batchEnd != null ? batchEnd : raw.time())
                    .atZoneSameInstant(zone)
                    .toLocalDateTime();
        };
    }

    /** The time in a column value: {@code YYYY-MM-DD[ HH:MM:SS...]}, as its text begins. */
    static LocalDateTime dateField(String field, String value, ReplayEvent.RowChange rc) {
        if (value == null) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "part_field \"" + field + "\" is NULL in event " + rc.eventId() + " of table \"" + rc.table()
                            + "\"");
        }
        try {
            int year = Integer.parseInt(value.substring(0, 4));
            int month = Integer.parseInt(value.substring(5, 7));
            int day = Integer.parseInt(value.substring(8, 10));
            int hour = value.length() >= 13 ? Integer.parseInt(value.substring(11, 13)) : 0;
            if (value.charAt(4) != '-' || value.charAt(7) != '-') {
                throw new NumberFormatException(value);
            }
            return LocalDateTime.of(year, month, day, hour, 0);
        } catch (RuntimeException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "part_field \"" + field + "\" of event " + rc.eventId() + " is not a date or time: \"" + value
                            + "\"");
        }
    }
}
