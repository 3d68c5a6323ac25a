package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.master.SynchStandby;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code synch-standby}: master: set synchronous_standby_names (empty turns synchronous replication off) */
@Command(
        name = "synch-standby",
        description = "master: set synchronous_standby_names (empty turns synchronous replication off)")
final class SynchStandbyCommand extends WalmgrSubcommand {

    @Parameters(index = "0", paramLabel = "NAMES", description = "standby names, * for any, empty to disable")
    String names;

    @Override
    int run(WalmgrContext ctx) {
        ctx.requireRole(Role.MASTER, "synch-standby");
        new SynchStandby(ctx).run(names);
        return 0;
    }
}
