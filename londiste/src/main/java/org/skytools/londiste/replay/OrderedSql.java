package org.skytools.londiste.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * One literal SQL statement per event, as SkyTools' default handler writes them: urlencoded and JSON
 * rows become INSERT (all columns), UPDATE (non-key columns set, key in WHERE) and DELETE (key in
 * WHERE); partial SQL of {@code pgq.sqltriga} gets its {@code insert into T}, {@code update only T
 * set} or {@code delete from only T where} prefix. Every name and value goes through {@link Quoting}.
 */
final class OrderedSql {
    private OrderedSql() {}

    /** The statement for a partial-SQL event against {@code dest} (quoted, with ONLY when wanted). */
    static String forSql(ReplayEvent.SqlChange ch, String quotedDest, String only) {
        return switch (ch.op()) {
            case INSERT -> "insert into " + quotedDest + " " + ch.sql();
            case UPDATE -> "update " + only + quotedDest + " set " + ch.sql();
            case DELETE -> "delete from " + only + quotedDest + " where " + ch.sql();
        };
    }

    /**
     * The call of an {@code applyfn} handler's function: {@code select fn(conf, tick_id, ev_id,
     * ev_time, ev_txid, ev_retry, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4)} with
     * every argument a quoted literal (or null).
     */
    static String forFunction(TableHandler h, org.skytools.pgq.Event ev, Long tickId) {
        String[] args = {
            h.funcConf(),
            tickId == null ? null : Long.toString(tickId),
            Long.toString(ev.id()),
            ev.timeText(),
            Long.toString(ev.txid()),
            ev.retry() == null ? null : ev.retry().toString(),
            ev.type(),
            ev.data(),
            ev.extra1(),
            ev.extra2(),
            ev.extra3(),
            ev.extra4()
        };
        List<String> quoted = new ArrayList<>();
        for (String a : args) {
            quoted.add(Quoting.quoteLiteralOrNull(a));
        }
        return "select " + Quoting.quoteFqName(h.funcName()) + "(" + String.join(", ", quoted) + ")";
    }

    /** The statement for a row change against {@code dest}. */
    static String forRow(ReplayEvent.RowChange ch, String quotedDest, String only) {
        Map<String, String> row = ch.row();
        switch (ch.op()) {
            case INSERT: {
                List<String> cols = new ArrayList<>();
                List<String> vals = new ArrayList<>();
                for (Map.Entry<String, String> e : row.entrySet()) {
                    cols.add(Quoting.quoteIdent(e.getKey()));
                    vals.add(Quoting.quoteLiteralOrNull(e.getValue()));
                }
                return "insert into " + quotedDest + " (" + String.join(", ", cols) + ") values ("
                        + String.join(", ", vals) + ")";
            }
            case UPDATE: {
                requireKey(ch);
                List<String> set = new ArrayList<>();
                for (Map.Entry<String, String> e : row.entrySet()) {
                    if (!ch.pkey().contains(e.getKey())) {
                        set.add(Quoting.quoteIdent(e.getKey()) + " = " + Quoting.quoteLiteralOrNull(e.getValue()));
                    }
                }
                if (ch.changesKey()) {
                    // the row moves to a new key: the key columns are set too, found by the old key
                    for (String k : ch.pkey()) {
                        set.add(Quoting.quoteIdent(k) + " = " + Quoting.quoteLiteralOrNull(row.get(k)));
                    }
                }
                if (set.isEmpty()) {
                    // nothing but the key: as sqltriga does, set the first key column to itself
                    String k = ch.pkey().get(0);
                    set.add(Quoting.quoteIdent(k) + " = " + Quoting.quoteLiteralOrNull(row.get(k)));
                }
                return "update " + only + quotedDest + " set " + String.join(", ", set) + " where "
                        + where(ch.pkey(), ch.oldKeyValues(), ch);
            }
            default: {
                requireKey(ch);
                return "delete from " + only + quotedDest + " where " + where(ch.pkey(), ch.keyValues(), ch);
            }
        }
    }

    private static String where(List<String> pkey, List<String> values, ReplayEvent.RowChange ch) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pkey.size(); i++) {
            String v = values.get(i);
            if (v == null) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME,
                        "event " + ch.eventId() + " for table \"" + ch.table() + "\" has no value for key column \""
                                + pkey.get(i) + "\"");
            }
            parts.add(Quoting.quoteIdent(pkey.get(i)) + " = " + Quoting.quoteLiteral(v));
        }
        return String.join(" and ", parts);
    }

    private static void requireKey(ReplayEvent.RowChange ch) {
        if (ch.pkey().isEmpty()) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "event " + ch.eventId() + " (" + ch.op() + ") for table \"" + ch.table()
                            + "\" names no key columns; updates and deletes need a primary key or pkey= on the trigger");
        }
    }
}
