package org.skytools.walmgr.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A distribution tree as the package installs it ({@code bin/walmgr} over {@code
 * lib/skytools-launch}, {@code lib/skytools-cds} and the jars of {@code lib/}), built once per test JVM under /tmp where the
 * server user can read it. Class directories are packed into jars, as class-data sharing needs.
 */
final class WalmgrDist {
    static final Path BASE = Path.of("/tmp", "walmgr-it");
    private static Path home;

    private WalmgrDist() {}

    static synchronized Path home() throws Exception {
        if (home != null) {
            return home;
        }
        Files.createDirectories(BASE);
        new ProcessBuilder("chmod", "1777", BASE.toString()).start().waitFor();
        removeStale();
        Path dir = Files.createTempDirectory(BASE, "dist-");
        Files.writeString(
                dir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path module = Path.of("").toAbsolutePath();
        String cp = Files.readString(module.resolve("target/runtime-classpath.txt"), StandardCharsets.UTF_8)
                .strip();
        for (String entry : cp.split(":")) {
            copyEntry(Path.of(entry), lib);
        }
        jar(module.resolve("target/classes"), lib.resolve("walmgr.jar"));
        Path repo = module.getParent();
        install(repo.resolve("debian/src/lib/skytools-launch"), lib.resolve("skytools-launch"));
        install(repo.resolve("debian/src/lib/skytools-cds"), lib.resolve("skytools-cds"));
        install(repo.resolve("debian/src/bin/walmgr"), bin.resolve("walmgr"));
        Files.createDirectories(lib.resolve("cds"));
        ServerUser.own(lib.resolve("cds"));
        home = dir;
        return dir;
    }

    /** Removes trees of test JVMs that are gone. */
    private static void removeStale() throws IOException {
        try (Stream<Path> dirs = Files.list(BASE)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path owner = d.resolve("owner.pid");
                if (d.getFileName().toString().startsWith("dist-") && Files.exists(owner)) {
                    long pid = Long.parseLong(Files.readString(owner).strip());
                    if (ProcessHandle.of(pid).isEmpty()) {
                        delete(d);
                    }
                }
            }
        }
    }

    private static void delete(Path d) {
        try {
            new ProcessBuilder("rm", "-rf", d.toString()).start().waitFor();
        } catch (IOException e) {
            // a stale tree under /tmp does no harm
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path launcher() throws Exception {
        return home().resolve("bin/walmgr");
    }

    private static void copyEntry(Path entry, Path lib) throws IOException {
        if (Files.isDirectory(entry)) {
            jar(entry, lib.resolve(entry.getParent().getParent().getFileName() + ".jar"));
        } else {
            Files.copy(entry, lib.resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void install(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void jar(Path classes, Path target) throws IOException {
        try (OutputStream os = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(os);
                Stream<Path> all = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) all.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    jar.putNextEntry(new JarEntry(classes.relativize(p).toString()));
                    Files.copy(p, jar);
                    jar.closeEntry();
                }
            }
        }
    }
}
