package org.skytools.walmgr.transfer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * Runs external programs (rsync, ssh, pg_ctl, configured shell commands) and waits a bounded time
 * when asked to. Output goes through temporary files rather than pipes: a server started by the
 * command (pg_ctl start) inherits the descriptors and would hold a pipe open forever.
 */
public final class Exec {
    /** Exit code used when a command did not finish in time. */
    public static final int TIMED_OUT = -1;

    private Exec() {}

    /** How a finished command ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The error output, trimmed, or the standard output when there is none. */
        public String message() {
            String e = stderr.strip();
            return e.isEmpty() ? stdout.strip() : e;
        }
    }

    /** Runs a program; a timeout of 0 waits as long as it takes. */
    public static Result run(List<String> argv, Map<String, String> env, int timeoutSeconds) {
        return run(argv, env, timeoutSeconds, null);
    }

    /** Runs a shell command line with {@code /bin/sh -c}. */
    public static Result shell(String commandLine, Map<String, String> env, int timeoutSeconds) {
        return run(List.of("/bin/sh", "-c", commandLine), env, timeoutSeconds, null);
    }

    /**
     * Runs a program, feeding it standard input from {@code stdin} when given (the stream is read
     * to its end by a separate thread so a program that stops reading cannot block us).
     */
    public static Result run(List<String> argv, Map<String, String> env, int timeoutSeconds, InputStream stdin) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("walmgr", ".out");
            err = Files.createTempFile("walmgr", ".err");
            ProcessBuilder pb =
                    new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process p = pb.start();
            Thread feeder = stdin == null ? null : feed(stdin, p.getOutputStream());
            int code = await(p, argv, timeoutSeconds);
            if (feeder != null) {
                feeder.join(TimeUnit.SECONDS.toMillis(10));
            }
            return new Result(code, read(out), read(err));
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.RUNTIME, "cannot run \"" + argv.get(0) + "\": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyToolsException(ErrorKind.RUNTIME, "interrupted while running \"" + argv.get(0) + "\"");
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static int await(Process p, List<String> argv, int timeoutSeconds) throws InterruptedException {
        try {
            if (timeoutSeconds <= 0) {
                return p.waitFor();
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return TIMED_OUT;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private static Thread feed(InputStream in, OutputStream out) {
        Thread t = new Thread(
                () -> {
                    try (in;
                            out) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // the program exited before reading everything; its exit code tells
                    }
                },
                "stdin-feeder");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left in the temp directory does no harm
            }
        }
    }

    /** Quotes one word for a POSIX shell, as ssh passes the remote command to one. */
    public static String shellQuote(String word) {
        if (!word.isEmpty()
                && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "@%_+=:,./-".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A command line of quoted words. */
    public static String shellJoin(List<String> words) {
        return String.join(" ", words.stream().map(Exec::shellQuote).toList());
    }
}
