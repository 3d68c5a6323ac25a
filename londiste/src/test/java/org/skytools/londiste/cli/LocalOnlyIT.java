package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * {@code local_only} leaves (L-32): each reads the events of its own tables, and the EXECUTE events
 * of the root unless {@code local_only_drop_execute} is set. One of them copies over two
 * connections ({@code threaded_copy_tables}).
 */
@PgTest(clusters = 1)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LocalOnlyIT extends CliFixture {

    @Test
    void l32_localOnlyLeavesGetTheirTablesAndExecuteUnlessTheyDropIt(ClusterGroup group) throws Exception {
        PgCluster pg = group.get(0);
        for (String db : new String[] {"lo_root", "lo_keep", "lo_drop"}) {
            pg.dropDatabase(db);
            pg.createDatabase(db, null);
            sql(pg, db, "create table a (id int4 primary key, v text)");
        }
        sql(pg, "lo_root", "create table b (id int4 primary key)");
        nodes = new Nodes(dir);
        Path rootIni = nodes.config("lo_root", pg, "lo_root");
        // this leaf also loads its copy of a over two connections (threaded_copy_tables)
        Path keepIni = nodes.config(
                "lo_keep", pg, "lo_keep", "local_only = 1", "threaded_copy_tables = a", "threaded_copy_pool_size = 2");
        Path dropIni = nodes.config("lo_drop", pg, "lo_drop", "local_only = 1", "local_only_drop_execute = 1");
        assertThat(Nodes.run(rootIni, "create-root", "root", pg.connString("lo_root")))
                .isZero();
        for (String leaf : new String[] {"keep", "drop"}) {
            Path ini = leaf.equals("keep") ? keepIni : dropIni;
            assertThat(Nodes.run(
                            ini,
                            "create-leaf",
                            leaf,
                            pg.connString("lo_" + leaf),
                            "--provider=" + pg.connString("lo_root")))
                    .isZero();
        }
        fastTicks(pg, "lo_root", "replq");
        startTicker(new TickTarget(pg, "lo_root"));
        assertThat(Nodes.run(rootIni, "add-table", "a", "b")).isZero();
        assertThat(Nodes.run(keepIni, "add-table", "a")).isZero();
        assertThat(Nodes.run(dropIni, "add-table", "a")).isZero();
        nodes.startWorker(keepIni);
        nodes.startWorker(dropIni);
        awaitOk(pg, "lo_keep", "public.a");
        awaitOk(pg, "lo_drop", "public.a");
        assertThat(nodes.log("lo_keep")).contains("loading over 2 connections");
        assertThat(nodes.log("lo_drop")).doesNotContain("loading over");

        Path ddl = dir.resolve("extra_table.sql");
        Files.writeString(ddl, "create table extra (id int4);\n");
        assertThat(Nodes.run(rootIni, "execute", ddl.toString())).isZero();
        sql(pg, "lo_root", "insert into b values (1)", "insert into a values (1, 'after the execute')");

        for (String db : new String[] {"lo_keep", "lo_drop"}) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                            text(pg, db, "select string_agg(v, ',') from a"))
                    .as("%s log:\n%s", db, nodes.log(db))
                    .isEqualTo("after the execute"));
        }
        // both read past the EXECUTE event: one ran it, the other never saw it
        assertThat(text(pg, "lo_keep", "select to_regclass('public.extra') is not null"))
                .isEqualTo("t");
        assertThat(text(pg, "lo_keep", "select string_agg(execute_file, ',') from londiste.applied_execute"))
                .isEqualTo("extra_table.sql");
        assertThat(text(pg, "lo_drop", "select to_regclass('public.extra') is null"))
                .isEqualTo("t");
        assertThat(text(pg, "lo_drop", "select count(*) from londiste.applied_execute"))
                .isEqualTo("0");
    }
}
