package org.skytools.walmgr.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.WalmgrSettings;

class PeriodicTest {

    @Test
    void periodicCommandRunsOncePerIntervalAndRetriesAfterAFailure(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path out = dir.resolve("ran.txt");
        Path fail = dir.resolve("fail");
        String command = "test ! -e " + fail + " && echo run >> " + out;
        WalmgrSettings s = WalmgrSettings.of(
                dir.resolve("m.ini"),
                Map.of("master_data", data.toString(), "periodic_command", command, "command_interval", "60"));
        WalmgrContext ctx = new WalmgrContext(
                s,
                false,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(PrintStream.nullOutputStream()),
                System.err);
        Instant t0 = Instant.parse("2026-11-21T12:00:00Z");

        new Periodic(ctx, Clock.fixed(t0, ZoneOffset.UTC)).run();
        new Periodic(ctx, Clock.fixed(t0.plus(Duration.ofSeconds(30)), ZoneOffset.UTC)).run();
        assertThat(Files.readAllLines(out)).hasSize(1);

        Files.writeString(fail, "");
        new Periodic(ctx, Clock.fixed(t0.plus(Duration.ofSeconds(90)), ZoneOffset.UTC)).run();
        assertThat(Files.readAllLines(out)).hasSize(1);
        Files.delete(fail);
        new Periodic(ctx, Clock.fixed(t0.plus(Duration.ofSeconds(95)), ZoneOffset.UTC)).run();
        assertThat(Files.readAllLines(out)).hasSize(2);
    }
}
