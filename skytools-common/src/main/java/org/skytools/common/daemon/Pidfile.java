package org.skytools.common.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-instance rule of SkyTools: a pidfile naming a live process means another instance
 * runs; a pidfile naming a dead process (or empty) is stale and replaced. The file is written
 * atomically and exclusively (hard link of a complete temporary file) and removed on exit, but
 * only while it still names this process.
 */
public final class Pidfile {
    private static final Logger log = LoggerFactory.getLogger(Pidfile.class);

    private final Path path;

    /** A pidfile at {@code path}; nothing is read or written yet. */
    public Pidfile(Path path) {
        this.path = path;
    }

    /** The pidfile location. */
    public Path path() {
        return path;
    }

    /**
     * The pid written in the file; empty if there is no file or it is empty.
     *
     * @throws SkyToolsException kind RUNTIME if the file holds something other than a pid
     */
    public OptionalLong read() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot read pidfile \"" + path + "\": " + e, e);
        }
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME,
                    "pidfile \"" + path + "\" is corrupt (content \""
                            + text.lines().findFirst().orElse("") + "\"); remove it if no process is running");
        }
    }

    /** The pid in the file if that process is alive. */
    public OptionalLong livePid() {
        OptionalLong pid = read();
        return pid.isPresent() && isAlive(pid.getAsLong()) ? pid : OptionalLong.empty();
    }

    /**
     * Fails if a live process holds the pidfile; removes a stale one.
     *
     * @throws SkyToolsException kind ALREADY_RUNNING naming the pidfile and the pid
     */
    public void checkNotRunning() {
        OptionalLong pid = read();
        if (pid.isPresent()
                && isAlive(pid.getAsLong())
                && pid.getAsLong() != ProcessHandle.current().pid()) {
            throw new SkyToolsException(
                    ErrorKind.ALREADY_RUNNING,
                    "pidfile \"" + path + "\" exists, another process running? (pid " + pid.getAsLong() + " is alive)");
        }
        if (Files.exists(path)) {
            log.info(
                    "ignoring stale pidfile \"{}\" (pid {} is not running)",
                    path,
                    pid.isPresent() ? pid.getAsLong() : "missing");
            delete(path);
        }
    }

    /**
     * Writes this process's pid, failing with ALREADY_RUNNING if another live process holds the
     * file meanwhile.
     */
    public void create() {
        long pid = ProcessHandle.current().pid();
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw SkyToolsException.config(
                    "pidfile directory \"" + dir + "\" does not exist; create it or change 'pidfile'");
        }
        Path tmp = dir.resolve(path.getFileName() + ".tmp" + pid);
        try {
            Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(path, tmp);
            } catch (FileAlreadyExistsException e) {
                checkNotRunning();
                Files.createLink(path, tmp);
            } catch (UnsupportedOperationException e) {
                // file systems without hard links: atomic rename, not exclusive
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new SkyToolsException(
                    ErrorKind.ALREADY_RUNNING, "pidfile \"" + path + "\" exists, another process running?");
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.CONFIG, "cannot write pidfile \"" + path + "\": " + e, e);
        } finally {
            delete(tmp);
        }
    }

    /** Removes the pidfile if it still names this process. */
    public void remove() {
        try {
            OptionalLong pid = read();
            if (pid.isPresent() && pid.getAsLong() == ProcessHandle.current().pid()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | SkyToolsException e) {
            log.warn("cannot remove pidfile \"{}\": {}", path, e.getMessage());
        }
    }

    /**
     * Sends signal {@code name} ({@code HUP}, {@code INT}, {@code TERM}) to process {@code pid}.
     *
     * @return whether the signal was delivered
     */
    public static boolean signal(long pid, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            // no kill command: SIGTERM is all Java can send by itself
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            return name.equals("TERM") && handle.isPresent() && handle.get().destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether process {@code pid} runs; a zombie (exited, not yet reaped) counts as dead. */
    public static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return true;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot remove \"{}\": {}", file, e.getMessage());
        }
    }
}
