package org.skytools.londiste.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

@PgTest(template = LondisteTemplate.class)
@Timeout(120)
class BatchApplierIT {
    private static final String WIDE = "create table public.wide (id int4 primary key, txt text, num numeric(12,3),"
            + " data bytea, ints int4[], texts text[], ts timestamptz, js jsonb, flag bool, bits bit(3),"
            + " \"Mixed Case\" varchar(20), code char(5), codes char(3)[])";

    /** Writes every kind of row change on the source, several per key, NULLs and odd values. */
    private static void writeWide(ReplayFixture f) throws SQLException {
        f.src("insert into wide select i, 'row ' || i, i * 1.5, decode(md5(i::text), 'hex'), array[i, i + 1],"
                + " array['a,b', 'q\"x', null], '2020-01-01 10:00+02'::timestamptz + i * interval '1 hour',"
                + " jsonb_build_object('k', i), i % 2 = 0, '101', 'x', 'c' || i, array['ab', 'x y', null]"
                + " from generate_series(1, 40) i");
        f.src("insert into wide (id) values (100)");
        f.src("insert into wide values (101, E'quote '' backslash \\\\ tab \\t nl \\n end', null, '\\x00ff',"
                + " '{}', '{\"\"}', null, '{\"a\": [1, \"€\"]}', null, null, 'ünïcödé ☃', 'ü ☃', '{\"a b\"}')");
        f.src("update wide set txt = txt || ' upd' where id % 3 = 0");
        f.src("update wide set txt = 'second' where id % 6 = 0");
        f.src("update wide set num = null, data = null where id between 10 and 15");
        f.src("delete from wide where id % 5 = 0");
        f.src("insert into wide (id, txt) values (5, 'back again'), (10, 'back again too')");
        f.src("update wide set txt = 'after reinsert' where id = 5");
        f.src("insert into wide (id, txt) values (200, 'short-lived')");
        f.src("update wide set txt = 'still short' where id = 200");
        f.src("delete from wide where id = 200");
        f.src("update wide set id = id where id = 1");
        f.src("update wide set txt = '', texts = '{}' where id = 2");
        f.src("update wide set code = 'z ' || id, codes = '{}' where id between 20 and 25");
    }

    private static BatchApplier applier(boolean coalesce, ReplayTable... tables) {
        return new BatchApplier(
                ReplayOptions.forQueue(ReplayFixture.QUEUE).withCoalesce(coalesce), new TableMap(List.of(tables)));
    }

    private static void assertSameRows(ReplayFixture f, String table, String order) throws SQLException {
        String expected = ReplayFixture.rows(f.src, table, order);
        assertThat(ReplayFixture.rows(f.dst, table, order)).isEqualTo(expected);
    }

    @Test
    void l26_logutrigaEventsReplayToAnEqualTableWithNetChanges(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("wide", WIDE, "pgq.logutriga");
            f.nextBatch();
            writeWide(f);
            ApplyStats stats = f.replay(applier(true, ReplayTable.of("public.wide")));
            assertSameRows(f, "wide", "id");
            assertThat(stats.coalesced()).isEqualTo(stats.rowEvents()).isPositive();
            assertThat(stats.roundTrips()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void l26_charKeysReplayInEventOrderAndKeepEveryCharacter(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("ck", "create table public.ck (k char(4) primary key, v char(3), vs char(2)[])", "pgq.logutriga");
            String rows = "insert into ck values ('ab', 'xyz', '{ab,c}'), ('abcd', 'x', null), ('a b', null, '{}')";
            f.src(rows);
            f.nextBatch();
            f.dst(rows);
            f.src("insert into ck values ('zz', 'new', '{zz}')");
            f.src("update ck set v = 'upd', vs = '{up,d}' where k = 'abcd'");
            f.src("update ck set v = 'kk' where k = 'a b'");
            f.src("delete from ck where k = 'ab'");
            ApplyStats stats = f.replay(applier(true, ReplayTable.of("public.ck")));
            // 'ab' and 'ab  ' are one key: padded keys are not coalesced by their text
            assertThat(stats.coalesced()).isZero();
            assertSameRows(f, "ck", "k");
            assertThat(ReplayFixture.rows(f.dst, "ck", "k")).contains("abcd", "upd", "zz");
        }
    }

    @Test
    void l26_logutrigaEventsReplayInOrderWithoutCoalescing(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("wide", WIDE, "pgq.logutriga");
            f.nextBatch();
            writeWide(f);
            ApplyStats stats = f.replay(applier(false, ReplayTable.of("public.wide")));
            assertSameRows(f, "wide", "id");
            assertThat(stats.coalesced()).isZero();
            assertThat(stats.statements()).isGreaterThan(stats.roundTrips());
        }
    }

