package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.master.MasterSetup;
import org.skytools.walmgr.slave.SlaveSetup;
import picocli.CommandLine.Command;

/** {@code setup}: master: turn on WAL archiving and prepare the slave; slave: create its directories */
@Command(
        name = "setup",
        description = "master: turn on WAL archiving and prepare the slave; slave: create its directories")
final class SetupCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        if (ctx.settings().role() == Role.MASTER) {
            new MasterSetup(ctx).setup();
        } else {
            new SlaveSetup(ctx).run();
        }
        return 0;
    }
}
