package org.skytools.common.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/** Loop semantics of cli.md 1.4: loop_delay, exception_sleep, retriable versus permanent, stats. */
class ScriptRunnerTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final LoopControl control = new LoopControl();
    private final List<Duration> sleeps = new ArrayList<>();
    private int stopAfterSleeps = Integer.MAX_VALUE;
    private LogCapture logs;

    /** Plays a list of outcomes: Boolean results or exceptions to throw; stops the loop when empty. */
    private class Scripted implements Script {
        final Deque<Object> steps = new ArrayDeque<>();
        int calls;
        int resets;
        int reloads;
        boolean closed;

        Scripted(Object... outcomes) {
            steps.addAll(List.of(outcomes));
        }

        @Override
        public boolean work(Stats stats) throws Exception {
            calls++;
            stats.increase("count", 2);
            stats.put("duration", 0.01234);
            Object next = steps.poll();
            if (steps.isEmpty()) {
                control.requestStop();
            }
            if (next instanceof Exception e) {
                throw e;
            }
            return next == null || (Boolean) next;
        }

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public void reload(SkyConfig config) {
            reloads++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @BeforeEach
    void capture() {
        logs = new LogCapture(ScriptRunner.class);
    }

    @AfterEach
    void release() {
        logs.close();
    }

    private SkyConfig config(String body) throws IOException {
        Path file = dir.resolve("job.ini");
        Files.writeString(file, "[tool]\n" + body);
        return SkyConfig.load(file, "tool", Map.of());
    }

    private int run(SkyConfig config, Script script) {
        return run(config, script, false);
    }

    private int run(SkyConfig config, Script script, boolean singleRun) {
        Sleeper sleeper = d -> {
            sleeps.add(d);
            clock.advance(d);
            if (sleeps.size() >= stopAfterSleeps) {
                control.requestStop();
            }
        };
        return new ScriptRunner(config, cf -> script, control, sleeper, clock, GenericKeys.SCHEMA::validate, singleRun)
                .run();
    }

    @Test
    void negativeLoopDelayRunsOnceEvenWithMoreWork() throws IOException {
        Scripted script = new Scripted(true, true);
        assertThat(run(config("loop_delay = -1\n"), script)).isZero();
        assertThat(script.calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThat(script.closed).isTrue();
    }

    @Test
    void singleRunIgnoresLoopDelay() throws IOException {
        Scripted script = new Scripted(false, false);
        assertThat(run(config("loop_delay = 1\n"), script, true)).isZero();
        assertThat(script.calls).isEqualTo(1);
    }

    @Test
    void zeroLoopDelayLoopsWhileWorkThenExitsOnFirstIdle() throws IOException {
        Scripted script = new Scripted(true, true, false, true);
        assertThat(run(config("loop_delay = 0\n"), script)).isZero();
        assertThat(script.calls).isEqualTo(3);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void positiveLoopDelaySleepsOnlyWhenIdle() throws IOException {
        Scripted script = new Scripted(true, false, true, false, false);
        assertThat(run(config("loop_delay = 0.5\n"), script)).isZero();
        assertThat(script.calls).isEqualTo(5);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void c1_idleSleepIsWhatTheScriptAsksForFromLoopDelay() throws IOException {
        Scripted script = new Scripted(false, true, false, false) {
            @Override
            public Duration idleDelay(Duration loopDelay) {
                return loopDelay.multipliedBy(10);
            }
        };
        assertThat(run(config("loop_delay = 0.5\n"), script)).isZero();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void defaultLoopDelayIsOneSecond() throws IOException {
        stopAfterSleeps = 2;
        Scripted script = new Scripted(false, false, false, false);
        assertThat(run(config(""), script)).isZero();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void failureResetsSleepsExceptionSleepAndRetries() throws IOException {
        Scripted script = new Scripted(new IllegalStateException("boom"), false);
        assertThat(run(config("exception_sleep = 7\n"), script)).isZero();
        assertThat(script.calls).isEqualTo(2);
        assertThat(script.resets).isEqualTo(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(logs.lines()).contains("ERROR crashed: boom [java.lang.IllegalStateException]");
    }

    @Test
    void retriableDatabaseErrorsBackOffFromExceptionSleepUpToACap() throws IOException {
        SQLException lost = new SQLException("connection lost", "08006");
        Scripted script = new Scripted(lost, lost, lost, lost, lost, false);
        assertThat(run(config("exception_sleep = 5\n"), script)).isZero();
        assertThat(sleeps).extracting(Duration::toSeconds).containsExactly(5L, 10L, 20L, 40L, 60L);
        assertThat(logs.lines())
                .contains("WARN waiting 5.0 s and retrying, attempt 1", "WARN waiting 60.0 s and retrying, attempt 5");
        assertThat(logs.lines()).contains("ERROR failed: connection lost (SQLSTATE 08006)");
    }

    @Test
    void backoffNeverGoesBelowALargeExceptionSleep() throws IOException {
        SQLException lost = new SQLException("connection lost", "57P01");
        Scripted script = new Scripted(lost, lost, false);
        assertThat(run(config("exception_sleep = 90\n"), script)).isZero();
        assertThat(sleeps).extracting(Duration::toSeconds).containsExactly(90L, 90L);
    }

    @Test
    void successEndsTheBackoff() throws IOException {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        Scripted script = new Scripted(deadlock, deadlock, true, deadlock, false);
        assertThat(run(config("exception_sleep = 1\n"), script)).isZero();
        assertThat(sleeps).extracting(Duration::toSeconds).containsExactly(1L, 2L, 1L);
    }

    @Test
    void refusedLoginStopsWithDbAuthCode() throws IOException {
        Scripted script = new Scripted(new SQLException("password authentication failed", "28P01"), true);
        assertThat(run(config(""), script)).isEqualTo(ErrorKind.DB_AUTH.exitCode());
        assertThat(script.calls).isEqualTo(1);
        assertThat(script.resets).isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThat(script.closed).isTrue();
    }

    @Test
    void missingDatabaseStopsWithDbAuthCode() throws IOException {
        Scripted script = new Scripted(new SQLException("database \"x\" does not exist", "3D000"), true);
        assertThat(run(config(""), script)).isEqualTo(ErrorKind.DB_AUTH.exitCode());
    }

    @Test
    void permanentSkyToolsErrorStopsWithItsCode() throws IOException {
        Scripted script =
                new Scripted(new SkyToolsException(ErrorKind.SCHEMA_MISSING, "schema \"pgq\" is missing"), true);
        assertThat(run(config(""), script)).isEqualTo(ErrorKind.SCHEMA_MISSING.exitCode());
        assertThat(logs.lines()).contains("ERROR failed: schema \"pgq\" is missing");
    }

    @Test
    void stateErrorIsRetriedLikeSkyTools() throws IOException {
        Scripted script = new Scripted(SkyToolsException.state("consumer \"c\" is not registered"), false);
        assertThat(run(config("exception_sleep = 3\n"), script)).isZero();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void raisedExceptionIsShownAsIsAndRetried() throws IOException {
        Scripted script = new Scripted(new SQLException("Not subscriber to queue: q", "P0001"), false);
        assertThat(run(config("exception_sleep = 2\n"), script)).isZero();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(logs.lines()).contains("ERROR failed: Not subscriber to queue: q");
    }

    @Test
    void failureWithZeroLoopDelayEndsTheRun() throws IOException {
        Scripted script = new Scripted(new IllegalStateException("boom"), true);
        assertThat(run(config("loop_delay = 0\n"), script)).isEqualTo(ErrorKind.RUNTIME.exitCode());
        assertThat(script.calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void quietExceptionsAreOneLineWarningsWithinGrace() throws IOException {
        SQLException e = new SQLException("flaky", "42P01");
        Scripted script = new Scripted(e, e, e, false);
        SkyConfig config = config("exception_sleep = 200\nexception_quiet = SQLException\nexception_grace = 300\n");
        assertThat(run(config, script)).isZero();
        // failures at t=0 and t=200 are within grace, the one at t=400 is not
        assertThat(logs.lines())
                .filteredOn(l -> l.contains("flaky"))
                .containsExactly(
                        "WARN failed: flaky", "WARN failed: flaky", "ERROR crashed: flaky [java.sql.SQLException]");
    }

    @Test
    void failureStreakIsForgottenAfterExceptionReset() throws IOException {
        SQLException e = new SQLException("flaky", "42P01");
        Scripted script = new Scripted(e, e, false);
        SkyConfig config = config(
                "exception_sleep = 1000\nexception_quiet = ALL\nexception_grace = 300\n" + "exception_reset = 900\n");
        assertThat(run(config, script)).isZero();
        // the second failure comes 1000 s after the first: a new streak, quiet again
        assertThat(logs.lines())
                .filteredOn(l -> l.contains("flaky"))
                .containsExactly("WARN failed: flaky", "WARN failed: flaky");
    }

    @Test
    void statsAreLoggedAfterEveryLoopInSkyToolsFormat() throws IOException {
        Scripted script = new Scripted(true, false);
        run(config("loop_delay = 0\n"), script);
        assertThat(logs.lines())
                .filteredOn(l -> l.startsWith("INFO {"))
                .containsExactly("INFO {count: 2, duration: 0.0123}", "INFO {count: 2, duration: 0.0123}");
    }

    @Test
    void keepaliveLineWhenNoStatsForAWhile() throws IOException {
        Script quiet = stats -> {
            if (clockSeconds() >= 700) {
                control.requestStop();
            }
            return false;
        };
        assertThat(run(config("loop_delay = 100\nkeepalive_stats = 300\n"), quiet))
                .isZero();
        assertThat(logs.lines())
                .filteredOn(l -> l.startsWith("INFO {"))
                .containsExactly("INFO {idle: 300}", "INFO {idle: 300}");
    }

    private long clockSeconds() {
        return clock.instant().getEpochSecond() - 1704067200L;
    }

    @Test
    void reloadRequestIsServedBeforeTheNextLoop() throws IOException {
        SkyConfig config = config("loop_delay = 1\n");
        Scripted script = new Scripted(false, false, false) {
            @Override
            public boolean work(Stats stats) throws Exception {
                if (calls == 0) {
                    Files.writeString(dir.resolve("job.ini"), "[tool]\nloop_delay = 2\n");
                    control.requestReload();
                }
                return super.work(stats);
            }
        };
        assertThat(run(config, script)).isZero();
        assertThat(script.reloads).isEqualTo(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(logs.lines()).contains("INFO config reloaded");
    }

    @Test
    void invalidReloadKeepsThePreviousConfig() throws IOException {
        SkyConfig config = config("loop_delay = 1\n");
        Scripted script = new Scripted(false, false, false) {
            @Override
            public boolean work(Stats stats) throws Exception {
                if (calls == 0) {
                    Files.writeString(dir.resolve("job.ini"), "[tool]\nloop_delay = soon\n");
                    control.requestReload();
                }
                return super.work(stats);
            }
        };
        assertThat(run(config, script)).isZero();
        assertThat(script.reloads).isZero();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(config.getString("loop_delay")).isEqualTo("1");
        assertThat(logs.lines())
                .anyMatch(l -> l.startsWith("ERROR config reload failed, keeping the previous config: ")
                        && l.endsWith("'loop_delay' must be a number of seconds, got \"soon\""));
    }

    @Test
    void stopRequestEndsAfterTheCurrentWork() throws IOException {
        Script script = stats -> {
            control.requestStop();
            return true;
        };
        assertThat(run(config(""), script)).isZero();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void factoryFailureEndsWithItsExitCode() throws IOException {
        ScriptRunner runner = new ScriptRunner(
                config(""),
                cf -> {
                    throw new SQLException("connection refused", "08001");
                },
                control,
                d -> {},
                clock,
                cf -> {},
                false);
        assertThat(runner.run()).isEqualTo(ErrorKind.DB_CONNECT.exitCode());
    }
}
