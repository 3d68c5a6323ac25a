package org.skytools.common.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** SkyTools' urlencoded row format ({@code db_urlencode} / {@code db_urldecode}). */
final class UrlCoding {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UrlCoding() {}

    static String encode(Map<String, String> row) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : row.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            encodeText(e.getKey(), sb);
            if (e.getValue() != null) {
                sb.append('=');
                encodeText(e.getValue(), sb);
            }
        }
        return sb.toString();
    }

    private static void encodeText(String text, StringBuilder sb) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
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

    static Map<String, String> decode(String text) {
        Map<String, String> row = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return row;
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                row.put(decodeText(pair), null);
            } else {
                row.put(decodeText(pair.substring(0, eq)), decodeText(pair.substring(eq + 1)));
            }
        }
        return row;
    }

    // Lenient like Python's unquote_plus: a '%' not followed by two hex digits stays as it is.
    private static String decodeText(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '+') {
                out.write(' ');
                i++;
            } else if (c == '%'
                    && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < text.length()) {
                    end++;
                }
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
