package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.Postmaster;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.LocalFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code createslave} (W-10): a streaming standby from scratch. {@code pg_receivewal} streams WAL
 * into {@code completed_wals} while {@code pg_basebackup} copies the master into {@code
 * full_backup}; the set is restored as a standby, and once the standby asks the archive for a
 * segment it does not have (it streams from then on, xrestore removes the {@code PG_RECEIVEXLOG}
 * marker) pg_receivewal is stopped and the leftovers are cleaned up.
 */
public final class CreateSlave {
    private static final Logger log = LoggerFactory.getLogger(CreateSlave.class);

    private final WalmgrContext ctx;
    private final SlaveNode node;

    public CreateSlave(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new SlaveNode(ctx);
    }

    public void run() {
        ctx.requireRole(Role.SLAVE, "createslave");
        String conninfo = ctx.settings()
                .optional(WalmgrKey.PRIMARY_CONNINFO)
                .orElseThrow(() -> SkyToolsException.config(ctx.settings().source()
                        + ": primary_conninfo missing; createslave streams from the master it names"));
        String receiver = node.program("pg_receivewal");
        if (!ctx.settings().optional(WalmgrKey.SLAVE_BIN).isEmpty() && !Files.isExecutable(Path.of(receiver))) {
            throw SkyToolsException.config("pg_receivewal not available: \"" + receiver + "\" is not executable");
        }
        checkReceiverLock();
        new SlaveSetup(ctx).run();
        Path full = node.fullBackup();
        checkEmpty(full);
        if (ctx.notReally()) {
            log.info("would stream WAL with {} and copy the master with pg_basebackup into {}", receiver, full);
            return;
        }
        setMode(full);
        BackupLock lock = new BackupLock(ctx);
        if (!lock.take(Long.toString(ProcessHandle.current().pid()))) {
            throw new SkyToolsException(ErrorKind.STATE, "cannot obtain backup lock");
        }
        Path completed = node.completedWals();
        Path marker = node.controlFile(SlaveNode.RECEIVE_LOCK);
        Process rx = null;
        try {
            log.info("Starting pg_receivewal");
            rx = new ProcessBuilder(ServerUser.wrap(
                            List.of(receiver, "-D", completed.toString(), "-d", conninfo, "-w"), completed))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Files.writeString(marker, Long.toString(rx.pid()), StandardCharsets.UTF_8);
            LocalFiles.matchOwner(marker, completed);
            log.info("Starting pg_basebackup");
            List<String> bb = new ArrayList<>(
                    List.of(node.program("pg_basebackup"), "-D", full.toString(), "-d", conninfo, "-w"));
            if (ctx.settings().bool(WalmgrKey.FAST_CHECKPOINT)) {
                bb.add("--checkpoint=fast");
            }
            Exec.Result r = Exec.run(ServerUser.wrap(bb, full), Map.of(), 0);
            if (!r.ok()) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME, "pg_basebackup failed with exit code " + r.exitCode() + ": " + r.message());
            }
            log.info("pg_basebackup finished successfully");
            new Restore(ctx).restore(null, null, false);
            awaitStreaming(marker, rx);
            log.info("Streaming replication standby created successfully");
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "failed to create streaming replication standby: " + e.getMessage(), e);
        } finally {
            cleanup(rx, marker, completed, full);
            lock.release();
        }
    }

    private void awaitStreaming(Path marker, Process rx) {
        Postmaster pm = new Postmaster(node.dataDir());
        while (Files.exists(marker)) {
            if (!pm.isRunning()) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME,
                        "the standby in \"" + node.dataDir()
                                + "\" stopped before it began streaming; see its server log");
            }
            if (!rx.isAlive()) {
                log.warn("pg_receivewal exited with code {}", rx.exitValue());
            }
            RecoveryControl.sleep(500);
        }
    }

    private void cleanup(Process rx, Path marker, Path completed, Path full) {
        if (rx != null) {
            rx.descendants().forEach(ProcessHandle::destroy);
            rx.destroy();
            log.info("pg_receivewal stopped");
        }
        try {
            Files.deleteIfExists(marker);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(completed, "*.partial")) {
                for (Path p : ds) {
                    log.debug("Removing {}", p);
                    Files.deleteIfExists(p);
                }
            }
            LocalFiles.deleteTree(full);
        } catch (IOException e) {
            log.warn("cleanup after createslave: {}", e.getMessage());
        }
    }

    private void checkReceiverLock() {
        Path marker = node.controlFile(SlaveNode.RECEIVE_LOCK);
        if (!Files.exists(marker)) {
            return;
        }
        String text;
        try {
            text = Files.readString(marker, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            text = "";
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new SkyToolsException(
                    ErrorKind.STATE, "pg_receivewal lock file \"" + marker + "\" does not contain a pid: " + text);
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new SkyToolsException(
                    ErrorKind.STATE,
                    "pg_receivewal is already running in \"" + node.completedWals() + "\", pid " + pid);
        }
        log.info("Ignoring stale pg_receivewal lock file");
        if (!ctx.notReally()) {
            try {
                Files.deleteIfExists(marker);
            } catch (IOException e) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME, "cannot remove \"" + marker + "\": " + e.getMessage(), e);
            }
        }
    }

    private static void checkEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new SkyToolsException(
                        ErrorKind.STATE,
                        "full_backup \"" + dir
                                + "\" is not empty; pg_basebackup needs an empty directory, move the old set away");
            }
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot read \"" + dir + "\": " + e.getMessage(), e);
        }
    }

    private static void setMode(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot chmod \"" + dir + "\": " + e.getMessage(), e);
        }
    }
}
