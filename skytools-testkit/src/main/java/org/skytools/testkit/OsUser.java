package org.skytools.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system user that runs PostgreSQL server binaries. PostgreSQL refuses to run as
 * root, so when the tests run as root every server command goes through {@code runuser -u
 * postgres}.
 */
final class OsUser {
    static final String SERVER_USER = "postgres";

    private OsUser() {}

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static boolean serverUserExists() {
        try {
            return new ProcessBuilder("id", "-u", SERVER_USER)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Wraps a server command so it runs as the server user when we are root. */
    static List<String> asServerUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SERVER_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a directory to the server user (recursively) when we are root. */
    static void giveToServerUser(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        Commands.run(List.of("chown", "-R", SERVER_USER + ":", dir.toString()), null, 60);
    }
}
