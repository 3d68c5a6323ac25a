package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.slave.BackupLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xlock}: slave: take the backup lock; prints the holder and exits 1 when taken */
@Command(name = "xlock", description = "slave: take the backup lock; prints the holder and exits 1 when taken")
final class XLockCommand extends WalmgrSubcommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PID", description = "pid of the backup process")
    String pid;

    @Override
    int run(WalmgrContext ctx) {
        ctx.requireRole(Role.SLAVE, "xlock");
        return new BackupLock(ctx).take(pid) ? 0 : 1;
    }
}
