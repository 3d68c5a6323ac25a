package org.skytools.londiste.obfuscate;

import java.util.List;
import java.util.Map;
import org.skytools.common.db.Quoting;
import org.skytools.londiste.replay.JsonText;

/**
 * Writes JSON as Python's {@code json.dumps} does with its defaults, which is what the modern
 * londiste's obfuscate handler puts in columns and events: {@code ", "} and {@code ": "} between
 * items, every character outside printable ASCII as a {@code \}{@code uXXXX} escape, numbers as
 * Python reads and writes them ({@link PythonNumber}).
 */
final class PythonJson {
    private PythonJson() {}

    /** Maps, lists, Strings, Booleans, Longs, {@link JsonText.Number}s and {@link JsonText#NULL} (or null). */
    static String dumps(Object v) {
        StringBuilder out = new StringBuilder();
        write(out, v);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null || v == JsonText.NULL) {
            out.append("null");
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                string(out, e.getKey().toString());
                out.append(": ");
                write(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof JsonText.Number n) {
            out.append(PythonNumber.dumps(n.text()));
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            out.append(v);
        } else {
            throw new IllegalArgumentException(
                    "not a JSON value: " + v.getClass().getName());
        }
    }

    // JSON's escapes as PostgreSQL writes them, then every character outside printable ASCII as
    // Python's ensure_ascii escapes it
    private static void string(StringBuilder out, String s) {
        String quoted = Quoting.quoteJson(s);
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }
}
