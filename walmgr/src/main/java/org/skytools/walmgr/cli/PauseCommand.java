package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.slave.RecoveryControl;
import picocli.CommandLine.Command;

/** {@code pause}: slave: hold WAL replay */
@Command(name = "pause", description = "slave: hold WAL replay")
final class PauseCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        new RecoveryControl(ctx).pause();
        return 0;
    }
}
