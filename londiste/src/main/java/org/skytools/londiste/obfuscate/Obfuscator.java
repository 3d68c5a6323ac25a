package org.skytools.londiste.obfuscate;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.replay.JsonText;
import org.skytools.pgq.Event;

/**
 * The {@code obfuscate} handler's rules (config {@code obfuscator_map}, keyed by {@code
 * obfuscator_key}), as the modern londiste applies them: per table, each column is kept ({@code
 * keep}), left out ({@code skip}, also every column the map does not name), made {@code t} or
 * {@code f} by whether its text is empty ({@code bool}), or replaced by a keyed BLAKE2s hash of its
 * UTF-8 text: a signed 32-bit ({@code hash32}) or 64-bit ({@code hash64}) number, or a UUID-shaped
 * text with the variant bits cleared ({@code hash}). A column whose rule is a mapping holds JSON;
 * that mapping's rules apply to the keys of the JSON object, recursively, and the column becomes the
 * JSON of what is kept ({@code {}} when nothing is). SQL NULL stays NULL.
 *
 * <p>The same rules apply to the initial copy, to the replayed rows and to the events a branch or a
 * merge leaf passes on, so every node downstream sees the same values.
 */
public final class Obfuscator {
    static final String KEEP = "keep";
    static final String SKIP = "skip";
    static final String BOOL = "bool";
    static final String HASH32 = "hash32";
    static final String HASH64 = "hash64";
    static final String HASH128 = "hash";
    private static final Set<String> ACTIONS = Set.of(KEEP, SKIP, BOOL, HASH32, HASH64, HASH128);

    private final Path file;
    private final Map<String, Object> tables;
    private final byte[] key;

    Obfuscator(Path file, Map<String, Object> tables, byte[] key) {
        this.file = file;
        this.tables = tables;
        this.key = key.clone();
        if (key.length > 32) {
            throw SkyToolsException.config(
                    "obfuscator_key is " + key.length + " bytes long; BLAKE2s takes at most 32 bytes");
        }
        for (Map.Entry<String, Object> t : tables.entrySet()) {
            if (!(t.getValue() instanceof Map<?, ?> cols)) {
                throw SkyToolsException.config(
                        "obfuscator_map " + file + ": table \"" + t.getKey() + "\" must map column names to rules");
            }
            check(t.getKey(), cols);
        }
    }

    /** Reads the rules of {@code mapFile}; {@code key} is {@code obfuscator_key} ("" for none). */
    public static Obfuscator load(Path mapFile, String key) {
        return new Obfuscator(mapFile, RulesFile.read(mapFile), key.getBytes(StandardCharsets.UTF_8));
    }

    private void check(String where, Map<?, ?> rules) {
        for (Map.Entry<?, ?> r : rules.entrySet()) {
            String name = where + "." + r.getKey();
            if (r.getValue() instanceof Map<?, ?> nested) {
                check(name, nested);
            } else if (!ACTIONS.contains(r.getValue())) {
                throw SkyToolsException.config("obfuscator_map " + file + ": \"" + name + "\" has rule \""
                        + r.getValue() + "\"; the rules are keep, skip, bool, hash32, hash64, hash,"
                        + " or a mapping for JSON");
            }
        }
    }

    private Map<?, ?> rules(String table) {
        Object t = tables.get(table);
        if (t == null) {
            throw SkyToolsException.config("table \"" + table + "\" has handler obfuscate but is not in"
                    + " obfuscator_map " + file + "; add it with a rule per column");
        }
        return (Map<?, ?>) t;
    }

    // a column's rule: skip for a column the map does not name
    private static Object rule(Map<?, ?> rules, String column) {
        Object r = rules.get(column);
        return r == null ? SKIP : r;
    }

    /** Checks that {@code table} has rules; throws a config error naming the map file otherwise. */
    public void requireTable(String table) {
        rules(table);
    }

