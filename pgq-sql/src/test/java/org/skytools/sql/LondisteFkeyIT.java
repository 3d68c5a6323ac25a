package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skytools.sql.LondisteNodes.branch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Foreign keys dropped around copies and created again (F-1 .. F-3), at SQL level. */
@PgTest(template = NodeTemplate.class)
@Timeout(120)
class LondisteFkeyIT {

    private static void tables(TestDatabase db) {
        branch(db, "q");
        db.execute("create table parent (id int4 primary key)");
        db.execute("create table child (id int4 primary key, pid int4 constraint child_pid_fkey references parent)");
        for (String t : List.of("parent", "child")) {
            RetCall.of(db, "londiste.global_add_table('q', ?)", t);
            assertThat(RetCall.of(db, "londiste.local_add_table('q', ?)", t).code())
                    .isEqualTo(200);
        }
    }

    private static List<String> valid(TestDatabase db) {
        return db.query("select fkey_name from londiste.get_valid_pending_fkeys('q')").stream()
                .map(r -> (String) r.get("fkey_name"))
                .toList();
    }

    @Test
    void f1_droppedKeyIsSavedWithTheStatementThatCreatesItAgain(TestDatabase db) throws SQLException {
        tables(db);
        String def = "alter table only public.child add constraint child_pid_fkey"
                + " FOREIGN KEY (pid) REFERENCES parent(id)";
        assertThat(db.queryValue("select fkey_def from londiste.find_table_fkeys('public.parent')", String.class))
                .isEqualTo(def);

        assertThat(db.queryValue("select londiste.drop_table_fkey('public.child', 'child_pid_fkey')", Integer.class))
                .isEqualTo(1);

        assertThat(db.queryValue("select count(*) from londiste.find_table_fkeys('public.child')", Long.class))
                .isZero();
        assertThat(db.queryValue(
                        "select fkey_def from londiste.get_table_pending_fkeys('public.parent')", String.class))
                .isEqualTo(def);
        // a dropped key lets the copy load rows in any order (as the replay does, in replica mode)
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute("insert into child values (1, 99)");
        }
        assertThat(db.queryValue("select londiste.drop_table_fkey('public.child', 'child_pid_fkey')", Integer.class))
                .isZero();
    }

    @Test
    void f2_keysComeBackWhenBothTablesAreInSyncWithoutSnapshot(TestDatabase db) {
        tables(db);
        db.query("select londiste.drop_table_fkey('public.child', 'child_pid_fkey')");
        assertThat(valid(db)).isEmpty();

        RetCall.of(db, "londiste.local_set_table_state('q', 'parent', null, 'ok')");
        assertThat(valid(db)).isEmpty();
        RetCall.of(db, "londiste.local_set_table_state('q', 'child', '10:20:', 'ok')");
        assertThat(valid(db)).isEmpty();
        RetCall.of(db, "londiste.local_set_table_state('q', 'child', null, 'ok')");
        assertThat(valid(db)).containsExactly("child_pid_fkey");

        assertThat(db.queryValue("select londiste.restore_table_fkey('public.child', 'child_pid_fkey')", Integer.class))
                .isEqualTo(1);
        assertThat(valid(db)).isEmpty();
        assertThat(db.queryValue("select count(*) from londiste.find_table_fkeys('public.child')", Long.class))
                .isEqualTo(1L);
        assertThat(db.queryValue("select londiste.restore_table_fkey('public.child', 'child_pid_fkey')", Integer.class))
                .isZero();
    }

    @Test
    void f3_keyToATableNotReplicatedInTheQueueStaysDropped(TestDatabase db) {
        tables(db);
        db.execute("create table lookup (id int4 primary key)");
        db.execute("alter table child add constraint child_lookup_fkey foreign key (id) references lookup");
        db.query("select londiste.drop_table_fkey('public.child', 'child_lookup_fkey')");
        RetCall.of(db, "londiste.local_set_table_state('q', 'parent', null, 'ok')");
        RetCall.of(db, "londiste.local_set_table_state('q', 'child', null, 'ok')");

        assertThat(valid(db)).isEmpty();

        // the same table in another queue does not count either: keys are restored per queue
        branch(db, "other");
        RetCall.of(db, "londiste.global_add_table('other', 'lookup')");
        RetCall.of(db, "londiste.local_add_table('other', 'lookup', array['expect_sync'])");
        assertThat(valid(db)).isEmpty();
        assertThat(db.queryValue("select count(*) from londiste.get_valid_pending_fkeys('other')", Long.class))
                .isZero();
    }
}
