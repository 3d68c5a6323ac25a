package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.BackupLabel;
import org.skytools.walmgr.wal.BackupRotation;

/**
 * The slave's directories and control files: {@code completed_wals} holds the archive and the
 * files {@code STOP}, {@code PAUSE}, {@code PROGRESS}, {@code BACKUPLOCK} and {@code
 * PG_RECEIVEXLOG}; {@code full_backup} and its numbered siblings hold backup sets.
 */
public final class SlaveNode {
    public static final String STOP = "STOP";
    public static final String PAUSE = "PAUSE";
    public static final String PROGRESS = "PROGRESS";
    public static final String BACKUPLOCK = "BACKUPLOCK";
    public static final String RECEIVE_LOCK = "PG_RECEIVEXLOG";

    private final WalmgrContext ctx;

    public SlaveNode(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public Path completedWals() {
        return ctx.settings().localDir(WalmgrKey.COMPLETED_WALS);
    }

    public Path partialWals() {
        return ctx.settings().localDir(WalmgrKey.PARTIAL_WALS);
    }

    public Path fullBackup() {
        return ctx.settings().localDir(WalmgrKey.FULL_BACKUP);
    }

    public Path controlFile(String name) {
        return completedWals().resolve(name);
    }

    public Path dataDir() {
        return ctx.settings().file(WalmgrKey.SLAVE_DATA);
    }

    public String binDir() {
        return ctx.settings().optional(WalmgrKey.SLAVE_BIN).orElse("");
    }

    /** A program of {@code slave_bin}, or from PATH when that is unset. */
    public String program(String name) {
        String bin = binDir();
        return bin.isEmpty() ? name : Path.of(bin, name).toString();
    }

    /** Fails unless the archive directory exists (the slave's {@code setup} creates it). */
    public Path requireCompletedWals() {
        Path dir = completedWals();
        if (!Files.isDirectory(dir)) {
            throw new SkyToolsException(
                    ErrorKind.CONFIG,
                    "completed_wals directory \"" + dir + "\" does not exist; create it with: walmgr "
                            + ctx.settings().configFile() + " setup");
        }
        return dir;
    }

    /** Backup sets, newest ({@code full_backup} itself) first, oldest last. */
    public List<Path> backupSets() {
        Path base = fullBackup();
        Path parent = base.getParent();
        String baseName = base.getFileName().toString();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, baseName + "*")) {
            for (Path p : ds) {
                if (BackupLabel.isBackupSet(p)) {
                    names.add(p.getFileName().toString());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return BackupRotation.order(baseName, names).stream()
                .map(parent::resolve)
                .toList();
    }
}
