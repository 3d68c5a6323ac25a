package org.skytools.walmgr.slave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.skytools.walmgr.transfer.LocalFiles;

/**
 * Server programs such as pg_ctl refuse to run as root. When walmgr runs as root they run as the
 * owner of the data directory instead.
 */
final class ServerUser {
    private ServerUser() {}

    static List<String> wrap(List<String> command, Path dataDir) {
        if (!LocalFiles.isRoot()) {
            return command;
        }
        try {
            String owner = Files.readAttributes(dataDir, PosixFileAttributes.class)
                    .owner()
                    .getName();
            if ("root".equals(owner)) {
                return command;
            }
            List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", owner, "--"));
            wrapped.addAll(command);
            return wrapped;
        } catch (IOException e) {
            return command;
        }
    }
}
