package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.LocalFiles;
import org.skytools.walmgr.wal.BackupRotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code xrotate} (W-4): makes room for the next backup by expiring the oldest sets (after running
 * {@code archive_command} with {@code $BACKUPDIR}; its failure stops the rotation) and moving the
 * others one suffix up. With {@code keep_backups = 0} the one set is refreshed in place, and its
 * old label is removed first so that a half-copied set is never taken for a backup.
 */
public final class BackupRotator {
    private static final Logger log = LoggerFactory.getLogger(BackupRotator.class);

    private final WalmgrContext ctx;
    private final SlaveNode node;

    public BackupRotator(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new SlaveNode(ctx);
    }

    public void rotate() {
        Path base = node.fullBackup();
        Path parent = base.getParent();
        String baseName = base.getFileName().toString();
        int keep = ctx.settings().integer(WalmgrKey.KEEP_BACKUPS);
        List<String> sets =
                node.backupSets().stream().map(p -> p.getFileName().toString()).toList();
        BackupRotation.Plan plan = BackupRotation.plan(baseName, sets, keep);
        if (keep < 1) {
            log.debug("Nothing to rotate");
            invalidateLabel(base);
            return;
        }
        for (BackupRotation.Rename r : plan.renames()) {
            Path to = parent.resolve(r.to());
            if (Files.exists(to) && !plan.expire().contains(r.to())) {
                throw new SkyToolsException(
                        ErrorKind.STATE,
                        "cannot rotate \"" + r.from() + "\": \"" + to
                                + "\" exists but holds no backup label; move it away");
            }
        }
        String archiveCommand =
                ctx.settings().optional(WalmgrKey.ARCHIVE_COMMAND).orElse("");
        for (String name : plan.expire()) {
            Path dir = parent.resolve(name);
            if (!archiveCommand.isEmpty()) {
                String cmd = archiveCommand.replace("$BACKUPDIR", dir.toString());
                log.info("Executing archive_command: {}", cmd);
                if (!ctx.notReally()) {
                    Exec.Result res = Exec.shell(cmd, Map.of(), 0);
                    if (!res.ok()) {
                        throw new SkyToolsException(
                                ErrorKind.RUNTIME,
                                "backup archiving returned " + res.exitCode() + " for \"" + dir + "\"; the set is kept"
                                        + (res.message().isEmpty() ? "" : ": " + res.message()));
                    }
                }
            }
            log.info("Removing expired backup directory: {}", dir);
            if (!ctx.notReally()) {
                delete(dir);
            }
        }
        for (BackupRotation.Rename r : plan.renames()) {
            log.debug("Rename {} to {}", r.from(), r.to());
            if (!ctx.notReally()) {
                try {
                    Files.move(parent.resolve(r.from()), parent.resolve(r.to()));
                } catch (IOException e) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME,
                            "cannot rename \"" + r.from() + "\" to \"" + r.to() + "\": " + e.getMessage(),
                            e);
                }
            }
        }
    }

    private void invalidateLabel(Path base) {
        for (String name : List.of("backup_label", "tablespace_map")) {
            Path f = base.resolve(name);
            if (Files.exists(f) && !ctx.notReally()) {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new SkyToolsException(ErrorKind.RUNTIME, "cannot remove \"" + f + "\": " + e.getMessage(), e);
                }
            }
        }
    }

    private static void delete(Path dir) {
        try {
            LocalFiles.deleteTree(dir);
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot remove \"" + dir + "\": " + e.getMessage(), e);
        }
    }
}
