package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.slave.BackupRotator;
import picocli.CommandLine.Command;

/** {@code xrotate}: slave: rotate backup sets (keep_backups), archiving expired ones */
@Command(name = "xrotate", description = "slave: rotate backup sets (keep_backups), archiving expired ones")
final class XRotateCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        ctx.requireRole(Role.SLAVE, "xrotate");
        new BackupRotator(ctx).rotate();
        return 0;
    }
}
