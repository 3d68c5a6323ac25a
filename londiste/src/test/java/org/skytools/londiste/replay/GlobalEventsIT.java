package org.skytools.londiste.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.londiste.table.RegisterFilter;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

@PgTest(template = LondisteTemplate.class)
@Timeout(120)
class GlobalEventsIT {
    private static String value(ReplayFixture f, String sql) throws SQLException {
        try (Statement st = f.dst.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            String v = rs.next() ? rs.getString(1) : null;
            f.dst.commit();
            return v;
        }
    }

    private static void event(ReplayFixture f, String type, String data, String extra1, String extra2)
            throws SQLException {
        try (var ps = f.src.prepareStatement("select pgq.insert_event('q', ?, ?, ?, ?, null, null)")) {
            ps.setString(1, type);
            ps.setString(2, data);
            ps.setString(3, extra1);
            ps.setString(4, extra2);
            ps.execute();
        }
    }

    /** The destination as a leaf node of queue q, with table t1 (renamed locally) and sequence s1 local. */
    private static BatchApplier leaf(ReplayFixture f) throws SQLException {
        f.dst("select pgq_node.register_location('q', 'root', 'dbname=root', false)");
        f.dst("select pgq_node.register_location('q', 'leaf', 'dbname=leaf', false)");
        assertThat(value(
                        f, "select ret_code from pgq_node.create_node('q', 'leaf', 'leaf', 'replay', 'root', 1, null)"))
                .isEqualTo("200");
        f.dst("create table public.t1_local (id int primary key)");
        f.dst("insert into londiste.table_info (queue_name, table_name, local, merge_state, dest_table)"
                + " values ('q', 'public.t1', true, 'ok', 'public.t1_local')");
        f.dst("create sequence public.s1");
        f.dst(
                "insert into londiste.seq_info (queue_name, seq_name, local, last_value) values ('q', 'public.s1', true, 0),"
                        + " ('q', 'public.s2', false, 5)");
        return new BatchApplier(ReplayOptions.forQueue("q"), TableMap.load(f.dst, "q"));
    }

