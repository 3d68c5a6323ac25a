package org.skytools.common.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** COPY text format (the default {@code FORMAT text}, tab delimiter, {@code \N} for null). */
final class CopyText {
    static final String NULL = "\\N";

    private CopyText() {}

    static String escape(String value) {
        if (value == null) {
            return NULL;
        }
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String esc =
                    switch (c) {
                        case '\\' -> "\\\\";
                        case '\b' -> "\\b";
                        case '\f' -> "\\f";
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        case '\t' -> "\\t";
                        case 0x0b -> "\\v";
                        default -> null;
                    };
            if (esc != null && sb == null) {
                sb = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? value : sb.toString();
    }

    static String unescape(String field) {
        if (NULL.equals(field)) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        // Octal and hex escapes stand for bytes, which may form one UTF-8 character together,
        // so the value is rebuilt as bytes and decoded once at the end.
        ByteArrayOutputStream out = new ByteArrayOutputStream(field.length());
        int i = 0;
        int n = field.length();
        while (i < n) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < n) {
                    end++;
                }
                out.writeBytes(field.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            char e = field.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(0x0b);
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i < n && Character.digit(field.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(field.charAt(i), 16);
                        i++;
                        digits++;
                    }
                    if (digits == 0) {
                        out.write('x');
                    } else {
                        out.write(v);
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int digits = 1;
                        while (digits < 3 && i < n && field.charAt(i) >= '0' && field.charAt(i) <= '7') {
                            v = v * 8 + (field.charAt(i) - '0');
                            i++;
                            digits++;
                        }
                        out.write(v & 0xff);
                    } else {
                        int end = i;
                        if (Character.isHighSurrogate(e) && end < n) {
                            end++;
                        }
                        out.writeBytes(field.substring(i - 1, end).getBytes(StandardCharsets.UTF_8));
                        i = end;
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Joins escaped values into one COPY text line, without the trailing newline. */
    static String formatRow(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(escape(values.get(i)));
        }
        return sb.toString();
    }

    /** Splits one COPY text line (without its newline) into unescaped values. */
    static List<String> parseRow(String line) {
        List<String> values = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\t') {
                values.add(unescape(line.substring(start, i)));
                start = ++i;
            } else {
                i++;
            }
        }
        values.add(unescape(line.substring(start, Math.min(i, line.length()))));
        return values;
    }
}
