package org.skytools.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.daemon.Pidfile;
import org.skytools.common.error.ErrorKind;

/**
 * Daemon mode end to end with forked JVMs running {@link ExampleTool}: -d detaches and writes the
 * pidfile, -r reloads, a second instance is refused, -s and -k stop the daemon and its pidfile
 * goes, and control switches with nothing running exit 0 with a warning.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExampleToolDaemonIT {
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Path config;
    private Path pidfile;
    private Path logfile;
    private Path output;

    private record Result(int code, String out, String err) {}

    @BeforeEach
    void writeConfig() throws IOException {
        pidfile = dir.resolve("daemon.pid");
        logfile = dir.resolve("daemon.log");
        output = dir.resolve("out.txt");
        config = dir.resolve("daemon.ini");
        writeConfig(output);
    }

    private void writeConfig(Path outputFile) throws IOException {
        Files.writeString(
                config,
                "[example_tool]\n"
                        + "output_file = " + outputFile + "\n"
                        + "logfile = %(config_dir)s/%(job_name)s.log\n"
                        + "pidfile = %(config_dir)s/%(job_name)s.pid\n"
                        + "loop_delay = 0.2\n");
    }

    @AfterEach
    void killLeftovers() {
        try {
            new Pidfile(pidfile).livePid().ifPresent(pid -> ProcessHandle.of(pid)
                    .ifPresent(ProcessHandle::destroyForcibly));
        } catch (RuntimeException e) {
            // nothing left to clean
        }
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    // as started by "nohup tool &" from a script: SIGHUP and SIGINT ignored
    private Result runWithSignalsIgnored(String... args) throws IOException, InterruptedException {
        return run(List.of("/bin/sh", "-c", "trap '' HUP INT; exec \"$@\"", "sh"), args);
    }

    private Result run(List<String> wrapper, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExampleTool.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("example_tool " + List.of(args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private long startDaemon() throws IOException, InterruptedException {
        Result started = run(config.toString(), "-d");
        assertThat(started.code()).as(started.err()).isZero();
        OptionalLong pid = new Pidfile(pidfile).livePid();
        assertThat(pid).as("pidfile written before the parent exits").isPresent();
        return pid.getAsLong();
    }

    private String log() throws IOException {
        return Files.exists(logfile) ? Files.readString(logfile) : "";
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private static long sessionId(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    @Test
    void daemonStartedWithHupAndIntIgnoredStillReloadsAndStops() throws Exception {
        Result started = runWithSignalsIgnored(config.toString(), "-d");
        assertThat(started.code()).as(started.err()).isZero();
        long pid = new Pidfile(pidfile).livePid().orElseThrow();
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        long ignored = status.lines()
                .filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseLong(l.substring(7).strip(), 16))
                .findFirst()
                .orElseThrow();
        assertThat(ignored & 0b11)
                .as("SIGHUP and SIGINT not ignored in the daemon")
                .isZero();

        Result reload = run(config.toString(), "-r");
        assertThat(reload.code()).as(reload.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> log().contains("got SIGHUP, reloading config"));
        Result stop = run(config.toString(), "-s");
        assertThat(stop.code()).as(stop.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> !Pidfile.isAlive(pid) && !Files.exists(pidfile));
        assertThat(log()).contains(pid + " INFO daemon stopped").doesNotContain("stays ignored");
    }

    @Test
    void daemonRunsDetachedReloadsRefusesSecondInstanceAndStops() throws Exception {
        long pid = startDaemon();
        assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(sessionId(pid)).as("own session through setsid").isEqualTo(pid);
        await().atMost(Duration.ofSeconds(60)).until(() -> lines(output) >= 2);
        assertThat(log()).contains(pid + " INFO daemon started");

        Result second = run(config.toString(), "-d");
        assertThat(second.code()).isEqualTo(ErrorKind.ALREADY_RUNNING.exitCode());
        assertThat(second.err())
                .contains("ERROR: pidfile \"" + pidfile + "\" exists, another process running? (pid " + pid
                        + " is alive)");
        assertThat(second.err()).doesNotContain("\tat ");
        Result foreground = run(config.toString());
        assertThat(foreground.code()).isEqualTo(ErrorKind.ALREADY_RUNNING.exitCode());

        Path other = dir.resolve("other.txt");
        writeConfig(other);
        Result reload = run(config.toString(), "-r");
        assertThat(reload.code()).as(reload.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> log().contains(pid + " INFO daemon config reloaded"));
        await().atMost(Duration.ofSeconds(60)).until(() -> lines(other) >= 1);
        assertThat(log()).contains("got SIGHUP, reloading config");

        Result stop = run(config.toString(), "-s");
        assertThat(stop.code()).as(stop.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> !Pidfile.isAlive(pid) && !Files.exists(pidfile));
        assertThat(log())
                .contains(pid + " INFO daemon got SIGINT, stopping after the current work")
                .contains(pid + " INFO daemon stopped");

        Result again = run(config.toString(), "-s");
        assertThat(again.code()).as("-s with nothing running").isZero();
        assertThat(again.err()).contains("WARN daemon no pidfile \"" + pidfile + "\", process not running");
    }

    @Test
    void killStopsAtOnceAndRemovesThePidfile() throws Exception {
        long pid = startDaemon();
        Result kill = run(config.toString(), "-k");
        assertThat(kill.code()).as(kill.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> !Pidfile.isAlive(pid) && !Files.exists(pidfile));
        assertThat(log())
                .contains(pid + " WARN daemon got SIGTERM, exiting now")
                .doesNotContain(pid + " INFO daemon stopped");
    }

    @Test
    void daemonFailingBeforeItsPidfileReportsTheErrorThroughTheParent() throws Exception {
        Files.writeString(
                config,
                "[example_tool]\noutput_file = " + output + "\nlogfile = " + logfile + "\npidfile = "
                        + dir.resolve("missing/daemon.pid") + "\n");
        Result result = run(config.toString(), "-d");
        assertThat(result.code()).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertThat(result.err())
                .contains("ERROR: pidfile directory \"" + dir.resolve("missing")
                        + "\" does not exist; create it or change 'pidfile'");
        assertThat(output).doesNotExist();
    }
}
