package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.master.MasterBackup;
import org.skytools.walmgr.slave.SlaveBackup;
import picocli.CommandLine.Command;

/** {@code backup}: master: copy the data directory to the slave as a base backup; slave: back up the slave (experimental) */
@Command(
        name = "backup",
        description =
                "master: copy the data directory to the slave as a base backup; slave: back up the slave (experimental)")
final class BackupCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        if (ctx.settings().role() == Role.MASTER) {
            new MasterBackup(ctx).run();
        } else {
            new SlaveBackup(ctx).run();
        }
        return 0;
    }
}
