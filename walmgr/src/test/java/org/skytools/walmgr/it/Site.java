package org.skytools.walmgr.it;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.skytools.testkit.PgCluster;

/**
 * One walmgr installation for a test: a directory owned by the server user with the master and
 * slave configs, the slave's walmgr_data and a slave data directory that walmgr restores and
 * starts with pg_ctl on its own port. With {@code remote} the master reaches the slave through
 * {@code host:path} locations, rsync and a stand-in for ssh that runs the command on this host.
 */
final class Site implements AutoCloseable {
    static final String SLAVE_HOST = "slavehost";

    final PgCluster master;
    final Path dir;
    final Path masterIni;
    final Path slaveIni;
    final Path walmgrData;
    final Path completed;
    final Path partial;
    final Path fullBackup;
    final Path slaveData;
    final Path slaveLog;
    final int slavePort;
    final boolean remote;
    final Map<String, String> masterExtra = new LinkedHashMap<>();
    final Map<String, String> slaveExtra = new LinkedHashMap<>();
    private boolean passed;

    /** The outcome of one walmgr run. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    Site(PgCluster master, String name, boolean remote) throws Exception {
        this.master = master;
        this.remote = remote;
        WalmgrDist.home();
        this.dir = Files.createTempDirectory(WalmgrDist.BASE, name + "-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.masterIni = dir.resolve("master.ini");
        this.slaveIni = dir.resolve("slave.ini");
        this.walmgrData = dir.resolve("walshipping");
        this.completed = walmgrData.resolve("logs.complete");
        this.partial = walmgrData.resolve("logs.partial");
        this.fullBackup = walmgrData.resolve("data.master");
        this.slaveData = dir.resolve("slave/data");
        this.slaveLog = dir.resolve("slave.log");
        Files.createDirectories(slaveData.getParent());
        this.slavePort = freePort();
        writeFakeSsh();
        writeConfigs();
        ServerUser.own(dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** A stand-in for ssh: skips options and host and runs the command here; holds on HOLD. */
    private void writeFakeSsh() throws IOException {
        Path script = dir.resolve("fakessh");
        Files.writeString(
                script,
                """
                #!/bin/sh
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -o) shift 2 ;;
                    -*) shift ;;
                    *) break ;;
                  esac
                done
                shift
                case "$*" in
                  *xrotate*)
                    if [ -e %1$s/HOLD ]; then
                      touch %1$s/HELD
                      while [ -e %1$s/HOLD ]; do sleep 0.2; done
                    fi ;;
                esac
                exec /bin/sh -c "$*"
                """
                        .formatted(dir));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String slaveLoc(String path) {
        return remote ? SLAVE_HOST + ":" + path : path;
    }

    void writeConfigs() throws Exception {
        String launcher = WalmgrDist.launcher().toString();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("job_name", "wal-master");
        m.put("master_db", "host=127.0.0.1 port=" + master.port() + " dbname=postgres user=postgres");
        m.put("master_data", master.dataDir().toString());
        m.put("master_config", master.dataDir().resolve("postgresql.conf").toString());
        m.put("master_bin", master.binDir().toString());
        m.put("slave", remote ? SLAVE_HOST : "");
        m.put("ssh_command", dir.resolve("fakessh").toString());
        m.put("slave_config", slaveIni.toString());
        m.put("walmgr_data", walmgrData.toString());
        m.put("completed_wals", slaveLoc(completed.toString()));
        m.put("partial_wals", slaveLoc(partial.toString()));
        m.put("full_backup", slaveLoc(fullBackup.toString()));
        m.put("config_backup", slaveLoc(walmgrData.resolve("config.backup").toString()));
        m.put("walmgr_command", launcher);
        m.put("fast_checkpoint", "1");
        m.put("network_timeout", "10");
        m.putAll(masterExtra);
        write(masterIni, m);

        String pgCtl = master.binDir().resolve("pg_ctl").toString();
        Map<String, String> s = new LinkedHashMap<>();
        s.put("job_name", "wal-slave");
        s.put("slave_data", slaveData.toString());
        s.put("slave_bin", master.binDir().toString());
        s.put(
                "slave_start_cmd",
                pgCtl + " -D " + slaveData + " -l " + slaveLog + " -o \"-p " + slavePort
                        + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + "\" -w -t 60 start");
        s.put("slave_stop_cmd", pgCtl + " -D " + slaveData + " -m fast -w -t 60 stop");
        s.put("slave_config_dir", slaveData.toString());
        s.put("walmgr_data", walmgrData.toString());
        s.put("completed_wals", "%(walmgr_data)s/logs.complete");
        s.put("partial_wals", "%(walmgr_data)s/logs.partial");
        s.put("full_backup", "%(walmgr_data)s/data.master");
        s.put("config_backup", "%(walmgr_data)s/config.backup");
        s.put("walmgr_command", launcher);
        s.put("fast_checkpoint", "1");
        s.putAll(slaveExtra);
        write(slaveIni, s);
    }

    private void write(Path ini, Map<String, String> values) throws Exception {
        StringBuilder sb = new StringBuilder("[walmgr]\n");
        values.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(ini, sb.toString(), StandardCharsets.UTF_8);
        ServerUser.own(ini);
    }

    /** Runs walmgr through the launcher as the server user and waits at most {@code seconds}. */
    Result walmgr(int seconds, Path ini, String... args) throws Exception {
        Path out = Files.createTempFile("walmgr-it", ".out");
        Path err = Files.createTempFile("walmgr-it", ".err");
        try {
            Process p = builder(ini, args)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("walmgr " + List.of(args) + " did not finish within " + seconds + " s:\n"
                        + Files.readString(err));
            }
            Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            if (r.exitCode() != 0) {
                System.err.println(
                        "walmgr " + String.join(" ", args) + " exited with " + r.exitCode() + ":\n" + r.all());
            }
            return r;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    Result walmgr(Path ini, String... args) throws Exception {
        return walmgr(180, ini, args);
    }

    /** Runs walmgr and fails the test unless it succeeds. */
    Result ok(Path ini, String... args) throws Exception {
        Result r = walmgr(ini, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("walmgr " + String.join(" ", args) + " failed with " + r.exitCode() + ":\n"
                    + r.all() + "\nslave log:\n" + slaveLogTail());
        }
        return r;
    }

    ProcessBuilder builder(Path ini, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(WalmgrDist.launcher().toString());
        cmd.add(ini.toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(ServerUser.wrap(cmd))
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    Connection slaveConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + slavePort + "/postgres?user=postgres");
    }

    String slaveLogTail() {
        try {
            if (!Files.exists(slaveLog)) {
                return "(no slave log)";
            }
            List<String> lines = Files.readAllLines(slaveLog);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read slave log: " + e.getMessage() + ")";
        }
    }

    /** Marks the test as passed: the directory is removed on close, otherwise it is kept to look at. */
    void passed() {
        passed = true;
    }

    /** Stops a slave server that still runs. */
    void stopSlave() throws Exception {
        if (Files.exists(slaveData.resolve("postmaster.pid"))) {
            new ProcessBuilder(ServerUser.wrap(List.of(
                            master.binDir().resolve("pg_ctl").toString(),
                            "-D",
                            slaveData.toString(),
                            "-m",
                            "immediate",
                            "-w",
                            "-t",
                            "60",
                            "stop")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(90, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        stopSlave();
        if (!passed || Boolean.getBoolean("skytools.test.keep")) {
            System.err.println("kept walmgr test directory " + dir);
            return;
        }
        new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor(60, TimeUnit.SECONDS);
    }
}
