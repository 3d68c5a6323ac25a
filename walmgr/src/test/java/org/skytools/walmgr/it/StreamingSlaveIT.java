package org.skytools.walmgr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/** W-10 end to end: createslave builds a streaming standby; boot promotes it. */
@PgTest(
        clusters = 2,
        settings = {"wal_level=replica", "archive_mode=on", "archive_command='/bin/true'", "max_wal_senders=10"})
@Timeout(300)
class StreamingSlaveIT {

    private static String onSlave(Site site, String query) throws Exception {
        try (Connection c = site.slaveConnection()) {
            return Sql.value(c, query);
        }
    }

    @Test
    void w10_createslaveStreamsAndBootPromotes(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        // embedded binaries of other majors come without the client programs
        assumeTrue(Files.isExecutable(master.binDir().resolve("pg_basebackup")), "no pg_basebackup");
        assumeTrue(Files.isExecutable(master.binDir().resolve("pg_receivewal")), "no pg_receivewal");
        try (Site site = new Site(master, "stream", false)) {
            site.slaveExtra.put(
                    "primary_conninfo",
                    "host=127.0.0.1 port=" + master.port() + " user=postgres application_name=walslave");
            site.writeConfigs();
            Sql.exec(
                    master,
                    "drop table if exists streamed",
                    "create table streamed (id int)",
                    "insert into streamed values (1)");
            site.ok(site.masterIni, "setup");

            site.ok(site.slaveIni, "createslave");
            assertThat(site.completed.resolve("PG_RECEIVEXLOG")).doesNotExist();
            assertThat(site.completed.resolve("BACKUPLOCK")).doesNotExist();
            assertThat(site.fullBackup).doesNotExist();
            try (Stream<java.nio.file.Path> s = Files.list(site.completed)) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
            }
            assertThat(site.slaveData.resolve("standby.signal")).exists();
            assertThat(site.slaveData.resolve("postgresql.auto.conf"))
                    .content()
                    .contains("primary_conninfo = 'host=127.0.0.1")
                    .contains("archive_cleanup_command = ")
                    .doesNotContain("recovery_prefetch");

            Sql.exec(master, "insert into streamed select generate_series(2, 100)");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "100"
                    .equals(onSlave(site, "select count(*) from streamed")));
            await().atMost(Duration.ofSeconds(30)).until(() -> "1"
                    .equals(Sql.value(
                            master, "select count(*) from pg_stat_replication where application_name = 'walslave'")));
            assertThat(onSlave(site, "select pg_is_in_recovery()::text")).isEqualTo("true");

            site.ok(site.masterIni, "synch-standby", "walslave");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "walslave".equals(Sql.value(master, "show synchronous_standby_names")));
            Site.Result refused = site.walmgr(site.masterIni, "synch-standby", "nosuchslave");
            assertThat(refused.exitCode()).isEqualTo(6);
            assertThat(refused.stderr()).contains("must be connected");
            assertThat(Sql.value(master, "show synchronous_standby_names")).isEqualTo("walslave");
            site.ok(site.masterIni, "synch-standby", "");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "".equals(Sql.value(master, "show synchronous_standby_names")));

            site.ok(site.slaveIni, "boot");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "false"
                    .equals(onSlave(site, "select pg_is_in_recovery()::text")));
            try (Connection c = site.slaveConnection()) {
                c.createStatement().execute("insert into streamed values (101)");
                assertThat(Sql.value(c, "select count(*) from streamed")).isEqualTo("101");
            }
            site.ok(site.masterIni, "stop");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "/bin/true".equals(Sql.value(master, "show archive_command")));
            site.passed();
        }
    }
}
