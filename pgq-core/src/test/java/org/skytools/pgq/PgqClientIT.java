package org.skytools.pgq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
class PgqClientIT {
    @Test
    void q12_createQueueTicksAndReportsExisting(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            assertThat(pgq.createQueue("q")).isEqualTo(1);
            assertThat(pgq.createQueue("q")).isEqualTo(0);
            QueueInfo q = pgq.getQueueInfo("q").orElseThrow();
            assertThat(q.queueName()).isEqualTo("q");
            assertThat(q.ntables()).isEqualTo(3);
            assertThat(q.lastTickId()).isEqualTo(1L);
            assertThat(q.tickerMaxCount()).isEqualTo(500);
            assertThat(q.tickerMaxLag()).isEqualTo(Duration.ofSeconds(3));
            assertThat(pgq.getQueueInfo()).extracting(QueueInfo::queueName).containsExactly("q");
            assertThat(pgq.getQueueInfo("nope")).isEmpty();
            assertThat(pgq.setQueueConfig("q", "ticker_max_lag", "7 seconds")).isEqualTo(1);
            assertThat(pgq.getQueueInfo("q").orElseThrow().tickerMaxLag()).isEqualTo(Duration.ofSeconds(7));
            assertThat(pgq.currentEventTable("q")).startsWith("pgq.event_");
            assertThat(pgq.version()).isNotBlank();
        }
    }

    @Test
    void q10_registerTwiceKeepsPositionAndRegisterAtMovesIt(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            assertThat(pgq.registerConsumer("q", "c")).isEqualTo(1);
            long t2 = TestQueues.tick(c, "q");
            assertThat(pgq.registerConsumer("q", "c")).isEqualTo(0);
            ConsumerInfo info = pgq.getConsumerInfo("q", "c").orElseThrow();
            assertThat(info.lastTick()).isEqualTo(1L);
            assertThat(info.currentBatch()).isNull();
            assertThat(pgq.nextBatchInfo("q", "c")).isPresent();
            assertThat(pgq.registerConsumerAt("q", "c", t2)).isEqualTo(0);
            info = pgq.getConsumerInfo("q", "c").orElseThrow();
            assertThat(info.lastTick()).isEqualTo(t2);
            assertThat(info.currentBatch()).as("open batch dropped").isNull();
            assertThat(pgq.getConsumerInfo("q")).hasSize(1);
            assertThat(pgq.getConsumerInfo()).hasSize(1);
            assertThat(pgq.unregisterConsumer("q", "c")).isEqualTo(1);
            assertThat(pgq.unregisterConsumer("q", "c")).isEqualTo(0);
            assertThat(pgq.getConsumerInfo("q", "c")).isEmpty();
        }
    }

    @Test
    void q4_q5_nextBatchIsNullWithoutTickAndRepeatsUntilFinished(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "c");
            assertThat(pgq.nextBatchInfo("q", "c")).isEmpty();
            assertThat(pgq.nextBatch("q", "c")).isEmpty();
            pgq.insertEvent("q", "t", "d");
            long tick = TestQueues.tick(c, "q");
            NextBatchInfo b = pgq.nextBatchInfo("q", "c").orElseThrow();
            assertThat(b.curTickId()).isEqualTo(tick);
            assertThat(b.prevTickId()).isEqualTo(1);
            assertThat(b.curTickTime()).isAfterOrEqualTo(b.prevTickTime());
            assertThat(pgq.nextBatchInfo("q", "c")).contains(b);
            assertThat(pgq.nextBatch("q", "c")).hasValue(b.batchId());
            BatchInfo bi = pgq.getBatchInfo(b.batchId()).orElseThrow();
            assertThat(bi.queueName()).isEqualTo("q");
            assertThat(bi.consumerName()).isEqualTo("c");
            assertThat(bi.tickId()).isEqualTo(tick);
            assertThat(bi.prevTickId()).isEqualTo(1);
            assertThat(pgq.finishBatch(b.batchId())).isEqualTo(1);
            assertThat(pgq.nextBatchInfo("q", "c")).isEmpty();
            assertThat(pgq.getBatchInfo(b.batchId())).isEmpty();
        }
    }

    @Test
    void q6_finishingAnUnknownBatchReturnsZero(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            assertThat(new PgqClient(c).finishBatch(424242)).isEqualTo(0);
        }
    }

    @Test
    void q7_nextBatchCustomWaitsForMinCount(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            TestQueues.createFastQueue(c, "q");
            pgq.registerConsumer("q", "c");
            pgq.insertEvent("q", "t", "1");
            // a plain tick: force_tick would inflate the event count estimate
            assertThat(pgq.ticker("q")).isPresent();
            assertThat(pgq.nextBatchCustom("q", "c", null, 100, null)).isEmpty();
            assertThat(pgq.nextBatchCustom("q", "c", "1 hour", null, null)).isEmpty();
            assertThat(pgq.nextBatchCustom("q", "c", null, null, null)).isPresent();
        }
    }

    @Test
    void q9_batchCursorReturnsFirstRowsAndFetchesTheRestWithFilter(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "c");
            for (int i = 0; i < 25; i++) {
                pgq.insertEvent("q", "t", Integer.toString(i), i % 5 == 0 ? "skip" : "keep", null, null, null);
            }
            TestQueues.tick(c, "q");
            long batch = pgq.nextBatch("q", "c").orElseThrow();
            c.setAutoCommit(false);
            List<Event> all = new ArrayList<>(pgq.getBatchCursor(batch, "cur", 7, "ev_extra1 = 'keep'"));
            assertThat(all).hasSize(7);
            List<Event> more;
            while (!(more = pgq.fetch("cur", 7)).isEmpty()) {
                all.addAll(more);
            }
            pgq.closeCursor("cur");
            c.commit();
            assertThat(all).hasSize(20).allSatisfy(e -> assertThat(e.extra1()).isEqualTo("keep"));
            assertThat(all).extracting(Event::id).isSorted();
            assertThat(pgq.getBatchEvents(batch)).hasSize(25);
        }
    }

    @Test
    void q24_q25_q26_retriedEventsComeBackToTheirOwnerOnly(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "c");
            pgq.registerConsumer("q", "other");
            long e1 = pgq.insertEvent("q", "t", "1");
            pgq.insertEvent("q", "t", "2");
            TestQueues.tick(c, "q");
            long b = pgq.nextBatch("q", "c").orElseThrow();
            assertThat(pgq.eventRetry(b, e1, 0)).isEqualTo(1);
            assertThat(pgq.eventRetry(b, e1, 0)).isEqualTo(0);
            assertThatThrownBy(() -> pgq.eventRetry(b, 999999, 0)).isInstanceOf(SQLException.class);
            assertThat(pgq.batchRetry(b, 0)).isEqualTo(1);
            pgq.finishBatch(b);
            assertThat(pgq.maintRetryEvents()).isEqualTo(2);
            assertThat(pgq.maintRetryEvents()).isEqualTo(0);
            TestQueues.tick(c, "q");
            long b2 = pgq.nextBatch("q", "c").orElseThrow();
            List<Event> again = pgq.getBatchEvents(b2);
            assertThat(again).extracting(Event::data).containsExactly("1", "2");
            assertThat(again).extracting(Event::retry).containsExactly(1, 1);
            pgq.finishBatch(b2);
            long o1 = pgq.nextBatch("q", "other").orElseThrow();
            assertThat(pgq.getBatchEvents(o1)).extracting(Event::retry).containsExactly(null, null);
            pgq.finishBatch(o1);
            long o2 = pgq.nextBatch("q", "other").orElseThrow();
            assertThat(pgq.getBatchEvents(o2))
                    .as("the other consumer does not see c's retries")
                    .isEmpty();
        }
    }

    @Test
    void q18_forceTickMakesTheNextTickerTick(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            long last = pgq.forceTick("q");
            assertThat(last).isEqualTo(1);
            assertThat(pgq.ticker()).isEqualTo(1);
            assertThat(pgq.getQueueInfo("q").orElseThrow().lastTickId()).isEqualTo(2L);
        }
    }

    @Test
    void maintOperationsListsStepsAsNameAndArgument(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.setQueueConfig("q", "rotation_period", "0");
            db.execute("update pgq.queue set queue_switch_time = now() - interval '1 hour'");
            List<MaintOperation> ops = pgq.maintOperations();
            assertThat(ops).contains(new MaintOperation("pgq.maint_rotate_tables_step1", "q"));
            assertThat(pgq.maintRotateTablesStep1("q")).isEqualTo(0);
            assertThat(pgq.maintRotateTablesStep2()).isEqualTo(0);
            assertThat(pgq.getQueueInfo("q").orElseThrow().curTable()).isEqualTo(1);
        }
    }

    @Test
    void dropQueueRefusesWithConsumersUnlessForced(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "c");
            assertThatThrownBy(() -> pgq.dropQueue("q")).isInstanceOf(SQLException.class);
            assertThat(pgq.dropQueue("q", true)).isEqualTo(1);
            assertThat(pgq.getQueueInfo("q")).isEmpty();
        }
    }
}
