package org.skytools.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where clusters live. Each cluster directory holds an {@code owner.pid} file naming the test JVM;
 * directories whose JVM is gone are left-overs of a crashed run: their server is stopped and the
 * directory removed before new clusters start.
 */
final class ClusterDirectories {
    private static final Logger log = LoggerFactory.getLogger(ClusterDirectories.class);
    private static final String OWNER_FILE = "owner.pid";

    private ClusterDirectories() {}

    /**
     * The base directory. Under /tmp by default rather than the build directory, because the
     * server user must be able to reach it and a checkout may sit below a private home directory.
     */
    static Path base() throws IOException {
        String configured = System.getProperty("skytools.test.dir");
        Path base = configured != null ? Path.of(configured) : Path.of("/tmp", "skytools-test-clusters");
        if (!Files.isDirectory(base)) {
            Files.createDirectories(base);
            // world-writable with the sticky bit, like /tmp: test JVMs of several users share it
            Commands.run(List.of("chmod", "1777", base.toString()), null, 30);
        }
        return base;
    }

    static Path create(Path base, String name) throws IOException {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        Path dir = Files.createTempDirectory(base, safe + "-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(
                dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        return dir;
    }

    static void cleanStale(Path base) {
        try (Stream<Path> dirs = Files.list(base)) {
            dirs.filter(Files::isDirectory).filter(ClusterDirectories::isStale).forEach(dir -> {
                log.info("removing left-over test cluster {}", dir);
                stopLeftOverServer(dir.resolve("data"));
                delete(dir);
            });
        } catch (IOException e) {
            log.warn("cannot scan {} for left-over clusters: {}", base, e.getMessage());
        }
    }

    private static boolean isStale(Path dir) {
        Path owner = dir.resolve(OWNER_FILE);
        try {
            long pid = Long.parseLong(Files.readString(owner).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void stopLeftOverServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        } catch (IOException | RuntimeException e) {
            log.warn("cannot stop left-over server in {}: {}", dataDir, e.getMessage());
        }
    }

    static void delete(Path dir) {
        try {
            Commands.run(List.of("rm", "-rf", dir.toString()), null, 120);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
