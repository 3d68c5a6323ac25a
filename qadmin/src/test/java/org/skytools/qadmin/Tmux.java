package org.skytools.qadmin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private tmux server ({@code tmux -L <socket>}) holding one session: a real terminal to run
 * the console in, type into and read the screen of.
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private Path socketPath;

    Tmux(String socket) {
        this.socket = socket;
    }

    /** Starts a detached session of the given size running {@code command}. */
    void start(int width, int height, List<String> command) {
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-x", "" + width, "-y", "" + height));
        args.addAll(command);
        run(args);
        socketPath =
                Path.of(run(List.of("display-message", "-p", "#{socket_path}")).strip());
    }

    /**
     * Types {@code text} literally. A lone {@code ;} argument separates tmux commands, so
     * semicolons are sent by their hex code.
     */
    void type(String text) {
        StringBuilder chunk = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == ';') {
                flush(chunk);
                run(List.of("send-keys", "-H", "3b"));
            } else {
                chunk.append(c);
            }
        }
        flush(chunk);
    }

    private void flush(StringBuilder chunk) {
        if (chunk.length() > 0) {
            run(List.of("send-keys", "-l", chunk.toString()));
            chunk.setLength(0);
        }
    }

    /** Presses a named key such as {@code Tab}, {@code Enter} or {@code C-d}. */
    void key(String key) {
        run(List.of("send-keys", key));
    }

    /** The visible screen, trailing blanks of each line removed. */
    String screen() {
        return run(List.of("capture-pane", "-p"));
    }

    /** Whether the session still runs (its command has not exited). */
    boolean alive() {
        return exec(List.of("has-session")).exitCode == 0;
    }

    @Override
    public void close() {
        exec(List.of("kill-server"));
        if (socketPath != null) {
            try {
                Files.deleteIfExists(socketPath);
            } catch (IOException e) {
                // a stale socket file in /tmp harms nothing
            }
        }
    }

    private String run(List<String> args) {
        Result r = exec(args);
        if (r.exitCode != 0) {
            throw new IllegalStateException("tmux " + args + " failed with " + r.exitCode + ": " + r.output);
        }
        return r.output;
    }

    private record Result(int exitCode, String output) {}

    private Result exec(List<String> args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tmux " + args + " hangs");
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run tmux", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
