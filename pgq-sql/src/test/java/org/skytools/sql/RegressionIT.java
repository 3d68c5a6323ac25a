package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * Golden tests in the manner of pg_regress: each {@code regress/sql/NAME.sql} runs through
 * {@code psql -X -a -q} in a fresh database with pgq installed, and its output must equal
 * {@code regress/expected/NAME.out}. The actual output of a failing script is kept in
 * {@code target/regress/results/NAME.out}.
 */
@PgTest(template = PgqTemplate.class)
@Timeout(300)
class RegressionIT {
    private static final Path RESULTS = Path.of("target", "regress", "results");

    @TestFactory
    Stream<DynamicTest> regressionScripts(TestDatabase template) throws Exception {
        Path dir = Path.of(RegressionIT.class.getResource("/regress/sql").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(scripts).isNotEmpty();
        return scripts.stream().map(script -> DynamicTest.dynamicTest(name(script), () -> run(template, script)));
    }

    private static void run(TestDatabase template, Path script) throws Exception {
        PgCluster cluster = template.cluster();
        String name = name(script);
        String db = ("regress_" + name).toLowerCase();
        cluster.dropDatabase(db);
        // the injected database is a fresh copy of the pgq template nobody is connected to
        cluster.createDatabase(db, template.name());
        String actual = psql(cluster, db, script);
        String expected = expected(name);
        if (!actual.equals(expected)) {
            Files.createDirectories(RESULTS);
            Files.writeString(RESULTS.resolve(name + ".out"), actual, StandardCharsets.UTF_8);
        } else {
            cluster.dropDatabase(db);
        }
        assertThat(actual)
                .as("output of %s (actual output in %s)", script.getFileName(), RESULTS)
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

    private static String expected(String name) throws IOException, URISyntaxException {
        var url = RegressionIT.class.getResource("/regress/expected/" + name + ".out");
        return url == null ? "" : Files.readString(new File(url.toURI()).toPath(), StandardCharsets.UTF_8);
    }

    private static String name(Path script) {
        String file = script.getFileName().toString();
        return file.substring(0, file.length() - ".sql".length());
    }
}
