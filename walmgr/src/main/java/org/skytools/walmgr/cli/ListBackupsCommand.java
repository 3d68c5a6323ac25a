package org.skytools.walmgr.cli;

import java.util.List;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.master.SlaveLink;
import org.skytools.walmgr.slave.BackupList;
import org.skytools.walmgr.transfer.Exec;
import picocli.CommandLine.Command;

/** {@code listbackups}: list the backup sets on the slave */
@Command(name = "listbackups", description = "list the backup sets on the slave")
final class ListBackupsCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        if (ctx.settings().role() == Role.SLAVE) {
            new BackupList(ctx).print();
            return 0;
        }
        Exec.Result r = new SlaveLink(ctx).walmgr(List.of("listbackups"), null);
        ctx.out().print(r.stdout());
        return r.exitCode();
    }
}
