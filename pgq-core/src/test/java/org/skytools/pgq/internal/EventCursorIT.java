package org.skytools.pgq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.pgq.Event;
import org.skytools.pgq.NewEvent;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.Producer;
import org.skytools.pgq.RetryTagger;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** The batch cursor that fetches the next block while one is read. */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class EventCursorIT {
    private static final int EVENTS = 1_050;

    /** Queues EVENTS events in one tick and opens a batch over them on {@code c}; returns its id. */
    private static long batch(Connection c) throws SQLException {
        PgqClient pgq = new PgqClient(c);
        pgq.createQueue("q");
        pgq.registerConsumer("q", "c");
        new Producer(c).bulkInsert("q", () -> IntStream.range(0, EVENTS)
                .mapToObj(i -> NewEvent.of("t", "e" + i))
                .iterator());
        TestQueues.tick(c, "q");
        c.setAutoCommit(false);
        long id = pgq.nextBatch("q", "c").orElseThrow();
        return id;
    }

    private static long openCursors(Connection c) throws SQLException {
        try (var st = c.createStatement();
                var rs = st.executeQuery("select count(*) from pg_cursors where name = 'walker'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readsEveryEventInOrderHoldingAtMostTwoBlocksAndClosesTheCursorAtTheEnd(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            List<String> data = new ArrayList<>();
            long lastId = -1;
            try (EventCursor cursor = new EventCursor(c, batch, "walker", 100, null, RetryTagger.NONE)) {
                for (Event ev = cursor.next(); ev != null; ev = cursor.next()) {
                    assertThat(ev.id()).isGreaterThan(lastId);
                    lastId = ev.id();
                    data.add(ev.data());
                }
                assertThat(cursor.peakHeld()).isEqualTo(200);
                assertThat(cursor.next()).isNull();
            }
            assertThat(data).hasSize(EVENTS).startsWith("e0", "e1").endsWith("e" + (EVENTS - 1));
            assertThat(openCursors(c)).isZero();
        }
    }

    @Test
    void statementsOfTheCallerBetweenEventsShareTheConnectionWithTheFetchInFlight(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            int read = 0;
            try (EventCursor cursor = new EventCursor(c, batch, "walker", 100, null, RetryTagger.NONE)) {
                for (Event ev = cursor.next(); ev != null; ev = cursor.next()) {
                    read++;
                    if (read % 37 == 0) {
                        try (var st = c.createStatement();
                                var rs = st.executeQuery("select " + ev.id() + "::int8 + 1")) {
                            rs.next();
                            assertThat(rs.getLong(1)).isEqualTo(ev.id() + 1);
                        }
                    }
                }
            }
            assertThat(read).isEqualTo(EVENTS);
        }
    }

    @Test
    void closedInTheMiddleItWaitsForTheFetchInFlightAndLeavesNoCursor(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            EventCursor cursor = new EventCursor(c, batch, "walker", 100, null, RetryTagger.NONE);
            for (int i = 0; i < 150; i++) {
                assertThat(cursor.next()).isNotNull();
            }
            cursor.close();
            cursor.close();
            assertThat(cursor.next()).isNull();
            assertThat(openCursors(c)).isZero();
            assertThat(new PgqClient(c).finishBatch(batch)).isEqualTo(1);
            c.commit();
        }
    }

    @Test
    void aFailedFetchSurfacesAsTheDatabaseError(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            EventCursor cursor = new EventCursor(c, batch, "walker", 100, null, RetryTagger.NONE);
            assertThat(cursor.next()).isNotNull();
            // the cursor goes away under the walker: the fetch of a later block must fail loudly
            try (var st = c.createStatement()) {
                st.execute("close walker");
            }
            assertThatThrownBy(() -> {
                        for (int i = 0; i < EVENTS; i++) {
                            cursor.next();
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("walker");
            cursor.close();
            c.rollback();
            assertThat(openCursors(c)).isZero();
        }
    }
}
