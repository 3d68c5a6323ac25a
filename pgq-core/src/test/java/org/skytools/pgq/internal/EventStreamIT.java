package org.skytools.pgq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

/** The batch reader that streams events with COPY, and falls back to a cursor when it must. */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class EventStreamIT {
    private static final int EVENTS = 1_050;

    /** Queues the events in one tick and opens a batch over them on {@code c}; returns its id. */
    private static long batch(Connection c, Iterator<NewEvent> events) throws SQLException {
        PgqClient pgq = new PgqClient(c);
        pgq.createQueue("q");
        pgq.registerConsumer("q", "c");
        new Producer(c).bulkInsert("q", () -> events);
        TestQueues.tick(c, "q");
        c.setAutoCommit(false);
        return pgq.nextBatch("q", "c").orElseThrow();
    }

    private static long batch(Connection c) throws SQLException {
        return batch(
                c,
                IntStream.range(0, EVENTS)
                        .mapToObj(i -> NewEvent.of("t", "e" + i, "x" + (i % 3), null, null, null))
                        .iterator());
    }

    /** The batch's events as pgq.get_batch_events gives them, ev_time as the server's text. */
    private static List<Event> expected(Connection c, long batch, String filter) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (var st = c.prepareStatement("select ev_id, ev_time::text, ev_txid, ev_retry, ev_type, ev_data,"
                + " ev_extra1, ev_extra2, ev_extra3, ev_extra4 from pgq.get_batch_events(?)"
                + (filter == null ? "" : " where " + filter) + " order by ev_id")) {
            st.setLong(1, batch);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(Event.fromRow(rs, RetryTagger.NONE));
                }
            }
        }
        return out;
    }

    private static List<Event> readAll(BatchEventSource source) throws SQLException {
        List<Event> out = new ArrayList<>();
        for (Event ev = source.next(); ev != null; ev = source.next()) {
            out.add(ev);
        }
        return out;
    }

    private static EventStream stream(Connection c, long batch, String filter, Consumer<String> onFallback)
            throws SQLException {
        EventStream s = EventStream.open(c, batch, "walker", 100, filter, RetryTagger.NONE, onFallback);
        assertThat(s).as("this driver can be watched while a COPY runs").isNotNull();
        return s;
    }

    private static Consumer<String> mustNotFallBack() {
        return reason -> {
            throw new AssertionError("the stream fell back to a cursor: " + reason);
        };
    }

    @Test
    void streamsTheSameEventsInTheSameOrderAsGetBatchEventsHoldingAtMostTwoBlocks(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            List<Event> read;
            try (EventStream s = stream(c, batch, null, mustNotFallBack())) {
                read = readAll(s);
                assertThat(s.next()).isNull();
                assertThat(s.peakHeld()).isLessThanOrEqualTo(200);
            }
            assertThat(read).hasSize(EVENTS).isEqualTo(expected(c, batch, null));
            assertThat(new PgqClient(c).finishBatch(batch)).isEqualTo(1);
            c.commit();
        }
    }

    @Test
    void valuesWithTabsNewlinesBackslashesControlCharactersAndUnicodeComeBackUnchanged(TestDatabase db)
            throws Exception {
        String[] nasty = {
            "a\tb",
            "line1\nline2\r\n",
            "back\\slash\\",
            "\\N",
            "",
            "ctl\u0001\u0008\u000b\u000c\u007f",
            "ümlaut € 漢字 😀",
            "%41+x=y&z",
            "\\\\t",
            "end\\"
        };
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < nasty.length; i++) {
            String v = nasty[i];
            events.add(NewEvent.of(v, v, v, i % 2 == 0 ? null : v, null, v.isEmpty() ? null : v));
        }
        try (Connection c = db.connect()) {
            long batch = batch(c, events.iterator());
            List<Event> read;
            try (EventStream s = stream(c, batch, null, mustNotFallBack())) {
                read = readAll(s);
            }
            assertThat(read).hasSize(nasty.length).isEqualTo(expected(c, batch, null));
            assertThat(read).extracting(Event::data).containsExactly(nasty);
            assertThat(read.get(0).extra2()).isNull();
            assertThat(read.get(1).extra2()).isEqualTo(nasty[1]);
            assertThat(read.get(4).extra4()).isNull();
            assertThat(read.get(4).data()).isEmpty();
        }
    }

    @Test
    void aFilterKeepsTheEventsTheBatchCursorWouldKeep(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            String filter = "ev_extra1 = 'x1'";
            List<Event> read;
            try (EventStream s = stream(c, batch, filter, mustNotFallBack())) {
                read = readAll(s);
            }
            assertThat(read).hasSize(EVENTS / 3).isEqualTo(expected(c, batch, filter));
        }
    }

    @Test
    void aStatementOnTheConnectionBetweenEventsFallsBackToACursorAfterTheLastEventRead(TestDatabase db)
            throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            List<String> fallbacks = new ArrayList<>();
            List<Event> read = new ArrayList<>();
            try (EventStream s = stream(c, batch, null, fallbacks::add)) {
                for (Event ev = s.next(); ev != null; ev = s.next()) {
                    read.add(ev);
                    if (read.size() % 250 == 0) {
                        // without the fallback this waits for the COPY, which waits for this thread
                        try (var st = c.createStatement();
                                var rs = st.executeQuery("select " + ev.id() + "::int8 + 1")) {
                            rs.next();
                            assertThat(rs.getLong(1)).isEqualTo(ev.id() + 1);
                        }
                    }
                }
                assertThat(s.peakHeld()).isLessThanOrEqualTo(200);
            }
            assertThat(fallbacks).singleElement().asString().contains("statements on the source connection");
            assertThat(read).isEqualTo(expected(c, batch, null));
            assertThat(new PgqClient(c).finishBatch(batch)).isEqualTo(1);
            c.commit();
        }
    }

    @Test
    void afterAFallbackTheReaderUsesACursorForLaterBatches(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            BatchReading reading = new BatchReading("walker");
            try (BatchEventSource s = reading.open(c, batch, 100, null, RetryTagger.NONE)) {
                assertThat(s).isInstanceOf(EventStream.class);
                Event first = s.next();
                for (int i = 0; i < 150; i++) {
                    assertThat(s.next()).isNotNull();
                }
                try (var st = c.createStatement()) {
                    st.execute("select " + first.id());
                }
                assertThat(readAll(s)).hasSize(EVENTS - 151);
            }
            assertThat(reading.cursorOnly()).isTrue();
            try (BatchEventSource s = reading.open(c, batch, 100, null, RetryTagger.NONE)) {
                assertThat(s).isInstanceOf(EventCursor.class);
                assertThat(readAll(s)).isEqualTo(expected(c, batch, null));
            }
        }
    }

    @Test
    void closedInTheMiddleItLeavesTheConnectionFreeAndTheTransactionUsable(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            EventStream s = stream(c, batch, null, mustNotFallBack());
            for (int i = 0; i < 150; i++) {
                assertThat(s.next()).isNotNull();
            }
            s.close();
            s.close();
            assertThat(s.next()).isNull();
            assertThat(new PgqClient(c).finishBatch(batch)).isEqualTo(1);
            c.commit();
        }
    }

    @Test
    void aFailingQuerySurfacesAsTheDatabaseError(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            EventStream s = stream(c, batch, "no_such_column = 1", mustNotFallBack());
            assertThatThrownBy(s::next).isInstanceOf(SQLException.class).hasMessageContaining("no_such_column");
            // a reader that goes on must not take the failure for the end of the batch
            assertThatThrownBy(s::next).isInstanceOf(SQLException.class).hasMessageContaining("no_such_column");
            s.close();
            c.rollback();
            try (var st = c.createStatement();
                    var rs = st.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void aStatementWhileTheLastBlockWaitsNeedsNoCursor(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(
                    c,
                    IntStream.range(0, 1_000)
                            .mapToObj(i -> NewEvent.of("t", "e" + i))
                            .iterator());
            List<Event> read = new ArrayList<>();
            try (EventStream s = stream(c, batch, null, mustNotFallBack())) {
                for (Event ev = s.next(); ev != null; ev = s.next()) {
                    read.add(ev);
                    if (read.size() == 850) {
                        // the reader holds the last block (900..999); only the COPY's end is left
                        try (var st = c.createStatement()) {
                            st.execute("select 1");
                        }
                    }
                }
            }
            assertThat(read).isEqualTo(expected(c, batch, null));
        }
    }

    @Test
    void twoThreadsWaitingForTheConnectionBothGoOn(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            List<Event> read = new ArrayList<>();
            Thread other = null;
            try (EventStream s = stream(c, batch, null, reason -> {})) {
                for (Event ev = s.next(); ev != null; ev = s.next()) {
                    read.add(ev);
                    if (read.size() == 250) {
                        other = new Thread(() -> {
                            try (var st = c.createStatement()) {
                                st.execute("select pg_sleep(0.05)");
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        other.start();
                        try (var st = c.createStatement()) {
                            st.execute("select pg_sleep(0.05)");
                        }
                    }
                }
            }
            other.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(other.isAlive())
                    .as("the second waiting thread was woken")
                    .isFalse();
            assertThat(read).isEqualTo(expected(c, batch, null));
        }
    }

    @Test
    void aSessionWithAStatementTimeoutIsReadThroughACursor(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            long batch = batch(c);
            try (var st = c.createStatement()) {
                st.execute("set statement_timeout = '30s'");
            }
            List<String> fallbacks = new ArrayList<>();
            List<Event> read;
            try (EventStream s = stream(c, batch, null, fallbacks::add)) {
                read = readAll(s);
            }
            assertThat(fallbacks).singleElement().asString().contains("statement_timeout");
            assertThat(read).isEqualTo(expected(c, batch, null));
        }
    }
}
