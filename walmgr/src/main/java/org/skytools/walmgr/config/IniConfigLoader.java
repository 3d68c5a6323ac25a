package org.skytools.walmgr.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;

/**
 * Reads the {@code [walmgr]} section of a SkyTools INI file into {@link WalmgrSettings}: {@code key
 * = value} or {@code key: value}, continuation lines, {@code #}/{@code ;} comments, {@code
 * %(name)s} interpolation over the section and the built-in defaults ({@code job_name}, {@code
 * service_name}, {@code host_name}, {@code config_dir}, {@code config_file}), {@code %%} for a
 * percent sign, and {@code --set} overrides applied before interpolation.
 */
public final class IniConfigLoader {
    public static final String SECTION = "walmgr";
    private static final int MAX_DEPTH = 20;
    private static final String HOST_NAME = "host_name";

    private IniConfigLoader() {}

    /** Loads a config file; overrides are {@code key=value} pairs from {@code --set}. */
    public static WalmgrSettings load(Path file, Map<String, String> overrides) {
        Path abs = file.toAbsolutePath().normalize();
        List<String> lines;
        try {
            lines = Files.readAllLines(abs, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SkyToolsException.config("config file \"" + abs + "\" does not exist");
        } catch (IOException e) {
            throw SkyToolsException.config("cannot read config file \"" + abs + "\": " + e.getMessage());
        }
        Map<String, String> raw = parseSection(abs, lines);
        raw.putAll(overrides);
        Map<String, String> defaults = defaults(abs, raw);
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String key : raw.keySet()) {
            resolved.put(key, interpolate(abs, key, raw, defaults, 0));
        }
        defaults.forEach(resolved::putIfAbsent);
        return WalmgrSettings.of(abs, resolved);
    }

    /** Settings without a file (the {@code --init-*} commands): defaults plus overrides. */
    public static WalmgrSettings fromMap(String jobName, Map<String, String> values) {
        Map<String, String> raw = new LinkedHashMap<>(values);
        raw.putIfAbsent("job_name", jobName);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("service_name", SECTION);
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String key : raw.keySet()) {
            resolved.put(key, interpolate(null, key, raw, defaults, 0));
        }
        return WalmgrSettings.of(null, resolved);
    }

    static Map<String, String> parseSection(Path file, List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean found = false;
        String section = null;
        String lastKey = null;
        int n = 0;
        for (String line : lines) {
            n++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && lastKey != null) {
                if (SECTION.equals(section)) {
                    values.merge(lastKey, trimmed, (a, b) -> a + "\n" + b);
                }
                continue;
            }
            if (trimmed.startsWith("[")) {
                int end = trimmed.indexOf(']');
                if (end < 0) {
                    throw SkyToolsException.config("config \"" + file + "\" line " + n + ": unclosed section header");
                }
                section = trimmed.substring(1, end).strip();
                found |= SECTION.equals(section);
                lastKey = null;
                continue;
            }
            int eq = firstSeparator(trimmed);
            if (eq <= 0) {
                throw SkyToolsException.config(
                        "config \"" + file + "\" line " + n + ": expected key = value, got \"" + trimmed + "\"");
            }
            if (section == null) {
                throw SkyToolsException.config("config \"" + file + "\" line " + n + ": key outside of a section");
            }
            lastKey = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (SECTION.equals(section)) {
                values.put(lastKey, trimmed.substring(eq + 1).strip());
            }
        }
        if (!found) {
            throw SkyToolsException.config("config \"" + file + "\" has no [" + SECTION + "] section");
        }
        return values;
    }

    private static int firstSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static Map<String, String> defaults(Path file, Map<String, String> raw) {
        Map<String, String> d = new LinkedHashMap<>();
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        d.put("job_name", dot > 0 ? base.substring(0, dot) : base);
        d.put("service_name", SECTION);
        d.put("config_dir", file.getParent().toString());
        d.put("config_file", file.toString());
        raw.forEach(d::remove);
        return d;
    }

    private static String interpolate(
            Path file, String key, Map<String, String> raw, Map<String, String> defaults, int depth) {
        if (HOST_NAME.equals(key) && !raw.containsKey(key)) {
            // resolved only when referenced: a name lookup can be slow and xarchive runs per segment
            return hostName();
        }
        String value = raw.containsKey(key) ? raw.get(key) : defaults.get(key);
        if (value == null || value.indexOf('%') < 0) {
            return value;
        }
        if (depth > MAX_DEPTH) {
            throw SkyToolsException.config(where(file) + ": interpolation of key \"" + key + "\" loops");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
            } else if (value.startsWith("%%", i)) {
                out.append('%');
                i += 2;
            } else if (value.startsWith("%(", i) && value.indexOf(")s", i) > 0) {
                int end = value.indexOf(")s", i);
                String ref = value.substring(i + 2, end).toLowerCase(Locale.ROOT);
                if (!raw.containsKey(ref) && !defaults.containsKey(ref) && !HOST_NAME.equals(ref)) {
                    throw SkyToolsException.config(
                            where(file) + ": key \"" + key + "\" refers to \"" + ref + "\", which is not set");
                }
                out.append(interpolate(file, ref, raw, defaults, depth + 1));
                i = end + 2;
            } else {
                throw SkyToolsException.config(
                        where(file) + ": key \"" + key + "\" has a stray '%'; write %% for a percent sign");
            }
        }
        return out.toString();
    }

    private static String where(Path file) {
        return file == null ? "command line" : "config \"" + file + "\"";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
