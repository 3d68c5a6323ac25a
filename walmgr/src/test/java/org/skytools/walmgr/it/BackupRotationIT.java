package org.skytools.walmgr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.walmgr.pg.BackupLabel;
import org.skytools.walmgr.wal.WalFileName;

/** W-3, W-4: backup sets rotate with keep_backups, and the archive keeps what the oldest set needs. */
@PgTest(
        clusters = 2,
        settings = {"wal_level=replica", "archive_mode=on", "archive_command='/bin/true'", "max_wal_senders=10"})
@Timeout(300)
class BackupRotationIT {

    private static List<WalFileName> archive(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> WalFileName.parse(p.getFileName().toString()))
                    .flatMap(java.util.Optional::stream)
                    .sorted()
                    .toList();
        }
    }

    @Test
    void w4_keepBackupsRotatesSetsAndXpurgewalsKeepsWhatTheOldestNeeds(ClusterGroup group) throws Exception {
        PgCluster master = group.get(1);
        try (Site site = new Site(master, "rotate", true)) {
            Path expired = site.dir.resolve("expired.txt");
            site.slaveExtra.put("keep_backups", "2");
            site.slaveExtra.put("archive_command", "echo $BACKUPDIR >> " + expired);
            site.writeConfigs();
            site.ok(site.masterIni, "setup");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Sql.value(master, "show archive_command").contains("xarchive"));

            for (int i = 0; i < 3; i++) {
                site.ok(site.masterIni, "backup");
                String done = Sql.switchWal(master);
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(site.completed.resolve(done)));
            }
            Path newest = site.fullBackup;
            Path oldest = site.walmgrData.resolve("data.master.0");
            assertThat(newest.resolve("backup_label")).exists();
            assertThat(oldest.resolve("backup_label")).exists();
            assertThat(site.walmgrData.resolve("data.master.1")).doesNotExist();
            assertThat(expired).content().isEqualTo(oldest + "\n");

            String firstNeeded = BackupLabel.read(oldest).orElseThrow().firstWal();
            WalFileName first = WalFileName.valueOf(firstNeeded);
            List<WalFileName> kept = archive(site.completed);
            assertThat(kept).noneMatch(w -> w.isBefore(first));
            assertThat(kept.stream().filter(WalFileName::isSegment).findFirst()).contains(first);
            assertThat(kept.stream().filter(w -> w.kind() == WalFileName.Kind.BACKUP))
                    .allMatch(w -> !w.isBefore(first))
                    .hasSizeGreaterThanOrEqualTo(2);

            Site.Result list = site.ok(site.masterIni, "listbackups");
            assertThat(list.stdout())
                    .contains("data.master ")
                    .contains("data.master.0")
                    .contains(firstNeeded);
            site.passed();
        }
    }
}
