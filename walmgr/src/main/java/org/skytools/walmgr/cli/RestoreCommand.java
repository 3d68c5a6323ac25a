package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.slave.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restore}: slave: stop the server, put the backup in place of the data directory and start recovery */
@Command(
        name = "restore",
        description = "slave: stop the server, put the backup in place of the data directory and start recovery")
final class RestoreCommand extends WalmgrSubcommand {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SET",
            description = "backup set name under walmgr_data (copied, not moved)")
    String setName;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "DST",
            description = "target directory (required on the master)")
    String target;

    @Override
    int run(WalmgrContext ctx) {
        new Restore(ctx).restore(setName, target, true);
        return 0;
    }
}
