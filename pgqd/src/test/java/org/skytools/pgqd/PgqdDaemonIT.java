package org.skytools.pgqd;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.daemon.Pidfile;
import org.skytools.common.error.ErrorKind;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * The real command line in forked JVMs (behaviour.md T-1, T-5, T-7): {@code pgqd -d} on a cluster
 * of its own serving every database with PgQ, through a server restart, a dropped database and a
 * new one, then {@code -r} and {@code -s}; and the exit codes when nothing can be served.
 */
@PgTest(clusters = 2)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PgqdDaemonIT {
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    @AfterEach
    void killLeftovers() {
        try {
            new Pidfile(dir.resolve("pgqd.pid")).livePid().ifPresent(pid -> ProcessHandle.of(pid)
                    .ifPresent(ProcessHandle::destroyForcibly));
        } catch (RuntimeException e) {
            // nothing left to clean
        }
    }

    private Path writeConfig(PgCluster cluster, String... lines) throws IOException {
        Path ini = dir.resolve("pgqd.ini");
        StringBuilder body = new StringBuilder("[pgqd]\n")
                .append("logfile = %(config_dir)s/%(job_name)s.log\n")
                .append("pidfile = %(config_dir)s/%(job_name)s.pid\n")
                .append("base_connstr = host=")
                .append(cluster.host())
                .append(" port=")
                .append(cluster.port())
                .append(" user=")
                .append(cluster.superuser())
                .append('\n')
                .append("initial_database = postgres\n");
        for (String line : lines) {
            body.append(line).append('\n');
        }
        Files.writeString(ini, body.toString());
        return ini;
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("pgqd " + List.of(args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String log() throws IOException {
        Path file = dir.resolve("pgqd.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void t1_t5_t7_daemonServesTheClusterThroughRestartDropAndNewDatabaseThenReloadsAndStopsCleanly(ClusterGroup group)
            throws Exception {
        PgCluster own = group.get(1);
        TestDatabase a = PgqFixture.createDatabase(own, "served_a", true);
        TestDatabase b = PgqFixture.createDatabase(own, "served_b", true);
        PgqFixture.createQueue(a, "qa");
        PgqFixture.createQueue(b, "qb");
        Path ini = writeConfig(own, "check_period = 1", "ticker_period = 0.2", "stats_period = 1", "loop_delay = 0.2");

        Result started = run(ini.toString(), "-d");
        assertThat(started.code()).as(started.err()).isZero();
        Pidfile pidfile = new Pidfile(dir.resolve("pgqd.pid"));
        OptionalLong pid = pidfile.livePid();
        assertThat(pid).as("pidfile written before the parent exits").isPresent();

        PgqFixture.awaitTick(a, "qa", WAIT);
        PgqFixture.awaitTick(b, "qb", WAIT);
        assertThat(log())
                .contains("serving 3 databases of the cluster: postgres, served_a, served_b")
                .contains("database \"served_a\": pgq version ok")
                .contains("database \"served_b\": pgq version ok")
                .contains("database \"postgres\": no schema \"pgq\"");

        own.restart();
        PgqFixture.awaitTickIgnoringErrors(a, "qa", WAIT);
        PgqFixture.awaitTickIgnoringErrors(b, "qb", WAIT);
        assertThat(log()).contains("ERROR pgqd database \"served_a\": connection lost during pgq.ticker()");

        own.dropDatabase(b.name());
        await().atMost(WAIT).until(() -> log().contains("database \"served_b\": no longer in the cluster, stopping"));
        PgqFixture.awaitTick(a, "qa", WAIT);

        TestDatabase c = PgqFixture.createDatabase(own, "served_c", true);
        PgqFixture.createQueue(c, "qc");
        await().atMost(WAIT).until(() -> log().contains("database \"served_c\": pgq version ok"));
        PgqFixture.awaitTick(c, "qc", WAIT);

        writeConfig(own, "check_period = 1", "ticker_period = 0.1", "stats_period = 1", "loop_delay = 0.2");
        Result reload = run(ini.toString(), "-r");
        assertThat(reload.code()).as(reload.err()).isZero();
        await().atMost(WAIT).until(() -> log().contains("INFO pgqd config reloaded"));
        assertThat(log()).contains("got SIGHUP");
        await().atMost(WAIT)
                .until(() -> log().matches("(?s).*INFO pgqd \\{ticks: [1-9]\\d*, maint: \\d+, retry: \\d+}.*"));

        Result stop = run(ini.toString(), "-s");
        assertThat(stop.code()).as(stop.err()).isZero();
        long signalled = System.nanoTime();
        await().atMost(WAIT).until(() -> !Pidfile.isAlive(pid.getAsLong()) && !Files.exists(pidfile.path()));
        assertThat(Duration.ofNanos(System.nanoTime() - signalled))
                .as("stops within about a tick")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(PgqFixture.backends(a, "pgqd"))
                .as("no backend of pgqd is inside a transaction")
                .allSatisfy(r -> assertThat(r.get("xact_start")).isNull());
        await().atMost(WAIT).until(() -> PgqFixture.backends(a, "pgqd").isEmpty());
        assertThat(log()).contains("got SIGINT").contains("INFO pgqd stopped");
        own.dropDatabase(a.name());
        own.dropDatabase(c.name());
    }

    @Test
    void exitsNonZeroWithTheDatabaseNamedWhenNothingCanBeServed(ClusterGroup group) throws Exception {
        PgCluster own = group.get(1);
        Path ini = writeConfig(own, "database_list = postgres");
        Result noPgq = run(ini.toString());
        assertThat(noPgq.code()).as(noPgq.err()).isEqualTo(ErrorKind.SCHEMA_MISSING.exitCode());
        assertThat(noPgq.err())
                .contains("WARN pgqd database \"postgres\": no schema \"pgq\"")
                .contains("ERROR pgqd failed: no database can be served: database \"postgres\": no schema \"pgq\"");

        Path unreachable = writeConfig(own, "base_connstr = host=127.0.0.1 port=1");
        Result down = run(unreachable.toString());
        assertThat(down.code()).as(down.err()).isEqualTo(ErrorKind.DB_CONNECT.exitCode());
        assertThat(down.err())
                .contains(
                        "ERROR pgqd failed: cannot connect to database \"postgres\" at 127.0.0.1:1: connection refused");
    }

    @Test
    void t1_daemonThatCannotServeAnythingMakesTheStartingProcessFail(ClusterGroup group) throws Exception {
        PgCluster own = group.get(1);
        Path ini = writeConfig(own, "database_list = postgres");
        Result started = run(ini.toString(), "-d");
        assertThat(started.code()).as(started.err()).isEqualTo(ErrorKind.SCHEMA_MISSING.exitCode());
        assertThat(started.err()).contains("daemon failed to start");
        assertThat(log()).contains("no database can be served");
        assertThat(dir.resolve("pgqd.pid")).doesNotExist();
    }
}
