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
 * The obfuscate handler on a merge leaf, as the modern londiste's obfuscate test sets it up: a root
 * {@code source}, and in another database a combined root {@code obfsource} fed by the leaf {@code
 * obfleaf} of the first queue. The leaf's table and the events it passes into the combined queue
 * hold the obfuscated rows: kept ids, keyed hashes, bools, skipped columns left out. The hashes are
 * those the Python handler makes with the same key.
 */
@PgTest(clusters = 1)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ObfuscateIT extends CliFixture {
    private static final String HASH1 = "8a360867-91a5-182b-4bd2-f7fb845719f4";
    private static final String HASH2 = "a259d0f2-6cf0-6ed9-2de9-60385f08c528";
    private static final String TABLE =
            "create table mytable (id int4 primary key, htext text, btext text, stext text)";
    private static final String ROWS =
            "select string_agg(id || '|' || coalesce(htext, '-') || '|' || coalesce(btext, '-')"
                    + " || '|' || coalesce(stext, '-'), ',' order by id) from mytable";

    @Test
    void mergeLeafObfuscatesItsCopyItsReplayAndTheEventsItPassesOn(ClusterGroup group) throws Exception {
        PgCluster pg = group.get(0);
        for (String db : new String[] {"obf_root", "obf_leaf"}) {
            pg.dropDatabase(db);
            pg.createDatabase(db, null);
        }
        nodes = new Nodes(dir);
        Path rules = dir.resolve("obfuscate.yaml");
        Files.writeString(rules, "public.mytable:\n  id: keep\n  htext: hash\n  btext: bool\n  stext: skip\n");
        Path rootIni = nodes.config("rootq_root", pg, "obf_root", "queue_name = rootq");
        Path combinedIni = nodes.config("leafq_leaf", pg, "obf_leaf", "queue_name = leafq");
        Path leafIni = nodes.config(
                "rootq_leaf",
                pg,
                "obf_leaf",
                "queue_name = rootq",
                "handler_modules = londiste.handlers.obfuscate",
                "obfuscator_map = " + rules,
                "obfuscator_key = 123");
        Path plainIni = nodes.config("rootq_plain", pg, "obf_leaf", "queue_name = rootq");

        assertThat(Nodes.run(rootIni, "create-root", "source", pg.connString("obf_root")))
                .isZero();
        assertThat(Nodes.run(combinedIni, "create-root", "obfsource", pg.connString("obf_leaf")))
                .isZero();
        assertThat(Nodes.run(
                        leafIni,
                        "create-leaf",
                        "obfleaf",
                        pg.connString("obf_leaf"),
                        "--provider=" + pg.connString("obf_root"),
                        "--merge=leafq"))
                .isZero();
        fastTicks(pg, "obf_root", "rootq");
        fastTicks(pg, "obf_leaf", "leafq");
        startTicker(new TickTarget(pg, "obf_root"), new TickTarget(pg, "obf_leaf"));
        nodes.startWorker(leafIni);

        sql(pg, "obf_root", TABLE, "insert into mytable values (1, 'hdata1', 'bdata1', 'sdata1')");
        sql(pg, "obf_leaf", TABLE);
        assertThat(Nodes.run(rootIni, "add-table", "mytable")).isZero();
        // without the rules in the config, or for a table the rules do not name: refused, nothing added
        assertThat(Nodes.run(plainIni, "add-table", "mytable", "--handler=obfuscate"))
                .isNotZero();
        Files.writeString(rules, "public.other:\n  id: keep\n");
        assertThat(Nodes.run(leafIni, "add-table", "mytable", "--handler=obfuscate"))
                .isNotZero();
        assertThat(text(pg, "obf_leaf", "select count(*) from londiste.table_info where local"))
                .isEqualTo("0");
        Files.writeString(rules, "public.mytable:\n  id: keep\n  htext: hash\n  btext: bool\n  stext: skip\n");

        assertThat(Nodes.run(leafIni, "add-table", "mytable", "--merge-all", "--handler=obfuscate"))
                .isZero();
        awaitOk(pg, "obf_leaf", "rootq", "public.mytable");
        assertThat(text(pg, "obf_leaf", ROWS)).isEqualTo("1|" + HASH1 + "|t|-");

        sql(
                pg,
                "obf_root",
                "insert into mytable values (2, 'hdata2', 'bdata2', 'sdata2')",
                "update mytable set btext = '' where id = 1");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                        text(pg, "obf_leaf", ROWS))
                .as("leaf log:\n%s", nodes.log("rootq_leaf"))
                .isEqualTo("1|" + HASH1 + "|f|-,2|" + HASH2 + "|t|-"));
        // the combined queue got the same rows: what the leaf passes on is obfuscated as well
        assertThat(text(
                        pg,
                        "obf_leaf",
                        "select string_agg(ev_type || ' ' || ev_data, ',' order by ev_id) from pgq.event_template"
                                + " where ev_extra1 = 'public.mytable'"))
                .isEqualTo("I:id id=2&htext=" + HASH2 + "&btext=t,U:id id=1&htext=" + HASH1 + "&btext=f");
        // the combined root's own add-table event only: the partition's stays out of the combined queue
        assertThat(text(
                        pg,
                        "obf_leaf",
                        "select string_agg(ev_type || ' ' || ev_data, ',') from pgq.event_template"
                                + " where ev_type like 'londiste.%'"))
                .isEqualTo("londiste.add-table public.mytable");
    }
}
