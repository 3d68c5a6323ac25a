package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.DbConnector;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.TestDatabase;

/** Databases, nodes and event checks shared by the cascade tests. */
final class CascadeFixture {
    static final String QUEUE = "cq";
    static final NodeConnector CONNECTOR = NodeConnector.of(new DbConnector("cascade-test"));

    private CascadeFixture() {}

    /** A fresh database on {@code cluster} with pgq and pgq_node and a table recording applied events. */
    static TestDatabase database(PgCluster cluster, String name) throws SQLException {
        cluster.dropDatabase(name);
        cluster.createDatabase(name, "template0");
        TestDatabase db = new TestDatabase(cluster, name);
        try (Connection c = db.connect()) {
            new SchemaInstaller().applyWithRequirements(c, SqlSchema.PGQ_NODE);
        }
        db.execute("create table applied (ev_id bigint primary key, tick_id bigint not null, ev_data text)");
        return db;
    }

    static CascadeAdmin admin(TestDatabase db) {
        return new CascadeAdmin(CONNECTOR, db.connString(), QUEUE, java.time.Duration.ofMillis(50));
    }

    static NodeSetup setup(String node, TestDatabase db, TestDatabase provider, String worker) {
        return NodeSetup.of(node, db.connString(), provider == null ? null : provider.connString(), worker);
    }

    /** Inserts {@code n} events on the root and ticks; returns the new tick id. */
    static long produce(TestDatabase root, String prefix, int n) throws SQLException {
        try (Connection c = root.connect()) {
            for (int i = 0; i < n; i++) {
                root.queryValue("select pgq.insert_event(?, 'test', ?)", Long.class, QUEUE, prefix + i);
            }
            return TestQueues.tick(c, QUEUE);
        }
    }

    /** Ticks the root queue (no events). */
    static long tick(TestDatabase root) throws SQLException {
        try (Connection c = root.connect()) {
            return TestQueues.tick(c, QUEUE);
        }
    }

    /** Runs rounds until the worker has nothing to do; returns the batches processed. */
    static int drain(CascadedWorker w) throws Exception {
        int n = 0;
        while (w.workOnce()) {
            if (++n > 1000) {
                throw new IllegalStateException("worker does not settle");
            }
        }
        return n;
    }

    static List<Map<String, Object>> applied(TestDatabase db) {
        return db.query("select ev_id, tick_id, ev_data from applied order by ev_id");
    }

    /** The events of the queue on a root or branch: id, type, data, in id order. */
    static List<Map<String, Object>> queueEvents(TestDatabase db, String typeLike) {
        String parent = db.queryValue("select queue_data_pfx from pgq.queue where queue_name = ?", String.class, QUEUE);
        return db.query(
                "select ev_id, ev_type, ev_data from " + parent + " where ev_type like ? order by ev_id", typeLike);
    }

    static List<Long> ticks(TestDatabase db) {
        return db
                .query(
                        "select t.tick_id from pgq.tick t join pgq.queue q on q.queue_id = t.tick_queue"
                                + " where q.queue_name = ? order by 1",
                        QUEUE)
                .stream()
                .map(r -> ((Number) r.get("tick_id")).longValue())
                .toList();
    }

    static Long consumerTick(TestDatabase db, String consumer) {
        return db.queryValue("select last_tick from pgq.get_consumer_info(?, ?)", Long.class, QUEUE, consumer);
    }
}
