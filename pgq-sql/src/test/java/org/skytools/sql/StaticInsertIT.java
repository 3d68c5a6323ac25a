package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * pgq.insert_event and insert_event_raw insert through pgq._insert_event, whose static INSERTs keep their
 * plans for the session and which create_queue and drop_queue make again: events land in the current
 * table after rotation and in the right queue after drop and create, for every role that may insert, and
 * a queue the function does not know still takes events.
 */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class StaticInsertIT {
    /** True when pgq._insert_event() has a static INSERT into the table. */
    private static final String KNOWS = "select position('insert into ' || ? || ' (' in prosrc) > 0 from pg_proc"
            + " where oid = 'pgq._insert_event(text, int8, timestamptz, int4, int4, text, text, text, text, text, text)'"
            + "::regprocedure";

    @Test
    void insertsLandInTheCurrentTableRightAfterRotation(TestDatabase db) throws Exception {
        try (PgqSession producer = PgqSession.open(db);
                PgqSession maint = PgqSession.open(db)) {
            producer.createEagerQueue("q");
            maint.exec("update pgq.queue set queue_rotation_period = '0'");
            producer.insert("q", "before");

            rotate(maint);
            producer.insert("q", "after first rotation");

            // a transaction that is open across a rotation writes into the table that is current
            // at each insert, as the dynamic insert did
            producer.begin();
            producer.insert("q", "open transaction, table 1");
            rotate(maint);
            producer.insert("q", "open transaction, table 2");
            producer.commit();

            // rotation (back to table 0, which it truncates) and insert in one transaction
            producer.begin();
            producer.value("select pgq.maint_rotate_tables_step1('q')", Integer.class);
            producer.insert("q", "same transaction as step 1");
            producer.commit();

            assertThat(producer.value("select queue_cur_table from pgq.queue", Integer.class))
                    .isZero();
            assertThat(tables(producer, "pgq.event_1"))
                    .containsExactly(
                            "pgq.event_1_1 after first rotation",
                            "pgq.event_1_1 open transaction, table 1",
                            "pgq.event_1_2 open transaction, table 2",
                            "pgq.event_1_0 same transaction as step 1");
        }
    }

    @Test
    void queueDroppedAndCreatedAgainUnderTheSameNameGetsTheEvents(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db);
                PgqSession other = PgqSession.open(db)) {
            s.createEagerQueue("q");
            assertThat(s.insert("q", "first queue")).isEqualTo(1L);
            assertThat(other.insert("q", "first queue, other session")).isEqualTo(2L);

            s.value("select pgq.drop_queue('q')", Integer.class);
            s.createEagerQueue("q");
            assertThat(s.insert("q", "second queue")).isEqualTo(1L);
            assertThat(other.insert("q", "second queue, other session")).isEqualTo(2L);

            // all of it in one transaction
            s.begin();
            s.value("select pgq.drop_queue('q')", Integer.class);
            s.value("select pgq.create_queue('q')", Integer.class);
            assertThat(s.insert("q", "third queue")).isEqualTo(1L);
            s.commit();
            assertThat(other.insert("q", "third queue, other session")).isEqualTo(2L);

            assertThat(s.value("select count(*) from pgq.queue", Long.class)).isEqualTo(1L);
            assertThat(tables(s, "pgq.event_3"))
                    .containsExactly("pgq.event_3_0 third queue", "pgq.event_3_0 third queue, other session");
            assertThat(s.value(
                            "select to_regclass('pgq.event_1') is null and to_regclass('pgq.event_2') is null",
                            Boolean.class))
                    .isTrue();
        }
    }

    @Test
    void insertEventReplacedByHandIsKeptWhenQueuesComeAndGo(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            // a test double in place of insert_event(7), as PgQ's own trigger tests make one
            s.exec("create or replace function pgq.insert_event(queue_name text, ev_type text, ev_data text,"
                    + " ev_extra1 text, ev_extra2 text, ev_extra3 text, ev_extra4 text) returns bigint as $$"
                    + " begin return -7; end $$ language plpgsql");
            s.value("select pgq.create_queue('q2')", Integer.class);
            s.value("select pgq.drop_queue('q')", Integer.class);
            assertThat(s.value("select pgq.insert_event('q2', 't', 'd', null, null, null, null)", Long.class))
                    .isEqualTo(-7L);
            // insert_event(3), still ours, was made again for the queues of now
            assertThat(s.insert("q2", "through insert_event(3)")).isEqualTo(1L);
            assertThat(s.value(
                            "select position('insert into pgq.event_2_0' in prosrc) > 0 from pg_proc"
                                    + " where oid = 'pgq.insert_event(text, text, text)'::regprocedure",
                            Boolean.class))
                    .isTrue();
        }
    }

    @Test
    void producersAndAdminsThatDoNotOwnTheSchemaInsert(TestDatabase db) throws Exception {
        try (PgqSession owner = PgqSession.open(db);
                PgqSession writer = PgqSession.open(db);
                PgqSession admin = PgqSession.open(db)) {
            owner.createEagerQueue("q");
            createRole(owner, "pgq_static_writer", "pgq_writer");
            createRole(owner, "pgq_static_admin", "pgq_admin");
            writer.exec("set role pgq_static_writer");
            admin.exec("set role pgq_static_admin");

            assertThat(writer.insert("q", "writer")).isEqualTo(1L);
            assertThat(writer.value("select pgq.insert_event('q', 'test', 'writer 7', 'a', 'b', 'c', 'd')", Long.class))
                    .isEqualTo(2L);
            assertThatThrownBy(() -> writer.value(
                            "select pgq._insert_event('q', null, now(), null, null, 't', 'x', null, null, null, null)",
                            Long.class))
                    .hasMessageContaining("permission denied for function _insert_event");
            assertThatThrownBy(() -> writer.value(
                            "select pgq.insert_event_raw('q', null, now(), null, null, 't', 'raw', null, null, null, null)",
                            Long.class))
                    .hasMessageContaining("permission denied for function insert_event_raw");

            // retry maintenance gives the event id; a value of the sequence is taken all the same
            assertThat(admin.value(
                            "select pgq.insert_event_raw('q', 100, now(), 7, 1, 't', 'retried', null, null, null, null)",
                            Long.class))
                    .isEqualTo(100L);
            assertThat(admin.insert("q", "admin")).isEqualTo(4L);
            assertThat(owner.value(
                            "select string_agg(ev_id || ':' || ev_data || ':' || coalesce(ev_owner::text, '-'), ' '"
                                    + " order by ev_id) from pgq.event_1_0",
                            String.class))
                    .isEqualTo("1:writer:- 2:writer 7:- 4:admin:- 100:retried:7");
        } finally {
            db.execute("drop role if exists pgq_static_writer");
            db.execute("drop role if exists pgq_static_admin");
        }
    }

    @Test
    void queueTheStaticFunctionDoesNotKnowTakesTheDynamicInsert(TestDatabase db) throws Exception {
        try (PgqSession a = PgqSession.open(db);
                PgqSession b = PgqSession.open(db)) {
            // A REPEATABLE READ transaction does not see a queue created after its snapshot, so the
            // function it makes does not know that queue.
            a.begin();
            a.exec("set transaction isolation level repeatable read");
            a.value("select count(*) from pgq.queue", Long.class);
            b.value("select pgq.create_queue('unseen')", Integer.class);
            a.value("select pgq.create_queue('seen')", Integer.class);
            a.commit();
            int unseen = b.value("select queue_id from pgq.queue where queue_name = 'unseen'", Integer.class);
            int seen = b.value("select queue_id from pgq.queue where queue_name = 'seen'", Integer.class);
            assertThat(b.value(KNOWS, Boolean.class, "pgq.event_" + unseen + "_0"))
                    .isFalse();
            assertThat(b.value(KNOWS, Boolean.class, "pgq.event_" + seen + "_0"))
                    .isTrue();

            assertThat(b.insert("unseen", "dynamic")).isEqualTo(1L);
            assertThat(b.insert("unseen", "dynamic again")).isEqualTo(2L);
            assertThat(tables(b, "pgq.event_" + unseen))
                    .containsExactly("pgq.event_" + unseen + "_0 dynamic", "pgq.event_" + unseen + "_0 dynamic again");

            // the next create_queue makes the function again, with every queue
            b.value("select pgq.create_queue('later')", Integer.class);
            assertThat(b.value(KNOWS, Boolean.class, "pgq.event_" + unseen + "_2"))
                    .isTrue();
            assertThat(b.insert("unseen", "static")).isEqualTo(3L);
            assertThat(tables(b, "pgq.event_" + unseen)).hasSize(3).endsWith("pgq.event_" + unseen + "_0 static");
        }
    }

    @Test
    void concurrentDropAndCreateQueueCallsAllSucceed(TestDatabase db) throws Exception {
        try (PgqSession a = PgqSession.open(db);
                PgqSession b = PgqSession.open(db);
                PgqSession watch = PgqSession.open(db)) {
            for (String queue : List.of("a", "b", "c")) {
                watch.value("select pgq.create_queue(?)", Integer.class, queue);
            }
            // create_queue calls wait for each other on pgq.event_template already; drop_queue
            // calls share no table, and making the function again must not fail either
            concurrently(a, b, watch, "select pgq.drop_queue('a')", "select pgq.drop_queue('b')");
            concurrently(a, b, watch, "select pgq.create_queue('d')", "select pgq.drop_queue('c')");
            concurrently(a, b, watch, "select pgq.drop_queue('d')", "select pgq.create_queue('e')");

            assertThat(watch.value("select string_agg(queue_name, ',') from pgq.queue", String.class))
                    .isEqualTo("e");
            int id = watch.value("select queue_id from pgq.queue", Integer.class);
            assertThat(watch.value(KNOWS, Boolean.class, "pgq.event_" + id + "_0"))
                    .isTrue();
            assertThat(watch.insert("e", "event")).isEqualTo(1L);
        }
    }

    /** Runs first in an open transaction of a, then second in b, which waits, then commits a. */
    private static void concurrently(PgqSession a, PgqSession b, PgqSession watch, String first, String second)
            throws Exception {
        a.begin();
        a.value(first, Integer.class);
        int bPid = b.value("select pg_backend_pid()", Integer.class);
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(() -> {
            try {
                return b.value(second, Integer.class);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> "Lock"
                .equals(watch.value("select wait_event_type from pg_stat_activity where pid = ?", String.class, bPid)));
        a.commit();
        assertThat(done.get(30, TimeUnit.SECONDS)).as(second).isEqualTo(1);
    }

    @Test
    void manyQueuesEachGetTheirOwnEvents(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            for (int i = 1; i <= 11; i++) {
                s.value("select pgq.create_queue(?)", Integer.class, "q" + i);
            }
            s.value("select pgq.drop_queue('q5')", Integer.class);
            // only the dynamic INSERT reads the table name from the queue row: with a wrong one,
            // every insert below has to find its queue's static INSERT
            s.exec("update pgq.queue set queue_data_pfx = 'pgq.missing_' || queue_id");
            for (int i = 11; i >= 1; i--) {
                if (i != 5) {
                    s.insert("q" + i, "for q" + i);
                }
            }
            for (int i = 1; i <= 11; i++) {
                if (i != 5) {
                    assertThat(tables(s, "pgq.event_" + i)).containsExactly("pgq.event_" + i + "_0 for q" + i);
                    assertThat(s.value(KNOWS, Boolean.class, "pgq.event_" + i + "_1"))
                            .as("queue %d", i)
                            .isTrue();
                }
            }
            assertThat(s.value(KNOWS, Boolean.class, "pgq.event_5_0")).isFalse();
            assertThatThrownBy(() -> s.insert("q5", "gone")).hasMessageContaining("No such queue");
        }
    }

    private static void rotate(PgqSession s) throws SQLException {
        s.value("select pgq.maint_rotate_tables_step1('q')", Integer.class);
        s.value("select pgq.maint_rotate_tables_step2()", Integer.class);
    }

    /** "table data" of each event of the queue, in ev_id order. */
    private static List<String> tables(PgqSession s, String parent) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (var row :
                s.rows("select tableoid::regclass::text || ' ' || ev_data as r from " + parent + " order by ev_id")) {
            rows.add((String) row.get("r"));
        }
        return rows;
    }

    private static void createRole(PgqSession s, String role, String group) throws SQLException {
        s.exec("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then create role "
                + role + " in role " + group + "; end if; end $$");
    }
}
