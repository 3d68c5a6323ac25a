package org.skytools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@PgTest(template = PgClusterIT.MarkerTemplate.class, clusters = 2)
@Timeout(180)
class PgClusterIT {

    /** Leaves a table behind so tests can see they were cloned from the template. */
    public static final class MarkerTemplate implements DatabaseTemplate {
        @Override
        public void populate(Connection c) throws Exception {
            try (Statement st = c.createStatement()) {
                st.execute("create table marker (note text)");
                st.execute("insert into marker values ('from template')");
            }
        }
    }

    @Test
    void eachTestGetsAFreshDatabaseClonedFromTheTemplate(TestDatabase db) {
        assertThat(db.queryValue("select note from marker", String.class)).isEqualTo("from template");
        db.execute("insert into marker values ('changed by this test')");
        assertThat(db.queryValue("select count(*) from marker", Long.class)).isEqualTo(2L);
    }

    @Test
    void anotherTestDoesNotSeeTheFirstTestsChanges(TestDatabase db) {
        assertThat(db.queryValue("select count(*) from marker", Long.class)).isEqualTo(1L);
        assertThat(db.name()).startsWith("t");
    }

    @Test
    void serverRunsAsTheServerUserWithTestSettings(PgCluster cluster, TestDatabase db) {
        assertThat(db.queryValue("select current_setting('fsync')", String.class))
                .isEqualTo("off");
        assertThat(db.queryValue("select current_setting('listen_addresses')", String.class))
                .isEqualTo("127.0.0.1");
        assertThat(db.queryValue("select current_setting('server_version_num')::int / 10000", Integer.class))
                .isEqualTo(cluster.majorVersion());
        assertThat(cluster.dataDir()).isDirectory();
    }

    @Test
    void psqlRunsScriptsAndReportsErrors(TestDatabase db) {
        PsqlResult ok = db.cluster().psql(db.name(), "select 40 + 2 as answer;", List.of("-A", "-t"));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.stdout().trim()).isEqualTo("42");

        PsqlResult bad = db.cluster().psql(db.name(), "select * from no_such_table;");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("no_such_table");
    }

    @Test
    void multiClusterClassesGetSeparateServers(ClusterGroup group) throws Exception {
        assertThat(group.size()).isEqualTo(2);
        assertThat(group.get(0).port()).isNotEqualTo(group.get(1).port());
        try (Connection a = group.get(0).connect("postgres");
                Connection b = group.get(1).connect("postgres");
                Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            sa.execute("create table if not exists only_on_a (x int)");
            var rs = sb.executeQuery("select count(*) from pg_class where relname = 'only_on_a'");
            rs.next();
            assertThat(rs.getInt(1)).isZero();
            sa.execute("drop table only_on_a");
        }
    }

    @Test
    void restartKeepsDataAndPort(ClusterGroup group) throws Exception {
        PgCluster second = group.get(1);
        int port = second.port();
        second.createDatabase("survives_restart", null);
        second.restart();
        assertThat(second.port()).isNotZero();
        try (Connection c = second.connect("survives_restart")) {
            assertThat(c.isValid(5)).isTrue();
        }
        assertThat(second.port()).isNotEqualTo(0).isGreaterThan(0);
        assertThat(port).isPositive();
    }

    @Test
    void startUpTimeIsReported() {
        long t0 = System.nanoTime();
        try (PgCluster c = PgCluster.start(ClusterOptions.named("timing"))) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("cluster start-up: %.2f s (initdb + pg_ctl start + first connection)%n", seconds);
            assertThat(c.isRunning()).isTrue();
        }
    }
}
