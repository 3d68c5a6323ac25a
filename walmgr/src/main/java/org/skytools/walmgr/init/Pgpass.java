package org.skytools.walmgr.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** The replication lines of a {@code ~/.pgpass} file ({@code host:port:replication:user:password}). */
public final class Pgpass {
    private final Path file;
    private final List<String> lines;

    private Pgpass(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static Pgpass load(Path file) throws IOException {
        return new Pgpass(
                file, Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>());
    }

    /** Puts the line for streaming replication first, replacing an older one. */
    public void ensureUser(String host, String port, String user, String password) {
        removeUser(host, port, user);
        lines.add(0, host + ":" + port + ":replication:" + user + ":" + password);
    }

    /** Removes the replication lines of a host, port and user; true if there were any. */
    public boolean removeUser(String host, String port, String user) {
        return lines.removeIf(l -> {
            String[] f = l.split(":", -1);
            return f.length == 5
                    && f[0].equals(host)
                    && f[1].equals(port)
                    && f[2].equals("replication")
                    && f[3].equals(user);
        });
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Writes the file with mode 0600, which libpq requires. */
    public void write() throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
