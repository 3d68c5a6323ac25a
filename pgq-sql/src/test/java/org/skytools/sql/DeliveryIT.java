package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Delivery and batching (behaviour.md §1.1). */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class DeliveryIT {

    @Test
    void q1_rolledBackEventIsNeverDelivered(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.begin();
            s.insert("q", "rolled back");
            s.rollback();
            s.insert("q", "committed");
            s.tick("q");

            assertThat(s.drain("q", "c")).containsExactly("committed");
        }
    }

    @Test
    void q1_consumerRegisteredWhileProducerIsOpenGetsItsEvent(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db);
                PgqSession producer = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "early");
            producer.begin();
            producer.insert("q", "open while registering");
            s.tick("q");
            s.register("q", "late");
            producer.commit();
            s.tick("q");
            s.register("q", "after");

            assertThat(s.drain("q", "early")).containsExactly("open while registering");
            assertThat(s.drain("q", "late")).containsExactly("open while registering");
            assertThat(s.drain("q", "after")).isEmpty();
        }
    }

    @Test
    void q2_everyEventArrivesInExactlyOneBatchWhicheverTableHoldsIt(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.exec("update pgq.queue set queue_rotation_period = '0'");
            List<String> sent = new ArrayList<>();
            List<String> received = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 3; i++) {
                    String data = round + "." + i;
                    s.insert("q", data);
                    sent.add(data);
                }
                s.tick("q");
                received.addAll(s.drain("q", "c"));
                // rotate between rounds, so that the events are spread over all tables
                s.value("select pgq.maint_rotate_tables_step1('q')", Integer.class);
                s.value("select pgq.maint_rotate_tables_step2()", Integer.class);
            }
            s.tick("q");
            received.addAll(s.drain("q", "c"));

            assertThat(received).containsExactlyElementsOf(sent);
            assertThat(s.value("select queue_cur_table from pgq.queue", Integer.class))
                    .isNotZero();
        }
    }

    @Test
    void q3_batchIsOrderedByEventIdNotByCommitOrder(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db);
                PgqSession first = PgqSession.open(db);
                PgqSession second = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            first.begin();
            long firstId = first.insert("q", "allocated first, committed last");
            second.begin();
            long secondId = second.insert("q", "allocated second, committed first");
            second.commit();
            first.commit();
            s.tick("q");

            Long batch = s.nextBatch("q", "c");
            List<Long> ids = new ArrayList<>();
            for (Map<String, Object> row : s.rows("select ev_id from pgq.get_batch_events(?)", batch)) {
                ids.add((Long) row.get("ev_id"));
            }
            assertThat(ids).containsExactly(firstId, secondId);
        }
    }

    @Test
    void q4_openBatchIsHandedOutAgainUntilFinished(TestDatabase db) throws Exception {
        long batch;
        List<String> firstRead;
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.insert("q", "e1");
            s.tick("q");
            batch = s.nextBatch("q", "c");
            firstRead = s.batchData(batch);
            assertThat(s.nextBatch("q", "c")).isEqualTo(batch);
            s.insert("q", "e2");
            s.tick("q");
            // the consumer dies here, without finish_batch
        }
        try (PgqSession s = PgqSession.open(db)) {
            assertThat(s.nextBatch("q", "c")).isEqualTo(batch);
            assertThat(s.batchData(batch)).isEqualTo(firstRead).containsExactly("e1");
            s.finish(batch);
            assertThat(s.drain("q", "c")).containsExactly("e2");
        }
    }

    @Test
    void q5_noBatchWithoutNewTickAndEmptyBatchMustBeFinished(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            assertThat(s.nextBatch("q", "c")).isNull();
            s.tick("q");
            Long empty = s.nextBatch("q", "c");
            assertThat(empty).isNotNull();
            assertThat(s.batchData(empty)).isEmpty();
            s.insert("q", "after the empty batch");
            s.tick("q");
            // without finishing, the empty batch comes again
            assertThat(s.nextBatch("q", "c")).isEqualTo(empty);
            s.finish(empty);
            assertThat(s.drain("q", "c")).containsExactly("after the empty batch");
            assertThat(s.nextBatch("q", "c")).isNull();
        }
    }

    @Test
    void q6_finishingAnUnknownBatchWarnsAndReturnsZero(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            assertThat(s.finish(4242)).isZero();
            assertThat((Throwable) s.lastWarning()).hasMessage("finish_batch: batch 4242 not found");
        }
    }

    @Test
    void q7_customBatchEndsAtLatestTickWithinTwiceTheThresholdElseAtFirstTickMeetingIt(TestDatabase db)
            throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            List<Long> ticks = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 10; i++) {
                    s.insert("q", round + "." + i);
                }
                ticks.add(s.tick("q"));
            }
            long start = s.value("select sub_last_tick from pgq.subscription", Long.class);
            // event counts are estimated from the event sequence values of the ticks
            long latestCount = s.value(
                    "select (select tick_event_seq from pgq.tick where tick_id = ?)"
                            + " - (select tick_event_seq from pgq.tick where tick_id = ?)",
                    Long.class,
                    ticks.get(2),
                    start);

            assertThat(customEnd(s, "null", latestCount + 1, "null")).isNull();
            assertThat(customEnd(s, "null", null, "'1 hour'")).isNull();
            assertThat(customEnd(s, "'1 hour'", null, "null")).isNull();
            // within twice the threshold: the latest tick
            assertThat(customEnd(s, "null", latestCount / 2 + 1, "null")).isEqualTo(ticks.get(2));
            // more than twice: the first tick that meets the threshold
            assertThat(customEnd(s, "null", 10L, "null")).isEqualTo(ticks.get(1));
            assertThat(customEnd(s, "null", 1L, "null")).isEqualTo(ticks.get(0));
            assertThat(customEnd(s, "null", 1L, "'1 microsecond'")).isEqualTo(ticks.get(0));
            // a real batch over those ticks
            Long batch = s.value("select batch_id from pgq.next_batch_custom('q', 'c', '0', ?, null)", Long.class, 10);
            assertThat(s.batchData(batch)).hasSize(20);
        }
    }

    /** The end tick next_batch_custom would choose, read through find_tick_helper without opening a batch. */
    private static Long customEnd(PgqSession s, String minLag, Long minCount, String minInterval) throws SQLException {
        s.begin();
        try {
            return s.value(
                    "select cur_tick_id from pgq.next_batch_custom('q', 'c', " + minLag + ", ?::int4, " + minInterval
                            + ")",
                    Long.class,
                    minCount);
        } finally {
            s.rollback();
        }
    }

    @Test
    void q8_longRunningTransactionsLandInTheBatchThatFirstSeesThem(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db);
                PgqSession farLong = PgqSession.open(db);
                PgqSession nearLong = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            farLong.begin();
            farLong.insert("q", "far long");
            long farTxid = farLong.value("select txid_current()", Long.class);
            List<String> committed = new ArrayList<>(List.of("far long"));
            // enough short transactions between ticks that the long one ends up far below xmax
            for (int i = 0; i < 300; i++) {
                s.insert("q", "short " + i);
                committed.add("short " + i);
                if (i % 50 == 49) {
                    s.tick("q");
                }
                if (i == 280) {
                    nearLong.begin();
                    nearLong.insert("q", "near long");
                    committed.add("near long");
                }
            }
            s.tick("q");
            List<String> received = new ArrayList<>(drainChecked(s));
            assertThat(received).doesNotContain("far long", "near long");

            farLong.commit();
            nearLong.commit();
            s.insert("q", "last");
            committed.add("last");
            Long tickAfterCommit = s.tick("q");
            Long batch = s.nextBatch("q", "c");
            assertThat(s.value("select sub_next_tick from pgq.subscription", Long.class))
                    .isEqualTo(tickAfterCommit);
            String sql = s.value("select pgq.batch_event_sql(?)", String.class, batch);
            // the far transaction is looked up by an explicit list, the near one widens the range
            assertThat(sql).contains("ev.ev_txid in (" + farTxid + ")");
            List<String> lastBatch = s.batchData(batch);
            assertThat(lastBatch).containsExactlyInAnyOrder("far long", "near long", "last");
            assertThat(lastBatch).containsExactlyElementsOf(naiveBatch(s, batch));
            s.finish(batch);
            received.addAll(lastBatch);

            assertThat(received).containsExactlyInAnyOrderElementsOf(committed);
        }
    }

    @Test
    void q8_batchQueryReadsTheEventTablesThroughTheTxidIndex(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.exec("select pgq.insert_event('q', 'bulk', 'e' || i) from generate_series(1, 5000) i");
            s.tick("q");
            s.drain("q", "c");
            s.insert("q", "small batch");
            s.tick("q");
            Long batch = s.nextBatch("q", "c");
            String sql = s.value("select pgq.batch_event_sql(?)", String.class, batch);

            StringBuilder plan = new StringBuilder();
            for (Map<String, Object> row : s.rows("explain " + sql)) {
                plan.append(row.values().iterator().next()).append('\n');
            }
            assertThat(plan.toString()).contains("event_1_0_txid_idx").doesNotContain("Seq Scan");
            assertThat(s.batchData(batch)).containsExactly("small batch");
        }
    }

    /** Drains the consumer, comparing every batch with the plain snapshot definition of a batch. */
    private static List<String> drainChecked(PgqSession s) throws SQLException {
        List<String> all = new ArrayList<>();
        for (Long batch = s.nextBatch("q", "c"); batch != null; batch = s.nextBatch("q", "c")) {
            List<String> data = s.batchData(batch);
            assertThat(data).containsExactlyElementsOf(naiveBatch(s, batch));
            all.addAll(data);
            s.finish(batch);
        }
        return all;
    }

    /** The events of a batch by definition: visible in the end snapshot, not in the start snapshot. */
    private static List<String> naiveBatch(PgqSession s, long batch) throws SQLException {
        List<String> data = new ArrayList<>();
        for (Map<String, Object> row : s.rows(
                "select ev.ev_data from pgq.event_1 ev, pgq.subscription sub, pgq.tick last, pgq.tick cur"
                        + " where sub.sub_batch = ? and last.tick_queue = sub.sub_queue"
                        + " and last.tick_id = sub.sub_last_tick and cur.tick_queue = sub.sub_queue"
                        + " and cur.tick_id = sub.sub_next_tick"
                        + " and txid_visible_in_snapshot(ev.ev_txid, cur.tick_snapshot)"
                        + " and not txid_visible_in_snapshot(ev.ev_txid, last.tick_snapshot)"
                        + " order by ev.ev_id",
                batch)) {
            data.add((String) row.get("ev_data"));
        }
        return data;
    }

    @Test
    void q9_batchCursorReturnsFirstRowsAndLeavesTheRestToFetchWithFilter(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            for (int i = 1; i <= 6; i++) {
                s.value("select pgq.insert_event('q', ?, ?)", Long.class, i % 2 == 0 ? "even" : "odd", "e" + i);
            }
            s.tick("q");
            Long batch = s.nextBatch("q", "c");

            s.begin();
            List<String> first = new ArrayList<>();
            for (Map<String, Object> row :
                    s.rows("select ev_data from pgq.get_batch_cursor(?, 'evens', 2, 'ev_type = ''even''')", batch)) {
                first.add((String) row.get("ev_data"));
            }
            List<String> rest = new ArrayList<>();
            for (Map<String, Object> row : s.rows("fetch all from evens")) {
                rest.add((String) row.get("ev_data"));
            }
            s.commit();

            assertThat(first).containsExactly("e2", "e4");
            assertThat(rest).containsExactly("e6");
            assertThatThrownBy(() -> s.rows("fetch all from evens"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("cursor \"evens\" does not exist");
        }
    }

    @Test
    void q10_registerKeepsThePositionAndRegisterAtMovesItAndDropsTheBatch(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.insert("q", "e1");
            s.tick("q");
            s.insert("q", "e2");
            s.tick("q");
            Long batch = s.nextBatch("q", "c");
            s.finish(batch);
            Long position = s.value("select sub_last_tick from pgq.subscription", Long.class);

            assertThat(s.value("select pgq.register_consumer('q', 'c')", Integer.class))
                    .isZero();
            assertThat(s.value("select sub_last_tick from pgq.subscription", Long.class))
                    .isEqualTo(position);

            Long open = s.nextBatch("q", "c");
            assertThat(open).isNotNull();
            assertThat(s.value("select pgq.register_consumer_at('q', 'c', 1)", Integer.class))
                    .isZero();
            Map<String, Object> sub = s.rows("select sub_last_tick, sub_batch, sub_next_tick from pgq.subscription")
                    .get(0);
            assertThat(sub.get("sub_last_tick")).isEqualTo(1L);
            assertThat(sub.get("sub_batch")).isNull();
            assertThat(sub.get("sub_next_tick")).isNull();
            assertThat(s.drain("q", "c")).containsExactly("e1", "e2");
            assertThatThrownBy(() -> s.value("select pgq.register_consumer_at('q', 'c', 999)", Integer.class))
                    .hasMessageContaining("cannot reposition, tick not found: 999");
            assertThat(s.value("select pgq.register_consumer_at('q', 'new', 1)", Integer.class))
                    .isEqualTo(1);
            assertThat(s.drain("q", "new")).containsExactly("e1", "e2");
        }
    }

    @Test
    void q11_unregisterDeletesRetryEventsAndTheUnusedConsumerName(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.createEagerQueue("other");
            s.register("q", "c");
            s.register("other", "c");
            s.insert("q", "e1");
            s.tick("q");
            Long batch = s.nextBatch("q", "c");
            s.value("select pgq.batch_retry(?, 60)", Integer.class, batch);
            assertThat(s.value("select count(*) from pgq.retry_queue", Long.class))
                    .isEqualTo(1L);

            assertThat(s.value("select pgq.unregister_consumer('q', 'c')", Integer.class))
                    .isEqualTo(1);
            assertThat(s.value("select count(*) from pgq.retry_queue", Long.class))
                    .isZero();
            assertThat(s.value("select count(*) from pgq.consumer where co_name = 'c'", Long.class))
                    .isEqualTo(1L);

            assertThat(s.value("select pgq.unregister_consumer('other', 'c')", Integer.class))
                    .isEqualTo(1);
            assertThat(s.value("select count(*) from pgq.consumer where co_name = 'c'", Long.class))
                    .isZero();
            assertThat(s.value("select pgq.unregister_consumer('other', 'c')", Integer.class))
                    .isZero();
        }
    }
}
