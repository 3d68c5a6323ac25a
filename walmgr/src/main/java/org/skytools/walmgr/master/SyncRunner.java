package org.skytools.walmgr.master;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.MasterDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sync} once or {@code syncdaemon} every {@code loop_delay} seconds. Both hold the pidfile
 * (when configured), so two syncs never run at once; other commands ignore it.
 */
public final class SyncRunner {
    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final WalmgrContext ctx;

    public SyncRunner(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void run(boolean daemon) {
        ctx.requireRole(Role.MASTER, daemon ? "syncdaemon" : "sync");
        Optional<Path> pidfile = ctx.settings().optionalFile(WalmgrKey.PIDFILE);
        if (pidfile.isPresent() && !ctx.notReally()) {
            claim(pidfile.get());
        }
        try {
            loop(daemon);
        } finally {
            pidfile.ifPresent(p -> {
                if (!ctx.notReally()) {
                    release(p);
                }
            });
        }
    }

    private void loop(boolean daemon) {
        WalSync sync = new WalSync(ctx);
        boolean records = ctx.settings().integer(WalmgrKey.USE_XLOG_FUNCTIONS) > 0;
        long delayMillis = (long) (ctx.settings().decimal(WalmgrKey.LOOP_DELAY) * 1000);
        MasterDb db = null;
        try {
            while (true) {
                if (records && db == null && !ctx.notReally()) {
                    db = tryConnect();
                }
                try {
                    sync.syncOnce(db, daemon);
                } catch (SkyToolsException e) {
                    if (!daemon) {
                        throw e;
                    }
                    log.error("sync failed: {}", e.getMessage());
                    if (db != null) {
                        db.close();
                        db = null;
                    }
                }
                if (!daemon) {
                    return;
                }
                sleep(Math.max(delayMillis, 100));
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    private MasterDb tryConnect() {
        try {
            return MasterDb.connect(ctx.settings().string(WalmgrKey.MASTER_DB), "walmgr sync", ctx.networkTimeout());
        } catch (SkyToolsException e) {
            log.debug("master unavailable: {}", e.getMessage());
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyToolsException(ErrorKind.RUNTIME, "interrupted");
        }
    }

    private static void claim(Path pidfile) {
        OptionalLong other = MasterSetup.readPid(pidfile);
        if (other.isPresent()
                && other.getAsLong() != ProcessHandle.current().pid()
                && ProcessHandle.of(other.getAsLong())
                        .map(ProcessHandle::isAlive)
                        .orElse(false)) {
            throw new SkyToolsException(
                    ErrorKind.ALREADY_RUNNING,
                    "pidfile \"" + pidfile + "\" exists, another process running? (pid " + other.getAsLong() + ")");
        }
        try {
            Files.createDirectories(pidfile.toAbsolutePath().getParent());
            Path tmp = pidfile.resolveSibling(pidfile.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
            Files.move(
                    tmp,
                    pidfile,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "cannot write pidfile \"" + pidfile + "\": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> release(pidfile), "walmgr-pidfile"));
    }

    private static void release(Path pidfile) {
        OptionalLong pid = MasterSetup.readPid(pidfile);
        if (pid.isPresent() && pid.getAsLong() == ProcessHandle.current().pid()) {
            try {
                Files.deleteIfExists(pidfile);
            } catch (IOException e) {
                log.debug("cannot remove {}: {}", pidfile, e.getMessage());
            }
        }
    }
}
