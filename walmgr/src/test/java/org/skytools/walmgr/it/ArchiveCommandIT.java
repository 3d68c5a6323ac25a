package org.skytools.walmgr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * W-2 and W-6 through the launcher, as PostgreSQL runs them: xarchive is idempotent and refuses a
 * different segment under the same name; xrestore never waits without bound.
 */
@PgTest
@Timeout(180)
class ArchiveCommandIT {
    private static final String SEG = "000000010000000000000042";

    @Test
    void w2_xarchiveAcceptsTheSameSegmentAgainAndRefusesADifferentOne(PgCluster cluster) throws Exception {
        try (Site site = new Site(cluster, "xarchive", false)) {
            site.ok(site.slaveIni, "setup");
            Path seg = site.dir.resolve("segment");
            Files.write(seg, new byte[16 * 1024 * 1024]);
            ServerUser.own(seg);
            site.ok(site.masterIni, "xarchive", seg.toString(), SEG);
            long t0 = System.nanoTime();
            int calls = 5;
            for (int i = 0; i < calls; i++) {
                site.ok(site.masterIni, "xarchive", seg.toString(), SEG);
            }
            long perCall = (System.nanoTime() - t0) / calls / 1_000_000;
            System.err.println("xarchive of an already archived 16 MB segment: " + perCall + " ms per call");
            assertThat(site.completed.resolve(SEG)).hasSize(16L * 1024 * 1024);

            Files.write(seg, new byte[] {1, 2, 3});
            Site.Result r = site.walmgr(site.masterIni, "xarchive", seg.toString(), SEG);
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.stderr()).contains("already holds a different \"" + SEG + "\"; refusing to overwrite it");
            assertThat(site.completed.resolve(SEG)).hasSize(16L * 1024 * 1024);
            try (var s = Files.list(site.completed)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly(SEG);
            }
            site.passed();
        }
    }

    @Test
    void w6_xrestoreAnswersAtOnceWhenStreamingOrStopped(PgCluster cluster) throws Exception {
        try (Site site = new Site(cluster, "xrestore", false)) {
            site.ok(site.slaveIni, "setup");
            Path dst = site.dir.resolve("RECOVERYXLOG");
            site.slaveExtra.put("primary_conninfo", "host=127.0.0.1 port=1");
            site.writeConfigs();
            long t0 = System.nanoTime();
            assertThat(site.walmgr(30, site.slaveIni, "xrestore", SEG, dst.toString())
                            .exitCode())
                    .isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));

            site.slaveExtra.clear();
            site.writeConfigs();
            site.ok(site.slaveIni, "boot");
            assertThat(site.walmgr(30, site.slaveIni, "xrestore", SEG, dst.toString())
                            .exitCode())
                    .isEqualTo(1);
            Files.writeString(site.partial.resolve(SEG), "partial");
            ServerUser.own(site.partial);
            site.ok(site.slaveIni, "xrestore", SEG, dst.toString());
            assertThat(dst).hasContent("partial");
            site.passed();
        }
    }

    @Test
    void w6_xrestoreEndsWhenTheProcessThatWaitsForItIsGone(PgCluster cluster) throws Exception {
        try (Site site = new Site(cluster, "orphan", false)) {
            site.ok(site.slaveIni, "setup");
            // the shell stays the parent: it has more to do after walmgr
            List<String> cmd = new ArrayList<>(List.of(
                    "/bin/sh",
                    "-c",
                    WalmgrDist.launcher() + " " + site.slaveIni + " xrestore " + SEG + " " + site.dir.resolve("x")
                            + "; echo done"));
            Process shell = new ProcessBuilder(ServerUser.wrap(cmd))
                    .redirectErrorStream(true)
                    .redirectOutput(site.dir.resolve("orphan.log").toFile())
                    .start();
            ProcessHandle jvm = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> shell.descendants()
                                    .filter(h -> h.info()
                                            .command()
                                            .map(c -> c.endsWith("/java"))
                                            .orElse(false))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(jvm::isAlive);
            ProcessHandle parent = jvm.parent().orElseThrow();
            assertThat(parent.info().command().orElse("")).matches(".*/(sh|dash|bash)");
            parent.destroyForcibly();
            jvm.onExit().get(10, TimeUnit.SECONDS);
            assertThat(jvm.isAlive()).isFalse();
            assertThat(site.dir.resolve("orphan.log")).content().contains("Parent dead, quitting");
            shell.destroyForcibly();
            site.passed();
        }
    }

    @Test
    void w3_backupRefusesAMasterThatDoesNotArchive(PgCluster cluster) throws Exception {
        try (Site site = new Site(cluster, "noarchive", false)) {
            site.ok(site.slaveIni, "setup");
            Site.Result r = site.walmgr(site.masterIni, "backup");
            assertThat(r.exitCode()).isEqualTo(6);
            assertThat(r.stderr()).contains("archive_mode is off on the master");
            assertThat(site.completed.resolve("BACKUPLOCK")).doesNotExist();
            assertThat(site.fullBackup).isEmptyDirectory();
            site.passed();
        }
    }
}
