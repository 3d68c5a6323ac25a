package org.skytools.walmgr.slave;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class XRestoreTest {
    private static final String SEG = "000000010000000000000003";

    @TempDir
    Path dir;

    @Test
    void w6_presentFileIsCopiedAndProgressWritten() throws Exception {
        SlaveFixture f = new SlaveFixture(dir).with("keep_backups", "1");
        Files.writeString(f.completed.resolve(SEG), "segment");
        Files.writeString(f.completed.resolve(SlaveNode.PROGRESS), "1");
        Path dst = dir.resolve("RECOVERYXLOG");
        int rc = new XRestore(f.context(), () -> true).restore(SEG, dst.toString(), null);
        assertThat(rc).isZero();
        assertThat(dst).hasContent("segment");
        assertThat(f.completed.resolve(SlaveNode.PROGRESS)).exists();
    }

    @Test
    void w6_missingHistoryFileIsReportedAtOnce() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        long t0 = System.nanoTime();
        int rc = new XRestore(f.context(), () -> true)
                .restore("00000002.history", dir.resolve("x").toString(), null);
        assertThat(rc).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void w6_streamingReportsMissingFilesAtOnceAndDropsTheReceiverMarker() throws Exception {
        SlaveFixture f = new SlaveFixture(dir).with("primary_conninfo", "host=master");
        Files.writeString(f.completed.resolve(SlaveNode.RECEIVE_LOCK), "123");
        XRestore x = new XRestore(f.context(), () -> true);
        assertThat(x.restore("00000002.history", dir.resolve("h").toString(), null))
                .isEqualTo(1);
        // a history probe does not mean the standby streams yet
        assertThat(f.completed.resolve(SlaveNode.RECEIVE_LOCK)).exists();
        assertThat(x.restore(SEG, dir.resolve("x").toString(), null)).isEqualTo(1);
        assertThat(f.completed.resolve(SlaveNode.RECEIVE_LOCK)).doesNotExist();
    }

    @Test
    void w6_stopFileHandsOverThePartialSegmentThenEndsRecovery() throws Exception {
        SlaveFixture f = new SlaveFixture(dir).with("keep_backups", "1");
        Files.writeString(f.partial.resolve(SEG), "partial");
        Files.writeString(f.completed.resolve(SlaveNode.STOP), "1");
        XRestore x = new XRestore(f.context(), () -> true);
        Path dst = dir.resolve("RECOVERYXLOG");
        assertThat(x.restore(SEG, dst.toString(), null)).isZero();
        assertThat(dst).hasContent("partial");
        assertThat(x.restore("000000010000000000000004", dst.toString(), null)).isEqualTo(1);
    }

    @Test
    void w6_waitsForTheSegmentToArrive() throws Exception {
        SlaveFixture f = new SlaveFixture(dir).with("keep_backups", "1");
        XRestore x = new XRestore(f.context(), () -> true);
        Path dst = dir.resolve("RECOVERYXLOG");
        CompletableFuture<Integer> rc = CompletableFuture.supplyAsync(() -> x.restore(SEG, dst.toString(), null));
        assertThat(rc).isNotCompleted();
        Files.writeString(f.completed.resolve(SEG), "late");
        assertThat(rc.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(dst).hasContent("late");
    }

    @Test
    void w6_pauseHoldsEvenWhenTheSegmentIsThere() throws Exception {
        SlaveFixture f = new SlaveFixture(dir).with("keep_backups", "1");
        Files.writeString(f.completed.resolve(SlaveNode.PAUSE), "1");
        Files.writeString(f.completed.resolve(SEG), "seg");
        XRestore x = new XRestore(f.context(), () -> true);
        Path dst = dir.resolve("RECOVERYXLOG");
        CompletableFuture<Integer> rc = CompletableFuture.supplyAsync(() -> x.restore(SEG, dst.toString(), null));
        org.awaitility.Awaitility.await()
                .during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !rc.isDone());
        assertThat(dst).doesNotExist();
        Files.delete(f.completed.resolve(SlaveNode.PAUSE));
        assertThat(rc.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(dst).hasContent("seg");
    }

    @Test
    void w6_deadParentEndsTheWaitWithinSeconds() throws Exception {
        SlaveFixture f = new SlaveFixture(dir);
        AtomicBoolean alive = new AtomicBoolean(true);
        XRestore x = new XRestore(f.context(), alive::get);
        CompletableFuture<Integer> rc = CompletableFuture.supplyAsync(
                () -> x.restore(SEG, dir.resolve("x").toString(), null));
        assertThat(rc).isNotCompleted();
        alive.set(false);
        assertThat(rc.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void w6_withoutBackupHistoryAppliedSegmentsBeforeTheRestartPointAreDeleted() throws Exception {
        SlaveFixture f = new SlaveFixture(dir).with("keep_backups", "0");
        for (String n :
                new String[] {"000000010000000000000001", "000000010000000000000002", SEG, "00000001.history"}) {
            Files.writeString(f.completed.resolve(n), n);
        }
        Files.writeString(f.partial.resolve("000000010000000000000001"), "p");
        int rc = new XRestore(f.context(), () -> true)
                .restore(SEG, dir.resolve("x").toString(), "000000010000000000000002");
        assertThat(rc).isZero();
        assertThat(f.completed.resolve("000000010000000000000001")).doesNotExist();
        assertThat(f.partial.resolve("000000010000000000000001")).doesNotExist();
        assertThat(f.completed.resolve("000000010000000000000002")).exists();
        assertThat(f.completed.resolve(SEG)).exists();
        assertThat(f.completed.resolve("00000001.history")).exists();
    }
}
