package org.skytools.walmgr.cli;

import java.util.concurrent.Callable;
import org.skytools.walmgr.WalmgrContext;
import picocli.CommandLine.ParentCommand;

/** A walmgr command: loads the config through the top-level command and runs one service call. */
abstract class WalmgrSubcommand implements Callable<Integer> {
    @ParentCommand
    WalmgrCommand root;

    @Override
    public final Integer call() {
        return run(root.context());
    }

    /** Runs the command; returns the exit code. */
    abstract int run(WalmgrContext ctx);
}
