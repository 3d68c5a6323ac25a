package org.skytools.qadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** {@code install pgq} / {@code install londiste} in databases without PgQ. */
@PgTest
@Timeout(120)
class InstallIT {

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
            assertThat(db.queryValue("select count(*) from pg_namespace where nspname = ?", Long.class, schema))
                    .as("schema %s", schema)
                    .isEqualTo(1L);
        }
    }

    @Test
    void installLondisteInstallsEverythingANodeNeeds(TestDatabase db) {
        QadminRun run = QadminRun.on(db, "-c", "install londiste");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (String schema : new String[] {"pgq", "pgq_node", "londiste"}) {
            assertThat(db.queryValue("select count(*) from pg_namespace where nspname = ?", Long.class, schema))
                    .as("schema %s", schema)
                    .isEqualTo(1L);
        }
        QadminRun again = QadminRun.on(db, "-c", "install londiste");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).containsPattern("londiste 3\\.\\S+ is up to date\n");
    }

    @Test
    void showNodeListsTheLocationsOfACascadedQueue(TestDatabase db) {
        QadminRun run = QadminRun.on(
                db,
                "-c",
                "install londiste; select * from pgq_node.register_location('q', 'node1', 'dbname=x', false);"
                        + " show node * on q");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("node1").contains("dbname=x");
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
