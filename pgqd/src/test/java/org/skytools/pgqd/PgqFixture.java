package org.skytools.pgqd;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.TestDatabase;

/** Queue set-up and tick checks shared by the pgqd tests. */
final class PgqFixture {
    private PgqFixture() {}

    /** A new database on {@code cluster}, with PgQ when {@code withPgq}. */
    static TestDatabase createDatabase(PgCluster cluster, String name, boolean withPgq) throws SQLException {
        cluster.dropDatabase(name);
        cluster.createDatabase(name, "template0");
        TestDatabase db = new TestDatabase(cluster, name);
        if (withPgq) {
            installPgq(db);
        }
        return db;
    }

    static void installPgq(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            new SchemaInstaller().apply(c, SqlSchema.PGQ);
        }
    }

    static void createQueue(TestDatabase db, String queue) {
        db.queryValue("select pgq.create_queue(?)", Integer.class, queue);
    }

    static long lastTick(TestDatabase db, String queue) {
        Long id = db.queryValue("select last_tick_id from pgq.get_queue_info(?)", Long.class, queue);
        return id == null ? 0 : id;
    }

    /** Asks for a tick and waits until someone (pgqd) makes it. */
    static void awaitTick(TestDatabase db, String queue, Duration timeout) {
        long before = lastTick(db, queue);
        db.queryValue("select pgq.force_tick(?)", Long.class, queue);
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> lastTick(db, queue) > before);
    }

    /** Like {@link #awaitTick} while the database may still be coming back: failures are retried. */
    static void awaitTickIgnoringErrors(TestDatabase db, String queue, Duration timeout) {
        await().atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .untilAsserted(() -> awaitTick(db, queue, Duration.ofSeconds(3)));
    }

    /** Backends of {@code applicationName} in {@code db}'s cluster: pid, database, state. */
    static List<java.util.Map<String, Object>> backends(TestDatabase any, String applicationName) {
        return any.query(
                "select pid, datname, state, xact_start from pg_stat_activity where application_name = ?",
                applicationName);
    }
}
