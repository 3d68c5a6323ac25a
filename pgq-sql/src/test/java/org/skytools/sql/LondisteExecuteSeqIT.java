package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skytools.sql.LondisteNodes.branch;
import static org.skytools.sql.LondisteNodes.events;
import static org.skytools.sql.LondisteNodes.root;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** EXECUTE bookkeeping (L-33 .. L-37) and sequence publishing (L-38 .. L-40) at SQL level. */
@PgTest(template = NodeTemplate.class)
@Timeout(120)
class LondisteExecuteSeqIT {

    @Test
    void l33_executeOnRootSendsTheScriptWithItsAttributes(TestDatabase db) {
        root(db, "q");

        assertThat(RetCall.of(db, "londiste.execute_start('q', 'a.sql', 'create table x ()', true, 'need=1')"))
                .isEqualTo(new RetCall(200, "Executing: a.sql"));
        assertThat(RetCall.of(db, "londiste.execute_finish('q', 'a.sql')").code())
                .isEqualTo(200);

        Map<String, Object> ev = db.query(
                        "select ev_type, ev_data, ev_extra1, ev_extra2 from pgq.event_template where ev_type = 'EXECUTE'")
                .get(0);
        assertThat(ev)
                .containsEntry("ev_data", "create table x ()")
                .containsEntry("ev_extra1", "a.sql")
                .containsEntry("ev_extra2", "need=1");
    }

    @Test
    void l33_executeExpectingRootRefusesOtherNodes(TestDatabase db) {
        branch(db, "q");

        assertThat(RetCall.of(db, "londiste.execute_start('q', 'a.sql', 'x', true)"))
                .isEqualTo(new RetCall(401, "Node is not root node: q"));
        assertThat(db.queryValue("select count(*) from londiste.applied_execute", Long.class))
                .isZero();
    }

    @Test
    void l34_fileAppliedOnceWhateverTheQueue(TestDatabase db) {
        root(db, "q1");
        branch(db, "q2");

        assertThat(RetCall.of(db, "londiste.execute_start('q1', 'a.sql', 'x', false)")
                        .code())
                .isEqualTo(200);
        assertThat(RetCall.of(db, "londiste.execute_start('q2', 'a.sql', 'x', false)"))
                .isEqualTo(new RetCall(201, "EXECUTE: \"a.sql\" already applied, skipping"));
    }

