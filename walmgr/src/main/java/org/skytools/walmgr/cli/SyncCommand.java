package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.master.SyncRunner;
import picocli.CommandLine.Command;

/** {@code sync}: master: copy in-progress WAL to the slave once */
@Command(name = "sync", description = "master: copy in-progress WAL to the slave once")
final class SyncCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        new SyncRunner(ctx).run(false);
        return 0;
    }
}
