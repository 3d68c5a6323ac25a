package org.skytools.walmgr.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * walmgr runs as the PostgreSQL server user, as archive_command and restore_command do: when the
 * tests run as root, commands go through {@code runuser -u postgres} and test directories belong
 * to postgres.
 */
final class ServerUser {
    static final String NAME = "postgres";

    private ServerUser() {}

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static List<String> wrap(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> w = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        w.addAll(command);
        return w;
    }

    static void own(Path path) throws IOException, InterruptedException {
        if (isRoot()) {
            new ProcessBuilder("chown", "-R", NAME + ":", path.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }
}
