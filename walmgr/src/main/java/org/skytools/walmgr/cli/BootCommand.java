package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.slave.RecoveryControl;
import picocli.CommandLine.Command;

/** {@code boot}: slave: stop replay and open the database (promote a streaming standby) */
@Command(name = "boot", description = "slave: stop replay and open the database (promote a streaming standby)")
final class BootCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        new RecoveryControl(ctx).boot();
        return 0;
    }
}
