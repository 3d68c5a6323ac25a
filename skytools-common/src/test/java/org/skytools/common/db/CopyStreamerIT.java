package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.error.SqlErrors;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** {@link CopyStreamer} between two databases: data fidelity, column lists and failures on either side. */
@PgTest
@Timeout(60)
class CopyStreamerIT {
    private static final String ROWS = "insert into src select n, 'v' || n, case when n % 5 = 0 then null"
            + " else E'tab\\there\\nnew ''q'' \\\\ ü😀' end, n % 2 = 0 from generate_series(1, 1000) n";
    private static final String TABLE =
            "create table %s (id int primary key, \"Order\" text, \"select\" text, flag bool)";

    private final CopyStreamer streamer = new CopyStreamer();
    private PgCluster cluster;
    private String targetDb;

    @BeforeEach
    void createTarget(TestDatabase db) {
        cluster = db.cluster();
        targetDb = db.name() + "_dst";
        cluster.createDatabase(targetDb, null);
        db.execute(TABLE.formatted("src"));
        db.execute(ROWS);
    }

    @AfterEach
    void dropTarget() {
        cluster.dropDatabase(targetDb);
    }

    private Connection target() throws SQLException {
        return cluster.connect(targetDb);
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static final String CHECKSUM = "select count(*) || ':' || sum(hashtext(t::text)::bigint) from %s t";

    @Test
    void copiesEveryRowAndByteOfATable(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = target()) {
            exec(dst, TABLE.formatted("dst"));
            CopyResult r = streamer.copyTable(src, FqName.parse("src"), dst, FqName.parse("public.dst"), List.of());
            assertThat(r.rows()).isEqualTo(1000);
            assertThat(r.bytes()).isGreaterThan(20_000);
            assertThat(scalar(dst, CHECKSUM.formatted("dst"))).isEqualTo(scalar(src, CHECKSUM.formatted("src")));
        }
    }

