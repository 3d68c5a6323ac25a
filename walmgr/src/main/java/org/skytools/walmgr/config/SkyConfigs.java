package org.skytools.walmgr.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;

/** Loads a walmgr config file through the shared SkyTools config reader. */
public final class SkyConfigs {
    /** The main section of a walmgr config. */
    public static final String SECTION = "walmgr";

    private SkyConfigs() {}

    /** Reads, validates and types a walmgr config; {@code overrides} come from {@code --set}. */
    public static WalmgrSettings load(Path file, Map<String, String> overrides) {
        SkyConfig config = read(file, overrides);
        WalmgrSchema.DEFINITION.schema().validate(config);
        return settings(config);
    }

    /**
     * Settings from a loaded config: every key of the main section, interpolated. Touches no
     * logger, so xarchive and xrestore can still choose their logging back end afterwards.
     */
    public static WalmgrSettings settings(SkyConfig config) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String key : config.keys()) {
            values.put(key, config.getString(key));
        }
        return WalmgrSettings.of(config.file().toAbsolutePath().normalize(), values);
    }

    /** Reads a walmgr config without validating it. */
    public static SkyConfig read(Path file, Map<String, String> overrides) {
        return SkyConfig.load(file, SECTION, overrides);
    }

    /**
     * Creates the directories of {@code logfile} and {@code pidfile}, as SkyTools' walmgr does
     * when it loads its config (the framework itself refuses a missing log directory).
     */
    public static void createLogDirectories(SkyConfig config) {
        for (ConfigKey<Path> key : List.of(GenericKeys.LOGFILE, GenericKeys.PIDFILE)) {
            Path p = key.find(config).orElse(null);
            if (p != null && p.toAbsolutePath().getParent() != null) {
                try {
                    Files.createDirectories(p.toAbsolutePath().getParent());
                } catch (IOException e) {
                    // the framework reports the missing directory with the key to fix
                }
            }
        }
    }
}
