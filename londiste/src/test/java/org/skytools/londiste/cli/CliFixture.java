package org.skytools.londiste.cli;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.testkit.PgCluster;

/**
 * What the command-line londiste tests share: node configs and workers ({@link Nodes}) in a temp
 * directory, a ticker standing in for pgqd, SQL helpers, and waiting for a table's state; workers
 * and the ticker stop after each test.
 */
abstract class CliFixture {
    static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    Nodes nodes;
    private ScheduledExecutorService ticker;

    @AfterEach
    void stopAll() throws Exception {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (nodes != null) {
            nodes.stopAll();
        }
    }

    /** Ticks, every 100 ms, every database for which {@code when} holds, as pgqd would. */
    void startTicker(TickTarget... targets) {
        ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleWithFixedDelay(
                () -> {
                    for (TickTarget t : targets) {
                        if (t.when().getAsBoolean()) {
                            tick(t.cluster(), t.db());
                        }
                    }
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
    }

    /** A database the ticker ticks while {@code when} holds. */
    record TickTarget(PgCluster cluster, String db, BooleanSupplier when) {
        TickTarget(PgCluster cluster, String db) {
            this(cluster, db, () -> true);
        }
    }

    static void sql(PgCluster cluster, String db, String... statements) throws SQLException {
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    /** The first column of the first row as text; null without a row or when the table does not exist (yet). */
    static String text(PgCluster cluster, String db, String query) throws SQLException {
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return null;
            }
            throw e;
        }
    }

    static long count(PgCluster cluster, String db, String query) throws SQLException {
        return Long.parseLong(text(cluster, db, query));
    }

    /** Waits until {@code table} is {@code ok} on the node of queue {@code queue} in {@code db}. */
    static void awaitOk(PgCluster cluster, String db, String queue, String table) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "ok"
                .equals(text(
                        cluster,
                        db,
                        "select coalesce(max(merge_state), '') from londiste.get_table_list('" + queue + "')"
                                + " where table_name = '" + table + "' and local")));
    }

    static void awaitOk(PgCluster cluster, String db, String table) {
        awaitOk(cluster, db, "replq", table);
    }

    /** Sets a short tick lag and idle period on the root's queue, so that tests wait less. */
    static void fastTicks(PgCluster cluster, String db, String queue) throws SQLException {
        sql(
                cluster,
                db,
                "select pgq.set_queue_config('" + queue + "', 'ticker_max_lag', '0.2 seconds'),"
                        + " pgq.set_queue_config('" + queue + "', 'ticker_idle_period', '0.5 seconds')");
    }

    private static void tick(PgCluster cluster, String db) {
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement()) {
            st.execute("select pgq.ticker()");
        } catch (SQLException e) {
            // the schema may not be there yet
        }
    }
}
