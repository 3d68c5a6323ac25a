package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.slave.BackupLock;
import picocli.CommandLine.Command;

/** {@code xrelease}: slave: release the backup lock */
@Command(name = "xrelease", description = "slave: release the backup lock")
final class XReleaseCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        ctx.requireRole(Role.SLAVE, "xrelease");
        new BackupLock(ctx).release();
        return 0;
    }
}
