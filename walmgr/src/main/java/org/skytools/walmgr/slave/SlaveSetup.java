package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code setup} on the slave: creates the archive, partial, backup and config directories. */
public final class SlaveSetup {
    private static final Logger log = LoggerFactory.getLogger(SlaveSetup.class);

    private final WalmgrContext ctx;

    public SlaveSetup(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void run() {
        ctx.requireRole(Role.SLAVE, "setup");
        SlaveNode node = new SlaveNode(ctx);
        List<Path> dirs = new ArrayList<>(List.of(node.completedWals(), node.partialWals(), node.fullBackup()));
        if (ctx.settings().optional(WalmgrKey.CONFIG_BACKUP).isPresent()) {
            dirs.add(ctx.settings().localDir(WalmgrKey.CONFIG_BACKUP));
        }
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                continue;
            }
            log.debug("Creating directory {}", dir);
            if (ctx.notReally()) {
                continue;
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME, "cannot create directory \"" + dir + "\": " + e.getMessage(), e);
            }
        }
    }
}
