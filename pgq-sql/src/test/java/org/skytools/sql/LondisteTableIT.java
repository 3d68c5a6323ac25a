package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skytools.sql.LondisteNodes.branch;
import static org.skytools.sql.LondisteNodes.events;
import static org.skytools.sql.LondisteNodes.leaf;
import static org.skytools.sql.LondisteNodes.root;
import static org.skytools.sql.LondisteNodes.state;
import static org.skytools.sql.LondisteNodes.triggers;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Table registration and state at SQL level: L-1, L-2, L-13, L-18 .. L-21, L-30, L-41, L-43. */
@PgTest(template = NodeTemplate.class)
@Timeout(120)
class LondisteTableIT {

    private static void table(TestDatabase db, String name) {
        db.execute("create table " + name + " (id serial primary key, data text)");
    }

    @Test
    void l1_rootAddTableIsOkAtOnceAndAnnounced(TestDatabase db) {
        root(db, "q");
        table(db, "t");

        assertThat(RetCall.of(db, "londiste.local_add_table('q', 't')"))
                .isEqualTo(new RetCall(200, "Table added: public.t"));

        assertThat(state(db, "q", "public.t")).isEqualTo("ok");
        assertThat(events(db, "q")).containsExactly("londiste.add-table:public.t");
        assertThat(triggers(db, "public.t")).containsExactly("_londiste_q", "_londiste_q_truncate");
        db.execute("insert into t (data) values ('x')");
        assertThat(events(db, "q")).containsExactly("londiste.add-table:public.t", "I:id:id=1&data=x");
    }

    @Test
    void l2_subscriberTableWaitsForCopyUnlessExpectSync(TestDatabase db) {
        branch(db, "q");
        table(db, "t1");
        table(db, "t2");
        RetCall.of(db, "londiste.global_add_table('q', 't1')");
        RetCall.of(db, "londiste.global_add_table('q', 't2')");

        assertThat(RetCall.of(db, "londiste.local_add_table('q', 't1')").code()).isEqualTo(200);
        assertThat(RetCall.of(db, "londiste.local_add_table('q', 't2', array['expect_sync'])")
                        .code())
                .isEqualTo(200);

        assertThat(state(db, "q", "public.t1")).isEqualTo("NULL");
        assertThat(state(db, "q", "public.t2")).isEqualTo("ok");
        table(db, "t3");
        assertThat(RetCall.of(db, "londiste.local_add_table('q', 't3')"))
                .isEqualTo(new RetCall(404, "Table not available on queue: public.t3"));
    }

    @Test
    void l2_mergeLeafOnACombinedBranchNeverCopies(TestDatabase db) {
        branch(db, "combined");
        leaf(db, "part", "combined");
        table(db, "t");
        RetCall.of(db, "londiste.global_add_table('part', 't')");

        assertThat(RetCall.of(db, "londiste.local_add_table('part', 't')").code())
                .isEqualTo(200);

        assertThat(state(db, "part", "public.t")).isEqualTo("ok");
        // the combined queue learnt about the table too
        assertThat(db.queryValue(
                        "select local from londiste.table_info where queue_name = 'combined' and table_name = 'public.t'",
                        Boolean.class))
                .isFalse();
    }

    @Test
    void l13_removeTableRestoresTheDdlALeadCopyDropped(TestDatabase db) {
        branch(db, "q");
        db.execute("create table t (id int4, data text)");
        RetCall.of(db, "londiste.global_add_table('q', 't')");
        // several statements, as a copy over several connections keeps them (a rule's ends in ';')
        db.execute("update londiste.table_info set local = true, merge_state = 'in-copy',"
                + " dropped_ddl = 'alter table public.t add primary key (id);\n"
                + "CREATE RULE t_r AS ON DELETE TO public.t DO INSTEAD NOTHING;;\n"
                + "create index t_data on public.t (data)' where table_name = 'public.t'");
        db.execute("insert into t values (1, 'half copied')");

        assertThat(RetCall.of(db, "londiste.local_remove_table('q', 't')").code())
                .isEqualTo(200);

        assertThat(db.queryValue("select count(*) from t", Long.class)).isZero();
        assertThat(db.queryValue("select londiste.find_column_types('t')", String.class))
                .isEqualTo("kv");
        assertThat(db.queryValue("select to_regclass('public.t_data') is not null", Boolean.class))
                .isTrue();
        assertThat(db.queryValue("select count(*) from pg_rules where rulename = 't_r'", Long.class))
                .isEqualTo(1L);
        Map<String, Object> row = db.query(
                        "select local, merge_state, dropped_ddl from londiste.table_info where table_name = 'public.t'")
                .get(0);
        assertThat(row)
                .containsEntry("local", false)
                .containsEntry("merge_state", null)
                .containsEntry("dropped_ddl", null);
    }

