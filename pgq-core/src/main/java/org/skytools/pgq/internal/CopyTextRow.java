package org.skytools.pgq.internal;

import java.nio.charset.StandardCharsets;

/**
 * Splits one row of {@code COPY ... TO STDOUT} in the text format (tab-separated, {@code \N} for
 * NULL, backslash escapes, a newline at the end) into its field values. The server sends each row
 * in a message of its own, in the COPY's encoding (UTF-8 here), and escapes only backslash,
 * tab, newline, carriage return, backspace, form feed and vertical tab.
 */
public final class CopyTextRow {
    private CopyTextRow() {}

    /**
     * The {@code count} fields of {@code row}; a row with another number of fields is an error,
     * since the caller names the columns it selected.
     */
    public static String[] fields(byte[] row, int count) {
        String[] out = new String[count];
        int end = row.length;
        if (end > 0 && row[end - 1] == '\n') {
            end--;
        }
        int field = 0;
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i <= end; i++) {
            byte b = i < end ? row[i] : (byte) '\t';
            if (b == '\\' && i + 1 < end) {
                escaped = true;
                i++; // the escaped character cannot end the field
            } else if (b == '\t') {
                if (field == count) {
                    throw new IllegalArgumentException("COPY row has more than " + count + " fields");
                }
                out[field++] = value(row, start, i, escaped);
                start = i + 1;
                escaped = false;
            }
        }
        if (field != count) {
            throw new IllegalArgumentException("COPY row has " + field + " fields, expected " + count);
        }
        return out;
    }

    private static String value(byte[] row, int from, int to, boolean escaped) {
        if (!escaped) {
            return new String(row, from, to - from, StandardCharsets.UTF_8);
        }
        if (to - from == 2 && row[from] == '\\' && row[from + 1] == 'N') {
            return null;
        }
        byte[] buf = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 >= to) {
                buf[n++] = b;
                continue;
            }
            byte c = row[++i];
            switch (c) {
                case 'b' -> buf[n++] = '\b';
                case 'f' -> buf[n++] = '\f';
                case 'n' -> buf[n++] = '\n';
                case 'r' -> buf[n++] = '\r';
                case 't' -> buf[n++] = '\t';
                case 'v' -> buf[n++] = 0x0b;
                default -> buf[n++] = c; // the delimiter or a backslash
            }
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
}
