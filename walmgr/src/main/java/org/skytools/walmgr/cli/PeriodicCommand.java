package org.skytools.walmgr.cli;

import java.time.Clock;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.master.Periodic;
import picocli.CommandLine.Command;

/** {@code periodic}: master: run periodic_command if command_interval has passed */
@Command(name = "periodic", description = "master: run periodic_command if command_interval has passed")
final class PeriodicCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        new Periodic(ctx, Clock.systemUTC()).run();
        return 0;
    }
}
