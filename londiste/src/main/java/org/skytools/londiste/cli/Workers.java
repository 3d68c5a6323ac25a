package org.skytools.londiste.cli;

import java.nio.file.Path;
import org.skytools.common.cli.ScriptLauncher;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.config.LondisteKeys;
import org.skytools.londiste.worker.WorkerScript;

/** Starts the replication worker under the script framework (pidfile, -d, signals). */
final class Workers {
    private Workers() {}

    static int run(ScriptOptions script, LondisteOptions options, Path config) {
        return new ScriptLauncher(LondisteKeys.DEFINITION).run(script, config, WorkerScript::new);
    }

    static int runCopy(ScriptOptions script, LondisteOptions options, Path config, String table) {
        throw SkyToolsException.usage("the worker copies tables itself (parallel_copies at a time); run \"" + config
                + " worker\" instead of copy " + table);
    }
}
