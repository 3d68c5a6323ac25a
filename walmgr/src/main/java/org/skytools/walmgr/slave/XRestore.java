package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.BackupLabel;
import org.skytools.walmgr.pg.PgControlData;
import org.skytools.walmgr.wal.WalFileName;
import org.skytools.walmgr.wal.WalPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code xrestore NAME PATH [RESTARTWAL]}, the slave's {@code restore_command} (W-6). Returns the
 * exit code PostgreSQL acts on: 0 when the file was delivered, 1 when there is none (a missing
 * history file; with streaming, any missing file; after {@code boot}, the end of WAL). Otherwise it
 * waits for the file: each check is bounded in time, and {@code PAUSE}, {@code STOP} and the death
 * of the server are noticed within a second. A file that cannot be copied is retried, never
 * reported as missing: in archive recovery "missing" would end recovery and open the database.
 */
public final class XRestore {
    private static final Logger log = LoggerFactory.getLogger(XRestore.class);
    private static final long POLL_MILLIS = 1000;
    private static final long PROBE_MILLIS = 10_000;
    private static final long PAUSE_LOG_MILLIS = 20_000;

    private final WalmgrContext ctx;
    private final SlaveNode node;
    private final BooleanSupplier parentAlive;
    private final BoundedProbe probe = new BoundedProbe(PROBE_MILLIS);

    /** {@code parentAlive} tells whether the server still waits (see {@link ParentWatch}). */
    public XRestore(WalmgrContext ctx, BooleanSupplier parentAlive) {
        this.ctx = ctx;
        this.node = new SlaveNode(ctx);
        this.parentAlive = parentAlive;
    }

    public int restore(String name, String dstPath, String restartWal) {
        Path dir = node.completedWals();
        Path src = dir.resolve(name);
        Path partial = node.partialWals().resolve(name);
        boolean streaming = ctx.settings().optional(WalmgrKey.PRIMARY_CONNINFO).isPresent();
        boolean isHistory = name.endsWith(".history");

        if (streaming && !probe.isFile(src).orElse(false)) {
            log.info("{}: not found (ignored)", name);
            if (WalFileName.parse(name).map(WalFileName::isSegment).orElse(false)) {
                // a segment the archive lacks: the server switches to streaming now
                deleteQuietly(dir.resolve(SlaveNode.RECEIVE_LOCK));
            }
            return 1;
        }
        deleteQuietly(dir.resolve(SlaveNode.PROGRESS));

        long lastPauseLog = 0;
        long lastUnreachableLog = 0;
        while (true) {
            if (!parentAlive.getAsBoolean()) {
                log.warn("Parent dead, quitting");
                return 1;
            }
            Optional<Boolean> paused = probe.isFile(dir.resolve(SlaveNode.PAUSE));
            if (paused.orElse(false)) {
                if (System.currentTimeMillis() - lastPauseLog >= PAUSE_LOG_MILLIS) {
                    log.info("pause requested, sleeping");
                    lastPauseLog = System.currentTimeMillis();
                }
                RecoveryControl.sleep(POLL_MILLIS);
                continue;
            }
            Optional<Boolean> found = probe.isFile(src);
            if (found.isEmpty() || paused.isEmpty()) {
                if (System.currentTimeMillis() - lastUnreachableLog >= PAUSE_LOG_MILLIS) {
                    log.warn("archive directory {} does not answer, waiting", dir);
                    lastUnreachableLog = System.currentTimeMillis();
                }
                continue;
            }
            Path from = null;
            if (found.get()) {
                log.info("{}: Found", name);
                from = src;
            } else if (isHistory) {
                log.info("{}: not found, ignoring", name);
                return 1;
            } else if (probe.isFile(dir.resolve(SlaveNode.STOP)).orElse(false)) {
                if (!probe.isFile(partial).orElse(false)) {
                    log.info("{}: not found, stopping", name);
                    return 1;
                }
                log.info("{}: found partial", name);
                from = partial;
            }
            if (from != null && copy(from, Path.of(dstPath))) {
                break;
            }
            if (from == null
                    && !Files.isDirectory(dir)
                    && System.currentTimeMillis() - lastUnreachableLog >= PAUSE_LOG_MILLIS) {
                log.error("archive directory {} does not exist, waiting for it", dir);
                lastUnreachableLog = System.currentTimeMillis();
            }
            log.debug("{}: not found, sleeping", name);
            RecoveryControl.sleep(POLL_MILLIS);
        }
        if (ctx.settings().integer(WalmgrKey.KEEP_BACKUPS) == 0) {
            cleanup(name, restartWal);
        }
        touch(dir.resolve(SlaveNode.PROGRESS));
        return 0;
    }

    private boolean copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            log.error("cannot copy {} to {}: {}; retrying", from, to, e.getMessage());
            return false;
        }
    }

    /** Without backup history the archive keeps only what replay from the restart point needs. */
    private void cleanup(String name, String restartWal) {
        String first = WalPurge.validFirstNeeded(restartWal).orElse(null);
        if (first == null) {
            first = lastRestartPoint(name);
            log.debug("calculated restart point: {}", first);
        } else {
            log.debug("using supplied restart point: {}", first);
        }
        if (first != null && WalPurge.validFirstNeeded(first).isPresent()) {
            new WalCleaner(ctx).cleanBefore(first);
        }
    }

    private String lastRestartPoint(String name) {
        Path data = node.dataDir();
        Optional<BackupLabel> label =
                Files.exists(data.resolve("backup_label")) ? BackupLabel.read(data) : Optional.empty();
        if (label.isPresent() && label.get().firstWal() != null) {
            return label.get().firstWal();
        }
        return PgControlData.read(node.binDir(), data)
                .map(c -> c.redoSegment().name())
                .orElse(name);
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "1");
        } catch (IOException e) {
            log.warn("cannot write {}: {}", file, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot remove {}: {}", file, e.getMessage());
        }
    }
}
