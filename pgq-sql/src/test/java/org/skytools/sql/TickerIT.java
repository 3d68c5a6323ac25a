package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** The ticker (behaviour.md §1.2). Time is simulated by moving tick times into the past. */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class TickerIT {

    @Test
    void q12_createQueueMakesTheFirstTickSoConsumersCanRegisterAtOnce(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.value("select pgq.create_queue('q')", Integer.class);

            assertThat(s.value("select count(*) from pgq.tick", Long.class)).isEqualTo(1L);
            assertThat(s.value("select pgq.register_consumer('q', 'c')", Integer.class))
                    .isEqualTo(1);
            assertThat(s.value("select sub_last_tick from pgq.subscription", Long.class))
                    .isEqualTo(1L);
        }
    }

    @Test
    void q13_ticksWhenEnoughEventsArriveRolledBackOnesIncluded(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            queue(s, "5", "1 hour", "1 hour");
            s.insert("q", "1");
            s.insert("q", "2");
            assertThat(s.tick("q")).isNull();
            s.begin();
            s.insert("q", "3");
            s.insert("q", "4");
            s.insert("q", "5");
            s.rollback();

            assertThat(s.tick("q")).isEqualTo(3L);
            assertThat(s.tick("q")).isNull();
        }
    }

    @Test
    void q13_ticksWhenEventsWaitLongerThanMaxLag(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            queue(s, "500", "3 seconds", "1 minute");
            s.insert("q", "waiting");
            ageLastTicks(s, "2 seconds", null);
            assertThat(s.tick("q")).isNull();
            ageLastTicks(s, "4 seconds", null);
            assertThat(s.tick("q")).isEqualTo(3L);
        }
    }

    @Test
    void q14_idleQueueTicksLessAndLessOftenUpToTheIdlePeriod(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            queue(s, "500", "3 seconds", "1 minute");

            // the first idle tick waits for half the max lag
            ageLastTicks(s, "1 second", "10 seconds");
            assertThat(s.tick("q")).isNull();
            // later ones for twice the previous gap
            ageLastTicks(s, "8 seconds", "5 seconds");
            assertThat(s.tick("q")).isNull();
            ageLastTicks(s, "11 seconds", "5 seconds");
            assertThat(s.tick("q")).isEqualTo(3L);
            // but never longer than the idle period
            ageLastTicks(s, "59 seconds", "40 seconds");
            assertThat(s.tick("q")).isNull();
            ageLastTicks(s, "61 seconds", "40 seconds");
            assertThat(s.tick("q")).isEqualTo(4L);
        }
    }

    @Test
    void q15_tickerSkipsExternalAndPausedQueuesAndRefusesToTickThem(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("normal");
            s.createEagerQueue("external");
            s.createEagerQueue("paused");
            s.value("select pgq.set_queue_config('external', 'external_ticker', 'true')", Integer.class);
            s.value("select pgq.set_queue_config('paused', 'ticker_paused', 'true')", Integer.class);

            assertThat(s.value("select pgq.ticker()", Long.class)).isEqualTo(1L);
            assertThat(s.value(
                            "select string_agg(queue_name, ',' order by queue_name) from pgq.get_queue_info()"
                                    + " where last_tick_id > 1",
                            String.class))
                    .isEqualTo("normal");
            assertThatThrownBy(() -> s.tick("external")).hasMessageContaining("This queue has external tick source.");
            assertThatThrownBy(() -> s.tick("paused")).hasMessageContaining("Ticker has been paused for this queue");
            assertThatThrownBy(() -> s.tick("missing")).hasMessageContaining("no such queue");
        }
    }

    @Test
    void q16_externalTickOnlyOnExternalQueuesAndSequencesNeverMoveBack(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            OffsetDateTime time = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
            assertThatThrownBy(() -> externalTick(s, 10, time, 500))
                    .hasMessageContaining("queue not found or ticker disabled: q");

            s.value("select pgq.set_queue_config('q', 'external_ticker', 'true')", Integer.class);
            assertThat(externalTick(s, 10, time, 500)).isEqualTo(10L);
            assertThat(s.value("select tick_time from pgq.tick where tick_id = 10", OffsetDateTime.class)
                            .isEqual(time))
                    .isTrue();
            assertThat(s.value("select tick_event_seq from pgq.tick where tick_id = 10", Long.class))
                    .isEqualTo(500L);
            assertThat(seq(s, "queue_tick_seq")).isEqualTo(10L);
            assertThat(seq(s, "queue_event_seq")).isEqualTo(500L);

            assertThat(externalTick(s, 11, time.plusSeconds(1), 100)).isEqualTo(11L);
            assertThat(seq(s, "queue_tick_seq")).isEqualTo(11L);
            assertThat(seq(s, "queue_event_seq")).isEqualTo(500L);

            s.value("select pgq.set_queue_config('q', 'ticker_paused', 'true')", Integer.class);
            assertThatThrownBy(() -> externalTick(s, 12, time.plusSeconds(2), 600))
                    .hasMessageContaining("queue not found or ticker disabled: q");
        }
    }

    @Test
    void q17_tickerRefusesWhenTheLastTickIsAheadOfTheCurrentTxid(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            // what a restore into a cluster with a lower txid epoch looks like
            s.exec("insert into pgq.tick (tick_queue, tick_id, tick_snapshot, tick_event_seq)"
                    + " select queue_id, 100, ((txid_current() + 1000000)::text || ':'"
                    + " || (txid_current() + 1000000)::text || ':')::txid_snapshot, 1 from pgq.queue");

            assertThatThrownBy(() -> s.tick("q")).hasMessageContaining("Invalid PgQ state: old xmin=");
        }
    }

    @Test
    void q18_forceTickMakesTheNextTickerRunTickWithoutTickingItself(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            queue(s, "500", "1 hour", "1 hour");
            s.createEagerQueue("ext");
            s.value("select pgq.set_queue_config('ext', 'external_ticker', 'true')", Integer.class);
            s.insert("q", "one event");
            assertThat(s.tick("q")).isNull();

            assertThat(s.value("select pgq.force_tick('q')", Long.class)).isEqualTo(2L);
            assertThat(s.value(
                            "select count(*) from pgq.tick t join pgq.queue q on q.queue_id = t.tick_queue"
                                    + " where q.queue_name = 'q'",
                            Long.class))
                    .isEqualTo(2L);
            assertThat(s.value("select pgq.ticker()", Long.class)).isEqualTo(1L);
            assertThat(s.value("select pgq.force_tick('q')", Long.class)).isEqualTo(3L);

            long extSeq = seq(s, "queue_event_seq", "ext");
            assertThat(s.value("select pgq.force_tick('ext')", Long.class)).isEqualTo(1L);
            assertThat(seq(s, "queue_event_seq", "ext")).isEqualTo(extSeq);
        }
    }

    /**
     * Creates queue "q" with two ticks and one event, then applies the settings. The event matters:
     * a new event sequence reports the same last value before and after its first value is taken,
     * so the first event of a queue does not count as new (as in PgQ).
     */
    private static void queue(PgqSession s, String maxCount, String maxLag, String idle) throws SQLException {
        s.createEagerQueue("q");
        s.insert("q", "warm-up");
        s.tick("q");
        s.value("select pgq.set_queue_config('q', 'ticker_max_count', ?)", Integer.class, maxCount);
        s.value("select pgq.set_queue_config('q', 'ticker_max_lag', ?)", Integer.class, maxLag);
        s.value("select pgq.set_queue_config('q', 'ticker_idle_period', ?)", Integer.class, idle);
    }

    /** Moves the last tick {@code lastAge} into the past and the one before it {@code gap} further. */
    private static void ageLastTicks(PgqSession s, String lastAge, String gap) throws SQLException {
        s.exec(
                "update pgq.tick set tick_time = now() - ?::interval"
                        + " where tick_id = (select max(tick_id) from pgq.tick)",
                lastAge);
        if (gap != null) {
            s.exec(
                    "update pgq.tick set tick_time = now() - ?::interval - ?::interval"
                            + " where tick_id = (select max(tick_id) - 1 from pgq.tick)",
                    lastAge,
                    gap);
        }
    }

    private static Long externalTick(PgqSession s, long id, OffsetDateTime time, long seq) throws SQLException {
        return s.value("select pgq.ticker('q', ?, ?, ?)", Long.class, id, time, seq);
    }

    private static long seq(PgqSession s, String column) throws SQLException {
        return seq(s, column, "q");
    }

    private static long seq(PgqSession s, String column, String queue) throws SQLException {
        return s.value("select pgq.seq_getval(" + column + ") from pgq.queue where queue_name = ?", Long.class, queue);
    }
}
