package org.skytools.common.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Expands {@code %(name)s} references and {@code %%} escapes like Python's {@code
 * SafeConfigParser}: names are looked up lower-cased in one flat map (section over DEFAULT over
 * built-ins), referenced values are expanded in turn, and any other {@code %} is an error.
 */
final class Interpolator {
    private final Map<String, String> values;
    private final String file;
    private final String section;

    Interpolator(Map<String, String> values, String file, String section) {
        this.values = values;
        this.file = file;
        this.section = section;
    }

    /** The expanded value of {@code key}, which must be present in the map. */
    String get(String key) {
        Deque<String> chain = new ArrayDeque<>();
        chain.addLast(key);
        return expand(key, values.get(key), chain);
    }

    private String expand(String key, String raw, Deque<String> chain) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (raw.startsWith("%%", i)) {
                out.append('%');
                i += 2;
                continue;
            }
            int close = raw.indexOf(')', i + 2);
            boolean wellFormed = raw.startsWith("%(", i)
                    && close > i + 2
                    && close + 1 < raw.length()
                    && raw.charAt(close + 1) == 's';
            if (!wellFormed) {
                throw problem(
                        chain.getFirst(),
                        "has a bad '%' in " + quoted(raw)
                                + "; write %% for a percent sign or %(name)s for a reference");
            }
            String name = raw.substring(i + 2, close).toLowerCase(Locale.ROOT);
            String value = values.get(name);
            if (value == null) {
                throw problem(chain.getFirst(), "refers to unknown key '" + name + "' in " + quoted(raw));
            }
            if (chain.contains(name)) {
                String loop = chain.stream().collect(Collectors.joining(" -> ")) + " -> " + name;
                throw problem(chain.getFirst(), "has an interpolation loop: " + loop);
            }
            chain.addLast(name);
            out.append(expand(name, value, chain));
            chain.removeLast();
            i = close + 2;
        }
        return out.toString();
    }

    private ConfigValueException problem(String key, String detail) {
        return new ConfigValueException(file, section, key, "'" + key + "' " + detail);
    }

    private String quoted(String raw) {
        return "\"" + Secrets.mask(raw) + "\"";
    }
}
