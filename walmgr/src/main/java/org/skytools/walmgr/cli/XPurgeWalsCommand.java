package org.skytools.walmgr.cli;

import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.slave.WalCleaner;
import picocli.CommandLine.Command;

/** {@code xpurgewals}: slave: delete WAL files the oldest backup set does not need */
@Command(name = "xpurgewals", description = "slave: delete WAL files the oldest backup set does not need")
final class XPurgeWalsCommand extends WalmgrSubcommand {

    @Override
    int run(WalmgrContext ctx) {
        ctx.requireRole(Role.SLAVE, "xpurgewals");
        new WalCleaner(ctx).purgeForBackups();
        return 0;
    }
}
