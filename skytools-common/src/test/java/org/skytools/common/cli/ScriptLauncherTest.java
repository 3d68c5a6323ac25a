package org.skytools.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import picocli.CommandLine;

/**
 * The whole start-up path of a tool, in process: --ini, -V, config errors, pidfile rules and the
 * exit codes of the bad-input catalogue. Each error is one line naming file, section or key, with
 * no stack trace unless -v.
 */
class ScriptLauncherTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = ScriptCommandLine.create(new ExampleTool());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Path config(String body) throws IOException {
        Path file = dir.resolve("job.ini");
        Files.writeString(
                file,
                "[example_tool]\noutput_file = " + dir.resolve("out.txt") + "\nlogfile = " + dir.resolve("job.log")
                        + "\n" + body);
        return file;
    }

    private String log() throws IOException {
        Path file = dir.resolve("job.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("out.txt"));
    }

    private void assertOneErrorLine(String expectedStart) {
        assertThat(err.toString()).startsWith("ERROR: " + expectedStart);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void loopDelayNegativeRunsOnceAndLogsStats() throws IOException {
        int code = run(config("loop_delay = -1\nbusy = 1\n").toString());
        assertThat(code).isZero();
        assertThat(output()).isEqualTo("loop 1\n");
        assertThat(log())
                .contains(" INFO job started")
                .contains(" INFO job {count: 1}")
                .contains("stopped");
    }

    @Test
    void loopDelayZeroExitsAfterFirstIdleLoop() throws IOException {
        assertThat(run(config("loop_delay = 0\n").toString())).isZero();
        assertThat(output()).isEqualTo("loop 1\n");
    }

    @Test
    void setOverridesTheFile() throws IOException {
        Path other = dir.resolve("other.txt");
        assertThat(run(
                        config("loop_delay = 5\n").toString(),
                        "--set",
                        "loop_delay=-1",
                        "--set",
                        "OUTPUT_FILE = " + other))
                .isZero();
        assertThat(Files.readString(other)).isEqualTo("loop 1\n");
    }

    @Test
    void iniPrintsSampleWithoutConfigFile() {
        assertThat(run("--ini", "--set", "busy=1")).isZero();
        assertThat(out.toString())
                .startsWith("[example_tool]\n")
                .contains("## SkyTools script ##")
                .contains("#loop_delay = 1.0\n")
                .contains("# file that gets one line per loop\n# (required)\noutput_file =\n")
                .contains("#busy = 0\nbusy = 1\n");
    }

    @Test
    void versionNamesToolProductAndJava() {
        assertThat(run("-V")).isZero();
        assertThat(out.toString())
                .startsWith("example_tool, SkyTools for Java ")
                .contains("\nJava 17");
        assertThat(out.toString()).doesNotContain("unknown");
    }

    @Test
    void helpListsTheSharedSwitches() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "-d, --daemon",
                        "-s, --stop",
                        "-k, --kill",
                        "-r, --reload",
                        "--ini",
                        "--set=KEY=VALUE",
                        "-q, --quiet",
                        "-v, --verbose");
    }

    @Test
    void unknownSwitchIsAUsageErrorWithHelp() {
        assertThat(run("--bogus")).isEqualTo(ErrorKind.USAGE.exitCode());
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage: example_tool");
    }

    @Test
    void missingConfigArgumentIsAUsageError() {
        assertThat(run()).isEqualTo(ErrorKind.USAGE.exitCode());
        assertOneErrorLine("missing config file");
    }

    @Test
    void missingConfigFile() {
        Path missing = dir.resolve("missing.ini");
        assertThat(run(missing.toString())).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertOneErrorLine("config file \"" + missing + "\" not found");
    }

    @Test
    void unreadableConfigFile() {
        assertThat(run(dir.toString())).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertOneErrorLine("config file \"" + dir + "\" is a directory");
    }

    @Test
    void missingMainSection() throws IOException {
        Path file = dir.resolve("job.ini");
        Files.writeString(file, "[londiste3]\ndb = x\n");
        assertThat(run(file.toString())).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertOneErrorLine(file + ": no [example_tool] section");
    }

    @Test
    void missingRequiredKey() throws IOException {
        Path file = dir.resolve("job.ini");
        Files.writeString(file, "[example_tool]\nloop_delay = 1\n");
        assertThat(run(file.toString())).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertOneErrorLine(file + ": [example_tool] config value not set: 'output_file'");
    }

    @Test
    void wrongType() throws IOException {
        Path file = config("loop_delay = fast\n");
        assertThat(run(file.toString())).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertOneErrorLine(file + ": [example_tool] 'loop_delay' must be a number of seconds, got \"fast\"");
    }

    @Test
    void severalProblemsAreListedTogether() throws IOException {
        Path file = config("loop_delay = fast\nbusy = maybe\n");
        assertThat(run(file.toString())).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertThat(err.toString())
                .isEqualTo("ERROR: " + file + ": [example_tool] has 2 problems:\n"
                        + "  'loop_delay' must be a number of seconds, got \"fast\"\n"
                        + "  'busy' must be a boolean (1, yes, true, on or 0, no, false, off), got \"maybe\"\n");
    }

    @Test
    void interpolationLoop() throws IOException {
        Path file = config("pidfile = %(pidfile)s\n");
        assertThat(run(file.toString())).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertOneErrorLine(file + ": [example_tool] 'pidfile' has an interpolation loop: pidfile -> pidfile");
    }

    @Test
    void unknownInterpolationReference() throws IOException {
        Path file = config("pidfile = %(piddir)s/x.pid\n");
        assertThat(run(file.toString())).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertOneErrorLine(file + ": [example_tool] 'pidfile' refers to unknown key 'piddir'");
    }

    @Test
    void stackTraceOnlyWithVerbose() throws IOException {
        Path file = config("loop_delay = fast\n");
        assertThat(run(file.toString(), "-v")).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertThat(err.toString()).startsWith("ERROR: ").contains("\tat org.skytools.common.config.");
    }

    @Test
    void daemonNeedsPidfile() throws IOException {
        Path file = config("");
        assertThat(run(file.toString(), "-d")).isEqualTo(ErrorKind.CONFIG.exitCode());
        assertOneErrorLine(file + ": [example_tool] daemon mode (-d) needs 'pidfile'");
    }

    @Test
    void livePidfileMeansAlreadyRunning() throws IOException {
        Path pidfile = dir.resolve("job.pid");
        // pid 1 always runs
        Files.writeString(pidfile, "1\n");
        assertThat(run(config("pidfile = " + pidfile + "\nloop_delay = -1\n").toString()))
                .isEqualTo(ErrorKind.ALREADY_RUNNING.exitCode());
        assertOneErrorLine("pidfile \"" + pidfile + "\" exists, another process running? (pid 1 is alive)");
        assertThat(Files.readString(pidfile)).isEqualTo("1\n");
        assertThat(dir.resolve("out.txt")).doesNotExist();
    }

    @Test
    void stalePidfileIsReplacedAndRemovedOnExit() throws IOException, InterruptedException {
        Path pidfile = dir.resolve("job.pid");
        Files.writeString(pidfile, Long.toString(deadPid()));
        assertThat(run(config("pidfile = " + pidfile + "\nloop_delay = -1\n").toString()))
                .isZero();
        assertThat(log()).contains("ignoring stale pidfile \"" + pidfile + "\"");
        assertThat(output()).isEqualTo("loop 1\n");
        assertThat(pidfile).doesNotExist();
    }

    @Test
    void stopWithoutPidfileKeyWarnsAndExitsZero() throws IOException {
        assertThat(run(config("").toString(), "-s")).isZero();
        assertThat(log()).contains("WARN job no pidfile in config, nothing to do");
    }

    @Test
    void stopWithNothingRunningWarnsAndExitsZero() throws IOException {
        Path pidfile = dir.resolve("job.pid");
        assertThat(run(config("pidfile = " + pidfile + "\n").toString(), "-s")).isZero();
        assertThat(log()).contains("WARN job no pidfile \"" + pidfile + "\", process not running");
    }

    @Test
    void reloadWithStalePidfileWarnsAndExitsZero() throws IOException, InterruptedException {
        Path pidfile = dir.resolve("job.pid");
        long dead = deadPid();
        Files.writeString(pidfile, Long.toString(dead));
        assertThat(run(config("pidfile = " + pidfile + "\n").toString(), "-r")).isZero();
        assertThat(log()).contains("pidfile \"" + pidfile + "\" exists, but process " + dead + " is not running");
    }

    @Test
    void twoControlSwitchesAreAUsageError() throws IOException {
        assertThat(run(config("").toString(), "-s", "-k")).isEqualTo(ErrorKind.USAGE.exitCode());
        assertOneErrorLine("give only one of -r, -s and -k");
    }

    @Test
    void permanentDatabaseErrorStopsWithItsExitCode() throws IOException {
        assertThat(run(config("fail_sqlstate = 28P01\nloop_delay = 5\n").toString()))
                .isEqualTo(ErrorKind.DB_AUTH.exitCode());
        assertThat(log()).contains("ERROR job failed: simulated failure (SQLSTATE 28P01)");
    }

    @Test
    void failureOfAOneShotRunEndsWithFailureCode() throws IOException {
        assertThat(run(config("fail_sqlstate = 42P01\nloop_delay = -1\n").toString()))
                .isEqualTo(ErrorKind.RUNTIME.exitCode());
        assertThat(log()).contains("ERROR job crashed: simulated failure").contains("java.sql.SQLException");
    }

    @Test
    void unknownKeyIsOnlyAWarning() throws IOException {
        assertThat(run(config("loop_dealy = 1\nloop_delay = -1\n").toString())).isZero();
        assertThat(log()).contains("unknown key 'loop_dealy'; did you mean 'loop_delay'?");
    }

    @Test
    void effectiveConfigIsLoggedMaskedAtDebug() throws IOException {
        assertThat(run(
                        config("loop_delay = -1\ndb = dbname=x password=topsecret\n")
                                .toString(),
                        "-v"))
                .isZero();
        assertThat(log())
                .contains("DEBUG job effective config:")
                .contains("db = dbname=x password=***")
                .doesNotContain("topsecret");
    }

    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
