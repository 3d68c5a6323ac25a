package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.TestDatabase;

/**
 * Golden tests in the manner of pg_regress: each {@code <suite>/sql/NAME.sql} runs through {@code
 * psql -X -a -q} in a fresh copy of the template database, and its output must equal {@code
 * <suite>/expected/NAME.out}. The actual output of a failing script is kept in {@code
 * target/<suite>/results/NAME.out} and its database is left for inspection.
 */
final class GoldenScripts {
    private GoldenScripts() {}

    /** One dynamic test per script of the suite's resource directory. */
    static Stream<DynamicTest> suite(String suite, TestDatabase template) throws Exception {
        Path dir = resource(suite, "sql");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(scripts).as("scripts in %s", dir).isNotEmpty();
        return scripts.stream()
                .map(script -> DynamicTest.dynamicTest(name(script), () -> run(suite, template, script)));
    }

    private static void run(String suite, TestDatabase template, Path script) throws Exception {
        PgCluster cluster = template.cluster();
        String name = name(script);
        String db = (suite.replace('-', '_') + "_" + name).toLowerCase(Locale.ROOT);
        cluster.dropDatabase(db);
        // the injected database is a fresh copy of the template that nobody is connected to
        cluster.createDatabase(db, template.name());
        String actual = psql(cluster, db, script);
        Path expectedFile = resource(suite, "expected").resolve(name + ".out");
        String expected =
                Files.isRegularFile(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "";
        Path results = Path.of("target", suite, "results");
        if (!actual.equals(expected)) {
            Files.createDirectories(results);
            Files.writeString(results.resolve(name + ".out"), actual, StandardCharsets.UTF_8);
        } else {
            cluster.dropDatabase(db);
        }
        assertThat(actual)
                .as("output of %s (actual output in %s)", script.getFileName(), results)
                .isEqualTo(expected);
    }

    private static String psql(PgCluster cluster, String db, Path script) throws IOException, InterruptedException {
        Path out = Files.createTempFile("regress", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(
                            cluster.psqlBinary(),
                            "-X",
                            "-a",
                            "-q",
                            "-h",
                            cluster.host(),
                            "-p",
                            Integer.toString(cluster.port()),
                            "-U",
                            cluster.superuser(),
                            "-d",
                            db)
                    .redirectInput(script.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            // fixed locale and time zone so that outputs compare byte for byte on any machine
            pb.environment().put("LC_ALL", "C");
            pb.environment().put("PGTZ", "UTC");
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("psql did not finish " + script + " within 120 s");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path resource(String suite, String dir) throws Exception {
        var url = GoldenScripts.class.getResource("/" + suite + "/" + dir);
        if (url == null) {
            throw new IllegalStateException("no test resource directory /" + suite + "/" + dir);
        }
        return Path.of(url.toURI());
    }

    private static String name(Path script) {
        String file = script.getFileName().toString();
        return file.substring(0, file.length() - ".sql".length());
    }
}
