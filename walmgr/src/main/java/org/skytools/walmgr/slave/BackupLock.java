package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup lock: {@code completed_wals/BACKUPLOCK} holding the pid of the backup process. Created
 * with create-new semantics, so two backups can never both take it.
 */
public final class BackupLock {
    private static final Logger log = LoggerFactory.getLogger(BackupLock.class);

    private final WalmgrContext ctx;
    private final SlaveNode node;

    public BackupLock(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new SlaveNode(ctx);
    }

    /** Takes the lock for {@code pid}; when it is held, prints the holder's pid and returns false. */
    public boolean take(String pid) {
        node.requireCompletedWals();
        Path lock = node.controlFile(SlaveNode.BACKUPLOCK);
        if (ctx.notReally()) {
            log.info("would take backup lock {}", lock);
            return true;
        }
        try {
            Files.writeString(
                    lock,
                    pid == null ? "" : pid,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            log.info("Backup lock obtained.");
            return true;
        } catch (FileAlreadyExistsException e) {
            log.warn("Somebody already has the backup lock.");
            String holder = read(lock);
            if (holder.chars().allMatch(Character::isDigit) && !holder.isEmpty()) {
                // the master parses this line to decide whether the lock is stale
                ctx.out().println(holder);
            } else {
                log.error("lock file does not contain a pid: {}", holder);
            }
            return false;
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot create \"" + lock + "\": " + e.getMessage(), e);
        }
    }

    public void release() {
        Path lock = node.controlFile(SlaveNode.BACKUPLOCK);
        if (!Files.exists(lock)) {
            log.info("Backup lock not held.");
            return;
        }
        if (!ctx.notReally()) {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                throw new SkyToolsException(ErrorKind.RUNTIME, "cannot remove \"" + lock + "\": " + e.getMessage(), e);
            }
        }
        log.info("Backup lock released.");
    }

    private static String read(Path lock) {
        try {
            return Files.readString(lock, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
