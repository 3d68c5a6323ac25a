package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Cooperative consumers (pgq_coop, Q-38 .. Q-41) and exactly-once tracking (pgq_ext, Q-42 .. Q-44). */
@PgTest(template = CoopExtTemplate.class)
@Timeout(120)
class CoopExtIT {

    private static void run(TestDatabase db, String... sql) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static Long nextBatch(TestDatabase db, String sub) {
        return db.queryValue("select pgq_coop.next_batch('q', 'grp', ?)", Long.class, sub);
    }

    private static void tickWithEvent(TestDatabase db, String data) throws SQLException {
        run(db, "select pgq.insert_event('q', 'ev', '" + data + "')", "select pgq.ticker()");
    }

    private static void queue(TestDatabase db) throws SQLException {
        run(
                db,
                "select pgq.create_queue('q')",
                "update pgq.queue set queue_ticker_max_count = 1 where queue_name = 'q'");
        db.queryValue("select pgq_coop.register_subconsumer('q', 'grp', 'a')", Integer.class);
        db.queryValue("select pgq_coop.register_subconsumer('q', 'grp', 'b')", Integer.class);
    }

    @Test
    void q38_subconsumersGetDisjointBatchesAndTheGroupMovesOnAtHandOut(TestDatabase db) throws SQLException {
        queue(db);
        tickWithEvent(db, "one");
        Long first = nextBatch(db, "a");
        assertThat(first).isNotNull();
        // the main consumer's position moved already: nothing more for b yet
        assertThat(nextBatch(db, "b")).isNull();
        tickWithEvent(db, "two");
        Long second = nextBatch(db, "b");
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(db.queryValue("select ev_data from pgq.get_batch_events(?)", String.class, first))
                .isEqualTo("one");
        assertThat(db.queryValue("select ev_data from pgq.get_batch_events(?)", String.class, second))
                .isEqualTo("two");
        // finishing out of order is fine
        assertThat(db.queryValue("select pgq_coop.finish_batch(?)", Integer.class, second))
                .isEqualTo(1);
        assertThat(db.queryValue("select pgq_coop.finish_batch(?)", Integer.class, first))
                .isEqualTo(1);
    }

    @Test
    void q39_openBatchIsHandedOutAgain(TestDatabase db) throws SQLException {
        queue(db);
        tickWithEvent(db, "one");
        Long batch = nextBatch(db, "a");
        assertThat(nextBatch(db, "a")).isEqualTo(batch);
    }

    @Test
    void q40_deadSubconsumerIsRemovedAndItsBatchTakenOver(TestDatabase db) throws SQLException {
        queue(db);
        tickWithEvent(db, "one");
        Long batch = nextBatch(db, "a");
        run(db, "update pgq.subscription set sub_active = now() - interval '2 hours' where sub_batch = " + batch);
        Long taken = db.queryValue("select pgq_coop.next_batch('q', 'grp', 'b', '1 hour')", Long.class);
        assertThat(taken).isEqualTo(batch);
        assertThat(db.queryValue(
                        "select count(*) from pgq.consumer c join pgq.subscription s on s.sub_consumer = c.co_id"
                                + " where c.co_name = 'grp.a'",
                        Long.class))
                .isZero();
    }

    @Test
    void q41_unregisteringWithAnOpenBatchNeedsBatchHandlingOne(TestDatabase db) throws SQLException {
        queue(db);
        tickWithEvent(db, "one");
        assertThat(nextBatch(db, "a")).isNotNull();
        assertThatThrownBy(() ->
                        db.queryValue("select pgq_coop.unregister_subconsumer('q', 'grp', 'a', 0)", Integer.class))
                .hasMessageContaining("subconsumer has active batch");
        assertThat(db.queryValue("select pgq_coop.unregister_subconsumer('q', 'grp', 'a', 1)", Integer.class))
                .isEqualTo(1);
        assertThat(db.queryValue("select pgq_coop.unregister_subconsumer('q', 'grp', 'a', 1)", Integer.class))
                .isZero();
    }

    @Test
    void q42_onlyTheLastDoneBatchIsRemembered(TestDatabase db) {
        assertThat(db.queryValue("select pgq_ext.set_batch_done('c', 5)", Boolean.class))
                .isTrue();
        assertThat(db.queryValue("select pgq_ext.set_batch_done('c', 5)", Boolean.class))
                .isFalse();
        assertThat(db.queryValue("select pgq_ext.set_batch_done('c', 6)", Boolean.class))
                .isTrue();
        assertThat(db.queryValue("select pgq_ext.is_batch_done('c', 5)", Boolean.class))
                .isFalse();
        assertThat(db.queryValue("select pgq_ext.is_batch_done('c', 6)", Boolean.class))
                .isTrue();
    }

    @Test
    void q43_newBatchDiscardsEventsOfThePreviousOne(TestDatabase db) {
        assertThat(db.queryValue("select pgq_ext.set_event_done('c', 1, 10)", Boolean.class))
                .isTrue();
        assertThat(db.queryValue("select pgq_ext.set_event_done('c', 1, 10)", Boolean.class))
                .isFalse();
        assertThat(db.queryValue("select pgq_ext.set_event_done('c', 2, 20)", Boolean.class))
                .isTrue();
        assertThat(db.queryValue("select pgq_ext.is_event_done('c', 1, 10)", Boolean.class))
                .isFalse();
        assertThat(db.queryValue("select count(*) from pgq_ext.completed_event", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void q44_nullTickDeletesTracking(TestDatabase db) {
        assertThat(db.queryValue("select pgq_ext.set_last_tick('c', 7)", Integer.class))
                .isEqualTo(1);
        assertThat(db.queryValue("select pgq_ext.get_last_tick('c')", Long.class))
                .isEqualTo(7L);
        db.queryValue("select pgq_ext.set_last_tick('c', null)", Integer.class);
        assertThat(db.queryValue("select pgq_ext.get_last_tick('c')", Long.class))
                .isNull();
        assertThat(db.queryValue("select count(*) from pgq_ext.completed_tick", Long.class))
                .isZero();
    }
}
