package org.skytools.walmgr.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.config.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one WAL file into the archive so that it is there completely or not at all, and durably.
 * PostgreSQL may push a segment again after a crash: the same content is a success, a different
 * file of the same name is refused so that an archive is never silently overwritten.
 *
 * <p>On this host: copy to a hidden temporary name, fsync, hard-link to the final name (the link
 * fails if the name exists), fsync the directory. On another host: rsync to a hidden temporary
 * name (rsync itself writes to a temporary file and renames it), then one ssh command compares with
 * an existing file, syncs the temporary file, links it to the final name and syncs the directory.
 */
public final class ArchiveWriter {
    private static final Logger log = LoggerFactory.getLogger(ArchiveWriter.class);
    /** Exit code of the remote step when the archive holds a different file of the same name. */
    static final int REMOTE_DIFFERS = 3;

    private final Remote remote;
    private final int timeoutSeconds;

    public ArchiveWriter(Remote remote, int timeoutSeconds) {
        this.remote = remote;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Archives {@code source} as {@code name} in {@code archive}; fails with a clear message. */
    public void archive(Path source, String name, Location archive) {
        if (!Files.isRegularFile(source)) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "WAL file \"" + source + "\" does not exist");
        }
        if (archive.isRemote()) {
            archiveRemote(source, name, archive);
        } else {
            archiveLocal(source, name, archive.localPath());
        }
    }

    private void archiveLocal(Path source, String name, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SkyToolsException(
                    ErrorKind.CONFIG,
                    "archive directory \"" + dir + "\" does not exist; create it with: walmgr <slave.ini> setup");
        }
        Path target = dir.resolve(name);
        try {
            if (LocalFiles.copyNoClobber(source, target)) {
                return;
            }
            if (LocalFiles.sameContent(source, target)) {
                log.info("{}: already archived with the same content", name);
                return;
            }
        } catch (IOException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "cannot archive \"" + name + "\" to \"" + dir + "\": " + e.getMessage(), e);
        }
        throw differs(name, dir.toString());
    }

    private void archiveRemote(Path source, String name, Location dir) {
        String tmp = "." + name + ".xarchive";
        Exec.Result up =
                remote.rsync(List.of(source.toString(), dir.resolve(tmp).rsyncArg(false)), true);
        if (!up.ok()) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "cannot copy \"" + name + "\" to \"" + dir + "\": rsync exit code " + up.exitCode()
                            + (up.message().isEmpty() ? "" : ": " + up.message()));
        }
        Exec.Result done = remote.ssh(dir.host(), publishScript(dir.path(), name, tmp), timeoutSeconds, null);
        if (done.exitCode() == REMOTE_DIFFERS) {
            throw differs(name, dir.toString());
        }
        if (done.exitCode() != 0) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "cannot publish \"" + name + "\" in \"" + dir + "\": exit code " + done.exitCode()
                            + (done.message().isEmpty() ? "" : ": " + done.message()));
        }
        if (done.stdout().contains("same")) {
            log.info("{}: already archived with the same content", name);
        }
    }

    /** The remote step: compare or publish, then sync, in one round trip. */
    static String publishScript(String dir, String name, String tmp) {
        String d = Exec.shellQuote(dir);
        String n = Exec.shellQuote(name);
        String t = Exec.shellQuote(tmp);
        return "cd " + d + " || exit 2; "
                + "if [ -e " + n + " ]; then "
                + "if cmp -s " + t + " " + n + "; then rm -f " + t + "; echo same; exit 0; fi; "
                + "rm -f " + t + "; exit " + REMOTE_DIFFERS + "; fi; "
                + "sync " + t + " 2>/dev/null || sync; "
                + "ln " + t + " " + n + " || { rm -f " + t + "; exit 4; }; "
                + "rm -f " + t + "; "
                + "sync . 2>/dev/null || sync";
    }

    private static SkyToolsException differs(String name, String dir) {
        // PostgreSQL retries a failed archive_command forever; the message in its log has to say why
        return new SkyToolsException(
                ErrorKind.STATE,
                "archive \"" + dir + "\" already holds a different \"" + name
                        + "\"; refusing to overwrite it (is a second master archiving into the same directory?)");
    }
}