    /** The columns of {@code columns} that the copy of {@code table} carries: all but the skipped. */
    public List<String> copiedColumns(String table, List<String> columns) {
        Map<?, ?> rules = rules(table);
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (!SKIP.equals(rule(rules, c))) {
                out.add(c);
            }
        }
        return out;
    }

    /** A row of column texts (null for NULL), in order, with the rules applied; skipped columns are left out. */
    public Map<String, String> row(String table, Map<String, String> row) {
        Map<?, ?> rules = rules(table);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : row.entrySet()) {
            Object rule = rule(rules, e.getKey());
            if (SKIP.equals(rule)) {
                continue;
            }
            Object v = columnValue(table, e.getKey(), rule, e.getValue());
            out.put(e.getKey(), v == null ? null : v.toString());
        }
        return out;
    }

    /** The values of one copied row, in the order of {@link #copiedColumns}. */
    public List<String> copyRow(String table, List<String> columns, List<String> values) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values.get(i));
        }
        return new ArrayList<>(row(table, row).values());
    }

    /**
     * The event with its row data (and the old row of {@code backup}, which the modern londiste
     * would pass on in clear) obfuscated: urlencoded rows stay urlencoded, JSON rows become JSON as
     * Python writes it. Only row events of {@code pgq.logutriga} and {@code pgq.jsontriga} can be.
     * A urlencoded row escapes the bytes of its text in {@code charset}, the encoding of the
     * database where it was captured; the rewritten row does the same, like the events passed on
     * unchanged.
     */
    public Event event(String table, Event ev, Charset charset) {
        String type = ev.type();
        try {
            if (type.length() >= 2 && type.charAt(1) == ':') {
                Map<String, String> row = Quoting.urlDecode(ev.data(), charset);
                String backup = ev.extra2();
                // ev_extra2 is rewritten when it holds the old row (backup), not another value
                Map<String, String> old = backup == null ? null : Quoting.urlDecode(backup, charset);
                if (old != null && old.keySet().equals(row.keySet())) {
                    backup = Quoting.urlEncode(row(table, old), charset);
                }
                return ev.withData(Quoting.urlEncode(row(table, row), charset), backup);
            }
            if (type.startsWith("{")) {
                String backup = ev.extra2();
                if (backup != null && sameKeys(ev.data(), backup)) {
                    backup = json(table, backup);
                }
                return ev.withData(json(table, ev.data()), backup);
            }
        } catch (IllegalArgumentException e) {
            throw SkyToolsException.state(
                    "table \"" + table + "\": cannot obfuscate event " + ev.id() + ": " + e.getMessage());
        }
        throw notARowEvent(table, ev.id(), type);
    }

    private static boolean sameKeys(String data, String other) {
        try {
            return JsonText.parse(data) instanceof Map<?, ?> a
                    && JsonText.parse(other) instanceof Map<?, ?> b
                    && a.keySet().equals(b.keySet());
        } catch (IllegalArgumentException e) {
            // not JSON: not the old row
            return false;
        }
    }

    /** The error for an event the rules cannot apply to (partial SQL of {@code pgq.sqltriga}). */
    public static SkyToolsException notARowEvent(String table, long eventId, String type) {
        return SkyToolsException.state("table \"" + table + "\" has handler obfuscate, which takes only"
                + " urlencoded or JSON row events, not event " + eventId + " of type \"" + type + "\"");
    }

    private String json(String table, String data) {
        if (data == null) {
            return null;
        }
        if (!(JsonText.parse(data) instanceof Map<?, ?> obj)) {
            throw SkyToolsException.state("table \"" + table + "\": a JSON row event holds no JSON object");
        }
        Map<?, ?> rules = rules(table);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : obj.entrySet()) {
            String col = e.getKey().toString();
            Object rule = rule(rules, col);
            if (SKIP.equals(rule)) {
                continue;
            }
            Object v = e.getValue() == JsonText.NULL ? null : e.getValue();
            // the rules see the column's text as PostgreSQL writes it (t and f for booleans), as
            // in the copy and in urlencoded events; kept values keep their JSON type
            Object r = KEEP.equals(rule) ? v : columnValue(table, col, rule, v == null ? null : columnText(v));
            out.put(col, r == null ? JsonText.NULL : r);
        }
        return PythonJson.dumps(out);
    }

    // a value of a JSON row as the column's text: booleans as t and f, numbers as written, a
    // nested value (json columns) as JSON
    private static String columnText(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof JsonText.Number n) {
            return n.text();
        }
        return PythonJson.dumps(v);
    }

    private Object columnValue(String table, String column, Object rule, String text) {
        try {
            return value(rule, text);
        } catch (SkyToolsException e) {
            throw SkyToolsException.state("table \"" + table + "\" column \"" + column + "\": " + e.getMessage());
        }
    }

    // the rule on a column's text: a String, a Long (hash32, hash64) or null
    private Object value(Object rule, String text) {
        if (rule instanceof Map<?, ?> jsonRules) {
            if (text == null) {
                return null;
            }
            Object parsed;
            try {
                parsed = JsonText.parse(text);
            } catch (IllegalArgumentException e) {
                throw SkyToolsException.state("a column with JSON rules holds no JSON (" + e.getMessage() + ")");
            }
            Object result = obfJson(parsed, jsonRules);
            return PythonJson.dumps(result == null ? Map.of() : result);
        }
        if (KEEP.equals(rule) || text == null) {
            return text;
        }
        return switch ((String) rule) {
            case BOOL -> text.isEmpty() ? "f" : "t";
            default -> hash((String) rule, text.getBytes(StandardCharsets.UTF_8));
        };
    }

    // Python's obf_json: a mapping of rules picks keys of an object, recursively; null drops the key
    private Object obfJson(Object data, Object rule) {
        if (data == JsonText.NULL) {
            data = null;
        }
        if (rule instanceof Map<?, ?> rules) {
            if (!(data instanceof Map<?, ?> obj)) {
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> r : rules.entrySet()) {
                Object v = obfJson(obj.get(r.getKey().toString()), r.getValue());
                if (v != null) {
                    out.put(r.getKey().toString(), v);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (KEEP.equals(rule)) {
            return data;
        }
        if (SKIP.equals(rule) || data instanceof Map<?, ?> || data instanceof List<?> || data == null) {
            return null;
        }
        if (BOOL.equals(rule)) {
            return truthy(data) ? "t" : "f";
        }
        return hash((String) rule, hashInput(data));
    }

    // Python's truth of a JSON scalar
    private static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof JsonText.Number n) {
            return PythonNumber.truthy(n.text());
        }
        return true;
    }

    // the bytes Python hashes for a JSON scalar: a string's UTF-8, an integer's digits, true as 1
    private static byte[] hashInput(Object v) {
        String text;
        if (v instanceof Boolean b) {
            text = b ? "1" : "0";
        } else if (v instanceof JsonText.Number n) {
            text = PythonNumber.repr(n.text());
        } else {
            text = v.toString();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Object hash(String rule, byte[] data) {
        return switch (rule) {
            case HASH32 -> (long) ByteBuffer.wrap(Blake2s.digest(data, 4, key)).getInt();
            case HASH64 -> ByteBuffer.wrap(Blake2s.digest(data, 8, key)).getLong();
            case HASH128 -> uuid(ByteBuffer.wrap(Blake2s.digest(data, 16, key)));
            default -> throw new IllegalStateException("unknown rule " + rule);
        };
    }

    // the digest as a UUID text with the RFC 4122 variant bit cleared (variant 0)
    private static String uuid(ByteBuffer digest) {
        long high = digest.getLong();
        long low = digest.getLong() & Long.MAX_VALUE;
        return new UUID(high, low).toString();
    }
}
