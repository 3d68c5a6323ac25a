package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.slave.RecoveryControl;
import picocli.CommandLine.Command;

/** {@code continue}: slave: resume WAL replay */
@Command(name = "continue", description = "slave: resume WAL replay")
final class ContinueCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        new RecoveryControl(ctx).resume();
        return 0;
    }
}
