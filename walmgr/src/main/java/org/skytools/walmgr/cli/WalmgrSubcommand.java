package org.skytools.walmgr.cli;

import java.util.concurrent.Callable;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A walmgr command: loads the config through the top-level command and runs one service call. */
abstract class WalmgrSubcommand implements Callable<Integer> {
    @ParentCommand
    WalmgrCommand root;

    @Mixin
    ScriptOptions script;

    @Override
    public Integer call() {
        if (script.ini() || root.script.ini()) {
            return root.printIni(script);
        }
        if (script.daemon()
                || root.script.daemon()
                || script.control().isPresent()
                || root.script.control().isPresent()) {
            throw SkyToolsException.usage("-d, -r, -s and -k only apply to sync and syncdaemon");
        }
        return run(root.context(script));
    }

    /** Runs the command; returns the exit code. */
    abstract int run(WalmgrContext ctx);
}
