package org.skytools.walmgr.slave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

class SlaveCommandsTest {

    @TempDir
    Path dir;

    @Test
    void backupLockIsExclusiveAndReportsItsHolder() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        BackupLock lock = new BackupLock(f.context());
        assertThat(lock.take("4242")).isTrue();
        assertThat(lock.take("99")).isFalse();
        assertThat(f.output().strip()).isEqualTo("4242");
        lock.release();
        assertThat(f.completed.resolve(SlaveNode.BACKUPLOCK)).doesNotExist();
        assertThat(lock.take("99")).isTrue();
    }

    @Test
    void partialSyncWritesAtOffsetAndPadsToTheSegmentSize() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        PartialSync ps = new PartialSync(f.context());
        String seg = "000000010000000000000009";
        ps.append(seg, 0, 3, PartialSync.DEFAULT_SEGMENT_SIZE, new ByteArrayInputStream("abc".getBytes()));
        ps.append(seg, 3, 2, PartialSync.DEFAULT_SEGMENT_SIZE, new ByteArrayInputStream("de".getBytes()));
        Path file = f.partial.resolve(seg);
        assertThat(Files.size(file)).isEqualTo(PartialSync.DEFAULT_SEGMENT_SIZE);
        byte[] head = new byte[6];
        try (var in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, 6);
        }
        assertThat(new String(head, 0, 5)).isEqualTo("abcde");
        assertThat(head[5]).isZero();
        ps.append(seg, 0, 1, 1024, new ByteArrayInputStream("Z".getBytes()));
        assertThat(Files.size(file)).isEqualTo(1024);
    }

    @Test
    void partialSyncRefusesShortInputAndPathNames() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        PartialSync ps = new PartialSync(f.context());
        assertThatThrownBy(
                        () -> ps.append("000000010000000000000009", 0, 10, 100, new ByteArrayInputStream(new byte[3])))
                .hasMessageContaining("not enough data, expected 10, got 3");
        assertThatThrownBy(() -> ps.append("../x", 0, 0, 100, new ByteArrayInputStream(new byte[0])))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE));
    }

    @Test
    void w7_pauseContinueAndBootWriteTheControlFiles() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        RecoveryControl rc = new RecoveryControl(f.context());
        rc.pause();
        assertThat(f.completed.resolve(SlaveNode.PAUSE)).exists();
        rc.resume();
        assertThat(f.completed.resolve(SlaveNode.PAUSE)).doesNotExist();
        rc.boot();
        assertThat(f.completed.resolve(SlaveNode.STOP)).exists();
    }

    @Test
    void controlCommandsNeedTheArchiveDirectory() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        Files.delete(f.completed);
        assertThatThrownBy(() -> new RecoveryControl(f.context()).boot())
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG))
                .hasMessageContaining("completed_wals directory")
                .hasMessageContaining("setup");
    }

    private static void backupSet(Path dir, String firstWal) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("backup_label"), "START WAL LOCATION: 0/1 (file " + firstWal + ")\nLABEL: FullBackup\n");
    }

    @Test
    void w4_rotationRunsArchiveCommandBeforeDeletingAnExpiredSet() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        Path ws = dir.resolve("walshipping");
        backupSet(ws.resolve("data.master"), "000000010000000000000009");
        backupSet(ws.resolve("data.master.0"), "000000010000000000000005");
        Path archived = dir.resolve("archived.txt");
        f.with("keep_backups", "2").with("archive_command", "echo $BACKUPDIR >> " + archived);
        new BackupRotator(f.context()).rotate();
        assertThat(ws.resolve("data.master")).doesNotExist();
        assertThat(ws.resolve("data.master.0/backup_label")).content().contains("000000010000000000000009");
        assertThat(ws.resolve("data.master.1")).doesNotExist();
        assertThat(archived).content().isEqualTo(ws.resolve("data.master.0") + "\n");
    }

    @Test
    void w4_failingArchiveCommandKeepsTheSet() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        Path ws = dir.resolve("walshipping");
        backupSet(ws.resolve("data.master"), "000000010000000000000009");
        f.with("keep_backups", "1").with("archive_command", "exit 7");
        assertThatThrownBy(() -> new BackupRotator(f.context()).rotate())
                .hasMessageContaining("backup archiving returned 7");
        assertThat(ws.resolve("data.master/backup_label")).exists();
    }

    @Test
    void keepZeroRefreshesInPlaceAndDropsTheOldLabelFirst() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        Path ws = dir.resolve("walshipping");
        backupSet(ws.resolve("data.master"), "000000010000000000000009");
        Files.writeString(ws.resolve("data.master/PG_VERSION"), "15\n");
        new BackupRotator(f.context()).rotate();
        assertThat(ws.resolve("data.master/PG_VERSION")).exists();
        assertThat(ws.resolve("data.master/backup_label")).doesNotExist();
    }

    @Test
    void purgeKeepsExactlyWhatTheOldestSetNeeds() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        Path ws = dir.resolve("walshipping");
        backupSet(ws.resolve("data.master"), "000000010000000000000009");
        backupSet(ws.resolve("data.master.0"), "000000010000000000000005");
        for (int i = 1; i <= 10; i++) {
            Files.writeString(f.completed.resolve(String.format("0000000100000000000000%02X", i)), "x");
        }
        Files.writeString(f.completed.resolve("000000010000000000000004.00000028.backup"), "x");
        Files.writeString(f.completed.resolve("000000010000000000000005.00000028.backup"), "x");
        new WalCleaner(f.context()).purgeForBackups();
        try (var s = Files.list(f.completed)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(
                            "000000010000000000000005",
                            "000000010000000000000005.00000028.backup",
                            "000000010000000000000006",
                            "000000010000000000000007",
                            "000000010000000000000008",
                            "000000010000000000000009",
                            "00000001000000000000000A");
        }
    }

    @Test
    void listBackupsShowsSetsNewestFirst() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        Path ws = dir.resolve("walshipping");
        backupSet(ws.resolve("data.master.0"), "000000010000000000000005");
        backupSet(ws.resolve("data.master"), "000000010000000000000009");
        new BackupList(f.context()).print();
        String out = f.output();
        assertThat(out).contains("List of backups:");
        assertThat(out.indexOf("data.master ")).isLessThan(out.indexOf("data.master.0"));
        assertThat(out).contains("000000010000000000000009").contains("FullBackup");
    }
}
