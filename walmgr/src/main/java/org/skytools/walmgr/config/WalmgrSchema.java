package org.skytools.walmgr.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.skytools.common.cli.ScriptDefinition;
import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.ConfigSchema;
import org.skytools.common.config.KeyType;
import org.skytools.common.config.SkyConfig;

/**
 * walmgr's keys as the script framework's descriptors, derived from {@link WalmgrKey}: the generic
 * script keys first, then walmgr's own in three groups (both nodes, master, slave). Validation,
 * {@code --ini} and the key reference in the docs all come from this schema.
 */
public final class WalmgrSchema {
    /** Keys the framework already describes (logging, pidfile, loop). */
    private static final Set<WalmgrKey> GENERIC = Set.of(
            WalmgrKey.JOB_NAME, WalmgrKey.LOGFILE, WalmgrKey.PIDFILE, WalmgrKey.USE_SKYLOG, WalmgrKey.LOOP_DELAY);

    /** walmgr's own keys. */
    public static final ConfigSchema KEYS = group("walmgr: both nodes", WalmgrKey.Side.BOTH)
            .plus(group("walmgr: master", WalmgrKey.Side.MASTER))
            .plus(group("walmgr: slave", WalmgrKey.Side.SLAVE));

    /** The tool: main section {@code [walmgr]}, generic keys plus walmgr's. */
    public static final ScriptDefinition DEFINITION = ScriptDefinition.of(SkyConfigs.SECTION, KEYS);

    private WalmgrSchema() {}

    private static ConfigSchema group(String title, WalmgrKey.Side side) {
        ConfigKey<?>[] keys = Arrays.stream(WalmgrKey.values())
                .filter(k -> k.side() == side && !GENERIC.contains(k))
                .map(WalmgrSchema::descriptor)
                .toArray(ConfigKey<?>[]::new);
        return ConfigSchema.of(title, keys);
    }

    static ConfigKey<?> descriptor(WalmgrKey k) {
        if (k == WalmgrKey.HOT_STANDBY) {
            return ConfigKey.of(k.key(), KeyType.BOOLEAN)
                    .withDefault(false)
                    .withDescription("wal_level hot_standby instead of archive (PostgreSQL before 9.6)")
                    .ignored("setup sets wal_level to replica, which covers both");
        }
        String def = k.defaultValue() == null || k.defaultValue().isEmpty() ? null : k.defaultValue();
        String text = k.description();
        return switch (k.type()) {
            case INT -> ConfigKey.of(k.key(), KeyType.INT)
                    .withDefault(def == null ? null : Integer.valueOf(def))
                    .withDescription(text);
            case DOUBLE -> ConfigKey.of(k.key(), KeyType.DOUBLE)
                    .withDefault(def == null ? null : Double.valueOf(def))
                    .withDescription(text);
            case BOOL -> ConfigKey.of(k.key(), KeyType.BOOLEAN)
                    .withDefault(def == null ? null : WalmgrSettings.parseBool(def))
                    .withDescription(text);
            case FILE -> ConfigKey.of(k.key(), KeyType.FILE)
                    .withDefault(def == null ? null : Path.of(def))
                    .withDescription(text);
            case STRING, LOCATION -> ConfigKey.of(k.key(), KeyType.STRING)
                    .withDefault(def)
                    .withDescription(text);
        };
    }

    /** Settings from a loaded config: every key of the main section, interpolated. */
    public static WalmgrSettings settings(SkyConfig config) {
        return SkyConfigs.settings(config);
    }
}
