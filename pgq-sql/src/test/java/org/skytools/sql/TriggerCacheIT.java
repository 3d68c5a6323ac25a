package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.PsqlResult;
import org.skytools.testkit.TestDatabase;

/**
 * The session cache of the capture triggers follows table changes: DDL of other sessions, DDL that
 * rolls back, DDL within the firing statement, and installs without the event trigger that
 * signals DDL.
 */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class TriggerCacheIT {

    private static void run(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static List<String> events(TestDatabase db, String column) {
        String table = db.queryValue("select queue_data_pfx from pgq.queue where queue_name = 'q'", String.class);
        List<String> res = new ArrayList<>();
        db.query("select " + column + " as v from " + table + " order by ev_id")
                .forEach(r -> res.add((String) r.get("v")));
        return res;
    }

    private static void table(Connection c, String name) throws SQLException {
        run(
                c,
                "select pgq.create_queue('q')",
                "create table " + name + " (id int4 primary key, txt text)",
                "create trigger tl after insert or update or delete on " + name
                        + " for each row execute procedure pgq.logutriga('q')",
                "create trigger tj after insert or update or delete on " + name
                        + " for each row execute procedure pgq.jsontriga('q')");
    }

    @Test
    void alterTableOfAnotherSessionIsNoticed(TestDatabase db) throws SQLException {
        try (Connection a = db.connect();
                Connection b = db.connect()) {
            table(a, "t");
            run(a, "insert into t values (1, 'a')", "update t set txt = 'b' where id = 1");
            run(b, "alter table t rename column txt to label", "alter table t add column n int4 default 5");
            run(a, "update t set label = 'c' where id = 1");
            run(b, "alter table t drop constraint t_pkey", "alter table t add primary key (id, n)");
            run(a, "delete from t");
        }
        assertThat(events(db, "ev_data"))
                .filteredOn(e -> !e.startsWith("{"))
                .containsExactly("id=1&txt=a", "id=1&txt=b", "id=1&label=c&n=5", "id=1&label=c&n=5");
        assertThat(events(db, "ev_data"))
                .filteredOn(e -> e.startsWith("{"))
                .containsExactly(
                        "{\"id\":1,\"txt\":\"a\"}",
                        "{\"id\":1,\"txt\":\"b\"}",
                        "{\"id\":1,\"label\":\"c\",\"n\":5}",
                        "{\"id\":1,\"label\":\"c\",\"n\":5}");
        assertThat(events(db, "ev_type"))
                .filteredOn(e -> !e.startsWith("{"))
                .containsExactly("I:id", "U:id", "U:id", "D:id,n");
    }

    @Test
    void rolledBackAlterTableIsNoticed(TestDatabase db) throws SQLException {
        try (Connection a = db.connect()) {
            table(a, "t");
            run(a, "insert into t values (1, 'a')");
            a.setAutoCommit(false);
            run(a, "alter table t rename column txt to label", "insert into t values (2, 'b')");
            a.rollback();
            run(a, "insert into t values (3, 'c')", "savepoint s", "alter table t add column n int4 default 7");
            run(a, "insert into t values (4, 'd')", "rollback to savepoint s", "insert into t values (5, 'e')");
            a.commit();
        }
        assertThat(events(db, "ev_data"))
                .filteredOn(e -> !e.startsWith("{"))
                .containsExactly("id=1&txt=a", "id=3&txt=c", "id=5&txt=e");
    }

    @Test
    void alterTableWithinOneStatementIsNoticed(TestDatabase db) throws SQLException {
        try (Connection a = db.connect()) {
            table(a, "t");
            run(
                    a,
                    "do $$ begin insert into t values (1, 'a'); alter table t rename column txt to label;"
                            + " insert into t values (2, 'b'); end $$");
        }
        assertThat(events(db, "ev_data"))
                .filteredOn(e -> !e.startsWith("{"))
                .containsExactly("id=1&txt=a", "id=2&label=b");
    }

    @Test
    void uncommittedSchemaRenameOfAnotherSessionIsNotCachedForLater(TestDatabase db) throws SQLException {
        try (Connection a = db.connect();
                Connection b = db.connect()) {
            run(a, "create schema s1");
            table(a, "s1.t");
            run(a, "insert into s1.t values (1, 'a')");
            b.setAutoCommit(false);
            run(b, "alter schema s1 rename to s2");
            // the rename is not committed yet: the table still has its old name
            run(a, "insert into s1.t values (2, 'b')");
            b.commit();
            run(a, "insert into s2.t values (3, 'c')");
        }
        assertThat(events(db, "ev_extra1")).containsExactly("s1.t", "s1.t", "s1.t", "s1.t", "s2.t", "s2.t");
    }

    @Test
    void withoutEventTriggerTheTableIsReadOncePerStatement(TestDatabase db) throws SQLException {
        try (Connection a = db.connect();
                Connection b = db.connect()) {
            run(a, "drop event trigger pgq_trg_ddl");
            table(a, "t");
            run(a, "insert into t values (1, 'a')");
            run(b, "alter table t rename column txt to label");
            run(a, "insert into t values (2, 'b')");
        }
        assertThat(events(db, "ev_data"))
                .filteredOn(e -> !e.startsWith("{"))
                .containsExactly("id=1&txt=a", "id=2&label=b");
    }

    @Test
    void installWithoutSuperuserSkipsTheEventTriggerWithANotice(TestDatabase db) throws Exception {
        String name = db.name() + "_plain";
        db.cluster().createDatabase(name, "template0");
        try {
            db.cluster()
                    .psql(
                            name,
                            "do $$ begin if not exists (select 1 from pg_roles where rolname = 'pgq_plain_installer')"
                                    + " then create role pgq_plain_installer; end if; end $$;\n"
                                    + "grant create on database " + name + " to pgq_plain_installer;\n");
            PsqlResult install = db.cluster()
                    .psql(
                            name,
                            "set role pgq_plain_installer;\n"
                                    + Files.readString(Path.of("target", "sql", "pgq.sql"), StandardCharsets.UTF_8));
            assertThat(install.ok()).as(install.stderr()).isTrue();
            assertThat(install.stderr()).contains("event trigger \"pgq_trg_ddl\" not created");
            try (Connection c = db.cluster().connect(name)) {
                try (Statement st = c.createStatement();
                        var rs = st.executeQuery("select count(*) from pg_event_trigger")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
                table(c, "t");
                run(c, "insert into t values (1, 'a')", "alter table t rename column txt to label");
                run(c, "insert into t values (2, 'b')");
                try (Statement st = c.createStatement();
                        var rs = st.executeQuery("select string_agg(ev_data, ' ' order by ev_id) from pgq.event_1")) {
                    rs.next();
                    assertThat(rs.getString(1))
                            .isEqualTo("{\"id\":1,\"txt\":\"a\"} id=1&txt=a {\"id\":2,\"label\":\"b\"} id=2&label=b");
                }
            }
        } finally {
            db.cluster().dropDatabase(name);
        }
    }
}
