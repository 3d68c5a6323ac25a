package org.skytools.walmgr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * W-3 failure paths: a killed backup leaves no backup mode behind and no lock that blocks the
 * next one; a live lock, a stopped master, a wrong data directory and bad restores are refused
 * with a clear message and a non-zero exit, and change nothing.
 */
@PgTest(
        clusters = 2,
        settings = {"wal_level=replica", "archive_mode=on", "archive_command='/bin/true'", "max_wal_senders=10"})
@Timeout(300)
class BackupFailureIT {

    /** Starts a backup that stops, inside the backup, at the slave's xrotate; returns its JVM. */
    private static ProcessHandle backupHeldInsideTheBackup(Site site, PgCluster master) throws Exception {
        Files.writeString(site.dir.resolve("HOLD"), "");
        Process p = site.builder(site.masterIni, "backup")
                .redirectOutput(site.dir.resolve("backup.out").toFile())
                .redirectError(site.dir.resolve("backup.err").toFile())
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(site.dir.resolve("HELD")));
        assertThat(Sql.backupSessions(master)).isEqualTo(1);
        return p.descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .orElseThrow();
    }

    /** Kills what is left of the held slave command, so that it cannot run later. */
    private static void releaseHold(Site site) throws Exception {
        ProcessHandle.allProcesses()
                .filter(h -> h.info()
                        .commandLine()
                        .map(c -> c.contains(site.dir + "/fakessh"))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        Files.deleteIfExists(site.dir.resolve("HOLD"));
        Files.deleteIfExists(site.dir.resolve("HELD"));
    }

    private static void setup(Site site) throws Exception {
        site.ok(site.masterIni, "setup");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.value(site.master, "show archive_command").contains("xarchive"));
    }

    @Test
    void w3_killedBackupIsAbortedByTheServerAndTheNextBackupBreaksItsStaleLock(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        try (Site site = new Site(master, "kill9", true)) {
            setup(site);
            ProcessHandle jvm = backupHeldInsideTheBackup(site, master);
            jvm.destroyForcibly();
            jvm.onExit().get(30, TimeUnit.SECONDS);
            // the session ended, so the server ended the non-exclusive backup
            await().atMost(Duration.ofSeconds(30)).until(() -> Sql.backupSessions(master) == 0);
            assertThat(site.completed.resolve("BACKUPLOCK")).content().isEqualTo(Long.toString(jvm.pid()));
            releaseHold(site);

            site.ok(site.masterIni, "backup");
            assertThat(site.completed.resolve("BACKUPLOCK")).doesNotExist();
            assertThat(site.fullBackup.resolve("backup_label")).exists();
            assertThat(Sql.backupSessions(master)).isZero();
            site.passed();
        }
    }

    @Test
    void w3_terminatedBackupStopsTheBackupAndReleasesTheLock(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        try (Site site = new Site(master, "term", true)) {
            setup(site);
            ProcessHandle jvm = backupHeldInsideTheBackup(site, master);
            jvm.destroy();
            jvm.onExit().get(60, TimeUnit.SECONDS);
            assertThat(site.completed.resolve("BACKUPLOCK")).doesNotExist();
            assertThat(Sql.backupSessions(master)).isZero();
            assertThat(site.dir.resolve("backup.err")).content().contains("backup interrupted");
            releaseHold(site);
            site.ok(site.masterIni, "backup");
            site.passed();
        }
    }

    @Test
    void w3_lockOfARunningBackupIsRespected(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        try (Site site = new Site(master, "livelock", false)) {
            setup(site);
            String holder = Long.toString(ProcessHandle.current().pid());
            Files.writeString(site.completed.resolve("BACKUPLOCK"), holder);
            Site.Result r = site.walmgr(site.masterIni, "backup");
            assertThat(r.exitCode()).isEqualTo(6);
            assertThat(r.stderr()).contains("backup lock already taken by running process " + holder);
            assertThat(site.completed.resolve("BACKUPLOCK")).hasContent(holder);
            assertThat(Sql.backupSessions(master)).isZero();
            assertThat(site.fullBackup.resolve("backup_label")).doesNotExist();
            site.passed();
        }
    }

    @Test
    void backupOfAStoppedMasterOrAWrongDataDirectoryIsRefused(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        try (Site site = new Site(master, "badmaster", false)) {
            setup(site);
            int deadPort;
            try (var s = new java.net.ServerSocket(0)) {
                deadPort = s.getLocalPort();
            }
            site.masterExtra.put("master_db", "host=127.0.0.1 port=" + deadPort + " dbname=postgres user=postgres");
            site.writeConfigs();
            Site.Result r = site.walmgr(site.masterIni, "backup");
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.stderr())
                    .contains("master_db: cannot connect to database")
                    .contains("check that the server is running");
            assertThat(site.completed.resolve("BACKUPLOCK")).doesNotExist();
            assertThat(site.fullBackup).isEmptyDirectory();

            site.masterExtra.clear();
            site.masterExtra.put("master_data", site.dir.toString());
            site.writeConfigs();
            r = site.walmgr(site.masterIni, "backup");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stderr()).contains("is not a PostgreSQL data directory (no PG_VERSION)");
            site.passed();
        }
    }

    @Test
    void w5_restoreRefusesWithoutABackupAndNeverTouchesAForeignDirectory(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        try (Site site = new Site(master, "badrestore", false)) {
            site.ok(site.slaveIni, "setup");
            Files.createDirectories(site.slaveData);
            Files.writeString(site.slaveData.resolve("PG_VERSION"), "15\n");
            Files.writeString(site.slaveData.resolve("marker"), "old data");
            ServerUser.own(site.slaveData);

            Site.Result r = site.walmgr(site.slaveIni, "restore");
            assertThat(r.exitCode()).isEqualTo(6);
            assertThat(r.stderr()).contains("is not a complete backup").contains("take a new backup first");
            assertThat(site.slaveData.resolve("marker")).hasContent("old data");
            assertThat(site.dir.resolve("slave/data.0")).doesNotExist();

            // a backup set exists, but slave_data points at something that is not a data directory
            Files.writeString(site.fullBackup.resolve("PG_VERSION"), "15\n");
            Files.writeString(
                    site.fullBackup.resolve("backup_label"),
                    "START WAL LOCATION: 0/2000028 (file 000000010000000000000002)\n");
            Files.delete(site.slaveData.resolve("PG_VERSION"));
            ServerUser.own(site.walmgrData);
            r = site.walmgr(site.slaveIni, "restore");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stderr()).contains("is not empty and not a PostgreSQL data directory");
            assertThat(site.slaveData.resolve("marker")).hasContent("old data");
            assertThat(site.fullBackup.resolve("backup_label")).exists();
            assertThat(Optional.ofNullable(site.dir.resolve("slave").toFile().list())
                            .orElseThrow())
                    .containsExactly("data");
            site.passed();
        }
    }
}
