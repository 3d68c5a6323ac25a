package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.master.SyncRunner;
import picocli.CommandLine.Command;

/** {@code syncdaemon}: sync in a loop every loop_delay seconds; {@code -d}, {@code -s/-k/-r} control it. */
@Command(name = "syncdaemon", description = "master: copy in-progress WAL to the slave every loop_delay seconds")
final class SyncDaemonCommand extends WalmgrSubcommand {
    @Override
    int run(WalmgrContext ctx) {
        ctx.requireRole(Role.MASTER, "syncdaemon");
        DaemonControl control = new DaemonControl(ctx);
        if (root.stop) {
            return control.signal("INT");
        }
        if (root.kill) {
            return control.signal("TERM");
        }
        if (root.reload) {
            return control.signal("HUP");
        }
        if (root.daemon) {
            return control.detach(root.args);
        }
        new SyncRunner(ctx).run(true);
        return 0;
    }
}
