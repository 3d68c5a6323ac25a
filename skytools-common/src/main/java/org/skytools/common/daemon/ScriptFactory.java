package org.skytools.common.daemon;

import org.skytools.common.config.SkyConfig;

/** Creates the {@link Script} of a tool, inside the process that runs the loop (after -d). */
@FunctionalInterface
public interface ScriptFactory {

    /** A new script reading its settings from {@code config}. */
    Script create(SkyConfig config) throws Exception;
}
