package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.slave.CreateSlave;
import picocli.CommandLine.Command;

/** {@code createslave}: slave: create a streaming standby with pg_receivewal and pg_basebackup */
@Command(name = "createslave", description = "slave: create a streaming standby with pg_receivewal and pg_basebackup")
final class CreateSlaveCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        new CreateSlave(ctx).run();
        return 0;
    }
}
