package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.pg.BackupLabel;
import org.skytools.walmgr.wal.WalPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes archive files older than the first one still needed ({@link WalPurge} decides which),
 * in {@code completed_wals} and {@code partial_wals}. {@code xpurgewals} asks the oldest backup set;
 * xrestore (with {@code keep_backups = 0}) asks the restart point.
 */
public final class WalCleaner {
    private static final Logger log = LoggerFactory.getLogger(WalCleaner.class);

    private final WalmgrContext ctx;
    private final SlaveNode node;

    public WalCleaner(WalmgrContext ctx) {
        this.ctx = ctx;
        this.node = new SlaveNode(ctx);
    }

    /** {@code xpurgewals}: keeps exactly what the oldest backup set needs. */
    public void purgeForBackups() {
        List<Path> sets = node.backupSets();
        if (sets.isEmpty()) {
            log.debug("No WAL-s to clean up.");
            return;
        }
        Path oldest = sets.get(sets.size() - 1);
        String first = BackupLabel.read(oldest).map(BackupLabel::firstWal).orElse(null);
        if (first == null || WalPurge.validFirstNeeded(first).isEmpty()) {
            log.error("WAL name not found at {}", oldest);
            return;
        }
        log.info("First useful WAL file is: {}", first);
        cleanBefore(first);
    }

    /** Deletes everything before {@code firstNeeded} on its timeline. */
    public void cleanBefore(String firstNeeded) {
        log.debug("cleaning completed wals before {}", firstNeeded);
        delete(node.completedWals(), firstNeeded);
        Path partial = node.partialWals();
        if (Files.isDirectory(partial)) {
            log.debug("cleaning partial wals before {}", firstNeeded);
            delete(partial, firstNeeded);
        } else {
            log.warn("partial_wals dir does not exist: {}", partial);
        }
    }

    private void delete(Path dir, String firstNeeded) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            log.warn("cannot list {}: {}", dir, e.getMessage());
            return;
        }
        for (String name : WalPurge.obsolete(names, firstNeeded)) {
            log.debug("deleting {}", dir.resolve(name));
            if (ctx.notReally()) {
                continue;
            }
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                // pg_archivecleanup may be removing the same files
                log.debug("cannot delete {}: {}", name, e.getMessage());
            }
        }
    }
}
