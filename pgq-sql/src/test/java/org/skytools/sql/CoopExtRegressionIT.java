package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * Golden psql tests of pgq_coop and pgq_ext, run like {@link RegressionIT} but in databases that
 * also have those schemas: {@code regress-coop-ext/sql/NAME.sql} must print
 * {@code regress-coop-ext/expected/NAME.out}.
 */
@PgTest(template = CoopExtTemplate.class)
@Timeout(300)
class CoopExtRegressionIT {

    @ParameterizedTest
    @ValueSource(strings = {"pgq_coop_test", "pgq_ext_test"})
    void goldenOutput(String name, TestDatabase db) throws Exception {
        Path script = resource("sql/" + name + ".sql");
        String expected = Files.readString(resource("expected/" + name + ".out"), StandardCharsets.UTF_8);
        assertThat(psql(db.cluster(), db.name(), script))
                .as("output of %s", name)
                .isEqualTo(expected);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(CoopExtRegressionIT.class
                .getResource("/regress-coop-ext/" + name)
                .toURI());
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
}
