package org.skytools.walmgr.master;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.config.Location;
import org.skytools.walmgr.transfer.Exec;
import org.skytools.walmgr.transfer.Remote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rsync steps of a master base backup (W-3): the data directory without WAL, logs, pid and
 * config files, temporary and runtime-only directories; each tablespace into {@code tmpspc/<oid>};
 * skeletons of {@code pg_wal} (with {@code archive_status}) and of the log directory; and the
 * {@code *.conf} files of the config directory.
 */
final class DataDirCopy {
    private static final Logger log = LoggerFactory.getLogger(DataDirCopy.class);

    /** Top-level directories whose contents PostgreSQL rebuilds at start (as pg_basebackup skips them). */
    private static final List<String> RUNTIME_DIRS = List.of(
            "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Top-level files that describe a running server or another backup, never this one. */
    private static final List<String> RUNTIME_FILES = List.of(
            "backup_label",
            "backup_label.old",
            "tablespace_map",
            "backup_manifest",
            "current_logfiles",
            "standby.signal",
            "recovery.signal",
            "recovery.conf",
            "recovery.done",
            "promote");

    static final List<String> WAL_DIRS = List.of("pg_wal", "pg_xlog");
    static final List<String> LOG_DIRS = List.of("log", "pg_log");

    private final Remote remote;
    private final SlaveLink slave;
    private final boolean keepSymlinks;
    private final boolean notReally;

    DataDirCopy(Remote remote, SlaveLink slave, boolean keepSymlinks, boolean notReally) {
        this.remote = remote;
        this.slave = slave;
        this.keepSymlinks = keepSymlinks;
        this.notReally = notReally;
    }

    /** The filter of the main data directory copy; order matters, the first matching rule wins. */
    static List<String> dataFilter() {
        List<String> f = new ArrayList<>();
        f.add("--delete");
        f.add("--exclude=.*");
        f.add("--include=/postgresql.auto.conf");
        f.add("--exclude=*.pid");
        f.add("--exclude=*.opts");
        f.add("--exclude=*.conf");
        for (String d : WAL_DIRS) {
            f.add("--exclude=/" + d);
        }
        for (String d : LOG_DIRS) {
            f.add("--exclude=/" + d);
        }
        f.add("--exclude=/pg_tblspc");
        f.add("--exclude=/tmpspc");
        f.add("--exclude=pgsql_tmp*");
        f.add("--exclude=pg_internal.init");
        for (String d : RUNTIME_DIRS) {
            f.add("--exclude=/" + d + "/*");
        }
        for (String name : RUNTIME_FILES) {
            f.add("--exclude=/" + name);
        }
        f.add("--copy-unsafe-links");
        return f;
    }

    void copyData(Path dataDir, Location dst) {
        List<String> args = dataFilter();
        args.add(dataDir + "/");
        args.add(dst.rsyncArg(true));
        rsync(args, "data directory");
    }

    void copyTablespaces(Path dataDir, Location dst) {
        Path spcDir = dataDir.resolve("pg_tblspc");
        List<Path> links = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(spcDir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (!Files.isSymbolicLink(p)) {
                    log.info("Suspicious pg_tblspc entry: {}", p.getFileName());
                    continue;
                }
                links.add(p);
            }
        } catch (IOException e) {
            return;
        }
        if (links.isEmpty()) {
            return;
        }
        log.info("Checking tablespaces");
        Location tmpspc = dst.resolve("tmpspc");
        slave.mkdirs(tmpspc);
        for (Path link : links) {
            Path target;
            try {
                target = link.toRealPath();
            } catch (IOException e) {
                log.warn("Broken link: {}", link);
                continue;
            }
            log.info("Got tablespace {}: {}", link.getFileName(), target);
            rsync(
                    List.of(
                            "--delete",
                            "--exclude=.*",
                            "--exclude=pgsql_tmp*",
                            "--copy-unsafe-links",
                            target + "/",
                            tmpspc.resolve(link.getFileName().toString()).rsyncArg(true)),
                    "tablespace " + link.getFileName());
        }
    }

    /**
     * Copies a WAL or log directory as an empty skeleton (plus {@code archive_status}). A symlinked
     * one stays a symlink when {@code keep_symlinks} is on and its target can be created on the
     * slave host; otherwise it becomes a plain directory.
     */
    void copySkeleton(Path dir, Location dst) {
        if (!Files.exists(dir)) {
            log.info("{} does not exist, skipping", dir.getFileName());
            return;
        }
        List<String> args = new ArrayList<>();
        if (Files.isSymbolicLink(dir)) {
            if (keepSymlinks && dst.isRemote() && createLinkTarget(dir, dst.host())) {
                log.info("{} is a symlink, kept as one", dir.getFileName());
            } else {
                // a slave on this host must never share the master's WAL directory through a link
                args.add("--copy-unsafe-links");
            }
        }
        for (String d : LOG_DIRS) {
            args.add("--exclude=" + d + "/*");
        }
        for (String d : WAL_DIRS) {
            args.add("--exclude=" + d + "/archive_status/*");
            args.add("--include=" + d + "/archive_status");
            args.add("--exclude=" + d + "/*");
        }
        args.add(dir.toString());
        args.add(dst.rsyncArg(true));
        rsync(args, dir.getFileName() + " skeleton");
    }

    private boolean createLinkTarget(Path link, String host) {
        try {
            Path target = link.toRealPath();
            Exec.Result r = remote.rsync(
                    List.of("--include=archive_status", "--exclude=/**", target + "/", host + ":" + target + "/"),
                    true);
            if (r.ok()) {
                return true;
            }
            log.warn("Unable to create symlinked {} on target, copying", link.getFileName());
        } catch (IOException e) {
            log.warn("Broken link: {}", link);
        }
        return false;
    }

    void copyConfig(Path configDir, Location dst) {
        log.info("Backup conf files from {}", configDir);
        rsync(List.of("--include=*.conf", "--exclude=*", configDir + "/", dst.rsyncArg(true)), "config files");
    }

    private void rsync(List<String> args, String what) {
        if (notReally) {
            log.info("would run: {}", String.join(" ", remote.rsyncArgv(args, false)));
            return;
        }
        Exec.Result r = remote.rsync(args, false);
        if (!r.ok()) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "rsync of " + what + " failed with exit code " + r.exitCode()
                            + (r.message().isEmpty() ? "" : ": " + r.message()));
        }
    }
}
