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

/** Table rotation and retention (behaviour.md §1.3). */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class RotationIT {

    @Test
    void q19_rotatesOnlyAfterThePeriodWithStep2DoneAndNobodyOnThePreviousTable(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.exec("update pgq.queue set queue_rotation_period = '1 hour'");
            assertThat(step1(s)).isZero();
            assertThat(curTable(s)).isZero();

            s.exec("update pgq.queue set queue_rotation_period = '0'");
            // the consumer still sits on the queue's first tick, taken before the last switch
            step1(s);
            assertThat(curTable(s)).isZero();

            advance(s, "c");
            step1(s);
            assertThat(curTable(s)).isEqualTo(1);
            assertThat(s.value("select queue_switch_step2 is null from pgq.queue", Boolean.class))
                    .isTrue();

            // no new rotation while step 2 is pending, nor before the consumer passes the new step 2
            advance(s, "c");
            step1(s);
            assertThat(curTable(s)).isEqualTo(1);
            step2(s);
            step1(s);
            assertThat(curTable(s)).isEqualTo(1);
            advance(s, "c");
            step1(s);
            assertThat(curTable(s)).isEqualTo(2);
        }
    }

    @Test
    void q20_rotationTruncatesTheOldestTableAndIsSkippedWhenItIsLocked(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db);
                PgqSession dump = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.exec("update pgq.queue set queue_rotation_period = '0'");
            s.insert("q", "in table 0");
            for (int table = 1; table <= 2; table++) {
                advance(s, "c");
                step1(s);
                step2(s);
                assertThat(curTable(s)).isEqualTo(table);
            }
            advance(s, "c");
            assertThat(rows(s, "pgq.event_1_0")).isEqualTo(1L);

            // pg_dump holds a lock on the table that would be truncated next
            dump.begin();
            dump.value("select count(*) from pgq.event_1_0", Long.class);
            assertThat(step1(s)).isZero();
            assertThat(curTable(s)).isEqualTo(2);
            assertThat(s.value("select queue_switch_step2 is not null from pgq.queue", Boolean.class))
                    .isTrue();
            dump.rollback();

            step1(s);
            assertThat(curTable(s)).isZero();
            assertThat(rows(s, "pgq.event_1_0")).isZero();
        }
    }

    @Test
    void q21_untilStep2RunsBatchesReadBothTablesAndNoFurtherRotationHappens(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.exec("update pgq.queue set queue_rotation_period = '0'");
            s.insert("q", "e1");
            s.tick("q");
            s.tick("q");
            s.drain("q", "c");
            step1(s);
            assertThat(curTable(s)).isEqualTo(1);

            // a batch from before the rotation reads only the previous table
            s.exec("select pgq.register_consumer_at('q', 'late', 2)");
            Long old = s.nextBatch("q", "late");
            assertThat(tables(s, old)).containsExactly("pgq.event_1_0");
            assertThat(s.batchData(old)).isEmpty();

            s.insert("q", "e2");
            s.tick("q");
            Long pending = s.nextBatch("q", "c");
            assertThat(tables(s, pending)).containsExactly("pgq.event_1_0", "pgq.event_1_1");
            assertThat(s.batchData(pending)).containsExactly("e2");
            s.finish(pending);
            assertThat(s.rows("select func_name from pgq.maint_operations()"))
                    .extracting(r -> r.get("func_name"))
                    .containsExactly("pgq.maint_rotate_tables_step2");
            step1(s);
            assertThat(curTable(s)).isEqualTo(1);

            step2(s);
            s.insert("q", "e3");
            s.tick("q");
            Long straddling = s.nextBatch("q", "c");
            assertThat(tables(s, straddling)).containsExactly("pgq.event_1_0", "pgq.event_1_1");
            s.finish(straddling);
            s.insert("q", "e4");
            s.tick("q");
            Long after = s.nextBatch("q", "c");
            assertThat(tables(s, after)).containsExactly("pgq.event_1_1");
            assertThat(s.batchData(after)).containsExactly("e4");
        }
    }

    @Test
    void q22_rotationDeletesTicksOlderThanThePreviousStep2AndExistingTicksStayReachable(TestDatabase db)
            throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "c");
            s.exec("update pgq.queue set queue_rotation_period = '0'");
            for (int i = 0; i < 3; i++) {
                s.insert("q", "before " + i);
                advance(s, "c");
            }
            step1(s);
            step2(s);
            assertThat(curTable(s)).isEqualTo(1);
            // the first tick taken after step 2 of the first rotation
            long firstKept = s.tick("q");
            s.insert("q", "after first rotation");
            advance(s, "c");
            assertThat(s.value("select min(tick_id) from pgq.tick", Long.class)).isEqualTo(1L);

            step1(s);
            assertThat(curTable(s)).isEqualTo(2);
            long oldest = s.value("select min(tick_id) from pgq.tick", Long.class);
            assertThat(oldest).isEqualTo(firstKept);

            assertThatThrownBy(() -> s.value("select pgq.register_consumer_at('q', 'again', 1)", Integer.class))
                    .hasMessageContaining("cannot reposition, tick not found: 1");
            assertThat(s.value("select pgq.register_consumer_at('q', 'again', ?)", Integer.class, oldest))
                    .isEqualTo(1);
            assertThat(s.drain("q", "again")).contains("after first rotation");
        }
    }

    @Test
    void q23_stalledConsumerBlocksRotationLosesNothingAndDroppingItUnblocks(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "stalled");
            s.register("q", "active");
            s.exec("update pgq.queue set queue_rotation_period = '0'");
            List<String> sent = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 5; i++) {
                    s.insert("q", round + "." + i);
                    sent.add(round + "." + i);
                }
                advance(s, "active");
                step1(s);
                step2(s);
                assertThat(curTable(s)).isZero();
            }
            assertThat(s.drain("q", "stalled")).containsExactlyElementsOf(sent);

            s.exec("select pgq.register_consumer_at('q', 'blocker', 1)");
            advance(s, "stalled");
            advance(s, "active");
            step1(s);
            assertThat(curTable(s)).isZero();
            s.exec("select pgq.unregister_consumer('q', 'blocker')");
            step1(s);
            assertThat(curTable(s)).isEqualTo(1);
        }
    }

    /** Ticks and lets the consumer read everything, moving its position to the latest tick. */
    private static List<String> advance(PgqSession s, String consumer) throws SQLException {
        s.tick("q");
        return s.drain("q", consumer);
    }

    private static int step1(PgqSession s) throws SQLException {
        return s.value("select pgq.maint_rotate_tables_step1('q')", Integer.class);
    }

    private static void step2(PgqSession s) throws SQLException {
        s.value("select pgq.maint_rotate_tables_step2()", Integer.class);
    }

    private static int curTable(PgqSession s) throws SQLException {
        return s.value("select queue_cur_table from pgq.queue where queue_name = 'q'", Integer.class);
    }

    private static long rows(PgqSession s, String table) throws SQLException {
        return s.value("select count(*) from " + table, Long.class);
    }

    private static List<Object> tables(PgqSession s, long batch) throws SQLException {
        List<Object> names = new ArrayList<>();
        for (Map<String, Object> row : s.rows("select t from pgq.batch_event_tables(?) t", batch)) {
            names.add(row.get("t"));
        }
        return names;
    }
}
