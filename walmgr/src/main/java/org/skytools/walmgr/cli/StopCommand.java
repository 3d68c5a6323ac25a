package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.master.MasterSetup;
import picocli.CommandLine.Command;

/** {@code stop}: master: turn off WAL archiving and stop the syncdaemon */
@Command(name = "stop", description = "master: turn off WAL archiving and stop the syncdaemon")
final class StopCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        new MasterSetup(ctx).stop();
        return 0;
    }
}