    @Test
    void l34_parallelExecutesOfOneFileRunOnce(TestDatabase db) throws Exception {
        root(db, "q");
        try (Connection first = db.connect();
                Connection second = db.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(startCode(first, "a.sql")).isEqualTo(200);
            // the second waits on the first's row until it commits, then skips
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> startCode(second, "a.sql"));
            first.commit();
            assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            second.commit();
        }
        assertThat(db.queryValue("select count(*) from londiste.applied_execute", Long.class))
                .isEqualTo(1L);
    }

    private static int startCode(Connection c, String file) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "select ret_code from londiste.execute_start('q', '" + file + "', 'x', true)")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void l35_executeFinishOnBranchSendsNothing(TestDatabase db) {
        branch(db, "q");
        RetCall.of(db, "londiste.execute_start('q', 'a.sql', 'x', false)");

        assertThat(RetCall.of(db, "londiste.execute_finish('q', 'a.sql')").code())
                .isEqualTo(200);
        assertThat(events(db, "q")).isEmpty();
        assertThat(RetCall.of(db, "londiste.execute_finish('q', 'b.sql')").code())
                .isEqualTo(404);
    }

    @Test
    void l37_periodicMaintenanceForgetsExecutesAfterThreeMonths(TestDatabase db) {
        root(db, "q");
        RetCall.of(db, "londiste.execute_start('q', 'old.sql', 'x', false)");
        RetCall.of(db, "londiste.execute_start('q', 'new.sql', 'x', false)");
        db.execute("update londiste.applied_execute set execute_time = now() - interval '100 days'"
                + " where execute_file = 'old.sql'");

        assertThat(db.queryValue("select londiste.periodic_maintenance()", Integer.class))
                .isZero();

        assertThat(db.queryValue("select string_agg(execute_file, ',') from londiste.applied_execute", String.class))
                .isEqualTo("new.sql");
        assertThat(RetCall.of(db, "londiste.execute_start('q', 'old.sql', 'x', false)")
                        .code())
                .isEqualTo(200);
    }

    @Test
    void l38_rootPublishesSequencesAheadOfTheirUse(TestDatabase db) {
        root(db, "q");
        db.execute("create sequence s");

        assertThat(RetCall.of(db, "londiste.local_add_seq('q', 's')").code()).isEqualTo(200);
        assertThat(published(db)).isEqualTo(30001L);

        db.query("select setval('s', 20000)");
        assertThat(RetCall.of(db, "londiste.root_check_seqs('q')").code()).isEqualTo(100);
        assertThat(published(db)).isEqualTo(30001L);

        db.query("select setval('s', 20001)");
        RetCall.of(db, "londiste.root_check_seqs('q')");
        assertThat(published(db)).isEqualTo(50001L);
        assertThat(events(db, "q")).containsExactly("londiste.update-seq:30001", "londiste.update-seq:50001");
        assertThat(db.queryValue(
                        "select func_arg from pgq.maint_operations()" + " where func_name = 'londiste.root_check_seqs'",
                        String.class))
                .isEqualTo("q");
    }

    private static long published(TestDatabase db) {
        return db.queryValue(
                "select last_value from londiste.get_seq_list('q') where seq_name = 'public.s'", Long.class);
    }

    @Test
    void l39_subscriberSequencesOnlyMoveForward(TestDatabase db) {
        branch(db, "q");
        db.execute("create sequence s");
        db.query("select setval('s', 100)");

        assertThat(RetCall.of(db, "londiste.local_add_seq('q', 's')").code()).isEqualTo(404);
        assertThat(RetCall.of(db, "londiste.global_update_seq('q', 's', 50)").code())
                .isEqualTo(200);
        assertThat(RetCall.of(db, "londiste.local_add_seq('q', 's')").code()).isEqualTo(200);
        assertThat(db.queryValue("select last_value from s", Long.class)).isEqualTo(100L);

        RetCall.of(db, "londiste.global_update_seq('q', 's', 500)");
        assertThat(db.queryValue("select last_value from s", Long.class)).isEqualTo(500L);
        RetCall.of(db, "londiste.global_update_seq('q', 's', 300)");
        assertThat(db.queryValue("select last_value from s", Long.class)).isEqualTo(500L);
        assertThat(RetCall.of(db, "londiste.root_check_seqs('q')").code()).isEqualTo(402);
    }

    @Test
    void l40_branchKeepsPublishedValuesOfSequencesItDoesNotHave(TestDatabase db) {
        branch(db, "q");

        assertThat(RetCall.of(db, "londiste.global_update_seq('q', 'public.elsewhere', 7000)")
                        .code())
                .isEqualTo(200);

        Map<String, Object> seq =
                db.query("select * from londiste.get_seq_list('q')").get(0);
        assertThat(seq)
                .containsEntry("seq_name", "public.elsewhere")
                .containsEntry("last_value", 7000L)
                .containsEntry("local", false);
        assertThat(db.query("select * from londiste.local_show_missing('q')"))
                .extracting(r -> r.get("obj_kind") + " " + r.get("obj_name"))
                .containsExactly("S public.elsewhere");
        assertThat(RetCall.of(db, "londiste.global_remove_seq('q', 'public.elsewhere')")
                        .code())
                .isEqualTo(200);
    }

    @Test
    void replicationRoleForTheTransactionOrTheSession(TestDatabase db) throws Exception {
        root(db, "q");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select londiste.set_session_replication_role('replica', true)");
            assertThat(role(st)).isEqualTo("replica");
            c.commit();
            assertThat(role(st)).isEqualTo("origin");

            st.execute("select londiste.set_session_replication_role('local', false)");
            c.commit();
            assertThat(role(st)).isEqualTo("local");
            st.execute("select londiste.set_session_replication_role('origin', null)");
            c.commit();
            assertThat(role(st)).isEqualTo("origin");
        }
    }

    @Test
    void replicationRoleRefusesOtherValues(TestDatabase db) throws Exception {
        root(db, "q");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("select londiste.set_session_replication_role('always', false)"))
                    .hasMessageContaining("bad value for session_replication_role: always");
            assertThatThrownBy(() -> st.execute("select londiste.set_session_replication_role(null, false)"))
                    .hasMessageContaining("bad value for session_replication_role: NULL");
            assertThat(role(st)).isEqualTo("origin");
        }
    }

    @Test
    void aWriterThatIsNoSuperuserSwitchesToReplica(TestDatabase db) throws Exception {
        root(db, "q");
        // roles belong to the cluster: a name of its own, dropped at the end, keeps other tests'
        // role lists as they were
        db.execute("create role replica_switch_writer in role londiste_writer");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("set role replica_switch_writer");
            assertThatThrownBy(() -> st.execute("set session_replication_role = replica"))
                    .hasMessageContaining("permission denied");
            st.execute("select londiste.set_session_replication_role('replica', false)");
            assertThat(role(st)).isEqualTo("replica");
        } finally {
            db.execute("drop role replica_switch_writer");
        }
    }

    private static String role(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select current_setting('session_replication_role')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