    @Test
    void copiesEveryRowOfATableInBinaryFormatToo(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = target()) {
            exec(src, "create table wide (id int8, n numeric(20,6), b bytea, t timestamptz, a text[], j jsonb)");
            exec(
                    src,
                    "insert into wide select g, g / 7.0, decode(md5(g::text), 'hex'), timestamptz '2020-01-01'"
                            + " + g * interval '1 minute', array['x' || g, null], jsonb_build_object('g', g)"
                            + " from generate_series(1, 5000) g");
            exec(dst, "create table wide (id int8, n numeric(20,6), b bytea, t timestamptz, a text[], j jsonb)");
            CopyResult r = streamer.copyTable(
                    src, FqName.parse("public.wide"), dst, FqName.parse("public.wide"), List.of(), true);
            assertThat(r.rows()).isEqualTo(5000);
            assertThat(scalar(dst, CHECKSUM.formatted("wide"))).isEqualTo(scalar(src, CHECKSUM.formatted("wide")));
        }
    }

    @Test
    void splitsOneSourceOverSeveralTargetsInTextAndBinary(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection a = target();
                Connection b = target();
                Connection c = target()) {
            // rows enough for several chunks, so that every target gets some
            exec(src, "create table big (id int8 primary key, n numeric(20,6), t text, a text[])");
            exec(
                    src,
                    "insert into big select g, g / 7.0, repeat(md5(g::text), 4), array['x' || g, null]"
                            + " from generate_series(1, 30000) g");
            exec(a, "create table big (id int8, n numeric(20,6), t text, a text[])");
            for (boolean binary : new boolean[] {false, true}) {
                exec(a, "truncate big");
                String format = binary ? " (FORMAT binary)" : "";
                List<Connection> targets = List.of(a, b, c);
                for (Connection t : targets) {
                    t.setAutoCommit(false);
                }
                CopyResult r = streamer.copy(
                        src,
                        "COPY public.big TO STDOUT" + format,
                        "big",
                        targets,
                        "COPY public.big FROM STDIN" + format,
                        "big",
                        binary,
                        null);
                // each target's share is its own, uncommitted, transaction
                for (Connection t : targets) {
                    assertThat(Long.parseLong(scalar(t, "select count(*) from big")))
                            .isBetween(1L, 29_999L);
                }
                for (Connection t : targets) {
                    t.commit();
                    t.setAutoCommit(true);
                }
                assertThat(r.rows()).as("binary %s", binary).isEqualTo(30_000);
                assertThat(scalar(a, CHECKSUM.formatted("big"))).isEqualTo(scalar(src, CHECKSUM.formatted("big")));
            }
            // an empty table: every target still gets a well-formed (empty) binary stream
            exec(src, "create table nothing (id int)");
            exec(a, "create table nothing (id int)");
            CopyResult none = streamer.copy(
                    src,
                    "COPY public.nothing TO STDOUT (FORMAT binary)",
                    "nothing",
                    List.of(a, b),
                    "COPY public.nothing FROM STDIN (FORMAT binary)",
                    "nothing",
                    true,
                    null);
            assertThat(none.rows()).isZero();
        }
    }

    @Test
    void aFailingTargetCancelsTheOthersAndTheSource(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection a = target();
                Connection b = target()) {
            exec(src, "create table big (id int8, t text)");
            exec(src, "insert into big select g, md5(g::text) from generate_series(1, 30000) g");
            // one row of the second half breaks the check on the target, wherever it lands
            exec(src, "update big set t = 'bad' where id = 25000");
            exec(a, "create table big (id int8, t text check (t <> 'bad'))");
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertThatThrownBy(() -> streamer.copy(
                            src,
                            "COPY public.big TO STDOUT",
                            "big",
                            List.of(a, b),
                            "COPY public.big FROM STDIN",
                            "big",
                            false,
                            null))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageContaining("big_t_check");
            // every connection is usable again: none is left inside a COPY, and the caller's
            // rollback leaves nothing behind
            assertThat(scalar(src, "select 1")).isEqualTo("1");
            a.rollback();
            b.rollback();
            assertThat(scalar(a, "select count(*) from big")).isEqualTo("0");
            assertThat(scalar(b, "select count(*) from big")).isEqualTo("0");
        }
    }

    @Test
    void copiesAQuotedColumnSubsetAndAQuery(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = target()) {
            exec(dst, "create schema \"Odd Schema\"");
            exec(dst, "create table \"Odd Schema\".\"Dst\" (id int, \"select\" text, \"Order\" text default 'dflt')");
            CopyResult r = streamer.copyTable(
                    src, FqName.parse("src"), dst, new FqName("Odd Schema", "Dst"), List.of("id", "select"));
            assertThat(r.rows()).isEqualTo(1000);
            assertThat(scalar(dst, "select count(*) from \"Odd Schema\".\"Dst\" where \"Order\" = 'dflt'"))
                    .isEqualTo("1000");
            assertThat(scalar(dst, "select \"select\" from \"Odd Schema\".\"Dst\" where id = 1"))
                    .isEqualTo(scalar(src, "select \"select\" from src where id = 1"));
            CopyResult q = streamer.copyQuery(
                    src,
                    "select id + 5000, \"Order\" from src where flag",
                    dst,
                    new FqName("Odd Schema", "Dst"),
                    List.of("id", "Order"));
            assertThat(q.rows()).isEqualTo(500);
            assertThat(scalar(dst, "select count(*) from \"Odd Schema\".\"Dst\" where id > 5000"))
                    .isEqualTo("500");
        }
    }

    @Test
    void missingSourceTableNamesBothSidesAndLeavesTargetUsable(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = target()) {
            exec(dst, TABLE.formatted("dst"));
            assertThatThrownBy(() -> streamer.copyTable(src, FqName.parse("nope"), dst, FqName.parse("dst"), List.of()))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessage("copy from \"public.nope\" to \"public.dst\" failed while starting to read the source:"
                            + " relation \"public.nope\" does not exist");
            assertThat(scalar(dst, "select count(*) from dst")).isEqualTo("0");
            assertThat(scalar(src, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void missingTargetTableCancelsTheSource(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = target()) {
            assertThatThrownBy(() -> streamer.copyTable(src, FqName.parse("src"), dst, FqName.parse("dst"), List.of()))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageStartingWith(
                            "copy from \"public.src\" to \"public.dst\" failed while starting to write the target:")
                    .hasMessageContaining("relation \"public.dst\" does not exist");
            assertThat(scalar(src, "select count(*) from src")).isEqualTo("1000");
            assertThat(scalar(dst, "select 2")).isEqualTo("2");
        }
    }

    @Test
    void sourceFailingMidStreamAbortsTheTarget(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = target()) {
            exec(dst, TABLE.formatted("dst"));
            String query = "select id, 'x' || (1 / (id - 700)), null, null from src order by id";
            assertThatThrownBy(() -> streamer.copyQuery(src, query, dst, FqName.parse("dst"), List.of()))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageStartingWith("copy from \"query\" to \"public.dst\" failed while reading the source:")
                    .hasMessageContaining("division by zero")
                    .satisfies(e -> assertThat(SqlErrors.sqlState(e)).contains("22012"));
            assertThat(scalar(dst, "select count(*) from dst")).isEqualTo("0");
            assertThat(scalar(src, "select 3")).isEqualTo("3");
        }
    }

    @Test
    void targetRejectingARowFailsWithTheLineAndKeepsBothUsable(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = target()) {
            exec(dst, TABLE.formatted("dst"));
            exec(dst, "insert into dst (id) values (5)");
            assertThatThrownBy(() -> streamer.copyTable(src, FqName.parse("src"), dst, FqName.parse("dst"), List.of()))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageStartingWith("copy from \"public.src\" to \"public.dst\" failed while")
                    .hasMessageContaining("duplicate key value violates unique constraint \"dst_pkey\"")
                    .hasMessageContaining("line 5")
                    .satisfies(e -> assertThat(SqlErrors.sqlState(e)).contains("23505"));
            assertThat(scalar(dst, "select count(*) from dst")).isEqualTo("1");
            assertThat(scalar(src, "select 4")).isEqualTo("4");
        }
    }

    @Test
    void targetDyingMidStreamStopsAndDrainsTheSource(TestDatabase db) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // The target connection dies in this test, so it is closed by the server, not here.
        Connection dst = target();
        try (Connection src = db.connect();
                Connection admin = target()) {
            exec(dst, "create table dst (id bigint, v text)");
            // generate_series in the select list streams; in FROM it would be materialized first.
            String query = "select generate_series(1, 50000000), repeat('x', 100)";
            Future<CopyResult> copy =
                    pool.submit(() -> streamer.copyQuery(src, query, dst, FqName.parse("dst"), List.of()));
            String copyPid = "select pid from pg_stat_progress_copy"
                    + " where relid = 'dst'::regclass and tuples_processed > 10000";
            await().atMost(Duration.ofSeconds(20)).until(() -> rows(admin, copyPid) > 0);
            exec(admin, "select pg_terminate_backend(pid) from (" + copyPid + ") p");
            long killed = System.nanoTime();
            assertThatThrownBy(() -> copy.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageStartingWith("copy from \"query\" to \"public.dst\" failed while writing the target:");
            System.out.printf("copy stopped %d ms after the target died%n", (System.nanoTime() - killed) / 1_000_000);
            assertThat(dst.isValid(1)).isFalse();
            assertThat(scalar(src, "select 5")).isEqualTo("5");
            assertThat(scalar(src, "select count(*) from src")).isEqualTo("1000");
        } finally {
            pool.shutdownNow();
        }
    }

    private static int rows(Connection c, String sql) throws SQLException {
        int n = 0;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }
}
