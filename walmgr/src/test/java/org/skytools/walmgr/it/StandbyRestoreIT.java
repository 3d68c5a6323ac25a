package org.skytools.walmgr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/** W-13 and W-7 end to end: archive, base backup, restore on the slave, pause, continue, boot. */
@PgTest(
        clusters = 2,
        settings = {"wal_level=replica", "archive_mode=on", "archive_command='/bin/true'", "max_wal_senders=10"})
@Timeout(300)
class StandbyRestoreIT {

    private static long rows(Site site, String table) throws Exception {
        try (Connection c = site.slaveConnection()) {
            return Long.parseLong(Sql.value(c, "select count(*) from " + table));
        }
    }

    private static boolean inRecovery(Site site) throws Exception {
        try (Connection c = site.slaveConnection()) {
            return "t".equals(Sql.value(c, "select pg_is_in_recovery()::text::char"));
        }
    }

    private static void setupAndBackup(Site site) throws Exception {
        site.ok(site.masterIni, "setup");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.value(site.master, "show archive_command").contains("xarchive"));
        site.ok(site.masterIni, "backup");
    }

    private void w13(PgCluster master, boolean remote) throws Exception {
        try (Site site = new Site(master, remote ? "w13remote" : "w13", remote)) {
            if (remote) {
                // record-based shipping: sync sends the new bytes through xpartialsync over ssh
                site.masterExtra.put("use_xlog_functions", "1");
                site.writeConfigs();
            }
            // an older slave data directory: restore must move it aside, never delete it
            Files.createDirectories(site.slaveData);
            Files.writeString(site.slaveData.resolve("PG_VERSION"), "15\n");
            Files.writeString(site.slaveData.resolve("old-marker"), "keep me");
            ServerUser.own(site.slaveData.getParent());

            String table = remote ? "w13_remote" : "w13_local";
            Sql.exec(
                    master,
                    "drop table if exists " + table,
                    "create table " + table + " (id int primary key, note text)");
            setupAndBackup(site);
            assertThat(site.fullBackup.resolve("backup_label")).content().contains("LABEL: FullBackup");
            assertThat(site.fullBackup.resolve("PG_VERSION")).exists();
            assertThat(site.fullBackup.resolve("postmaster.pid")).doesNotExist();
            assertThat(site.fullBackup.resolve("pg_wal/archive_status")).isDirectory();
            assertThat(site.walmgrData.resolve("config.backup/postgresql.conf")).exists();

            Sql.exec(master, "insert into " + table + " select g, 'row ' || g from generate_series(1, 500) g");
            site.ok(site.masterIni, "sync");
            String current = Sql.value(master, "select pg_walfile_name(pg_current_wal_lsn())");
            assertThat(site.partial.resolve(current)).hasSize(16L * 1024 * 1024);
            site.ok(site.slaveIni, "restore");
            assertThat(site.dir.resolve("slave/data.0/old-marker")).hasContent("keep me");
            assertThat(site.fullBackup).doesNotExist();
            assertThat(site.slaveData.resolve("recovery.signal")).exists();
            assertThat(site.slaveData.resolve("postgresql.auto.conf")).content().contains("xrestore %f \"%p\" %r");

            site.ok(site.slaveIni, "boot");
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> !inRecovery(site));
            assertThat(rows(site, table)).isEqualTo(500);
            try (Connection c = site.slaveConnection()) {
                assertThat(Sql.value(c, "show archive_command")).isEqualTo("/bin/true");
            }
            assertThat(site.slaveData.resolve("postgresql.conf")).content().contains("archive_command = '/bin/true'");
            site.passed();
        }
    }

    @Test
    void w13_backupSyncRestoreAndBootBringTheMastersRowsToTheSlave(ClusterGroup group) throws Exception {
        w13(group.get(1), false);
    }

    @Test
    void w13_sameThroughRsyncAndSshToAnotherHost(ClusterGroup group) throws Exception {
        w13(group.get(1), true);
    }

    @Test
    void w7_pauseHoldsReplayAndContinueReleasesIt(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        try (Site site = new Site(master, "pause", false)) {
            Sql.exec(master, "drop table if exists paused", "create table paused (id int)");
            setupAndBackup(site);
            site.ok(site.slaveIni, "restore");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> rows(site, "paused") == 0);

            site.ok(site.slaveIni, "pause");
            Sql.exec(master, "insert into paused values (1)");
            String segment = Sql.switchWal(master);
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(site.completed.resolve(segment)));
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> rows(site, "paused") == 0);

            site.ok(site.slaveIni, "continue");
            await().atMost(Duration.ofSeconds(60)).until(() -> rows(site, "paused") == 1);
            assertThat(inRecovery(site)).isTrue();
            site.passed();
        }
    }

    @Test
    void w9_backupTakenOnTheSlaveWhileItReplays(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        // embedded binaries of other majors come without pg_controldata
        assumeTrue(Files.isExecutable(master.binDir().resolve("pg_controldata")), "no pg_controldata");
        try (Site site = new Site(master, "slavebackup", false)) {
            setupAndBackup(site);
            site.ok(site.slaveIni, "restore");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> inRecovery(site));
            site.ok(site.slaveIni, "backup");
            Path label = site.fullBackup.resolve("backup_label");
            assertThat(label).content().contains("BACKUP FROM: standby").contains("LABEL: SlaveBackup");
            assertThat(site.fullBackup.resolve("postmaster.pid")).doesNotExist();
            assertThat(site.completed.resolve("PAUSE")).doesNotExist();
            assertThat(site.completed.resolve("BACKUPLOCK")).doesNotExist();
            try (var s = Files.list(site.completed)) {
                assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".backup"));
            }
            site.passed();
        }
    }

    @Test
    void tablespaceIsCopiedWithTheBackupAndRelinkedInsideTheRestoredDataDirectory(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        try (Site site = new Site(master, "tblspc", false)) {
            Path location = site.dir.resolve("spc_master");
            Files.createDirectories(location);
            ServerUser.own(location);
            Sql.exec(
                    master,
                    "drop table if exists in_spc",
                    "drop tablespace if exists it_spc",
                    "create tablespace it_spc location '" + location + "'",
                    "create table in_spc (id int primary key) tablespace it_spc",
                    "insert into in_spc select generate_series(1, 300)");
            String oid = Sql.value(master, "select oid::text from pg_tablespace where spcname = 'it_spc'");
            try {
                setupAndBackup(site);
                assertThat(site.fullBackup.resolve("tmpspc/" + oid)).isDirectory();
                Sql.exec(master, "insert into in_spc select generate_series(301, 400)");
                site.ok(site.masterIni, "sync");

                site.ok(site.slaveIni, "restore");
                Path link = site.slaveData.resolve("pg_tblspc/" + oid);
                assertThat(Files.isSymbolicLink(link)).isTrue();
                assertThat(Files.readSymbolicLink(link)).isEqualTo(site.slaveData.resolve("tmpspc/" + oid));
                site.ok(site.slaveIni, "boot");
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> !inRecovery(site));
                assertThat(rows(site, "in_spc")).isEqualTo(400);
                try (Connection c = site.slaveConnection()) {
                    assertThat(Sql.value(c, "select pg_tablespace_location(" + oid + ")"))
                            .isEqualTo(site.slaveData.resolve("tmpspc/" + oid).toString());
                }
                // the master's own tablespace directory is left alone
                assertThat(location).isDirectory();
                site.passed();
            } finally {
                Sql.exec(master, "drop table if exists in_spc", "drop tablespace if exists it_spc");
            }
        }
    }
}
