package org.skytools.londiste.cli;

import java.nio.file.Path;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.error.SkyToolsException;

/** Starts the replication worker or a table copy under the script framework. */
final class Workers {
    private Workers() {}

    static int run(ScriptOptions script, LondisteOptions options, Path config) {
        throw SkyToolsException.usage("the worker is not available yet");
    }

    static int runCopy(ScriptOptions script, LondisteOptions options, Path config, String table) {
        throw SkyToolsException.usage("copy is not available yet");
    }
}