    @Test
    void l18_tableFromSeveralSourcesNeedsMergeAllOrNoMerge(TestDatabase db) {
        root(db, "combined");
        leaf(db, "p1", "combined");
        leaf(db, "p2", "combined");
        table(db, "t");
        RetCall.of(db, "londiste.global_add_table('p1', 't')");
        RetCall.of(db, "londiste.global_add_table('p2', 't')");

        assertThat(RetCall.of(db, "londiste.local_add_table('p1', 't')").code()).isEqualTo(405);
        assertThat(RetCall.of(db, "londiste.local_add_table('p1', 't', array['merge_all', 'no_merge'])"))
                .isEqualTo(new RetCall(405, "Cannot use merge-all and no-merge together"));
        db.execute("update londiste.table_info set local = false");

        assertThat(RetCall.of(db, "londiste.local_add_table('p1', 't', array['no_merge'])")
                        .code())
                .isEqualTo(200);
        RetCall other = RetCall.of(db, "londiste.local_add_table('p2', 't', array['merge_all'])");
        assertThat(other.code()).isEqualTo(405);
        assertThat(other.note()).contains("in queue p1").contains("use remove-table first");
    }

    @Test
    void l19_mergeAllSubscribesEverySourceAndTheCombinedRoot(TestDatabase db) {
        root(db, "combined");
        leaf(db, "p1", "combined");
        leaf(db, "p2", "combined");
        table(db, "t");
        RetCall.of(db, "londiste.global_add_table('p1', 't')");
        RetCall.of(db, "londiste.global_add_table('p2', 't')");

        assertThat(RetCall.of(db, "londiste.local_add_table('p1', 't', array['merge_all'], 'handler=h')")
                        .code())
                .isEqualTo(200);

        List<Map<String, Object>> rows = db.query("select queue_name, local, coalesce(merge_state, 'NULL') as state,"
                + " table_attrs from londiste.table_info order by queue_name");
        assertThat(rows)
                .extracting(r ->
                        r.get("queue_name") + " " + r.get("local") + " " + r.get("state") + " " + r.get("table_attrs"))
                .containsExactly("combined true ok handler=h", "p1 true NULL handler=h", "p2 true NULL handler=h");
        assertThat(events(db, "combined")).containsExactly("londiste.add-table:public.t");
    }

    @Test
    void l20_leadDropsTheDdlOnceAndFollowersWait(TestDatabase db) {
        root(db, "combined");
        leaf(db, "p1", "combined");
        leaf(db, "p2", "combined");
        table(db, "t");
        RetCall.of(db, "londiste.global_add_table('p1', 't')");
        RetCall.of(db, "londiste.global_add_table('p2', 't')");
        RetCall.of(db, "londiste.local_add_table('p1', 't', array['merge_all'])");

        db.execute("update londiste.table_info set merge_state = 'in-copy' where queue_name <> 'combined'");
        assertThat(copyRoles(db)).containsExactly("p1 lead 0", "p2 wait-copy 1");

        RetCall.of(db, "londiste.local_set_table_struct('p1', 'public.t', 'create index ...')");
        assertThat(copyRoles(db)).containsExactly("p1 lead 0", "p2 wait-replay 1");

        RetCall.of(db, "londiste.local_set_table_state('p1', 'public.t', null, 'catching-up')");
        assertThat(copyRoles(db)).containsExactly("p1 wait-replay 0", "p2 wait-replay 0");

        RetCall.of(db, "londiste.local_set_table_state('p2', 'public.t', null, 'catching-up')");
        // everybody copied: the lead restores the DDL while the follower still waits
        assertThat(copyRoles(db)).containsExactly("p1 null 0", "p2 wait-replay 0");

        RetCall.of(db, "londiste.local_set_table_struct('p1', 'public.t', null)");
        assertThat(copyRoles(db)).containsExactly("p1 null 0", "p2 null 0");
    }

    @Test
    void l20_lateJoinerCopiesWithTheDdlInPlace(TestDatabase db) {
        root(db, "combined");
        leaf(db, "p1", "combined");
        leaf(db, "p2", "combined");
        table(db, "t");
        RetCall.of(db, "londiste.global_add_table('p1', 't')");
        RetCall.of(db, "londiste.global_add_table('p2', 't')");
        RetCall.of(db, "londiste.local_add_table('p1', 't', array['merge_all'])");
        db.execute("update londiste.table_info set merge_state = 'catching-up' where queue_name = 'p2'");
        db.execute("update londiste.table_info set merge_state = 'in-copy' where queue_name = 'p1'");

        assertThat(copyRoles(db)).containsExactly("p1 wait-replay 0", "p2 null 0");
    }

