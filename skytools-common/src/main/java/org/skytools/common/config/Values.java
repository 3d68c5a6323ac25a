package org.skytools.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts config strings to typed values with SkyTools' rules. Each parser throws {@link
 * IllegalArgumentException} whose message says what was expected, e.g. "an integer".
 */
final class Values {
    static final String INTEGER = "an integer";
    static final String NUMBER = "a number";
    static final String BOOLEAN = "a boolean (1, yes, true, on or 0, no, false, off)";
    static final String BYTES = "a size such as 512, 10K, 4 MB or 1G";
    static final String SECONDS = "a number of seconds";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    // skytools.hsize_to_bytes: digits, optional blanks, optional unit letter, optional 'B'
    private static final Pattern SIZE = Pattern.compile("(\\d+) *([KMGTPEZY]?)B?", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "KMGTPEZY";

    private Values() {}

    static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(INTEGER, e);
        }
    }

    static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(INTEGER, e);
        }
    }

    /** A decimal number; Java-only forms such as {@code 1d}, {@code 0x1p3} or {@code NaN} are refused. */
    static double parseDouble(String s) {
        String t = s.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException(NUMBER);
        }
        return Double.parseDouble(t);
    }

    /** Python ConfigParser truth words, case-insensitive. */
    static boolean parseBoolean(String s) {
        switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on":
                return true;
            case "0", "no", "false", "off":
                return false;
            default:
                throw new IllegalArgumentException(BOOLEAN);
        }
    }

    /** Comma-separated items, each trimmed; empty items are dropped. */
    static List<String> parseList(String s) {
        List<String> items = new ArrayList<>();
        for (String item : s.split(",", -1)) {
            String t = item.strip();
            if (!t.isEmpty()) {
                items.add(t);
            }
        }
        return Collections.unmodifiableList(items);
    }

    /**
     * {@code k:v, k2} pairs; as in SkyTools a key without {@code :} maps to itself, so {@code k2}
     * gives {@code k2 -> "k2"}. Empty items are dropped.
     */
    static Map<String, String> parseDict(String s) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : parseList(s)) {
            int colon = item.indexOf(':');
            if (colon < 0) {
                map.put(item, item);
            } else {
                map.put(
                        item.substring(0, colon).strip(),
                        item.substring(colon + 1).strip());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** A size in bytes with binary units: {@code 10K} = 10240, {@code 4 MB}, {@code 1G}, {@code 512}. */
    static long parseBytes(String s) {
        Matcher m = SIZE.matcher(s.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(BYTES);
        }
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2).toUpperCase(Locale.ROOT);
            int power = unit.isEmpty() ? 0 : UNITS.indexOf(unit) + 1;
            for (int i = 0; i < power; i++) {
                n = Math.multiplyExact(n, 1024L);
            }
            return n;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(BYTES + " that fits in 63 bits", e);
        }
    }

    /** Seconds with fractions; negative values are allowed ({@code loop_delay = -1} means run once). */
    static Duration parseSeconds(String s) {
        double seconds;
        try {
            seconds = parseDouble(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SECONDS, e);
        }
        if (Math.abs(seconds) > 9.0e9) {
            throw new IllegalArgumentException(SECONDS + " below 9e9");
        }
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    /** Expands a leading {@code ~} or {@code ~/} to the user's home directory, as os.path.expanduser. */
    static Path expandUser(String s) {
        if (s.equals("~") || s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + s.substring(1));
        }
        return Path.of(s);
    }

    /** Seconds as SkyTools prints them: {@code 1.0}, {@code 0.25}, {@code 20.0}. */
    static String formatSeconds(Duration d) {
        double seconds = d.toNanos() / 1_000_000_000d;
        return Double.toString(seconds);
    }
}
