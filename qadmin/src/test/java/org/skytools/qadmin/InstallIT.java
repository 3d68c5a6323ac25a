package org.skytools.qadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** {@code install pgq} / {@code install londiste} in databases without PgQ. */
@PgTest
@Timeout(120)
class InstallIT {

    private static boolean bundled(String schema) {
        return Arrays.stream(SqlSchema.values()).anyMatch(s -> s.schemaName().equals(schema));
    }

    @Test
    void commandsNeedingPgqSayHowToInstallIt(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "create queue q");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err())
                .isEqualTo("ERROR: schema \"pgq\" is not installed in database \"" + db.name()
                        + "\"; install it with: install pgq;\n");
    }

    @Test
    void installPgqInstallsThenReportsUpToDate(TestDatabase db) {
        QadminRun first = QadminRun.on(db, "-c", "install pgq; show version; create queue q");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out())
                .startsWith("installed pgq 3.")
                .contains("INSTALL\n")
                .contains("CREATE\n");
        assertThat(first.out()).containsPattern("pgq version 3\\.\\d+");
        assertThat(db.queryValue("select count(*) from pgq.queue", Long.class)).isEqualTo(1L);

        QadminRun second = QadminRun.on(db, "-c", "install pgq");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).containsPattern("pgq 3\\.\\S+ is up to date\n");
        for (String schema : new String[] {"pgq_ext", "pgq_node", "pgq_coop"}) {
            if (bundled(schema)) {
                assertThat(db.queryValue("select count(*) from pg_namespace where nspname = ?", Long.class, schema))
                        .isEqualTo(1L);
            } else {
                assertThat(second.err()).contains("does not include").contains(schema);
            }
        }
    }

    @Test
    void installLondisteFailsClearlyWhileTheBuildLacksIt(TestDatabase db) {
        assumeFalse(bundled("londiste"), "londiste is bundled");
        QadminRun run = QadminRun.on(db, "-c", "install londiste");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).startsWith("installed pgq ");
        assertThat(run.err()).contains("ERROR: schema \"londiste\" is not included in this build of SkyTools");
    }

    @Test
    void nodeCommandsNameTheMissingSchema(TestDatabase db) {
        assumeFalse(bundled("pgq_node"), "pgq_node is bundled");
        QadminRun run = QadminRun.on(db, "-c", "install pgq; create queue q; show node * on q");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).contains("CREATE\n");
        assertThat(run.err()).contains("schema \"pgq_node\" is not installed").contains("does not include it");
    }

    @Test
    void unreachableServerExitsWithTheConnectCode() {
        QadminRun run = QadminRun.raw("-h", "127.0.0.1", "-p", "1", "-c", "show queue", "postgres");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).startsWith("ERROR: cannot connect to database \"postgres\"");
    }

    @Test
    void commandLineUsage() {
        QadminRun help = QadminRun.raw("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("-Q=QUEUE").contains("CONNSTR_OR_DBNAME");
        QadminRun both = QadminRun.raw("-c", "show queue", "-f", "x.sql");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        QadminRun version = QadminRun.raw("--version");
        assertThat(version.out()).startsWith("qadmin, SkyTools for Java ");
    }
}
