package org.skytools.walmgr.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.error.SkyToolsException;

/**
 * The typed, immutable settings of one walmgr config: the {@code [walmgr]} section as an already
 * interpolated key to value map, read through the {@link WalmgrKey} descriptors. Values are
 * type-checked when the settings are built; a required key is reported when a command needs it.
 *
 * @param configFile absolute path of the config file; null for a config built from switches only
 * @param values the interpolated keys of the section
 */
public record WalmgrSettings(Path configFile, Map<String, String> values) {

    public WalmgrSettings {
        values = Map.copyOf(values);
        for (Map.Entry<String, String> e : values.entrySet()) {
            Optional<WalmgrKey> key = WalmgrKey.byName(e.getKey());
            if (key.isPresent()) {
                check(configFile, key.get(), e.getValue());
            }
        }
    }

    /** Settings from a map, with {@code job_name} defaulting to the config file's base name. */
    public static WalmgrSettings of(Path configFile, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(values);
        if (configFile != null && !all.containsKey(WalmgrKey.JOB_NAME.key())) {
            String base = configFile.getFileName().toString();
            int dot = base.lastIndexOf('.');
            all.put(WalmgrKey.JOB_NAME.key(), dot > 0 ? base.substring(0, dot) : base);
        }
        return new WalmgrSettings(configFile, all);
    }

    public Role role() {
        return Role.of(values);
    }

    public boolean has(WalmgrKey key) {
        return values.containsKey(key.key());
    }

    /** The value, or the descriptor's default; fails naming the key when neither exists. */
    public String string(WalmgrKey key) {
        String v = values.get(key.key());
        if (v != null) {
            return v;
        }
        if (key.defaultValue() != null) {
            return key.defaultValue();
        }
        throw SkyToolsException.config(
                source() + ": key \"" + key.key() + "\" is not set; add it to the [walmgr] section");
    }

    /** The value, or empty when unset and without default, or set to the empty string. */
    public Optional<String> optional(WalmgrKey key) {
        String v = values.getOrDefault(key.key(), key.defaultValue());
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public Path file(WalmgrKey key) {
        return Paths.file(string(key));
    }

    public Optional<Path> optionalFile(WalmgrKey key) {
        return optional(key).map(Paths::file);
    }

    public Location location(WalmgrKey key) {
        return Location.parse(string(key));
    }

    public Optional<Location> optionalLocation(WalmgrKey key) {
        return optional(key).map(Location::parse);
    }

    /** A location that must be on this host (slave-side directories). */
    public Path localDir(WalmgrKey key) {
        Location l = location(key);
        if (l.isRemote()) {
            throw SkyToolsException.config(source() + ": key \"" + key.key() + "\" names another host (" + l
                    + "); on the slave it must be a local path");
        }
        return l.localPath().toAbsolutePath().normalize();
    }

    public int integer(WalmgrKey key) {
        return Integer.parseInt(string(key).trim());
    }

    public double decimal(WalmgrKey key) {
        return Double.parseDouble(string(key).trim());
    }

    public boolean bool(WalmgrKey key) {
        return parseBool(string(key));
    }

    public String jobName() {
        return optional(WalmgrKey.JOB_NAME).orElse("walmgr");
    }

    /** How errors name this config: the file, or "command line" for switch-only runs. */
    public String source() {
        return configFile == null ? "command line" : "config \"" + configFile + "\"";
    }

    private static void check(Path configFile, WalmgrKey key, String value) {
        String v = value.trim();
        try {
            switch (key.type()) {
                case INT -> Integer.parseInt(v);
                case DOUBLE -> Double.parseDouble(v);
                case BOOL -> parseBool(v);
                default -> {
                    // strings, files and locations accept any text
                }
            }
        } catch (IllegalArgumentException e) {
            String where = configFile == null ? "command line" : "config \"" + configFile + "\"";
            throw SkyToolsException.config(
                    where + ": key \"" + key.key() + "\" must be " + describe(key.type()) + ", got \"" + value + "\"");
        }
    }

    private static String describe(WalmgrKey.Type type) {
        return switch (type) {
            case INT -> "an integer";
            case DOUBLE -> "a number";
            case BOOL -> "a boolean (1/0, yes/no, true/false, on/off)";
            default -> "text";
        };
    }

    /** Booleans as Python's ConfigParser reads them. */
    static boolean parseBool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            case "0", "no", "false", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + value);
        };
    }
}
