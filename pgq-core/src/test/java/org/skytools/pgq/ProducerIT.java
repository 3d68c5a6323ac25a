package org.skytools.pgq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

@PgTest(template = PgqTemplate.class)
@Timeout(120)
class ProducerIT {
    private static void setUp(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "c");
        }
    }

    /** Ticks and reads the next batch of consumer "c" whole, then finishes it. */
    private static List<Event> nextBatch(Connection c) throws SQLException {
        TestQueues.tick(c, "q");
        PgqClient pgq = new PgqClient(c);
        NextBatchInfo b = pgq.nextBatchInfo("q", "c").orElseThrow();
        List<Event> events = pgq.getBatchEvents(b.batchId());
        pgq.finishBatch(b.batchId());
        return events;
    }

    @Test
    void q1_insertEventIsDeliveredOnlyAfterItsTransactionCommits(TestDatabase db) throws Exception {
        setUp(db);
        try (Connection prod = db.connect();
                Connection cons = db.connect()) {
            prod.setAutoCommit(false);
            long id = new Producer(prod).insertEvent("q", "t1", "d1", "e1", null, "e3", null);
            assertThat(nextBatch(cons)).isEmpty();
            prod.commit();
            List<Event> events = nextBatch(cons);
            assertThat(events).hasSize(1);
            Event ev = events.get(0);
            assertThat(ev.id()).isEqualTo(id);
            assertThat(ev.type()).isEqualTo("t1");
            assertThat(ev.data()).isEqualTo("d1");
            assertThat(ev.extra1()).isEqualTo("e1");
            assertThat(ev.extra2()).isNull();
            assertThat(ev.extra3()).isEqualTo("e3");
            assertThat(ev.retry()).isNull();
        }
    }

    @Test
    void q1_rolledBackEventIsNeverDelivered(TestDatabase db) throws Exception {
        setUp(db);
        try (Connection prod = db.connect();
                Connection cons = db.connect()) {
            prod.setAutoCommit(false);
            new Producer(prod).insertEvent("q", "t1", "lost");
            prod.rollback();
            new Producer(prod).insertEvent("q", "t1", "kept");
            prod.commit();
            assertThat(nextBatch(cons)).extracting(Event::data).containsExactly("kept");
        }
    }

    @Test
    void bulkInsertRoundTripsEveryFieldInTheCallersTransaction(TestDatabase db) throws Exception {
        setUp(db);
        List<NewEvent> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String odd = "tab\there nl\nthere cr\r bs\\ quote' uni ä€😀 " + i;
            rows.add(NewEvent.of("type" + i, i % 7 == 0 ? null : odd, "ex1_" + i, i % 2 == 0 ? "" : null, "x", "y"));
        }
        try (Connection prod = db.connect();
                Connection cons = db.connect()) {
            prod.setAutoCommit(false);
            long txid = txid(prod);
            assertThat(new Producer(prod).bulkInsert("q", rows)).isEqualTo(1000);
            assertThat(nextBatch(cons)).isEmpty();
            prod.commit();
            List<Event> events = nextBatch(cons);
            assertThat(events).hasSize(1000);
            for (int i = 0; i < 1000; i++) {
                Event ev = events.get(i);
                NewEvent want = rows.get(i);
                assertThat(ev.type()).isEqualTo(want.type());
                assertThat(ev.data()).isEqualTo(want.data());
                assertThat(ev.extra1()).isEqualTo(want.extra1());
                assertThat(ev.extra2()).isEqualTo(want.extra2());
                assertThat(ev.extra3()).isEqualTo("x");
                assertThat(ev.extra4()).isEqualTo("y");
                assertThat(ev.txid()).isEqualTo(txid);
                assertThat(ev.time()).isNotNull();
            }
            assertThat(events).extracting(Event::id).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void bulkInsertKeepsAGivenEventTime(TestDatabase db) throws Exception {
        setUp(db);
        OffsetDateTime when = OffsetDateTime.of(2020, 2, 29, 13, 14, 15, 123_456_000, ZoneOffset.ofHours(3));
        try (Connection c = db.connect()) {
            new Producer(c).bulkInsert("q", List.of(new NewEvent("t", "d", null, null, null, null, when)));
            assertThat(nextBatch(c)).singleElement().satisfies(ev -> assertThat(ev.time())
                    .isAtSameInstantAs(when));
        }
    }

    @Test
    void bulkInsertOnAutocommitConnectionCommitsItself(TestDatabase db) throws Exception {
        setUp(db);
        try (Connection c = db.connect()) {
            assertThat(c.getAutoCommit()).isTrue();
            new Producer(c).bulkInsert("q", List.of(NewEvent.of("a", "1"), NewEvent.of("b", "2")));
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(nextBatch(c)).extracting(Event::type).containsExactly("a", "b");
        }
    }

    @Test
    void q27_bulkInsertIntoDisabledQueueFails(TestDatabase db) throws Exception {
        setUp(db);
        db.execute("update pgq.queue set queue_disable_insert = true where queue_name = 'q'");
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> new Producer(c).bulkInsert("q", List.of(NewEvent.of("a", "1"))))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("disabled");
        }
    }

    private static long txid(Connection c) throws SQLException {
        try (var st = c.createStatement();
                var rs = st.executeQuery("select txid_current()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
