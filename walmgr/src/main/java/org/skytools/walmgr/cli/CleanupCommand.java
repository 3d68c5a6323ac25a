package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.init.Cleanup;
import picocli.CommandLine.Command;

/** {@code cleanup}: remove walmgr files (slave: walmgr_data, old data directories) and the config file */
@Command(
        name = "cleanup",
        description = "remove walmgr files (slave: walmgr_data, old data directories) and the config file")
final class CleanupCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        new Cleanup(ctx).run(root.sshRemoveKey, root.removePassword);
        return 0;
    }
}