    @Test
    void l30_globalEventsCallTheGlobalFunctions(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            BatchApplier applier = leaf(f);
            assertThat(applier.tables().get("public.t1").destTable()).isEqualTo("public.t1_local");
            f.nextBatch();
            event(f, "londiste.add-table", "public.newt", null, null);
            event(f, "londiste.update-seq", "30000", "public.s1", null);
            event(f, "londiste.remove-seq", "public.s2", null, null);
            event(f, "I:id", "id=1", "public.t1", null);
            event(f, "londiste.remove-table", "public.t1", null, null);
            event(f, "I:id", "id=2", "public.t1", null);
            event(f, "pgq.global-watermark", "1", "q", null);
            ApplyStats stats = f.replay(applier);
            assertThat(stats.globalEvents()).isEqualTo(4);
            assertThat(stats.inserts()).isEqualTo(1);
            assertThat(stats.ignored()).isEqualTo(2);
            assertThat(value(f, "select local::text from londiste.table_info where table_name = 'public.newt'"))
                    .isEqualTo("false");
            assertThat(value(f, "select count(*) from londiste.table_info where table_name = 'public.t1'"))
                    .isEqualTo("0");
            assertThat(value(f, "select last_value from londiste.seq_info where seq_name = 'public.s1'"))
                    .isEqualTo("30000");
            assertThat(Long.parseLong(value(f, "select nextval('public.s1')"))).isGreaterThan(30000);
            assertThat(value(f, "select count(*) from londiste.seq_info where seq_name = 'public.s2'"))
                    .isEqualTo("0");
            assertThat(value(f, "select string_agg(id::text, ',') from public.t1_local"))
                    .isEqualTo("1");
            assertThat(applier.tables().get("public.t1")).isNull();
        }
    }

    @Test
    void registerOnlyAndSkipListsDecideWhichAddedTablesAndSequencesTheNodeRegisters(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            BatchApplier applier = leaf(f).registering(RegisterFilter.of(
                    List.of("public.table1", "table2", "public.table3"),
                    List.of("public.table2", "public.table4"),
                    List.of(),
                    List.of("s9")));
            f.nextBatch();
            for (String t : List.of("table1", "table2", "table3", "table4", "table5")) {
                event(f, "londiste.add-table", "public." + t, null, null);
            }
            event(f, "londiste.update-seq", "7", "public.s8", null);
            event(f, "londiste.update-seq", "9", "public.s9", null);
            ApplyStats stats = f.replay(applier);
            assertThat(stats.globalEvents()).isEqualTo(3);
            assertThat(stats.ignored()).isEqualTo(4);
            assertThat(value(
                            f,
                            "select string_agg(table_name, ',' order by table_name) from londiste.table_info"
                                    + " where table_name like 'public.table%'"))
                    .isEqualTo("public.table1,public.table3");
            assertThat(value(
                            f,
                            "select string_agg(seq_name, ',' order by seq_name) from londiste.seq_info"
                                    + " where seq_name in ('public.s8', 'public.s9')"))
                    .isEqualTo("public.s8");
        }
    }

    @Test
    void l34_executeRunsOnceInLocalRoleWithLocalNames(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            BatchApplier applier = leaf(f);
            f.nextBatch();
            event(f, "I:id", "id=1", "public.t1", null);
            event(
                    f,
                    "EXECUTE",
                    "create table public.made (id int);\ninsert into public.made values (1);",
                    "a.sql",
                    null);
            event(f, "EXECUTE", "insert into public.made values (2);", "a.sql", null);
            event(
                    f,
                    "EXECUTE",
                    "alter table @t1@ add column extra text default current_setting('session_replication_role');"
                            + " insert into @t1@ (id) values (10);",
                    "b.sql",
                    "local-table=t1");
            event(f, "EXECUTE", "create table public.never (id int);", "c.sql", "local-table=public.notlocal");
            event(f, "I:id,extra", "id=2&extra=x", "public.t1", null);
            ApplyStats stats = f.replay(applier);
            assertThat(stats.executes()).isEqualTo(4);
            assertThat(value(f, "select string_agg(id::text, ',' order by id) from public.made"))
                    .isEqualTo("1");
            assertThat(value(f, "select string_agg(id || ':' || extra, ',' order by id) from public.t1_local"))
                    .isEqualTo("1:local,2:x,10:local");
            assertThat(value(f, "select to_regclass('public.never')::text")).isNull();
            assertThat(value(
                            f,
                            "select string_agg(execute_file, ',' order by execute_file) from londiste.applied_execute"))
                    .isEqualTo("a.sql,b.sql,c.sql");
            assertThat(value(f, "show session_replication_role")).isEqualTo("replica");
        }
    }

    @Test
    void l34_rowsAfterAnExecuteUseTheTableAsTheExecuteLeftIt(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            BatchApplier applier = leaf(f);
            f.dst("alter table public.t1_local add column v text");
            f.dst.commit();
            f.nextBatch();
            event(f, "I:id", "id=1&v=5", "public.t1", null);
            event(f, "EXECUTE", "alter table @t1@ alter column v type int using v::int;", "int.sql", "local-table=t1");
            // a text value cast as for the column before the EXECUTE would not go into an int column
            event(f, "I:id", "id=2&v=6", "public.t1", null);
            event(f, "U:id", "id=1&v=7", "public.t1", null);
            ApplyStats stats = f.replay(applier);
            assertThat(stats.executes()).isEqualTo(1);
            assertThat(value(f, "select string_agg(id || ':' || (v + 1), ',' order by id) from public.t1_local"))
                    .isEqualTo("1:8,2:7");
        }
    }

    @Test
    void l34_copyProcessSkipsExecuteAndSequences(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            leaf(f);
            BatchApplier copy =
                    new BatchApplier(ReplayOptions.forQueue("q").asCopyProcess(), TableMap.load(f.dst, "q"));
            f.nextBatch();
            event(f, "EXECUTE", "create table public.made (id int);", "a.sql", null);
            event(f, "londiste.update-seq", "30000", "public.s1", null);
            ApplyStats stats = f.replay(copy, (t, x) -> true);
            assertThat(stats.globalEvents()).isZero();
            assertThat(value(f, "select to_regclass('public.made')::text")).isNull();
            assertThat(value(f, "select last_value from londiste.seq_info where seq_name = 'public.s1'"))
                    .isEqualTo("0");
            assertThat(List.of(stats.executes(), stats.ignored())).containsExactly(1L, 1L);
        }
    }
}
