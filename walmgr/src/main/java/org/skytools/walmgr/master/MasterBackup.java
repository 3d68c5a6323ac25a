package org.skytools.walmgr.master;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Location;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.MasterDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code backup} on the master (W-3, W-12): backup lock on the slave, non-exclusive {@code
 * pg_backup_start} in one session, rotation of old sets, rsync of the data directory and
 * tablespaces, config files, {@code pg_backup_stop} (which waits until the WAL the backup needs
 * is archived), {@code backup_label} and {@code tablespace_map} from its result, purge of WAL no
 * backup needs, lock release. Whatever fails, the backup is stopped and the lock released; when
 * the process is terminated a shutdown hook does the same.
 */
public final class MasterBackup {
    private static final Logger log = LoggerFactory.getLogger(MasterBackup.class);
    static final String LABEL = "FullBackup";

    private final WalmgrContext ctx;

    public MasterBackup(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void run() {
        ctx.requireRole(Role.MASTER, "backup");
        MasterNode node = new MasterNode(ctx);
        Path dataDir = node.dataDir();
        Location full = ctx.settings().location(WalmgrKey.FULL_BACKUP);
        SlaveLink slave = new SlaveLink(ctx);
        DataDirCopy copy = new DataDirCopy(
                ctx.remote(), slave, ctx.settings().integer(WalmgrKey.KEEP_SYMLINKS) > 0, ctx.notReally());
        boolean fast = ctx.settings().bool(WalmgrKey.FAST_CHECKPOINT);
        if (ctx.notReally()) {
            log.info("would run: select pg_backup_start('{}', {}) on {}", LABEL, fast, "master_db");
            copySteps(copy, dataDir, full);
            return;
        }
        try (MasterDb db = MasterDb.connect(
                ctx.settings().string(WalmgrKey.MASTER_DB), ctx.settings().jobName(), ctx.networkTimeout())) {
            if ("off".equals(db.setting("archive_mode"))) {
                // the backup would be useless: nothing brings its WAL to the slave
                throw new SkyToolsException(
                        ErrorKind.STATE,
                        "archive_mode is off on the master; run: walmgr " + ctx.configPath()
                                + " setup, and restart the master");
            }
            BackupLockClient lock = new BackupLockClient(slave);
            lock.take();
            State state = new State(db, lock);
            Thread hook = new Thread(state::abort, "walmgr-backup-abort");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                db.backupStart(LABEL, fast);
                state.inBackup = true;
                slave.walmgrChecked("xrotate");
                copySteps(copy, dataDir, full);
                MasterDb.BackupStop stop = db.backupStop(true);
                state.inBackup = false;
                slave.putFile(stop.labelFile(), full.resolve("backup_label"));
                if (stop.tablespaceMap() != null && !stop.tablespaceMap().isBlank()) {
                    slave.putFile(stop.tablespaceMap(), full.resolve("tablespace_map"));
                }
                slave.walmgrChecked("xpurgewals");
            } catch (RuntimeException e) {
                log.error("Full backup failed.");
                throw e;
            } finally {
                state.finish();
                removeHook(hook);
            }
        }
        log.info("Full backup successful");
    }

    private void copySteps(DataDirCopy copy, Path dataDir, Location full) {
        copy.copyData(dataDir, full);
        copy.copyTablespaces(dataDir, full);
        for (String d : DataDirCopy.LOG_DIRS) {
            copy.copySkeleton(dataDir.resolve(d), full);
        }
        copy.copySkeleton(new MasterNode(ctx).walDir(), full);
        ctx.settings()
                .optionalLocation(WalmgrKey.CONFIG_BACKUP)
                .ifPresent(conf -> copy.copyConfig(
                        ctx.settings().file(WalmgrKey.MASTER_CONFIG).getParent(), conf));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook
        }
    }

    /** What has to be undone if the backup does not finish: backup mode and the lock. */
    private static final class State {
        private final MasterDb db;
        private final BackupLockClient lock;
        volatile boolean inBackup;
        private volatile boolean locked = true;

        State(MasterDb db, BackupLockClient lock) {
            this.db = db;
            this.lock = lock;
        }

        /** Normal end: stop a still running backup, then release the lock. */
        void finish() {
            stopBackup();
            releaseLock();
        }

        private synchronized void stopBackup() {
            if (!inBackup) {
                return;
            }
            inBackup = false;
            try {
                db.backupStop(false);
            } catch (RuntimeException e) {
                log.warn("cannot stop the backup: {}", e.getMessage());
            }
        }

        private void releaseLock() {
            if (!locked) {
                return;
            }
            locked = false;
            try {
                lock.release();
            } catch (RuntimeException e) {
                log.warn("cannot release the backup lock: {}", e.getMessage());
            }
        }

        /**
         * Termination: stop child processes (rsync), release the lock, then stop the backup, each
         * within a bounded time. The session may be busy in the main thread; when the process
         * exits the session closes and the server aborts the backup anyway.
         */
        void abort() {
            if (!locked && !inBackup) {
                return;
            }
            log.warn("backup interrupted, releasing the lock and stopping the backup");
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            bounded(this::releaseLock);
            bounded(this::stopBackup);
        }

        private static void bounded(Runnable step) {
            try {
                CompletableFuture.runAsync(step).get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("cannot undo the backup in time: {}", e.getMessage());
            }
        }
    }
}