    @Test
    void jsontrigaEventsReplayToAnEqualTable(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("wide", WIDE, "pgq.jsontriga");
            f.nextBatch();
            writeWide(f);
            f.replay(applier(true, ReplayTable.of("public.wide")));
            assertSameRows(f, "wide", "id");
            f.src("update wide set flag = not coalesce(flag, false), ts = ts + interval '1 day'");
            f.src("delete from wide where id < 20");
            f.replay(applier(false, ReplayTable.of("public.wide")));
            assertSameRows(f, "wide", "id");
        }
    }

    @Test
    void l26_sqltrigaEventsReplayInOrder(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("wide", WIDE, "pgq.sqltriga");
            f.nextBatch();
            writeWide(f);
            ApplyStats stats = f.replay(applier(true, ReplayTable.of("public.wide")));
            assertSameRows(f, "wide", "id");
            assertThat(stats.coalesced()).isZero();
            assertThat(stats.rowEvents()).isPositive();
        }
    }

    @Test
    void l29_truncateFlushesEarlierEventsAndCascades(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("wide", WIDE, "pgq.logutriga");
            f.dst("create table public.child (id int primary key, wid int references public.wide)");
            f.nextBatch();
            f.src("insert into wide (id, txt) select i, 'a' from generate_series(1, 10) i");
            f.src("update wide set txt = 'b'");
            f.src("truncate wide");
            f.src("insert into wide (id, txt) select i, 'c' from generate_series(5, 8) i");
            f.src("update wide set txt = 'd' where id = 6");
            ApplyStats stats = f.replay(applier(true, ReplayTable.of("public.wide")));
            assertSameRows(f, "wide", "id");
            assertThat(stats.truncates()).isEqualTo(1);
        }
    }

    @Test
    void l29_ignoreTruncateHandlerArgumentKeepsRows(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("wide", WIDE, "pgq.logutriga");
            f.nextBatch();
            f.src("insert into wide (id) select generate_series(1, 3)");
            f.src("truncate wide");
            ReplayTable t = new ReplayTable("public.wide", null, HandlerSpec.parse("londiste(ignore_truncate=1)"));
            ApplyStats stats = f.replay(applier(true, t));
            assertThat(f.count(f.dst, "wide")).isEqualTo(3);
            assertThat(stats.truncates()).isZero();
        }
    }

    @Test
    void otherUniqueConstraintMakesTheTableGoInOrder(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("uq", "create table public.uq (id int primary key, code text not null unique)", "pgq.logutriga");
            f.src("insert into uq values (1, 'a'), (2, 'b'), (3, 'c')");
            f.dst("insert into uq values (1, 'a'), (2, 'b'), (3, 'c')");
            f.nextBatch();
            // the codes rotate through a free value: any other order breaks the unique constraint
            f.src("update uq set code = 'tmp' where id = 1");
            f.src("update uq set code = 'a' where id = 2");
            f.src("update uq set code = 'b' where id = 3");
            f.src("update uq set code = 'c' where id = 1");
            f.src("insert into uq values (4, 'x')");
            f.src("delete from uq where id = 4");
            f.src("insert into uq values (5, 'x')");
            ApplyStats stats = f.replay(applier(true, ReplayTable.of("public.uq")));
            assertSameRows(f, "uq", "id");
            assertThat(stats.coalesced()).isZero();
        }
    }

    @Test
    void foreignKeysMakeTheTablesGoInOrder(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("par", "create table public.par (id int primary key, v text)", "pgq.logutriga");
            f.table("chi", "create table public.chi (id int primary key, pid int references par)", "pgq.logutriga");
            f.nextBatch();
            f.src("insert into par select i, 'p' from generate_series(1, 5) i");
            f.src("insert into chi select i, i from generate_series(1, 5) i");
            f.src("delete from chi where id = 2");
            f.src("delete from par where id = 2");
            ApplyStats stats = f.replay(applier(true, ReplayTable.of("public.par"), ReplayTable.of("public.chi")));
            assertSameRows(f, "par", "id");
            assertSameRows(f, "chi", "id");
            assertThat(stats.coalesced()).isZero();
        }
    }

    @Test
    void f4_foreignKeyChecksDoNotFireDuringReplay(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            // the parent table is not replicated: on the subscriber it stays empty
            f.src("create table public.par (id int primary key)");
            f.dst("create table public.par (id int primary key)");
            f.table("chi", "create table public.chi (id int primary key, pid int references par)", "pgq.logutriga");
            f.nextBatch();
            f.src("insert into par select generate_series(1, 3)");
            f.src("insert into chi select i, i from generate_series(1, 3) i");
            f.src("update chi set pid = 1 where id = 3");
            ApplyStats stats = f.replay(applier(true, ReplayTable.of("public.chi")));
            assertSameRows(f, "chi", "id");
            assertThat(f.count(f.dst, "par")).isZero();
            assertThat(stats.inserts()).isEqualTo(3);
        }
    }

    @Test
    void primaryKeyChangeWithBackupRowMovesTheRow(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("pk", "create table public.pk (id int primary key, v text)", "pgq.logutriga");
            f.nextBatch();
            // capture triggers refuse key changes: these events come from elsewhere, with the old row as backup
            f.src("insert into pk values (1, 'a'), (3, 'c')");
            f.src("set session_replication_role = 'local'");
            f.src("update pk set id = 2, v = 'b' where id = 1");
            f.src("select pgq.insert_event('q', 'U:id', 'id=2&v=b', 'public.pk', 'id=1&v=a', null, null)");
            f.src("update pk set id = 4 where id = 3");
            f.src("select pgq.insert_event('q', 'U:id', 'id=4&v=c', 'public.pk', 'id=3&v=c', null, null)");
            f.src("set session_replication_role = 'origin'");
            f.src("update pk set v = 'bb' where id = 2");
            ApplyStats stats = f.replay(applier(true, ReplayTable.of("public.pk")));
            assertSameRows(f, "pk", "id");
            assertThat(ReplayFixture.rows(f.dst, "pk", "id")).isEqualTo("{\"(2,bb)\",\"(4,c)\"}");
            assertThat(stats.coalesced()).isZero();
        }
    }

    @Test
    void l25_l43_destTableAndFilterAndUnknownTables(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("src", "create table public.src (id int primary key, v text)", "pgq.logutriga");
            f.table("other", "create table public.other (id int primary key)", "pgq.logutriga");
            f.table("later", "create table public.later (id int primary key)", "pgq.logutriga");
            f.dst("create schema x; create table x.\"Renamed\" (id int primary key, v text)");
            f.nextBatch();
            f.src("insert into src select i, 'v' || i from generate_series(1, 5) i");
            f.src("insert into other values (1)");
            f.src("insert into later values (1)");
            BatchApplier a = applier(
                    true,
                    new ReplayTable("public.src", "x.Renamed", HandlerSpec.DEFAULT),
                    ReplayTable.of("public.later"));
            ApplyStats stats = f.replay(a, (table, txid) -> !table.equals("public.later"));
            assertThat(ReplayFixture.rows(f.dst, "x.\"Renamed\"", "id"))
                    .isEqualTo(ReplayFixture.rows(f.src, "src", "id"));
            assertThat(f.count(f.dst, "other")).isZero();
            assertThat(f.count(f.dst, "later")).isZero();
            assertThat(stats.ignored()).isEqualTo(2);
            assertThat(stats.inserts()).isEqualTo(5);
        }
    }

    @Test
    void l27_roundTripsStayPerGroupNotPerEvent(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("a", "create table public.a (id int primary key, v int)", "pgq.logutriga");
            f.table("b", "create table public.b (id bigint primary key, v text)", "pgq.logutriga");
            f.table("h", "create table public.h (t int, v text)", "pgq.logutriga");
            f.nextBatch();
            f.src("insert into a select i, 0 from generate_series(1, 300) i");
            f.src("insert into b select i, 'x' from generate_series(1, 300) i");
            f.src(
                    "do $$ begin for i in 1..600 loop update a set v = v + 1 where id = 1 + i % 300;"
                            + " update b set v = v || i where id = 1 + (i * 7) % 300; insert into h values (i, 'h'); end loop; end $$");
            f.src("delete from a where id > 250");
            BatchApplier app =
                    applier(true, ReplayTable.of("public.a"), ReplayTable.of("public.b"), ReplayTable.of("public.h"));
            ApplyStats stats = f.replay(app);
            assertSameRows(f, "a", "id");
            assertSameRows(f, "b", "id");
            assertSameRows(f, "h", "t");
            assertThat(stats.rowEvents()).isEqualTo(300 + 300 + 600 * 3 + 50);
            // one catalog query, then at most delete + insert + update per table
            assertThat(stats.roundTrips()).isLessThanOrEqualTo(1 + 3 * 3);
            assertThat(stats.coalesced()).isEqualTo(stats.rowEvents());

            f.src("do $$ begin for i in 1..2000 loop update a set v = v + 1 where id = 1 + i % 250; end loop; end $$");
            ApplyStats ordered = f.replay(applier(false, ReplayTable.of("public.a")));
            assertSameRows(f, "a", "id");
            assertThat(ordered.statements()).isEqualTo(2000 + 1);
            // literal statements go 1000 to a JDBC batch
            assertThat(ordered.roundTrips()).isLessThanOrEqualTo(1 + 2);
        }
    }

    @Test
    void bulkHandlerMethodsGiveTheSameEndState(TestDatabase db) throws Exception {
        for (int method = 0; method <= 2; method++) {
            try (ReplayFixture f = new ReplayFixture(cloneOf(db, method))) {
                f.table("bk", "create table public.bk (id int primary key, v text, w int)", "pgq.logutriga");
                f.nextBatch();
                f.src("insert into bk select i, 'v', i from generate_series(1, 50) i");
                f.src("update bk set v = 'u' where id % 2 = 0");
                f.src("delete from bk where id % 7 = 0");
                f.src("insert into bk values (7, 'again', null)");
                ReplayTable t = new ReplayTable("public.bk", null, HandlerSpec.parse("bulk(method=" + method + ")"));
                ApplyStats stats = f.replay(applier(true, t));
                assertSameRows(f, "bk", "id");
                f.src("update bk set w = w + 1");
                f.replay(applier(true, t));
                assertSameRows(f, "bk", "id");
                assertThat(stats.coalesced()).isEqualTo(stats.rowEvents());
            }
        }
    }

    private static TestDatabase cloneOf(TestDatabase db, int n) {
        String name = db.name() + "_m" + n;
        db.cluster().createDatabase(name, db.name());
        return new TestDatabase(db.cluster(), name);
    }

    @Test
    void pipelinedChunksGiveTheSameEndStateAndCountsAsOneFlush(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("wide", WIDE, "pgq.logutriga");
            f.table("par", "create table public.par (id int primary key, v text)", "pgq.logutriga");
            f.table("chi", "create table public.chi (id int primary key, pid int references par)", "pgq.logutriga");
            f.nextBatch();
            writeWide(f);
            f.src("insert into par select i, 'p' from generate_series(1, 9) i");
            f.src("insert into chi select i, i from generate_series(1, 9) i");
            f.src("delete from chi where id in (2, 7)");
            f.src("delete from par where id in (2, 7)");
            f.src("update par set v = 'q' where id > 4");
            f.src("truncate wide cascade");
            f.src("insert into wide (id, txt) select i, 'after' from generate_series(1, 12) i");
            f.src("update wide set txt = 'again' where id % 4 = 0");
            List<org.skytools.pgq.Event> batch = f.nextBatch();
            TableMap tables = new TableMap(
                    List.of(ReplayTable.of("public.wide"), ReplayTable.of("public.par"), ReplayTable.of("public.chi")));

            ApplyStats whole = new BatchApplier(ReplayOptions.forQueue("q").withPipeline(0), tables)
                    .apply(f.dst, batch, ReplayFilter.ALL);
            f.dst.rollback();

            // chunks of 3 row events: many handed to the second thread, around a truncate and FKs
            ApplyStats chunked = new BatchApplier(ReplayOptions.forQueue("q").withPipeline(3), tables)
                    .apply(f.dst, batch, ReplayFilter.ALL);
            f.dst.commit();
            assertSameRows(f, "wide", "id");
            assertSameRows(f, "par", "id");
            assertSameRows(f, "chi", "id");
            assertThat(chunked.rowEvents()).isEqualTo(whole.rowEvents()).isPositive();
            assertThat(chunked.truncates()).isEqualTo(whole.truncates()).isEqualTo(1);
            assertThat(chunked.roundTrips()).isGreaterThan(whole.roundTrips());
        }
    }

    @Test
    void l27_failedStatementNamesItsEvent(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("e", "create table public.e (id int primary key, v text)", "pgq.logutriga");
            f.dst("insert into e values (3, 'already here')");
            f.nextBatch();
            f.src("insert into e select i, 'x' from generate_series(1, 5) i");
            List<org.skytools.pgq.Event> batch = f.nextBatch();
            long failing = batch.stream()
                    .filter(ev -> ev.data().startsWith("id=3&"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            // the pipelined case fails on the second thread: the error must still surface here, and
            // the connection be idle for the rollback and the next round
            for (ReplayOptions opts : List.of(
                    ReplayOptions.forQueue("q").withCoalesce(false),
                    ReplayOptions.forQueue("q").withOneByOne(true),
                    ReplayOptions.forQueue("q").withCoalesce(false).withPipeline(2))) {
                BatchApplier a = new BatchApplier(opts, new TableMap(List.of(ReplayTable.of("public.e"))));
                assertThatThrownBy(() -> a.apply(f.dst, batch, ReplayFilter.ALL))
                        .isInstanceOf(SQLException.class)
                        .hasMessageStartingWith("[ev_id=" + failing + ",ev_txid=")
                        .hasMessageContaining("duplicate key");
                f.dst.rollback();
            }
            BatchApplier set =
                    new BatchApplier(ReplayOptions.forQueue("q"), new TableMap(List.of(ReplayTable.of("public.e"))));
            assertThatThrownBy(() -> set.apply(f.dst, batch, ReplayFilter.ALL)).hasMessageContaining("duplicate key");
            f.dst.rollback();
        }
    }

    @Test
    void applyfnHandlerCallsTheFunctionPerEventInOrder(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("fa", "create table public.fa (id int primary key, v text)", "pgq.logutriga");
            f.dst(
                    "create table public.calls (n serial, conf text, tick bigint, ev_id bigint, ev_type text, ev_data text,"
                            + " extra1 text)");
            f.dst("create function public.apply_ev(conf text, tick bigint, id bigint, t timestamptz, tx bigint,"
                    + " retry int, typ text, data text, e1 text, e2 text, e3 text, e4 text) returns void as $$"
                    + " insert into public.calls (conf, tick, ev_id, ev_type, ev_data, extra1)"
                    + " values (conf, tick, id, typ, data, e1) $$ language sql");
            f.nextBatch();
            f.src("insert into fa values (1, 'a'), (2, 'it''s')");
            f.src("update fa set v = 'b' where id = 1");
            f.src("delete from fa where id = 2");
            ReplayTable t = new ReplayTable(
                    "public.fa", null, HandlerSpec.parse("applyfn(func_name=public.apply_ev,func_conf=k%3dv)"));
            List<org.skytools.pgq.Event> batch = f.nextBatch();
            applier(true, t).apply(f.dst, batch, ReplayFilter.ALL, 77L);
            f.dst.commit();
            assertThat(f.count(f.dst, "public.calls")).isEqualTo(4);
            assertThat(f.count(f.dst, "public.fa")).isZero();
            assertThat(ReplayFixture.rows(f.dst, "(select n, ev_type, conf, tick, extra1 from public.calls)", "n"))
                    .isEqualTo("{\"(1,I:id,k=v,77,public.fa)\",\"(2,I:id,k=v,77,public.fa)\","
                            + "\"(3,U:id,k=v,77,public.fa)\",\"(4,D:id,k=v,77,public.fa)\"}");
            assertThat(ReplayFixture.rows(f.dst, "public.calls", "n")).contains("it%27s");
        }
    }

    @Test
    void qsplitterHandlerSendsTheTableEventsIntoAnotherQueueInOrder(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.table("qs", "create table public.qs (id int primary key, v text)", "pgq.logutriga");
            f.dst("select pgq.create_queue('splitq')");
            f.nextBatch();
            f.src("insert into qs values (1, 'a'), (2, 'it''s')");
            f.src("update qs set v = 'b' where id = 1");
            f.src("delete from qs where id = 2");
            ReplayTable t = new ReplayTable("public.qs", null, HandlerSpec.parse("qsplitter(queue=splitq)"));
            List<org.skytools.pgq.Event> batch = f.nextBatch();
            ApplyStats stats = applier(true, t).apply(f.dst, batch, ReplayFilter.ALL);
            f.dst.commit();
            assertThat(stats.rowEvents()).isEqualTo(4);
            List<String> want = new java.util.ArrayList<>();
            for (org.skytools.pgq.Event ev : batch) {
                if ("public.qs".equals(ev.extra1())) {
                    want.add(ev.type() + "|" + ev.data() + "|" + ev.extra1() + "|" + ev.timeText());
                }
            }
            List<String> got = new java.util.ArrayList<>();
            try (var st = f.dst.createStatement();
                    var rs = st.executeQuery(
                            "select ev_type, ev_data, ev_extra1, ev_time::text from pgq.event_template e"
                                    + " join pgq.queue q on e.tableoid::regclass::text like q.queue_data_pfx || '\\_%'"
                                    + " where q.queue_name = 'splitq' order by ev_id")) {
                while (rs.next()) {
                    got.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                }
            }
            f.dst.commit();
            assertThat(want).hasSize(4);
            assertThat(got)
                    .as("type, data, extra1 and time kept, in event order")
                    .isEqualTo(want);
            assertThat(f.count(f.dst, "public.qs")).as("no table written").isZero();
        }
    }

    @Test
    void l31_unknownEventTypeFailsTheBatch(TestDatabase db) throws Exception {
        try (ReplayFixture f = new ReplayFixture(db)) {
            f.nextBatch();
            f.src("select pgq.insert_event('q', 'my.custom', 'x')");
            assertThatThrownBy(() -> f.replay(applier(true)))
                    .hasMessageStartingWith("unhandled event type \"my.custom\" in event ");
        }
    }
}
