package org.skytools.pgq.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where pgq-core quotes SQL text, escapes COPY fields and decodes urlencoded rows.
 * Not API: it is kept in one class so that it can move onto the shared quoting helper unchanged.
 */
public final class PgText {
    private PgText() {}

    /** A string literal that reads back as {@code value} whatever {@code standard_conforming_strings} says. */
    public static String quoteLiteral(String value) {
        if (value == null) {
            return "NULL";
        }
        StringBuilder sb = new StringBuilder(value.length() + 2);
        boolean backslash = value.indexOf('\\') >= 0;
        if (backslash) {
            sb.append('E');
        }
        sb.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                sb.append("''");
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** A double-quoted identifier; always quoted, which is valid for any name. */
    public static String quoteIdent(String ident) {
        return '"' + ident.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name} with each part quoted; the first dot splits and no dot means {@code public}. */
    public static String quoteFqName(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return quoteIdent("public") + "." + quoteIdent(name);
        }
        return quoteIdent(name.substring(0, dot)) + "." + quoteIdent(name.substring(dot + 1));
    }

    /** Adds {@code public.} to a table name without a schema, as SkyTools' {@code fq_name} does. */
    public static String fqName(String name) {
        return name.indexOf('.') < 0 ? "public." + name : name;
    }

    /** Appends one field in COPY text format: {@code \N} for null, control characters escaped. */
    public static void appendCopyField(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
    }

    /**
     * Decodes a urlencoded row ({@code a=1&b&c=x+y}) into an ordered, unmodifiable map. A key
     * without {@code =} is SQL NULL, {@code +} is a space, a repeated key keeps its last value and
     * a malformed {@code %} escape is kept as it is.
     */
    public static Map<String, String> urlDecode(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, String> row = new LinkedHashMap<>();
        int start = 0;
        int len = text.length();
        while (start <= len) {
            int amp = text.indexOf('&', start);
            int end = amp < 0 ? len : amp;
            if (end > start) {
                int eq = text.indexOf('=', start);
                if (eq < 0 || eq > end) {
                    row.put(unquotePlus(text, start, end), null);
                } else {
                    row.put(unquotePlus(text, start, eq), unquotePlus(text, eq + 1, end));
                }
            }
            start = end + 1;
        }
        return Collections.unmodifiableMap(row);
    }

    private static String unquotePlus(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
                i++;
            } else if (c == '%' && hex(s, i + 1, to) >= 0) {
                out.write(hex(s, i + 1, to));
                i += 3;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < to) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The byte value of the two hex digits at {@code pos}, or -1 when they are not hex digits. */
    private static int hex(String s, int pos, int to) {
        if (pos + 1 >= to) {
            return -1;
        }
        int hi = Character.digit(s.charAt(pos), 16);
        int lo = Character.digit(s.charAt(pos + 1), 16);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }
}
