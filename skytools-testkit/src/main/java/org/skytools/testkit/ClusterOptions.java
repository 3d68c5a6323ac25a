package org.skytools.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to start a throwaway cluster: a name for its directory, the PostgreSQL major (null = the
 * default binaries) and extra {@code postgresql.conf} settings such as {@code wal_level=replica}.
 */
public record ClusterOptions(String name, Integer major, Map<String, String> settings) {

    public ClusterOptions {
        settings = Map.copyOf(settings);
    }

    /** Default binaries, no extra settings. */
    public static ClusterOptions named(String name) {
        return new ClusterOptions(name, null, Map.of());
    }

    /** The same options for another major version. */
    public ClusterOptions withMajor(Integer newMajor) {
        return new ClusterOptions(name, newMajor, settings);
    }

    /** The same options plus one {@code postgresql.conf} setting (value written as given). */
    public ClusterOptions with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(key, value);
        return new ClusterOptions(name, major, copy);
    }

    /** Parses {@code key=value} strings, as given in {@link PgTest#settings()}. */
    public ClusterOptions with(String... keyValues) {
        ClusterOptions o = this;
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("setting must be key=value, got: " + kv);
            }
            o = o.with(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return o;
    }
}
