package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive for londiste ({@code lib/skytools-cds ... static}):
 * made from the training run, it maps at start and holds the command-line library, whose old
 * class files an archive made at the JVM's exit leaves out.
 */
class CdsArchiveIT {
    private static final String OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off,cds+dynamic=off";

    @TempDir
    Path dir;

    @Test
    void theStaticArchiveHoldsTheCommandLineLibrary() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            // class-data sharing takes classes from jars only
            if (Files.isDirectory(p)) {
                jar(p, lib.resolve("classes-" + n++ + ".jar"));
            } else if (entry.endsWith(".jar")) {
                Files.copy(p, lib.resolve(n++ + "-" + p.getFileName()));
            }
        }
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path cds = lib.resolve("skytools-cds");
        Files.copy(repo.resolve("debian/src/lib/skytools-cds"), cds);

        Result made = run(List.of("sh", cds.toString(), "londiste", CdsTraining.class.getName(), "static"));
        assertThat(made.code()).as(made.output()).isZero();
        Path jsa = lib.resolve("cds/londiste.jsa");
        assertThat(jsa).isNotEmptyFile();
        assertThat(lib.resolve("cds")).isDirectoryNotContaining("glob:**.classes");

        // -Xshare:on: the JVM refuses to start when it cannot map the archive
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + jsa,
                "-Xshare:on",
                "-Xlog:class+load=info"));
        java.addAll(List.of(OPTS.split(" ")));
        java.addAll(List.of("-cp", lib + "/*", "org.skytools.londiste.Main", "--version"));
        Result started = run(java);
        assertThat(started.code()).as(started.output()).isZero();
        assertThat(started.output())
                .contains("picocli.CommandLine source: shared objects file")
                .contains("org.skytools.londiste.cli.LondisteCommand source: shared objects file");

        // a second call finds the archive current and leaves it as it is
        long modified = Files.getLastModifiedTime(jsa).toMillis();
        assertThat(run(List.of("sh", cds.toString(), "londiste", CdsTraining.class.getName(), "static"))
                        .code())
                .isZero();
        assertThat(Files.getLastModifiedTime(jsa).toMillis()).isEqualTo(modified);
    }

    private record Result(int code, String output) {}

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SKYTOOLS_JAVA_OPTS", OPTS);
        pb.environment()
                .put(
                        "SKYTOOLS_JAVA",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void jar(Path classes, Path target) throws IOException {
        try (OutputStream os = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(os);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    jar.putNextEntry(
                            new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, jar);
                    jar.closeEntry();
                }
            }
        }
    }
}
