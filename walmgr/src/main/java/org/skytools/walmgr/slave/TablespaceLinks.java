package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the tablespaces of a restored data directory at the copies the backup put in {@code
 * tmpspc/<oid>}: re-creates the {@code pg_tblspc} links and rewrites {@code tablespace_map},
 * because PostgreSQL re-creates the links from that map when recovery starts and the map names the
 * master's paths.
 */
final class TablespaceLinks {
    private static final Logger log = LoggerFactory.getLogger(TablespaceLinks.class);

    private TablespaceLinks() {}

    static void relink(Path dataDir, boolean notReally) {
        Path spcDir = dataDir.resolve("pg_tblspc");
        Path tmpDir = dataDir.resolve("tmpspc");
        try {
            if (!notReally) {
                Files.createDirectories(spcDir);
            }
            if (!Files.isDirectory(tmpDir)) {
                return;
            }
            log.info("Linking tablespaces to temporary location");
            List<String> oids = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmpDir)) {
                ds.forEach(p -> {
                    if (!p.getFileName().toString().startsWith(".")) {
                        oids.add(p.getFileName().toString());
                    }
                });
            }
            oids.sort(null);
            StringBuilder map = new StringBuilder();
            for (String oid : oids) {
                Path link = spcDir.resolve(oid).toAbsolutePath();
                Path target = tmpDir.resolve(oid).toAbsolutePath();
                log.info("Linking tablespace {} to {}", oid, target);
                map.append(oid).append(' ').append(target).append('\n');
                if (!notReally) {
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, target);
                }
            }
            Path spcMap = dataDir.resolve("tablespace_map");
            if (Files.exists(spcMap) && !notReally) {
                Files.writeString(spcMap, map.toString(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "cannot link tablespaces in \"" + dataDir + "\": " + e.getMessage(), e);
        }
    }
}
