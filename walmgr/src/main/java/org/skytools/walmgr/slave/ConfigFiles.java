package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.master.ArchivingConfig;
import org.skytools.walmgr.pg.PgConfFile;
import org.skytools.walmgr.transfer.LocalFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config files a restore carries over: from the old data directory into the restored one,
 * and from {@code config_backup} into {@code slave_config_dir}. Existing files are never
 * overwritten; a restored {@code postgresql.conf} gets {@code archive_command} set to a command
 * that does nothing, so a booted slave does not archive into the master's archive.
 */
final class ConfigFiles {
    private static final Logger log = LoggerFactory.getLogger(ConfigFiles.class);
    static final List<String> NAMES = List.of("postgresql.conf", "pg_hba.conf", "pg_ident.conf");

    private final WalmgrContext ctx;

    ConfigFiles(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    /** Copies the config files of the moved-away data directory that the restored one lacks. */
    void carryOver(Path oldDataDir, Path dataDir) {
        for (String name : NAMES) {
            Path src = oldDataDir.resolve(name);
            Path dst = dataDir.resolve(name);
            if (Files.exists(dst, LinkOption.NOFOLLOW_LINKS)) {
                log.info("Already exists: {}", dst);
            } else if (Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
                log.debug("Copy {} to {}", src, dst);
                if (!ctx.notReally()) {
                    copyConf(src, dst);
                }
            }
        }
    }

    /** Restores the backed-up config files into {@code slave_config_dir}, when both are set. */
    void restoreBackup() {
        if (ctx.settings().optional(WalmgrKey.CONFIG_BACKUP).isEmpty()) {
            log.info("Configuration backup location not specified.");
            return;
        }
        Path source = ctx.settings().localDir(WalmgrKey.CONFIG_BACKUP);
        Path target = ctx.settings().optionalFile(WalmgrKey.SLAVE_CONFIG_DIR).orElse(null);
        if (target == null) {
            log.info("Configuration directory not specified, config files not restored.");
            return;
        }
        if (!Files.isDirectory(target)) {
            log.warn("Configuration directory does not exist: {}", target);
            return;
        }
        log.info("Restoring configuration files");
        for (String name : NAMES) {
            Path src = source.resolve(name);
            Path dst = target.resolve(name);
            if (!Files.isRegularFile(src)) {
                log.warn("Missing configuration file backup: {}", name);
                continue;
            }
            log.debug("Copy {} to {}", src, dst);
            if (ctx.notReally()) {
                continue;
            }
            if (!Files.exists(dst, LinkOption.NOFOLLOW_LINKS)) {
                copyConf(src, dst);
            }
            if (name.equals("postgresql.conf")) {
                PgConfFile conf = PgConfFile.read(dst);
                conf.text().set("archive_command", ArchivingConfig.TRUE_COMMAND);
                conf.save(false, ctx.out());
            }
        }
    }

    /** Copies a config file, or re-creates a symlink as a symlink. */
    private static void copyConf(Path src, Path dst) {
        try {
            if (Files.isSymbolicLink(src)) {
                Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
            } else {
                Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                LocalFiles.matchOwner(dst, dst.getParent());
            }
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "cannot copy \"" + src + "\" to \"" + dst + "\": " + e.getMessage(), e);
        }
    }
}
