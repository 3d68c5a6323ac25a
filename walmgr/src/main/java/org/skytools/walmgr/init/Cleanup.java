package org.skytools.walmgr.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.skytools.common.db.ConnectString;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.Paths;
import org.skytools.walmgr.config.Role;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.transfer.LocalFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cleanup}: on the slave removes {@code walmgr_data}, the moved-aside data directories
 * {@code <slave_data>.N}, and optionally the master's ssh key and the replication password; on
 * both nodes it deletes the config file itself.
 */
public final class Cleanup {
    private static final Logger log = LoggerFactory.getLogger(Cleanup.class);

    private final WalmgrContext ctx;

    public Cleanup(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void run(String sshRemoveKey, boolean removePassword) {
        try {
            if (ctx.settings().role() == Role.SLAVE) {
                cleanSlave(sshRemoveKey, removePassword);
            }
            Path config = ctx.settings().configFile();
            log.info("Removing config file: {}", config);
            if (!ctx.notReally()) {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cleanup failed: " + e.getMessage(), e);
        }
    }

    private void cleanSlave(String sshRemoveKey, boolean removePassword) throws IOException {
        Path walmgrData = ctx.settings().file(WalmgrKey.WALMGR_DATA);
        if (walmgrData.getNameCount() < 2 || walmgrData.equals(Paths.file("~"))) {
            throw SkyToolsException.config(
                    "refusing to remove walmgr_data \"" + walmgrData + "\"; it is too close to the root");
        }
        log.info("Removing walmgr data directory: {}", walmgrData);
        if (!ctx.notReally()) {
            LocalFiles.deleteTree(walmgrData);
        }
        Path slaveData = ctx.settings().file(WalmgrKey.SLAVE_DATA);
        try (DirectoryStream<Path> ds =
                Files.newDirectoryStream(slaveData.getParent(), slaveData.getFileName() + ".[0-9]")) {
            for (Path old : ds) {
                log.info("Removing backup main directory: {}", old);
                if (!ctx.notReally()) {
                    LocalFiles.deleteTree(old);
                }
            }
        }
        if (sshRemoveKey != null && !sshRemoveKey.isEmpty()) {
            removeKey(sshRemoveKey);
        }
        String conninfo = ctx.settings().optional(WalmgrKey.PRIMARY_CONNINFO).orElse("");
        if (removePassword && !conninfo.isEmpty() && !ctx.notReally()) {
            ConnectString ci = ConnectString.parse(conninfo);
            Pgpass pg = Pgpass.load(Paths.file("~/.pgpass"));
            if (pg.removeUser(
                    ci.host().orElse("localhost"),
                    ci.port().orElse("5432"),
                    ci.user().orElse(System.getProperty("user.name")))) {
                log.info("Removing line from .pgpass");
                pg.write();
            }
        }
    }

    private void removeKey(String substring) throws IOException {
        Path auth = Paths.file("~/.ssh/authorized_keys");
        if (!Files.isRegularFile(auth)) {
            return;
        }
        List<String> lines = Files.readAllLines(auth, StandardCharsets.UTF_8);
        List<String> kept = lines.stream().filter(l -> !l.contains(substring)).toList();
        if (kept.size() == lines.size()) {
            return;
        }
        log.info("Removed {} from {}", substring, auth);
        if (!ctx.notReally()) {
            LocalFiles.writeAtomically(auth, String.join("\n", kept) + (kept.isEmpty() ? "" : "\n"));
        }
    }
}
