package org.skytools.walmgr.config;

import java.nio.file.Path;

/** File-name helpers shared by the config readers. */
public final class Paths {
    private Paths() {}

    /** Expands a leading {@code ~} or {@code ~/} to the home directory, as SkyTools' getfile does. */
    public static String expandHome(String value) {
        if (value.equals("~") || value.startsWith("~/")) {
            return System.getProperty("user.home") + value.substring(1);
        }
        return value;
    }

    /** An absolute, normalised path of a config value. */
    public static Path file(String value) {
        return Path.of(expandHome(value)).toAbsolutePath().normalize();
    }
}
