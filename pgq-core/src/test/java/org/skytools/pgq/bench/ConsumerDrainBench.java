package org.skytools.pgq.bench;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.postgresql.PGConnection;
import org.skytools.common.daemon.Stats;
import org.skytools.common.db.DbConnector;
import org.skytools.pgq.NewEvent;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.Producer;
import org.skytools.pgq.consumer.BatchHandler;
import org.skytools.pgq.consumer.ConnectionSource;
import org.skytools.pgq.consumer.Consumer;
import org.skytools.pgq.consumer.ConsumerSettings;
import org.skytools.pgq.consumer.DbConnectionSource;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.ClusterOptions;
import org.skytools.testkit.PgCluster;

/**
 * Drains a queue of N events of 100 bytes with a Java consumer doing no work per event, and reads
 * the same rows with {@code COPY (select ...) TO STDOUT}, in the same run on a throwaway cluster.
 * Both are measured in several alternating rounds (a fresh consumer registered at the first tick
 * each time) and the medians are compared. Arguments: [events] [fetch size] [rounds].
 */
public final class ConsumerDrainBench {
    private static final String COLUMNS =
            "ev_id, ev_time, ev_txid, ev_retry, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4";

    private ConsumerDrainBench() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int fetch = args.length > 1 ? Integer.parseInt(args[1]) : ConsumerSettings.DEFAULT_LAZY_FETCH;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (PgCluster cluster = PgCluster.start(ClusterOptions.named("consumer-drain-bench"))) {
            cluster.createDatabase("bench", null);
            String url = cluster.jdbcUrl("bench");
            String table = produce(cluster, events);
            String copySql = "copy (select " + COLUMNS + " from " + table + ") to stdout";
            // warm the cache so that neither side pays for the first read
            copyOut(url, copySql);

            double[] consumerSecs = new double[rounds];
            double[] copySecs = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                consumerSecs[r] = drain(url, cluster.connString("bench"), "bench_" + r, fetch, events);
                long t = System.nanoTime();
                copyOut(url, copySql);
                copySecs[r] = secs(t);
                System.out.printf("round %d: consumer %.2f s, COPY %.2f s%n", r + 1, consumerSecs[r], copySecs[r]);
            }
            double batchSqlSecs = batchSqlCopy(url);

            double consumerRate = events / median(consumerSecs);
            double copyRate = events / median(copySecs);
            System.out.printf(
                    "consumer (pgq_lazy_fetch=%d): %.0f events/s (median of %d)%n", fetch, consumerRate, rounds);
            System.out.printf("COPY TO STDOUT:              %.0f rows/s (median of %d)%n", copyRate, rounds);
            System.out.printf(
                    "COPY of the batch query:     %.0f rows/s (the server's share of a batch, for reference)%n",
                    events / batchSqlSecs);
            System.out.printf("ratio consumer/COPY: %.2f (goal >= 0.5)%n", consumerRate / copyRate);
        }
    }

    /** Fills the queue in one transaction and ticks; returns the event table. */
    private static String produce(PgCluster cluster, int events) throws Exception {
        try (Connection c = cluster.connect("bench")) {
            new SchemaInstaller().apply(c, SqlSchema.PGQ);
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            long t = System.nanoTime();
            new Producer(c).bulkInsert("q", () -> rows(events));
            System.out.printf("produced %d events of 100 bytes in %.2f s%n", events, secs(t));
            String table = pgq.currentEventTable("q");
            TestQueues.tick(c, "q");
            try (var st = c.createStatement()) {
                st.execute("vacuum analyze " + table);
            }
            return table;
        }
    }

    /**
     * Registers a consumer at the first tick and times it reading and finishing every batch. The
     * consumer connects through a connect string, as the consumer tools do.
     */
    private static double drain(String url, String connstr, String consumer, int fetch, int events) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            new PgqClient(c).registerConsumerAt("q", consumer, 1);
        }
        long[] seen = new long[1];
        BatchHandler noWork = batch -> {
            for (var ev : batch.events()) {
                seen[0]++;
            }
        };
        long t = System.nanoTime();
        try (ConnectionSource src = new DbConnectionSource(new DbConnector("consumer_drain"), connstr, false)) {
            Consumer c = new Consumer(ConsumerSettings.of("q", consumer).withLazyFetch(fetch), src, noWork);
            while (c.work(new Stats())) {
                // drain
            }
        }
        double s = secs(t);
        if (seen[0] != events) {
            throw new IllegalStateException("consumer saw " + seen[0] + " events, expected " + events);
        }
        return s;
    }

    /** Opens a batch over the same events and COPYs the batch's own SQL out. */
    private static double batchSqlCopy(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            PgqClient pgq = new PgqClient(c);
            pgq.registerConsumerAt("q", "bench_sql", 1);
            long batch = pgq.nextBatch("q", "bench_sql").orElseThrow();
            String sql;
            try (var st = c.createStatement();
                    var rs = st.executeQuery("select pgq.batch_event_sql(" + batch + ")")) {
                rs.next();
                sql = rs.getString(1);
            }
            long t = System.nanoTime();
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("copy (" + sql + ") to stdout", OutputStream.nullOutputStream());
            double s = secs(t);
            pgq.finishBatch(batch);
            return s;
        }
    }

    private static void copyOut(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, OutputStream.nullOutputStream());
        }
    }

    private static Iterator<NewEvent> rows(int n) {
        String pad = "x".repeat(90);
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public NewEvent next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                return NewEvent.of("bench", String.format("%010d", i++) + pad);
            }
        };
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
