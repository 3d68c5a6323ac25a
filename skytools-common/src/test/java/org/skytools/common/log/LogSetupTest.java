package org.skytools.common.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/** Programmatic Logback set-up: format, levels, size rotation. */
class LogSetupTest {
    private static final Logger log = LoggerFactory.getLogger(LogSetupTest.class);

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        MDC.clear();
        LogSetup.apply(LogSettings.console("test", Level.INFO, true));
    }

    @Test
    void fileLinesCarryTimePidLevelAndJobName() throws IOException {
        Path file = dir.resolve("job.log");
        LogSetup.apply(new LogSettings("myjob", Level.INFO, false, file, 0, 0));
        log.info("{count: {}}", 3);
        log.debug("hidden");
        MDC.put("job_name", "copy_job");
        log.warn("from a copy thread");
        String text = Files.readString(file);
        long pid = ProcessHandle.current().pid();
        assertThat(text)
                .matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} " + pid
                        + " INFO myjob \\{count: 3\\}\n.* " + pid + " WARN copy_job from a copy thread\n");
    }

    @Test
    void verboseLevelsShowDebugAndTrace() throws IOException {
        Path file = dir.resolve("job.log");
        LogSetup.apply(new LogSettings("j", LogSettings.levelFor(false, 2), false, file, 0, 0));
        log.trace("tracing");
        LogSetup.apply(new LogSettings("j", LogSettings.levelFor(true, 0), false, file, 0, 0));
        log.info("not shown with -q");
        log.warn("shown with -q");
        assertThat(Files.readString(file))
                .contains("TRACE j tracing")
                .contains("WARN j shown with -q")
                .doesNotContain("not shown");
    }

    @Test
    void levelForSwitches() {
        assertThat(LogSettings.levelFor(false, 0)).isEqualTo(Level.INFO);
        assertThat(LogSettings.levelFor(true, 0)).isEqualTo(Level.WARN);
        assertThat(LogSettings.levelFor(false, 1)).isEqualTo(Level.DEBUG);
        assertThat(LogSettings.levelFor(true, 1)).isEqualTo(Level.DEBUG);
        assertThat(LogSettings.levelFor(false, 3)).isEqualTo(Level.TRACE);
    }

    @Test
    void fileIsRotatedBySizeKeepingLogCount() throws IOException {
        Path file = dir.resolve("job.log");
        LogSetup.apply(new LogSettings("j", Level.INFO, false, file, 1024, 2));
        String line = "x".repeat(200);
        for (int i = 0; i < 200; i++) {
            log.info("{} {}", i, line);
        }
        LogSetup.apply(LogSettings.console("test", Level.INFO, false));
        assertThat(dir.resolve("job.log.1")).exists();
        assertThat(dir.resolve("job.log.2")).exists();
        assertThat(dir.resolve("job.log.3")).doesNotExist();
        assertThat(Files.readString(file)).contains("199 x");
    }

    @Test
    void missingLogDirectoryIsAConfigError() {
        Path file = dir.resolve("nope/job.log");
        assertThatThrownBy(() -> LogSetup.apply(new LogSettings("j", Level.INFO, false, file, 0, 0)))
                .hasMessage("logfile directory \"" + dir.resolve("nope")
                        + "\" does not exist; create it or change 'logfile'");
    }
}
