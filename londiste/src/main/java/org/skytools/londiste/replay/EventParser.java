package org.skytools.londiste.replay;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.RowImageDecoder;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.Event;

/**
 * Turns queue events into {@link ReplayEvent}s, following the formats of the capture triggers:
 * {@code I:pk1,pk2} with an urlencoded row ({@code pgq.logutriga}), a JSON {@code ev_type} with a
 * JSON row ({@code pgq.jsontriga}), {@code I}/{@code U}/{@code D} with partial SQL ({@code
 * pgq.sqltriga}), {@code R} for truncate, {@code EXECUTE} and londiste's global events.
 */
public final class EventParser {
    // a batch repeats a few key lists and column lists over and over: sharing them lets the
    // replay compare them by identity (rows of both urlencoded and JSON events are row images)
    private static final int MAX_KEY_LISTS = 512;

    private final RowImageDecoder rows;
    private final Map<String, List<String>> keyLists = new HashMap<>();

    /** A parser for a stream of events from a UTF8 database; not thread-safe. */
    public EventParser() {
        this(StandardCharsets.UTF_8);
    }

    /**
     * A parser for a stream of events whose urlencoded rows escape text in {@code charset}, the
     * encoding of the database whose capture trigger wrote them; not thread-safe.
     */
    public EventParser(Charset charset) {
        this.rows = new RowImageDecoder(charset);
    }

    /**
     * The replay meaning of {@code ev}; throws {@link SkyToolsException} naming the event type and id
     * for a type the replay does not know or a payload it cannot read.
     */
    public static ReplayEvent parse(Event ev) {
        return new EventParser().read(ev);
    }

    /** As {@link #parse}, sharing key and column lists with the events read before. */
    public ReplayEvent read(Event ev) {
        String type = ev.type();
        if (type == null || type.isEmpty()) {
            throw unhandled(ev);
        }
        try {
            return parseKnown(ev, type);
        } catch (IllegalArgumentException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "cannot read event " + ev.id() + " of type \"" + type + "\": " + e.getMessage(),
                    e);
        }
    }

    private ReplayEvent parseKnown(Event ev, String type) {
        long id = ev.id();
        long txid = ev.txid();
        if (type.length() == 1) {
            if (type.equals("R")) {
                return new ReplayEvent.Truncate(id, txid, table(ev));
            }
            RowOp op = RowOp.ofCode(type.charAt(0));
            if (op == null) {
                throw unhandled(ev);
            }
            return new ReplayEvent.SqlChange(id, txid, table(ev), op, ev.data());
        }
        if (type.length() >= 2 && type.charAt(1) == ':' && RowOp.ofCode(type.charAt(0)) != null) {
            RowOp op = RowOp.ofCode(type.charAt(0));
            List<String> pkey = keyList(type);
            Map<String, String> old = ev.extra2() == null ? null : rows.decode(ev.extra2());
            return new ReplayEvent.RowChange(id, txid, table(ev), op, pkey, rows.decode(ev.data()), old);
        }
        if (type.charAt(0) == '{') {
            return parseJson(ev, type);
        }
        switch (type) {
            case "EXECUTE":
                return new ReplayEvent.Execute(id, txid, ev.extra1(), ev.data(), ev.extra2());
            case "londiste.add-table":
                return new ReplayEvent.AddTable(id, txid, ev.data());
            case "londiste.remove-table":
                return new ReplayEvent.RemoveTable(id, txid, ev.data());
            case "londiste.remove-seq":
                return new ReplayEvent.RemoveSeq(id, txid, ev.data());
            case "londiste.update-seq":
                return new ReplayEvent.UpdateSeq(
                        id, txid, ev.extra1(), Long.parseLong(ev.data().trim()));
            default:
                if (type.startsWith("pgq.")) {
                    return new ReplayEvent.CascadeEvent(id, txid, type);
                }
                throw unhandled(ev);
        }
    }

    private ReplayEvent parseJson(Event ev, String type) {
        if (!(JsonText.parse(type) instanceof Map<?, ?> meta)) {
            throw new IllegalArgumentException("ev_type is not a JSON object");
        }
        String opName = String.valueOf(meta.get("op"));
        if (opName.equals("TRUNCATE")) {
            return new ReplayEvent.Truncate(ev.id(), ev.txid(), table(ev));
        }
        RowOp op =
                switch (opName) {
                    case "INSERT" -> RowOp.INSERT;
                    case "UPDATE" -> RowOp.UPDATE;
                    case "DELETE" -> RowOp.DELETE;
                    default -> throw unhandled(ev);
                };
        List<String> pkey = new ArrayList<>();
        if (meta.get("pkey") instanceof List<?> keys) {
            for (Object k : keys) {
                pkey.add(String.valueOf(k));
            }
        }
        Map<String, String> old = ev.extra2() == null ? null : jsonRow(ev.extra2());
        return new ReplayEvent.RowChange(ev.id(), ev.txid(), table(ev), op, pkey, jsonRow(ev.data()), old);
    }

    /** A JSON row object as column to text value (null for JSON null), in order. */
    private Map<String, String> jsonRow(String data) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (data != null && !data.isEmpty()) {
            if (!(JsonText.parse(data) instanceof Map<?, ?> obj)) {
                throw new IllegalArgumentException("ev_data is not a JSON object");
            }
            for (Map.Entry<?, ?> e : obj.entrySet()) {
                names.add((String) e.getKey());
                values.add(JsonText.scalarText(e.getValue()));
            }
        }
        return rows.row(names, values);
    }

    /** The key columns named after the operation code in {@code type} ({@code U:pk1,pk2}). */
    private List<String> keyList(String type) {
        List<String> keys = keyLists.get(type);
        if (keys == null) {
            String list = type.substring(2);
            keys = list.isEmpty() ? List.of() : List.of(list.split(","));
            if (keyLists.size() >= MAX_KEY_LISTS) {
                keyLists.clear();
            }
            keyLists.put(type, keys);
        }
        return keys;
    }

    private static String table(Event ev) {
        String t = ev.extra1();
        if (t == null || t.isEmpty()) {
            throw new IllegalArgumentException("no table name in ev_extra1");
        }
        return TableMap.normalize(t);
    }

    private static SkyToolsException unhandled(Event ev) {
        return new SkyToolsException(
                ErrorKind.RUNTIME, "unhandled event type \"" + ev.type() + "\" in event " + ev.id());
    }
}
