package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.pg.PgControlData;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.LocalFiles;
import org.skytools.walmgr.wal.WalFileName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code backup} on the slave (W-9, experimental as in SkyTools): pauses replay, waits until the
 * segment in progress is applied, copies the slave's data directory into {@code full_backup} and
 * writes a {@code backup_label} (marked as taken from a standby, so recovery ends the backup at the
 * control file's minimum recovery point) and a {@code .backup} history file from pg_controldata.
 */
public final class SlaveBackup {
    private static final Logger log = LoggerFactory.getLogger(SlaveBackup.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");
    /** Files of the running slave that must not travel with its copy. */
    private static final List<String> DROP = List.of(
            "postmaster.pid",
            "postmaster.opts",
            "standby.signal",
            "recovery.signal",
            "recovery.conf",
            "backup_label.old");

    private final WalmgrContext ctx;
    private final SlaveNode node;

    public SlaveBackup(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new SlaveNode(ctx);
    }

    public void run() {
        ctx.requireRole(Role.SLAVE, "backup");
        BackupLock lock = new BackupLock(ctx);
        if (!lock.take(Long.toString(ProcessHandle.current().pid()))) {
            throw new SkyToolsException(ErrorKind.STATE, "cannot obtain backup lock");
        }
        RecoveryControl recovery = new RecoveryControl(ctx);
        try {
            recovery.pauseAndWait();
            try {
                new BackupRotator(ctx).rotate();
                copyAndLabel();
                new WalCleaner(ctx).purgeForBackups();
            } finally {
                recovery.resume();
            }
        } finally {
            lock.release();
        }
    }

    private void copyAndLabel() {
        Path src = node.dataDir();
        Path dst = node.fullBackup();
        ZonedDateTime start = ZonedDateTime.now();
        log.info("Executing cp -a {} {}", src, dst);
        if (ctx.notReally()) {
            return;
        }
        try {
            // with keep_backups = 0 the old set is still there; cp would copy into it
            LocalFiles.deleteTree(dst);
            Exec.Result r = Exec.run(List.of("cp", "-a", src.toString(), dst.toString()), Map.of(), 0);
            if (!r.ok()) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME, "cp -a failed with exit code " + r.exitCode() + ": " + r.message());
            }
            for (String name : DROP) {
                Files.deleteIfExists(dst.resolve(name));
            }
            ZonedDateTime stop = ZonedDateTime.now();
            PgControlData ctl = PgControlData.read(node.binDir(), dst).orElse(null);
            if (ctl == null) {
                log.warn("Unable to determine last restart point, backup_label not created.");
                return;
            }
            Files.writeString(dst.resolve("backup_label"), label(ctl, start), StandardCharsets.UTF_8);
            WalFileName redo = ctl.redoSegment();
            String history = redo.backupHistory(ctl.redo().segmentOffset(ctl.segmentSize()))
                    .name();
            Path histFile = node.completedWals().resolve(history);
            if (Files.exists(histFile)) {
                log.warn("{}: already exists, refusing to overwrite.", histFile);
            } else {
                Files.writeString(histFile, history(ctl, start, stop), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "slave backup into \"" + dst + "\" failed: " + e.getMessage(), e);
        }
    }

    static String label(PgControlData ctl, ZonedDateTime start) {
        return "START WAL LOCATION: " + ctl.redo() + " (file "
                + ctl.redoSegment().name() + ")\n"
                + "CHECKPOINT LOCATION: " + ctl.checkpoint() + "\n"
                + "BACKUP METHOD: streamed\n"
                + "BACKUP FROM: standby\n"
                + "START TIME: " + TIME.format(start) + "\n"
                + "LABEL: SlaveBackup\n"
                + "START TIMELINE: " + ctl.timeline() + "\n";
    }

    static String history(PgControlData ctl, ZonedDateTime start, ZonedDateTime stop) {
        return "START WAL LOCATION: " + ctl.redo() + " (file "
                + ctl.redoSegment().name() + ")\n"
                + "STOP WAL LOCATION: " + ctl.redo() + " (file "
                + ctl.redoSegment().name() + ")\n"
                + "CHECKPOINT LOCATION: " + ctl.checkpoint() + "\n"
                + "BACKUP METHOD: streamed\n"
                + "BACKUP FROM: standby\n"
                + "START TIME: " + TIME.format(start) + "\n"
                + "LABEL: SlaveBackup\n"
                + "START TIMELINE: " + ctl.timeline() + "\n"
                + "STOP TIME: " + TIME.format(stop) + "\n"
                + "STOP TIMELINE: " + ctl.timeline() + "\n";
    }
}
