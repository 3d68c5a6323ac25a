package org.skytools.walmgr.master;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Map;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.transfer.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code periodic}: runs {@code periodic_command} when {@code command_interval} seconds have
 * passed since the last successful run (the mtime of {@code .walshipping.periodic} in the master
 * data directory). xarchive calls it too; its failures never fail archiving.
 */
public final class Periodic {
    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final WalmgrContext ctx;
    private final Clock clock;

    public Periodic(WalmgrContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    public void run() {
        ctx.requireRole(Role.MASTER, "periodic");
        String command = ctx.settings().optional(WalmgrKey.PERIODIC_COMMAND).orElse("");
        if (command.isEmpty()) {
            return;
        }
        try {
            int interval = ctx.settings().integer(WalmgrKey.COMMAND_INTERVAL);
            Path check = ctx.settings().file(WalmgrKey.MASTER_DATA).resolve(MasterNode.PERIODIC_FILE);
            boolean ranBefore = Files.isRegularFile(check);
            long elapsed = ranBefore
                    ? (clock.millis() - Files.getLastModifiedTime(check).toMillis()) / 1000
                    : 0;
            if (ranBefore && elapsed <= interval) {
                log.debug("{} seconds elapsed, not enough to run periodic.", elapsed);
                return;
            }
            log.info("Running periodic command: {}", command);
            if (ctx.notReally()) {
                return;
            }
            Exec.Result r = Exec.shell(command, Map.of(), 0);
            if (!r.ok()) {
                // the timestamp stays, so the next call tries again
                log.error("Periodic command exited with status {}: {}", r.exitCode(), r.message());
                return;
            }
            Files.writeString(check, "1");
            Files.setLastModifiedTime(check, FileTime.fromMillis(clock.millis()));
        } catch (IOException | RuntimeException e) {
            log.error("Failed to run periodic command: {}", e.getMessage());
        }
    }
}
