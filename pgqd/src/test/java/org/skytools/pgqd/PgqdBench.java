package org.skytools.pgqd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.ClusterOptions;
import org.skytools.testkit.PgCluster;

/**
 * Benchmark of pgqd serving many databases (run by {@code bench/pgqd_bench.sh}): a throwaway
 * cluster with N databases each holding a queue, pgqd forked as the launcher would run it, then
 * ticks per second and resident memory at a 1 s ticker period, the most ticks per second it
 * reaches, and the end-to-end latency from insert_event to a consumer polling next_batch seeing
 * the event, with ticker_period 1 s and 0.1 s.
 */
public final class PgqdBench {
    private static final Pattern STATS = Pattern.compile("\\{ticks: (\\d+), maint: (\\d+), retry: (\\d+)}");

    private final PgCluster cluster;
    private final Path dir;
    private final int databases;
    private final List<String> javaOptions;

    private PgqdBench(PgCluster cluster, Path dir, int databases, List<String> javaOptions) {
        this.cluster = cluster;
        this.dir = dir;
        this.databases = databases;
        this.javaOptions = javaOptions;
    }

    public static void main(String[] args) throws Exception {
        int databases = Integer.parseInt(System.getProperty("bench.databases", "50"));
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "20"));
        List<String> javaOptions = Arrays.stream(
                        System.getProperty("bench.javaopts", "").split("\\s+"))
                .filter(s -> !s.isBlank())
                .toList();
        Path dir = Files.createTempDirectory("pgqd-bench");
        try (PgCluster cluster = PgCluster.start(ClusterOptions.named("pgqd-bench")
                .with("max_connections", Integer.toString(databases * 2 + 20))
                .with("shared_buffers", "64MB"))) {
            PgqdBench bench = new PgqdBench(cluster, dir, databases, javaOptions);
            bench.createDatabases();
            System.out.printf(
                    Locale.ROOT,
                    "pgqd bench: %d databases with one queue each, PostgreSQL %d, JVM options %s%n",
                    databases,
                    cluster.majorVersion(),
                    javaOptions.isEmpty() ? "(launcher defaults)" : String.join(" ", javaOptions));
            bench.throughput("1", seconds);
            bench.throughput("0.01", seconds);
            bench.latency("1", seconds, "0");
            bench.latency("0.1", seconds, "0");
            bench.latency("1", seconds, null);
        }
    }

    private void createDatabases() throws SQLException {
        cluster.createDatabase("bench_template", "template0");
        try (Connection c = cluster.connect("bench_template")) {
            new SchemaInstaller().apply(c, SqlSchema.PGQ);
            try (Statement st = c.createStatement()) {
                st.execute("select pgq.create_queue('q')");
                st.execute("select pgq.register_consumer('q', 'bench')");
            }
        }
        for (int i = 1; i <= databases; i++) {
            cluster.createDatabase(String.format(Locale.ROOT, "bench_%02d", i), "bench_template");
        }
        // the template itself must not be served
        try (Connection c = cluster.connect("postgres");
                Statement st = c.createStatement()) {
            st.execute("update pg_database set datistemplate = true where datname = 'bench_template'");
        }
    }

    /** pgqd with the given ticker period over {@code seconds}: ticks per second, RSS, CPU. */
    private void throughput(String tickerPeriod, int seconds) throws Exception {
        try (Daemon pgqd = start(tickerPeriod, "2")) {
            pgqd.awaitStats(1);
            long cpu0 = pgqd.cpuTicks();
            int from = pgqd.stats().size();
            long rss = 0;
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(seconds)) {
                rss = Math.max(rss, pgqd.rssKb());
                Thread.sleep(500);
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double cpu = (pgqd.cpuTicks() - cpu0) / 100.0 / elapsed * 100;
            List<long[]> stats = pgqd.stats();
            long ticks = 0;
            int periods = 0;
            for (long[] s : stats.subList(from, stats.size())) {
                ticks += s[0];
                periods++;
            }
            double perSecond = periods == 0 ? 0 : ticks / (periods * 2.0);
            System.out.printf(
                    Locale.ROOT,
                    "ticker_period %-5s s: %8.1f ticks/s over %d databases (%.1f per database), max RSS %d MB,"
                            + " CPU %.1f%% of one core%n",
                    tickerPeriod,
                    perSecond,
                    databases,
                    perSecond / databases,
                    rss / 1024,
                    cpu);
        }
    }

    /**
     * Insert → seen latency in one database while pgqd serves all: a producer inserts an event
     * every 20 ms, a consumer polls next_batch every 10 ms. With {@code maxLag} set, the queue's
     * ticker_max_lag is set to it so that every pgqd call ticks the queue when events wait;
     * null keeps PgQ's default (3 s).
     */
    private void latency(String tickerPeriod, int seconds, String maxLag) throws Exception {
        String db = "bench_01";
        try (Connection admin = cluster.connect(db);
                Statement st = admin.createStatement()) {
            st.execute("select pgq.set_queue_config('q', 'ticker_max_lag', '" + (maxLag == null ? "3 seconds" : maxLag)
                    + "')");
            drain(admin);
        }
        try (Daemon pgqd = start(tickerPeriod, "5")) {
            pgqd.awaitStats(1);
            Map<Long, Long> inserted = new ConcurrentHashMap<>();
            List<Long> latencies = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Thread producer = new Thread(() -> produce(db, inserted, end));
            producer.start();
            try (Connection c = cluster.connect(db);
                    PreparedStatement next = c.prepareStatement("select pgq.next_batch('q', 'bench')");
                    PreparedStatement events = c.prepareStatement("select ev_id from pgq.get_batch_events(?)");
                    PreparedStatement finish = c.prepareStatement("select pgq.finish_batch(?)")) {
                long stopAt = end + TimeUnit.SECONDS.toNanos(5);
                while (System.nanoTime() < stopAt) {
                    Long batch = value(next);
                    if (batch == null) {
                        Thread.sleep(10);
                        continue;
                    }
                    events.setLong(1, batch);
                    long seen = System.nanoTime();
                    try (ResultSet rs = events.executeQuery()) {
                        while (rs.next()) {
                            Long at = inserted.remove(rs.getLong(1));
                            if (at != null) {
                                latencies.add(seen - at);
                            }
                        }
                    }
                    finish.setLong(1, batch);
                    finish.execute();
                }
            }
            producer.join();
            latencies.sort(null);
            System.out.printf(
                    Locale.ROOT,
                    "latency, ticker_period %-4s s, queue ticker_max_lag %-10s: median %6.0f ms, p99 %6.0f ms"
                            + " (%d events, %d unseen)%n",
                    tickerPeriod,
                    maxLag == null ? "3 s (dflt)" : maxLag + " s",
                    percentile(latencies, 50) / 1e6,
                    percentile(latencies, 99) / 1e6,
                    latencies.size(),
                    inserted.size());
        }
    }

    private void produce(String db, Map<Long, Long> inserted, long end) {
        try (Connection c = cluster.connect(db);
                PreparedStatement insert = c.prepareStatement("select pgq.insert_event('q', 'bench', 'x')")) {
            while (System.nanoTime() < end) {
                long at = System.nanoTime();
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    inserted.put(rs.getLong(1), at);
                }
                Thread.sleep(20);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("select pgq.force_tick('q')");
            st.execute("select pgq.ticker()");
            while (true) {
                Long batch;
                try (ResultSet rs = st.executeQuery("select pgq.next_batch('q', 'bench')")) {
                    rs.next();
                    batch = (Long) rs.getObject(1);
                }
                if (batch == null) {
                    return;
                }
                st.execute("select pgq.finish_batch(" + batch + ")");
            }
        }
    }

    private static Long value(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? (Long) rs.getObject(1) : null;
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private Daemon start(String tickerPeriod, String statsPeriod) throws IOException {
        Path ini = dir.resolve("pgqd.ini");
        Path log = dir.resolve("pgqd-" + tickerPeriod + "-" + System.nanoTime() + ".log");
        Files.writeString(
                ini,
                "[pgqd]\nlogfile = " + log + "\nbase_connstr = host=" + cluster.host() + " port=" + cluster.port()
                        + " user=" + cluster.superuser() + "\ninitial_database = postgres\nticker_period = "
                        + tickerPeriod + "\nstats_period = " + statsPeriod
                        + "\nretry_period = 30\nmaint_period = 120\n");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(javaOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add(ini.toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        return new Daemon(process, log);
    }

    /** A running pgqd and its log. */
    private record Daemon(Process process, Path log) implements AutoCloseable {
        List<long[]> stats() throws IOException {
            List<long[]> all = new ArrayList<>();
            if (!Files.exists(log)) {
                return all;
            }
            for (String line : Files.readAllLines(log)) {
                Matcher m = STATS.matcher(line);
                if (m.find()) {
                    all.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                }
            }
            return all;
        }

        void awaitStats(int count) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stats().size() < count) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "pgqd did not start; log:\n" + (Files.exists(log) ? Files.readString(log) : "(none)"));
                }
                Thread.sleep(100);
            }
        }

        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return 0;
        }

        long cpuTicks() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
