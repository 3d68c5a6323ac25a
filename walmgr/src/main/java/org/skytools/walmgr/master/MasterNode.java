package org.skytools.walmgr.master;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.Postmaster;
import org.skytools.walmgr.transfer.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The master's data directory, its state files and its postmaster. */
final class MasterNode {
    private static final Logger log = LoggerFactory.getLogger(MasterNode.class);
    static final String LAST_FILE = ".walshipping.last";
    static final String PERIODIC_FILE = ".walshipping.periodic";

    private final WalmgrContext ctx;

    MasterNode(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    /** The data directory; fails unless it holds {@code PG_VERSION}. */
    Path dataDir() {
        Path dir = ctx.settings().file(WalmgrKey.MASTER_DATA);
        if (!Files.isRegularFile(dir.resolve("PG_VERSION"))) {
            throw SkyToolsException.config(ctx.settings().source() + ": master_data \"" + dir
                    + "\" is not a PostgreSQL data directory (no PG_VERSION)");
        }
        return dir;
    }

    /** The PostgreSQL major of the data directory (13, 14, ...). */
    int major() {
        try {
            String v = Files.readString(dataDir().resolve("PG_VERSION"), StandardCharsets.UTF_8)
                    .strip();
            return Integer.parseInt(v.contains(".") ? v.substring(0, v.indexOf('.')) : v);
        } catch (IOException | NumberFormatException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot read PG_VERSION of \"" + dataDir() + "\"");
        }
    }

    /** The WAL directory: {@code pg_wal} (PostgreSQL 10+) or {@code pg_xlog}. */
    Path walDir() {
        Path data = dataDir();
        Path wal = data.resolve("pg_wal");
        return Files.isDirectory(wal) ? wal : data.resolve("pg_xlog");
    }

    /** The name of the last segment xarchive shipped, if recorded. */
    String lastComplete() {
        Path f = ctx.settings().file(WalmgrKey.MASTER_DATA).resolve(LAST_FILE);
        try {
            return Files.readString(f, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            log.info("cannot read {}", f);
            return null;
        }
    }

    /** Records the last shipped segment; a failure is logged, the segment itself is archived. */
    void setLastComplete(String name) {
        Path f = ctx.settings().file(WalmgrKey.MASTER_DATA).resolve(LAST_FILE);
        Path tmp = f.resolveSibling(LAST_FILE + ".new");
        try {
            Files.writeString(tmp, name, StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    f,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.error("cannot write {}: {}", f, e.getMessage());
        }
    }

    /** Restarts with {@code master_restart_cmd}, else sends SIGHUP; returns true on restart. */
    boolean restartOrReload() {
        String restart = ctx.settings().optional(WalmgrKey.MASTER_RESTART_CMD).orElse("");
        if (!restart.isEmpty()) {
            log.info("Restarting postmaster: {}", restart);
            if (!ctx.notReally()) {
                Exec.Result r = Exec.shell(restart, Map.of(), 0);
                if (!r.ok()) {
                    throw new SkyToolsException(
                            ErrorKind.RUNTIME,
                            "master_restart_cmd failed with exit code " + r.exitCode() + ": " + r.message());
                }
            }
            return true;
        }
        log.info("Sending SIGHUP to postmaster");
        if (!ctx.notReally()) {
            new Postmaster(dataDir()).signal("HUP");
        }
        return false;
    }
}
