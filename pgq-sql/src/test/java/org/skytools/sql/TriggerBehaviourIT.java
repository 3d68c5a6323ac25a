package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Behaviour of the capture triggers pgq.logutriga, pgq.sqltriga and pgq.jsontriga (Q-29 .. Q-37). */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class TriggerBehaviourIT {

    private static void run(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static void run(TestDatabase db, String... sql) throws SQLException {
        try (Connection c = db.connect()) {
            run(c, sql);
        }
    }

    private static List<Map<String, Object>> events(TestDatabase db, String queue) {
        String table = db.queryValue("select queue_data_pfx from pgq.queue where queue_name = ?", String.class, queue);
        return db.query("select ev_type, ev_data, ev_extra1, ev_extra2 from " + table + " order by ev_id");
    }

    private static void table(TestDatabase db, String triggerArgs) throws SQLException {
        run(
                db,
                "select pgq.create_queue('q')",
                "create table t (id int4 primary key, txt text, n numeric)",
                "create trigger tl after insert or update or delete on t for each row execute procedure pgq.logutriga('q'"
                        + triggerArgs + ")");
    }

    @Test
    void q29_localRoleLogsNothingAndReplicaDoesNotFire(TestDatabase db) throws SQLException {
        table(db, "");
        try (Connection c = db.connect()) {
            run(c, "set session_replication_role = 'local'", "insert into t values (1, 'a', 1)");
            run(c, "set session_replication_role = 'replica'", "insert into t values (2, 'b', 2)");
            run(c, "set session_replication_role = 'origin'", "insert into t values (3, 'c', 3)");
        }
        assertThat(events(db, "q")).extracting(e -> e.get("ev_data")).containsExactly("id=3&txt=c&n=3");
        assertThat(db.queryValue("select count(*) from t", Long.class)).isEqualTo(3L);
    }

    @Test
    void q30_updateOrDeleteWithoutPkeyRaisesInsertIsLogged(TestDatabase db) throws SQLException {
        run(
                db,
                "select pgq.create_queue('q')",
                "create table np (v text)",
                "create trigger tl after insert or update or delete on np for each row execute procedure pgq.sqltriga('q')",
                "insert into np values ('x')");
        assertThat(events(db, "q")).extracting(e -> e.get("ev_data")).containsExactly("(v) values ('x')");
        assertThatThrownBy(() -> run(db, "update np set v = 'y'"))
                .hasMessageContaining("Update/Delete on table without pkey");
        assertThatThrownBy(() -> run(db, "delete from np")).hasMessageContaining("Update/Delete on table without pkey");
    }

    @Test
    void q31_primaryKeyUpdateRaises(TestDatabase db) throws SQLException {
        table(db, "");
        run(db, "insert into t values (1, 'a', 1)");
        assertThatThrownBy(() -> run(db, "update t set id = 2")).hasMessageContaining("primary key update not allowed");
        // numeric 1 and 1.0 are equal for the type's = operator: no key change
        run(
                db,
                "create table nk (k numeric primary key, v text)",
                "create trigger tl after update on nk for each row execute procedure pgq.logutriga('q')",
                "insert into nk values (1, 'a')",
                "update nk set k = 1.0, v = 'b'");
        assertThat(events(db, "q")).extracting(e -> e.get("ev_data")).contains("k=1.0&v=b");
    }

    @Test
    void q32_changeOfIgnoredColumnsOnlyIsNotLoggedNoopUpdateIs(TestDatabase db) throws SQLException {
        table(db, ", 'ignore=n'");
        run(
                db,
                "insert into t values (1, 'a', 1)",
                "update t set n = 2",
                "update t set txt = txt",
                "update t set txt = 'b', n = 3");
        assertThat(events(db, "q"))
                .extracting(e -> e.get("ev_type") + " " + e.get("ev_data"))
                .containsExactly("I:id id=1&txt=a", "U:id id=1&txt=a", "U:id id=1&txt=b");
    }

    @Test
    void q32_sqltrigaNoopUpdateSetsKeyToItself(TestDatabase db) throws SQLException {
        run(
                db,
                "select pgq.create_queue('q')",
                "create table s (id int4 primary key, v text)",
                "insert into s values (1, 'a')",
                "create trigger ts after update on s for each row execute procedure pgq.sqltriga('q')",
                "update s set v = v");
        assertThat(events(db, "q")).extracting(e -> e.get("ev_data")).containsExactly("id='1' where id='1'");
    }

    @Test
    void q33_backupPutsOldRowIntoExtra2ForUpdateOnly(TestDatabase db) throws SQLException {
        table(db, ", 'backup'");
        run(db, "insert into t values (1, 'a b', 1)", "update t set txt = 'c'", "delete from t");
        assertThat(events(db, "q")).extracting(e -> e.get("ev_extra2")).containsExactly(null, "id=1&txt=a+b&n=1", null);
    }

    @Test
    void q34_whenFalseSkipsNullOrNonBooleanRaises(TestDatabase db) throws SQLException {
        table(db, ", 'when=n > 1'");
        run(db, "insert into t values (1, 'a', 1)", "insert into t values (2, 'b', 2)");
        assertThat(events(db, "q")).extracting(e -> e.get("ev_data")).containsExactly("id=2&txt=b&n=2");
        assertThatThrownBy(() -> run(db, "insert into t values (3, 'c', null)"))
                .hasMessageContaining("when= should not be NULL");
        run(
                db,
                "create table w (id int4 primary key)",
                "create trigger tw after insert on w for each row execute procedure pgq.jsontriga('q', 'when=id')");
        assertThatThrownBy(() -> run(db, "insert into w values (1)"))
                .hasMessageContaining("when= query result must be boolean, got=23");
    }

    @Test
    void q35_skipWorksOnlyInBeforeTriggers(TestDatabase db) throws SQLException {
        run(
                db,
                "select pgq.create_queue('q')",
                "create table sk (id int4 primary key)",
                "create trigger tb before insert on sk for each row execute procedure pgq.logutriga('q', 'SKIP')",
                "insert into sk values (1)");
        assertThat(db.queryValue("select count(*) from sk", Long.class)).isZero();
        assertThat(events(db, "q")).extracting(e -> e.get("ev_data")).containsExactly("id=1");
        run(
                db,
                "create table sa (id int4 primary key)",
                "create trigger ta after insert on sa for each row execute procedure pgq.logutriga('q', 'SKIP')");
        assertThatThrownBy(() -> run(db, "insert into sa values (1)"))
                .hasMessageContaining("SKIP does not work in AFTER trigger.");
    }

    @Test
    void q36_denyRaisesForEveryOperation(TestDatabase db) throws SQLException {
        run(
                db,
                "select pgq.create_queue('q')",
                "create table d (id int4 primary key)",
                "insert into d values (1)",
                "create trigger td after insert or update or delete on d for each row execute procedure pgq.jsontriga('q', 'deny')",
                "create trigger tt after truncate on d for each statement execute procedure pgq.jsontriga('q', 'deny')");
        for (String[] op : new String[][] {
            {"insert into d values (2)", "INSERT"},
            {"update d set id = id", "UPDATE"},
            {"delete from d", "DELETE"},
            {"truncate d", "TRUNCATE"}
        }) {
            assertThatThrownBy(() -> run(db, op[0]))
                    .hasMessageContaining("Table 'public.d' to queue 'q': change not allowed (" + op[1] + ")");
        }
        assertThat(events(db, "q")).isEmpty();
    }

    @Test
    void q37_truncateLogsTypeR(TestDatabase db) throws SQLException {
        run(
                db,
                "select pgq.create_queue('q')",
                "create table tr (id int4 primary key)",
                "create trigger a after truncate on tr for each statement execute procedure pgq.logutriga('q')",
                "create trigger b after truncate on tr for each statement execute procedure pgq.sqltriga('q')",
                "create trigger c after truncate on tr for each statement execute procedure pgq.jsontriga('q')",
                "truncate tr");
        assertThat(events(db, "q"))
                .extracting(e -> e.get("ev_type") + "|" + e.get("ev_data") + "|" + e.get("ev_extra1"))
                .containsExactlyInAnyOrder(
                        "R||public.tr",
                        "R||public.tr",
                        "{\"op\":\"TRUNCATE\",\"table\":[\"public\",\"tr\"],\"pkey\":[\"id\"]}|{}|public.tr");
    }

    @Test
    void alterTableIsNoticedByTheNextStatement(TestDatabase db) throws SQLException {
        table(db, "");
        try (Connection c = db.connect()) {
            run(c, "insert into t values (1, 'a', 1)");
            run(c, "alter table t rename column txt to label");
            run(c, "insert into t values (2, 'b', 2)");
            run(c, "alter table t add column extra int4 default 7");
            run(c, "insert into t values (3, 'c', 3)");
        }
        assertThat(events(db, "q"))
                .extracting(e -> e.get("ev_data"))
                .containsExactly("id=1&txt=a&n=1", "id=2&label=b&n=2", "id=3&label=c&n=3&extra=7");
    }
}
