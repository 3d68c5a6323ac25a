package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.pg.Postmaster;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.LocalFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pause}, {@code continue} and {@code boot} (W-7). {@code PAUSE} makes xrestore hold
 * replay; {@code STOP} makes it hand over the partial segment and then report the end of WAL,
 * which ends archive recovery. A streaming standby never asks xrestore to end recovery, so {@code
 * boot} also promotes it ({@code pg_ctl promote}, as trigger files are gone in PostgreSQL 16).
 */
public final class RecoveryControl {
    private static final Logger log = LoggerFactory.getLogger(RecoveryControl.class);

    private final WalmgrContext ctx;
    private final SlaveNode node;

    public RecoveryControl(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new SlaveNode(ctx);
    }

    public void pause() {
        ctx.requireRole(Role.SLAVE, "pause");
        touch(node.controlFile(SlaveNode.PAUSE));
        log.info("Pausing recovery mode");
    }

    /** Pauses and waits until PostgreSQL has finished the file it was replaying (PROGRESS gone). */
    public void pauseAndWait() {
        pause();
        if (Files.exists(node.controlFile(SlaveNode.STOP))) {
            log.warn("Recovery is stopped, backup is invalid if the database is open.");
            return;
        }
        while (Files.exists(node.controlFile(SlaveNode.PROGRESS)) && !ctx.notReally()) {
            log.info("Waiting for WAL processing to complete ...");
            sleep(1000);
        }
    }

    public void resume() {
        ctx.requireRole(Role.SLAVE, "continue");
        Path pause = node.controlFile(SlaveNode.PAUSE);
        if (!Files.exists(pause)) {
            log.info("Recovery not paused?");
            return;
        }
        if (!ctx.notReally()) {
            try {
                Files.deleteIfExists(pause);
            } catch (IOException e) {
                throw new SkyToolsException(ErrorKind.RUNTIME, "cannot remove \"" + pause + "\": " + e.getMessage(), e);
            }
        }
        log.info("Continuing with recovery");
    }

    public void boot() {
        ctx.requireRole(Role.SLAVE, "boot");
        touch(node.controlFile(SlaveNode.STOP));
        log.info("Stopping recovery mode");
        Path data = node.dataDir();
        if (Files.exists(data.resolve("standby.signal")) && new Postmaster(data).isRunning()) {
            promote(data);
        }
    }

    private void promote(Path data) {
        List<String> cmd = List.of(node.program("pg_ctl"), "promote", "-D", data.toString());
        log.info("Promoting the standby: {}", String.join(" ", cmd));
        if (ctx.notReally()) {
            return;
        }
        Exec.Result r = Exec.run(ServerUser.wrap(cmd, data), Map.of(), 120);
        if (!r.ok()) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "pg_ctl promote failed with exit code " + r.exitCode() + ": " + r.message());
        }
    }

    private void touch(Path file) {
        node.requireCompletedWals();
        if (ctx.notReally()) {
            log.info("Writing {} file: {}", file.getFileName(), file);
            return;
        }
        try {
            Files.writeString(file, "1");
            LocalFiles.matchOwner(file, file.getParent());
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot write \"" + file + "\": " + e.getMessage(), e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyToolsException(ErrorKind.RUNTIME, "interrupted");
        }
    }
}
