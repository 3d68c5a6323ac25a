package org.skytools.walmgr.slave;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.master.ArchivingConfig;
import org.skytools.walmgr.pg.Postmaster;
import org.skytools.walmgr.pg.RecoverySettings;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.LocalFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code restore [SET [DST]]} (W-5): stops the slave server, moves its data directory aside (or
 * deletes it when {@code backup_datadir} is off), puts the backup set in its place, links
 * tablespaces, writes the recovery settings and starts the server, which then replays the archive
 * through xrestore. Everything is checked before the first change, so a refused restore leaves the
 * old data directory as it was.
 */
public final class Restore {
    private static final Logger log = LoggerFactory.getLogger(Restore.class);
    private static final int STOP_WAIT_SECONDS = 60;

    private final WalmgrContext ctx;
    private final SlaveNode node;
    private BufferedReader answers;

    public Restore(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new SlaveNode(ctx);
    }

    public void restore(String setName, String altDst, boolean restoreConfig) {
        boolean master = ctx.settings().role() == Role.MASTER;
        if (master && (setName == null || altDst == null)) {
            throw new SkyToolsException(
                    ErrorKind.USAGE, "source and target directories must be specified if running on master node");
        }
        Path dataDir = master ? Path.of(altDst).toAbsolutePath().normalize() : node.dataDir();
        Path fullDir =
                setName != null ? ctx.settings().file(WalmgrKey.WALMGR_DATA).resolve(setName) : node.fullBackup();
        String stopCmd =
                master ? "" : ctx.settings().optional(WalmgrKey.SLAVE_STOP_CMD).orElse("");
        String startCmd = master ? null : ctx.settings().string(WalmgrKey.SLAVE_START_CMD);

        checkBackupSet(fullDir);
        checkDataDir(dataDir);
        Path slavePgWal = master
                ? null
                : ctx.settings().optionalFile(WalmgrKey.SLAVE_PG_XLOG).orElse(null);

        if (!master) {
            stopServer(dataDir, stopCmd);
        }
        Path bak = freeBackupName(dataDir);
        boolean createBackup = true;
        if (master) {
            ctx.err()
                    .println(
                            "About to restore to directory " + dataDir + ". The postgres cluster should be shut down.");
            if (!yesNo("Is postgres shut down on " + dataDir + " ?")) {
                throw new SkyToolsException(ErrorKind.STATE, "shut it down and try again");
            }
            createBackup = Files.isDirectory(dataDir) && yesNo("Create backup of " + dataDir + "?");
        }
        boolean keepOld = ctx.settings().bool(WalmgrKey.BACKUP_DATADIR);
        if (Files.isDirectory(dataDir) && !keepOld) {
            log.warn("backup_datadir is disabled, deleting old data dir");
            if (!ctx.notReally()) {
                deleteTree(dataDir);
            }
        }
        if (setName == null && Files.isDirectory(dataDir) && keepOld) {
            createBackup = true;
        }
        boolean movedAway = false;
        if (createBackup && Files.isDirectory(dataDir)) {
            log.info("Move {} to {}", dataDir, bak);
            if (!ctx.notReally()) {
                move(dataDir, bak);
            }
            movedAway = true;
        }
        putBackupInPlace(setName, fullDir, dataDir, slavePgWal);
        Path effective = ctx.notReally() ? fullDir : dataDir;
        if (movedAway) {
            new ConfigFiles(ctx).carryOver(ctx.notReally() ? dataDir : bak, effective);
        }
        TablespaceLinks.relink(effective, ctx.notReally());
        writeRecoverySettings(effective);
        if (master) {
            log.info("Data files restored, recovery settings written.");
            log.info("postgresql.conf and additional WAL files may need to be restored manually.");
            return;
        }
        removeStopFile();
        if (restoreConfig) {
            new ConfigFiles(ctx).restoreBackup();
        }
        fixOwnership(dataDir, movedAway ? bak : dataDir.getParent());
        log.info("Starting postmaster: {}", startCmd);
        if (!ctx.notReally()) {
            Exec.Result r = Exec.shell(startCmd, Map.of(), 0);
            if (!r.ok()) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME,
                        "slave_start_cmd failed with exit code " + r.exitCode()
                                + (r.message().isEmpty() ? "" : ": " + r.message()));
            }
        }
    }

    private void checkBackupSet(Path fullDir) {
        if (!Files.isDirectory(fullDir)) {
            throw new SkyToolsException(
                    ErrorKind.STATE, "backup directory \"" + fullDir + "\" does not exist; take a backup first");
        }
        if (!Files.isRegularFile(fullDir.resolve("PG_VERSION"))
                || !Files.isRegularFile(fullDir.resolve("backup_label"))) {
            throw new SkyToolsException(
                    ErrorKind.STATE,
                    "\"" + fullDir
                            + "\" is not a complete backup (PG_VERSION or backup_label missing); take a new backup first");
        }
    }

    /** Refuses to move or delete a directory that is not a PostgreSQL data directory. */
    private static void checkDataDir(Path dataDir) {
        if (!Files.isDirectory(dataDir) || Files.isRegularFile(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        try (Stream<Path> s = Files.list(dataDir)) {
            if (s.findAny().isEmpty()) {
                return;
            }
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot read \"" + dataDir + "\": " + e.getMessage(), e);
        }
        throw new SkyToolsException(
                ErrorKind.CONFIG,
                "slave_data \"" + dataDir
                        + "\" is not empty and not a PostgreSQL data directory (no PG_VERSION); fix slave_data or move the directory away");
    }

    private void stopServer(Path dataDir, String stopCmd) {
        Postmaster pm = new Postmaster(dataDir);
        if (!stopCmd.isEmpty() && Files.exists(pm.pidFile())) {
            log.info("Stopping postmaster: {}", stopCmd);
            if (!ctx.notReally()) {
                Exec.Result r = Exec.shell(stopCmd, Map.of(), STOP_WAIT_SECONDS * 2);
                if (!r.ok()) {
                    log.warn("slave_stop_cmd exited with {}: {}", r.exitCode(), r.message());
                }
                long deadline = System.currentTimeMillis() + STOP_WAIT_SECONDS * 1000L;
                while (pm.isRunning() && System.currentTimeMillis() < deadline) {
                    RecoveryControl.sleep(200);
                }
            }
        }
        if (Files.exists(pm.pidFile())) {
            log.info("Pidfile exists, checking if process is running.");
            if (pm.isRunning()) {
                throw new SkyToolsException(
                        ErrorKind.STATE,
                        "postmaster of \"" + dataDir
                                + "\" is still running; cannot continue (stop it, or set slave_stop_cmd)");
            }
        }
    }

    private static Path freeBackupName(Path dataDir) {
        String base = dataDir.toString().replaceAll("/+$", "");
        for (int i = 0; ; i++) {
            Path p = Path.of(base + "." + i);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    private void putBackupInPlace(String setName, Path fullDir, Path dataDir, Path slavePgWal) {
        log.info("{} {} to {}", setName != null ? "Copy" : "Move", fullDir, dataDir);
        if (ctx.notReally()) {
            return;
        }
        if (setName == null && slavePgWal == null) {
            move(fullDir, dataDir);
        } else {
            List<String> args =
                    new ArrayList<>(List.of("--delete", "--no-relative", "--exclude=pg_wal/*", "--exclude=pg_xlog/*"));
            if (slavePgWal != null) {
                args.add("--exclude=pg_wal");
                args.add("--exclude=pg_xlog");
            }
            args.add(fullDir + "/");
            args.add(dataDir.toString());
            Exec.Result r = ctx.remote().rsync(args, false);
            if (!r.ok()) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME,
                        "copy of \"" + fullDir + "\" failed: rsync exit code " + r.exitCode() + ": " + r.message());
            }
            if (slavePgWal != null) {
                try {
                    Files.createSymbolicLink(dataDir.resolve("pg_wal"), slavePgWal);
                } catch (IOException e) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME, "cannot link pg_wal to \"" + slavePgWal + "\": " + e.getMessage(), e);
                }
            }
        }
        try {
            Path status = dataDir.resolve("pg_wal").resolve("archive_status");
            Files.createDirectories(status);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot prepare \"" + dataDir + "\": " + e.getMessage(), e);
        }
    }

    private void writeRecoverySettings(Path dataDir) {
        String restore = WalmgrContext.forPgCommand(ctx.walmgrCommandLine(List.of(ctx.configPath(), "xrestore")))
                + " %f \"%p\" %r";
        String conninfo = ctx.settings().optional(WalmgrKey.PRIMARY_CONNINFO).orElse(null);
        String cleanup = Exec.shellQuote(node.program("pg_archivecleanup")) + " "
                + WalmgrContext.forPgCommand(
                        Exec.shellQuote(node.completedWals().toString())) + " %r";
        RecoverySettings rs = new RecoverySettings(restore, conninfo, cleanup);
        log.info("Write recovery settings into {}", dataDir.resolve("postgresql.auto.conf"));
        if (ctx.notReally()) {
            ctx.out().print(rs.describe());
            return;
        }
        rs.write(dataDir, majorOf(dataDir), ArchivingConfig.TRUE_COMMAND);
    }

    private static int majorOf(Path dataDir) {
        try {
            String v = Files.readString(dataDir.resolve("PG_VERSION"), StandardCharsets.UTF_8)
                    .strip();
            return Integer.parseInt(v.contains(".") ? v.substring(0, v.indexOf('.')) : v);
        } catch (IOException | NumberFormatException e) {
            throw new SkyToolsException(ErrorKind.STATE, "cannot read PG_VERSION in \"" + dataDir + "\"");
        }
    }

    private void removeStopFile() {
        Path stop = node.controlFile(SlaveNode.STOP);
        if (Files.exists(stop)) {
            log.info("Removing stopfile: {}", stop);
            if (!ctx.notReally()) {
                try {
                    Files.deleteIfExists(stop);
                } catch (IOException e) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME, "cannot remove \"" + stop + "\": " + e.getMessage(), e);
                }
            }
        }
    }

    private void fixOwnership(Path dataDir, Path reference) {
        if (ctx.notReally() || reference == null || !Files.exists(reference)) {
            return;
        }
        try {
            LocalFiles.matchOwner(dataDir, reference);
            Path tmpspc = dataDir.resolve("tmpspc");
            if (Files.isDirectory(tmpspc)) {
                LocalFiles.matchOwner(tmpspc, reference);
            }
        } catch (IOException e) {
            log.warn("cannot hand {} to the owner of {}: {}", dataDir, reference, e.getMessage());
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "cannot move \"" + from + "\" to \"" + to + "\": " + e.getMessage()
                            + " (both must be on the same file system)",
                    e);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            LocalFiles.deleteTree(dir);
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot delete \"" + dir + "\": " + e.getMessage(), e);
        }
    }

    private boolean yesNo(String prompt) {
        if (answers == null) {
            answers = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
        }
        BufferedReader r = answers;
        try {
            while (true) {
                ctx.err().print(prompt + " ");
                ctx.err().flush();
                String answer = r.readLine();
                if (answer == null) {
                    return false;
                }
                switch (answer.strip().toLowerCase(Locale.ROOT)) {
                    case "yes", "y":
                        return true;
                    case "no", "n":
                        return false;
                    default:
                        ctx.err().println("Please answer yes or no.");
                }
            }
        } catch (IOException e) {
            return false;
        }
    }
}
