package org.skytools.common.db;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SkyTools' urlencoded row format ({@code db_urlencode} / {@code db_urldecode}). */
final class UrlCoding {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UrlCoding() {}

    /** Encodes {@code row}, escaping the bytes of its text in {@code charset}. */
    static String encode(Map<String, String> row, Charset charset) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : row.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            encodeText(e.getKey(), charset, sb);
            if (e.getValue() != null) {
                sb.append('=');
                encodeText(e.getValue(), charset, sb);
            }
        }
        return sb.toString();
    }

    private static void encodeText(String text, Charset charset, StringBuilder sb) {
        for (byte b : text.getBytes(charset)) {
            int c = b & 0xff;
            if ((c >= '0' && c <= '9')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || c == '_'
                    || c == '.'
                    || c == '-') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    /** Receives the decoded pairs of a row in order; a null value is SQL NULL. */
    interface PairSink {
        void put(String name, String value);
    }

    /** Decodes {@code text}, whose escaped bytes are text in {@code charset}. */
    static Map<String, String> decode(String text, Charset charset) {
        Map<String, String> row = new LinkedHashMap<>();
        decodeInto(text, charset, row::put);
        return row;
    }

    static void decodeInto(String text, Charset charset, PairSink sink) {
        if (text != null && !text.isEmpty()) {
            new RowDecoder(text, charset).into(sink);
        }
    }

    /**
     * The values of {@code text} when its names are exactly {@code nameTokens}, in that order and
     * spelt the same (still encoded), else null; a bare name is a null value.
     */
    static String[] decodeValues(String text, Charset charset, String[] nameTokens) {
        return text.isEmpty() ? null : new RowDecoder(text, charset).valuesOf(nameTokens);
    }

    /** The name of each pair of {@code text}, as it is spelt there (not decoded). */
    static List<String> nameTokens(String text) {
        List<String> tokens = new ArrayList<>();
        int from = 0;
        int length = text == null ? 0 : text.length();
        while (from < length) {
            int amp = text.indexOf('&', from);
            if (amp < 0) {
                amp = length;
            }
            if (amp > from) {
                int eq = text.indexOf('=', from);
                tokens.add(text.substring(from, eq < 0 || eq >= amp ? amp : eq));
            }
            from = amp + 1;
        }
        return tokens;
    }

    /**
     * One pass over an urlencoded row: the separators and the characters that need decoding are
     * found with {@link String#indexOf}, each of them once per row, so that a value without '%'
     * costs one substring.
     */
    private static final class RowDecoder {
        private final String text;
        private final Charset charset;
        private final int length;
        // the next '%' and '+' at or after the token being decoded (length when there is none)
        private int nextPercent;
        private int nextPlus;

        RowDecoder(String text, Charset charset) {
            this.text = text;
            this.charset = charset;
            this.length = text.length();
            this.nextPercent = find('%', 0);
            this.nextPlus = find('+', 0);
        }

        void into(PairSink row) {
            int from = 0;
            while (from < length) {
                int amp = find('&', from);
                if (amp > from) {
                    int eq = text.indexOf('=', from);
                    if (eq < 0 || eq >= amp) {
                        row.put(token(from, amp), null);
                    } else {
                        row.put(token(from, eq), token(eq + 1, amp));
                    }
                }
                from = amp + 1;
            }
        }

        String[] valuesOf(String[] names) {
            String[] values = new String[names.length];
            int from = 0;
            for (int i = 0; i < names.length; i++) {
                if (from >= length || !text.startsWith(names[i], from)) {
                    return null;
                }
                int end = from + names[i].length();
                if (end == length || text.charAt(end) == '&') {
                    from = end + 1;
                } else if (text.charAt(end) == '=') {
                    int amp = find('&', end + 1);
                    values[i] = token(end + 1, amp);
                    from = amp + 1;
                } else {
                    return null;
                }
            }
            // nothing may follow the last pair
            return from >= length ? values : null;
        }

        private String token(int from, int to) {
            if (nextPercent < from) {
                nextPercent = find('%', from);
            }
            if (nextPercent < to) {
                return decodePercent(text, from, to, charset);
            }
            if (nextPlus < from) {
                nextPlus = find('+', from);
            }
            String part = text.substring(from, to);
            return nextPlus < to ? part.replace('+', ' ') : part;
        }

        private int find(char c, int from) {
            int i = text.indexOf(c, from);
            return i < 0 ? length : i;
        }
    }

    // Lenient like Python's unquote_plus: a '%' not followed by two hex digits stays as it is.  A
    // character left unescaped came through the connection's conversion, so it goes back to the
    // bytes it had in the database.
    private static String decodePercent(String text, int from, int to, Charset charset) {
        // every input char gives one byte, but a raw non-ASCII char gives up to three
        byte[] out = new byte[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int hi;
            int lo;
            if (c == '+') {
                out[n++] = ' ';
                i++;
            } else if (c == '%'
                    && i + 2 < to
                    && (hi = hex(text.charAt(i + 1))) >= 0
                    && (lo = hex(text.charAt(i + 2))) >= 0) {
                out[n++] = (byte) (hi * 16 + lo);
                i += 3;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
                i++;
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < to) {
                    end++;
                }
                byte[] raw = text.substring(i, end).getBytes(charset);
                if (n + raw.length + (to - end) > out.length) {
                    out = Arrays.copyOf(out, n + raw.length + 3 * (to - end));
                }
                System.arraycopy(raw, 0, out, n, raw.length);
                n += raw.length;
                i = end;
            }
        }
        return new String(out, 0, n, charset);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
