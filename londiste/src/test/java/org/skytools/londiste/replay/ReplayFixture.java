package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import org.skytools.pgq.Event;
import org.skytools.pgq.PgqClient;
import org.skytools.testkit.TestDatabase;

/**
 * A source database with a queue {@code q} and capture triggers, a destination database cloned from
 * the same template, and the steps of a replay: read the next batch from the source and apply it.
 */
final class ReplayFixture implements AutoCloseable {
    static final String QUEUE = "q";
    static final String CONSUMER = "replay";

    final Connection src;
    final Connection dst;
    final PgqClient pgq;

    ReplayFixture(TestDatabase db) throws SQLException {
        String dstName = db.name() + "_dst";
        db.cluster().createDatabase(dstName, db.name());
        this.src = db.connect();
        this.dst = db.cluster().connect(dstName);
        dst.setAutoCommit(false);
        BatchApplier.setReplicaRole(dst);
        dst.commit();
        this.pgq = new PgqClient(src);
        pgq.createQueue(QUEUE);
        pgq.registerConsumer(QUEUE, CONSUMER);
    }

    /** Runs SQL on the source (autocommit). */
    void src(String sql) throws SQLException {
        try (Statement st = src.createStatement()) {
            st.execute(sql);
        }
    }

    /** Runs SQL on the destination and commits. */
    void dst(String sql) throws SQLException {
        try (Statement st = dst.createStatement()) {
            st.execute(sql);
        }
        dst.commit();
    }

    /** Creates {@code ddl}'s table on both sides and the londiste-style triggers with {@code trigger}. */
    void table(String name, String ddl, String trigger, String... args) throws SQLException {
        src(ddl);
        dst(ddl);
        StringBuilder a = new StringBuilder("'" + QUEUE + "'");
        for (String x : args) {
            a.append(", '").append(x.replace("'", "''")).append('\'');
        }
        src("create trigger _londiste_q after insert or update or delete on " + name
                + " for each row execute procedure " + trigger + "(" + a + ")");
        src("create trigger _londiste_q_truncate after truncate on " + name
                + " for each statement execute procedure pgq.sqltriga('" + QUEUE + "')");
    }

    /** Ticks and reads the next batch, finishing it on the source. */
    List<Event> nextBatch() throws SQLException {
        pgq.forceTick(QUEUE);
        pgq.ticker(QUEUE);
        OptionalLong batch = pgq.nextBatch(QUEUE, CONSUMER);
        if (batch.isEmpty()) {
            throw new IllegalStateException("no batch after a tick");
        }
        List<Event> events = pgq.getBatchEvents(batch.getAsLong());
        pgq.finishBatch(batch.getAsLong());
        return events;
    }

    /** Reads the next batch and applies it in one destination transaction. */
    ApplyStats replay(BatchApplier applier) throws SQLException {
        return replay(applier, ReplayFilter.ALL);
    }

    ApplyStats replay(BatchApplier applier, ReplayFilter filter) throws SQLException {
        List<Event> events = nextBatch();
        try {
            ApplyStats stats = applier.apply(dst, events, filter);
            dst.commit();
            return stats;
        } catch (SQLException | RuntimeException e) {
            dst.rollback();
            throw e;
        }
    }

    /** The rows of a table as text, ordered by {@code order}, one string. */
    static String rows(Connection c, String table, String order) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(array_agg(t::text order by " + order
                        + "), '{}')::text from " + table + " t")) {
            rs.next();
            String v = rs.getString(1);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return v;
        }
    }

    long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            long n = rs.getLong(1);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return n;
        }
    }

    @Override
    public void close() throws SQLException {
        src.close();
        dst.close();
    }
}