    @Test
    void l21_copyPosCountsEarlierSourcesCopyingNow(TestDatabase db) {
        root(db, "combined");
        for (String p : List.of("p1", "p2", "p3")) {
            leaf(db, p, "combined");
        }
        table(db, "t");
        for (String p : List.of("p1", "p2", "p3")) {
            RetCall.of(db, "londiste.global_add_table(?, 't')", p);
        }
        RetCall.of(db, "londiste.local_add_table('p1', 't', array['merge_all'])");
        db.execute("update londiste.table_info set merge_state = 'in-copy' where queue_name <> 'combined'");
        RetCall.of(db, "londiste.local_set_table_struct('p1', 'public.t', 'create index ...')");

        assertThat(copyRoles(db)).containsExactly("p1 lead 0", "p2 wait-replay 1", "p3 wait-replay 2");
        db.execute("update londiste.table_info set merge_state = 'catching-up' where queue_name = 'p2'");
        assertThat(copyRoles(db)).containsExactly("p1 lead 0", "p2 wait-replay 0", "p3 wait-replay 1");
    }

    private static List<String> copyRoles(TestDatabase db) {
        return db
                .query("select p.queue_name, c.copy_role, c.copy_pos from pgq_node.node_info p,"
                        + " londiste.get_table_list(p.queue_name) c where p.node_type = 'leaf' order by 1")
                .stream()
                .map(r -> r.get("queue_name") + " " + r.get("copy_role") + " " + r.get("copy_pos"))
                .toList();
    }

    @Test
    void l30_registrationEventsOfTheRootAreAppliedOnSubscribers(TestDatabase db) {
        branch(db, "q");
        table(db, "t");

        // londiste.add-table registers, it does not subscribe
        assertThat(RetCall.of(db, "londiste.global_add_table('q', 'public.t')").code())
                .isEqualTo(200);
        assertThat(RetCall.of(db, "londiste.global_add_table('q', 'public.t')"))
                .isEqualTo(new RetCall(200, "Table already added: public.t"));
        assertThat(db.queryValue("select local from londiste.table_info", Boolean.class))
                .isFalse();
        RetCall.of(db, "londiste.local_add_table('q', 't')");
        assertThat(triggers(db, "public.t")).containsExactly("_londiste_q", "_londiste_q_truncate");

        // londiste.remove-table unsubscribes too
        assertThat(RetCall.of(db, "londiste.global_remove_table('q', 'public.t')")
                        .code())
                .isEqualTo(200);
        assertThat(db.queryValue("select count(*) from londiste.table_info", Long.class))
                .isZero();
        assertThat(triggers(db, "public.t")).isEmpty();
        assertThat(RetCall.of(db, "londiste.global_remove_table('q', 'public.t')")
                        .code())
                .isEqualTo(400);
    }

    @Test
    void l41_removingATableUnregistersItsSerialSequences(TestDatabase db) {
        root(db, "q");
        db.execute("create table t (id serial primary key, big bigserial, data text)");
        db.execute("create sequence other_seq");
        RetCall.of(db, "londiste.local_add_table('q', 't')");
        for (String seq : List.of("t_id_seq", "t_big_seq", "other_seq")) {
            assertThat(RetCall.of(db, "londiste.local_add_seq('q', ?)", seq).code())
                    .isEqualTo(200);
        }

        assertThat(RetCall.of(db, "londiste.local_remove_table('q', 't')").code())
                .isEqualTo(200);

        assertThat(db.query("select seq_name from londiste.get_seq_list('q')").stream()
                        .map(r -> r.get("seq_name")))
                .containsExactly("public.other_seq");
        assertThat(events(db, "q"))
                .contains(
                        "londiste.remove-table:public.t",
                        "londiste.remove-seq:public.t_id_seq",
                        "londiste.remove-seq:public.t_big_seq");
    }

    @Test
    void l43_renamedTableKeepsTheQueueNameInItsEvents(TestDatabase db) {
        root(db, "q");
        table(db, "local_t");

        assertThat(RetCall.of(db, "londiste.local_add_table('q', 'public.t', null, null, 'public.local_t')"))
                .isEqualTo(new RetCall(200, "Table added: public.t(public.local_t)"));
        db.execute("insert into local_t (data) values ('x')");

        assertThat(db.queryValue("select ev_extra1 from pgq.event_template where ev_type like 'I%'", String.class))
                .isEqualTo("public.t");
        assertThat(db.queryValue("select dest_table from londiste.get_table_list('q')", String.class))
                .isEqualTo("public.local_t");
    }

    @Test
    void leafTablesRefuseLocalChanges(TestDatabase db) {
        leaf(db, "q", null);
        table(db, "t");
        RetCall.of(db, "londiste.global_add_table('q', 't')");
        RetCall.of(db, "londiste.local_add_table('q', 't')");

        assertThat(db.queryValue(
                        "select string_agg(tgname || ':' || encode(tgargs, 'escape'), ' ' order by tgname)"
                                + " from pg_trigger where tgrelid = 'public.t'::regclass",
                        String.class))
                .isEqualTo("_londiste_q:q\\000deny\\000 _londiste_q_truncate:q\\000deny\\000");
        assertThatThrownBy(() -> db.execute("insert into t (data) values ('x')"))
                .hasMessageContaining("change not allowed");
    }
}
