package org.skytools.common.daemon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Per-loop counters, SkyTools' {@code stat_put}/{@code stat_increase}: logged after each loop as
 * {@code {count: 3, duration: 0.012}}, then cleared. Used by the loop thread only.
 */
public final class Stats {
    private final Map<String, Number> values = new LinkedHashMap<>();

    /** Adds {@code n} to counter {@code key}, starting from zero. */
    public void increase(String key, long n) {
        values.merge(key, n, (a, b) -> a.longValue() + b.longValue());
    }

    /** Adds one to counter {@code key}. */
    public void increase(String key) {
        increase(key, 1);
    }

    /** Sets {@code key} to {@code value}, replacing any earlier value. */
    public void put(String key, Number value) {
        values.put(key, value);
    }

    /** The current value of {@code key}, or null. */
    public Number get(String key) {
        return values.get(key);
    }

    /** Whether nothing was recorded since the last clear. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Forgets every value. */
    public void clear() {
        values.clear();
    }

    /** The SkyTools log form: {@code {count: 3, duration: 0.012}}; decimals rounded to 4 places. */
    public String render() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + ": " + format(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String format(Number n) {
        if (n instanceof Double || n instanceof Float) {
            BigDecimal d = BigDecimal.valueOf(n.doubleValue())
                    .setScale(4, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            String text = d.toPlainString();
            return text.contains(".") ? text : text + ".0";
        }
        return n.toString();
    }
}
