package org.skytools.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short external commands with a bounded wait, capturing their output through files. */
final class Commands {
    private Commands() {}

    /** The outcome of a finished command. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs a command and waits at most {@code timeoutSeconds}. Output goes through temp files, not
     * pipes, because daemons started by the command (pg_ctl's postmaster) inherit its descriptors
     * and would keep a pipe open forever.
     */
    static Result run(List<String> command, String stdin, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("cmd", ".out");
        Path err = Files.createTempFile("cmd", ".err");
        Path in = null;
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin != null) {
                in = Files.createTempFile("cmd", ".in");
                Files.writeString(in, stdin);
                pb.redirectInput(in.toFile());
            } else {
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process p = pb.start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("command timed out after " + timeoutSeconds + " s: " + command);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command, e);
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (in != null) {
                Files.deleteIfExists(in);
            }
        }
    }

    /** Runs a command and fails with its output when it exits non-zero. */
    static Result check(List<String> command, String stdin, int timeoutSeconds) throws IOException {
        Result r = run(command, stdin, timeoutSeconds);
        if (!r.ok()) {
            throw new IOException(
                    "command failed with exit code " + r.exitCode() + ": " + command + "\n" + r.stdout() + r.stderr());
        }
        return r;
    }
}
